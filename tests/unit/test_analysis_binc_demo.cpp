// The Binc analyses (SPEC §2.2, §3.2) on the seeded demo's module and client files (demo_files() in
// binc_test_support.h): the published figures — Table 6 exactly with its chi-square, residuals and the
// small-expectation test; Table 7 (frequency, combination, rank); Table 8 (pre/post clusters per link); the blocks of
// Table 5 with the three denominators; the published figures that cannot be reproduced, with the reason — then the
// counting-unit switch (children, links, child × support year, families), the two sources of client characteristics
// (module file vs client file, conflicting values flagged), and every text in both languages.
#include "binc_test_support.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

using namespace zicht;
using namespace zicht_test;
using analysis::Result;
using analysis::Table;
using analysis::Value;
namespace binc = zicht::analysis::binc;

TEST_CASE("binc demo: Table 6 exactly, chi-square 32.21 on 10 df, residuals and the small-expectation test") {
  const Demo& d = demo_files();
  CHECK(core::format_iso_date(d.modules->ds.as_of) == "2023-06-06");
  const auto rs = binc::results(d.modules->ds, &d.clients->ds, binc::Options{});
  const Result& r = result(rs, "binc.orgtype_by_status");
  const Table& t = table(r, "counts");
  const std::vector<std::pair<std::string, std::pair<int, int>>> table6 = {
      {"Crisishulp aan huis", {1, 1}},
      {"Centrum Integrale Gezinszorg", {0, 1}},
      {"Centrum Kinderzorg en Gezinsondersteuning", {16, 4}},
      {"Naadloos Flexibel Traject", {3, 3}},
      {"Voorziening extreme gedrags- en emotionele problemen (GES+)", {0, 1}},
      {"Observatie- en behandelcentrum", {1, 0}},
      {"Onthaal-, observatie- en oriëntatiecentrum", {8, 2}},
      {"Organisatie voor bijzondere jeugdzorg met verblijf", {140, 83}},
      {"Organisatie voor bijzondere jeugdzorg zonder verblijf", {20, 15}},
      {"Pleegzorg", {35, 4}},
      {"Niet van toepassing", {28, 1}}};
  for (const auto& [type, oc] : table6) {
    INFO(type);
    CHECK(cell(t, type, "open_n") == oc.first);
    CHECK(cell(t, type, "closed_n") == oc.second);
  }
  CHECK(cell(t, "Totaal", "open_n") == 252);
  CHECK(cell(t, "Totaal", "closed_n") == 115);
  CHECK(cell(t, "Ontbrekend", "closed_n") == 1);  // the 368th child: no organisation type
  // Column % as published (55.6 / 72.2 for BJZ met verblijf; 13.9 / 3.5 for Pleegzorg).
  CHECK(num(t, "Organisatie voor bijzondere jeugdzorg met verblijf", "open_pct") == Approx(55.6).margin(0.05));
  CHECK(num(t, "Organisatie voor bijzondere jeugdzorg met verblijf", "closed_pct") == Approx(72.2).margin(0.05));
  CHECK(num(t, "Pleegzorg", "open_pct") == Approx(13.9).margin(0.05));
  CHECK(cell(t, "Pleegzorg", "open_denom") == 252);

  REQUIRE(r.tests.size() == 2);
  const auto& chi = r.tests[0];
  CHECK(chi.name == "Pearson's chi-squared test");
  CHECK(chi.variant == "no continuity correction");
  CHECK(chi.n == 367);
  CHECK(chi.df == 10);
  CHECK(chi.statistic == Approx(32.21).margin(0.005));
  CHECK(chi.p == Approx(0.00037).margin(0.000005));
  CHECK(chi.effect_name == "Cramér's V");
  CHECK(chi.effect == Approx(std::sqrt(chi.statistic / 367.0)).epsilon(1e-12));
  CHECK(std::find(chi.warnings.begin(), chi.warnings.end(), "expected_lt5") != chi.warnings.end());
  CHECK(r.tests[1].name == "Fisher's exact test");
  CHECK(r.tests[1].p > 0);
  CHECK(r.tests[1].p < 0.001);

  // Adjusted residuals (seed notes §3.6): BJZ met verblijf −3.02 in the open column (over-represented in closed
  // dossiers), Pleegzorg +3.00, Niet van toepassing +3.37, CKG +1.12.
  const Table& res = table(r, "residuals");
  CHECK(num(res, "Organisatie voor bijzondere jeugdzorg met verblijf", "adjres_open") == Approx(-3.02).margin(0.005));
  CHECK(num(res, "Pleegzorg", "adjres_open") == Approx(3.00).margin(0.005));
  CHECK(num(res, "Niet van toepassing", "adjres_open") == Approx(3.37).margin(0.005));
  CHECK(num(res, "Centrum Kinderzorg en Gezinsondersteuning", "adjres_open") == Approx(1.12).margin(0.005));
  CHECK(num(res, "Pleegzorg", "expected_open") == Approx(39.0 * 252 / 367).epsilon(1e-12));
}

TEST_CASE("binc demo: Table 7 — frequency 341/21/5/1/0, 378 alone / 24 combined, rank 162/72/51/107/10") {
  const Demo& d = demo_files();
  const auto rs = binc::results(d.modules->ds, &d.clients->ds, binc::Options{});
  const Table& f = table(result(rs, "binc.module_frequency"), "frequency");
  CHECK(column(f, "n", 5) == std::vector<int64_t>{341, 21, 5, 1, 0});
  CHECK(cell(f, "1", "denom_all") == 368);
  CHECK(cell(table(result(rs, "binc.module_frequency"), "totals"), "SofS-modules", "n") == 402);
  CHECK(cell(table(result(rs, "binc.module_frequency"), "totals"), "Kinderen met meer dan één SofS-module", "n") == 27);

  const Result& c = result(rs, "binc.module_combination");
  CHECK(cell(table(c, "alone_combined"), "Enkel de SofS-module", "n") == 378);
  CHECK(num(table(c, "alone_combined"), "Enkel de SofS-module", "pct_valid") == Approx(94.0).margin(0.05));
  CHECK(cell(table(c, "alone_combined"), "SofS-module + 1 of meer andere modules", "n") == 24);
  const Table& combos = table(c, "combinations");
  CHECK(cell(combos, "Verblijf voor kinderen korte duur", "n") == 12);
  CHECK(num(combos, "Verblijf voor kinderen korte duur", "pct_sofs") == Approx(3.0).margin(0.05));
  CHECK(cell(combos, "Contextbegeleiding laagintensief + Dagbegeleiding in groep (RTJ)", "n") == 3);
  CHECK(cell(combos, "Ondersteunende begeleiding (projectwerking) RTJ", "n") == 3);
  CHECK(cell(combos, "Contextbegeleiding laagintensief + Verblijf voor minderjarigen (hoge frequentie)", "n") == 2);
  CHECK(cell(combos, "Contextbegeleiding in functie van positieve heroriëntering", "n") == 1);
  CHECK(cell(combos, "Kortdurend crisisverblijf", "n") == 1);
  CHECK(cell(combos, "Verblijf voor minderjarigen (hoge urgentie)", "n") == 1);
  CHECK(cell(combos, "Contextbegeleiding laagintensief", "n") == 1);
  CHECK(combos.rows.size() == 8);

  const Table& rk = table(result(rs, "binc.module_rank"), "rank");
  CHECK(column(rk, "n", 5) == std::vector<int64_t>{162, 72, 51, 107, 10});
  CHECK(num(rk, "1e schakeling", "pct_valid") == Approx(40.3).margin(0.05));
  CHECK(num(rk, "4e–9e schakeling", "pct_valid") == Approx(26.6).margin(0.05));
}

TEST_CASE("binc demo: Table 8 — pre n = 649, post n = 319 links with the published cluster counts") {
  const Demo& d = demo_files();
  binc::Options o;
  o.unit = binc::Unit::schakelingen;
  const auto rs = binc::results(d.modules->ds, &d.clients->ds, o);
  const Table& t = table(result(rs, "binc.pre_post"), "clusters");
  const int pre_pub[8] = {138, 46, 42, 45, 53, 76, 103, 48}, post_pub[8] = {79, 44, 0, 4, 52, 29, 38, 15};
  const double pre_pct[8] = {21.3, 7.1, 6.5, 6.9, 8.2, 11.7, 15.9, 7.4}, post_pct[8] = {24.8, 13.8, 0.0, 1.3, 16.3, 9.1, 11.9, 4.7};
  for (int k = 0; k < 8; ++k) {
    INFO(binc::default_cluster_names()[k]);
    CHECK(cell(t, binc::default_cluster_names()[k], "pre_n") == pre_pub[k]);
    CHECK(cell(t, binc::default_cluster_names()[k], "post_n") == post_pub[k]);
    CHECK(num(t, binc::default_cluster_names()[k], "pre_pct") == Approx(pre_pct[k]).margin(0.05));
    CHECK(num(t, binc::default_cluster_names()[k], "post_pct") == Approx(post_pct[k]).margin(0.05));
  }
  CHECK(cell(t, "Totaal", "pre_n") == 649);
  CHECK(cell(t, "Totaal", "post_n") == 319);
  CHECK(cell(t, "Overige", "pre_n") == 649 - 551);
  CHECK(cell(t, "Overige", "post_n") == 319 - 261);
  CHECK(cell(t, CL_PLEEG, "pre_denom") == 649);
  CHECK(cell(t, CL_PLEEG, "post_denom") == 319);
}

TEST_CASE("binc demo: Table 5 blocks are complete and self-consistent, with the three denominators") {
  const Demo& d = demo_files();
  const auto rs = binc::results(d.modules->ds, &d.clients->ds, binc::Options{});
  const Result& p = result(rs, "binc.profile");
  CHECK(p.unit.nl == "kinderen (trajecten)");
  int blocks = 0;
  for (const auto& t : p.tables) {
    if (t.column_index("denom_all") < 0 || t.id.find('.') != std::string::npos) continue;
    ++blocks;
    INFO(t.id);
    int64_t sum = 0;
    for (const auto& r : t.rows) sum += r[1].i;
    CHECK(sum == 368);  // every block sums to 368 (categories + NVT + Missing)
    CHECK(t.rows.front()[size_t(t.column_index("denom_all"))].i == 368);
  }
  CHECK(blocks == 17);
  const Table& debt = table(p, "schuldenlast");
  CHECK(cell(debt, "Ja", "n") == 27);
  CHECK(num(debt, "Ja", "pct_all") == Approx(7.3).margin(0.05));
  CHECK(num(debt, "Ja", "pct_applicable") == Approx(24.3).margin(0.05));
  CHECK(cell(debt, "Ja", "denom_applicable") == 111);
  CHECK(num(debt, "Ja", "pct_valid") == Approx(42.2).margin(0.05));
  CHECK(cell(debt, "Niet van toepassing", "n") == 257);
  CHECK(cell(debt, "Ontbrekend", "n") == 47);
  CHECK(cell(table(p, "gezinssituatie"), "Kerngezin", "n") == 56);
  CHECK(num(table(p, "gezinssituatie"), "Kerngezin", "pct_applicable") == Approx(50.5).margin(0.05));
  CHECK(num(table(p, "huisvesting"), "Negatief", "pct_applicable") == Approx(17.1).margin(0.05));
  const Table& foster = table(p, "pleegzorg_moment");
  CHECK(cell(foster, "Ja, bestandspleegzorg", "n") == 34);
  CHECK(cell(foster, "Ja, netwerkpleegzorg in familiaal netwerk", "n") + cell(foster, "Ja, netwerkpleegzorg in sociaal netwerk", "n") +
            cell(foster, "Ja, netwerkpleegzorg", "n") == 183);
  CHECK(cell(foster, "Nee", "n") == 151);
  // Listed codes with no children still appear ("/" in Table 5).
  CHECK(cell(table(p, "dagbesteding"), "Spijbelen", "n") == 0);
  CHECK(cell(table(p, "coverage"), "Kinderen zonder rij in het cliëntbestand", "n") == 0);
  CHECK(cell(table(p, "coverage"), "Cliënten zonder modules", "n") == 0);
  // Intake age and family size: a mean per child (Table 5 prints M per year).
  CHECK(num(table(p, "aantal_kinderen.descriptives"), "gemiddelde", "value") == Approx(2.6).margin(0.05));
}

// Published figures (SPEC §3.2, seed notes 003 §3.20) that the analyses cannot reproduce from the demo, and why.
// Each is checked against what the analyses do give.
TEST_CASE("binc demo: published figures that are not reproduced, with the reason") {
  const Demo& d = demo_files();
  const auto rs = binc::results(d.modules->ds, &d.clients->ds, binc::Options{});
  struct NotReproduced {
    const char* figure;
    const char* reason;
  };
  const std::vector<NotReproduced> list = {
      {"Table 7 frequency 336/21/8/2/1 of 368 trajectories",
       "implies 336 + 42 + 24 + 8 + 5 = 415 modules, not the 402 of the exact rank table; the demo gives 341/21/5/1/0 "
       "= 402 (§3.20 #5)"},
      {"Table 7 percentages 0.1 % / 0.1 % (4× and 5×), 1.0 % (3/402), 0.02 % (1/402)",
       "misprints: the counts give 0.5 % / 0.3 %, 0.75 %, 0.25 % (§3.20 #5)"},
      {"1,872 schakelingen in pre- and post-trajectories (L4861)",
       "cannot be reconciled with the link counts 649 + 319 = 968 of Table 8 (SPEC §3.2)"},
      {"Table 8 '124 / 209 trajecten' and the text's 24.6 % only SofS / 10.1 % SofS first / 33.8 % SofS last",
       "inconsistent with the link counts and with each other (40 % first link vs 10.1 %); the demo's chains give their "
       "own shares (table pre_post/chains)"},
      {"Table 5 unique children per support year 1/179/263/162 (= 605 child-years) and sex / age / family size by year",
       "one row per module carries one support year per module; the age table contradicts the child counts and its own "
       "means (§3.20 #6, #7); the demo gives per-year tables of its own"},
      {"31.3 % closed / 68.5 % open of 368", "252 + 115 = 367 (§3.20 #4); the 368th child has no organisation type "
                                             "and is closed: 116 closed / 252 open of 368"},
      {"'X²(10) = 32.2, p < 0.001' post-hoc: BJZ met verblijf and CKG more frequent in open dossiers",
       "the adjusted residuals say BJZ met verblijf is over-represented in closed dossiers (−3.02) and CKG is not "
       "significant (+1.12) (§3.20 #11)"},
      {"'minstens 7,1 %' with debts", "7.3 % = 27/368 everywhere else (§3.20 #3)"},
  };
  CHECK(list.size() == 8);

  // The evidence, from the results.
  const Table& f = table(result(rs, "binc.module_frequency"), "frequency");
  CHECK(column(f, "n", 5) != std::vector<int64_t>{336, 21, 8, 2, 1});
  CHECK(336 + 2 * 21 + 3 * 8 + 4 * 2 + 5 * 1 == 415);
  CHECK(cell(table(result(rs, "binc.module_frequency"), "totals"), "SofS-modules", "n") == 402);
  CHECK(num(f, "4", "pct_all") == Approx(100.0 / 368).epsilon(1e-12));  // 0.27 %, never "0.1 %"
  binc::Options per_link;
  per_link.unit = binc::Unit::schakelingen;
  const auto rs_links = binc::results(d.modules->ds, &d.clients->ds, per_link);
  const Table& links = table(result(rs_links, "binc.pre_post"), "clusters");
  CHECK(cell(links, "Totaal", "pre_n") + cell(links, "Totaal", "post_n") == 968);
  CHECK(cell(links, "Totaal", "pre_n") + cell(links, "Totaal", "post_n") != 1872);
  const Table& chains = table(result(rs, "binc.pre_post"), "chains");
  CHECK(num(chains, "SofS-module is de eerste module", "pct") != Approx(10.1).margin(0.05));
  CHECK(cell(table(result(rs, "binc.profile"), "children_by_year"), "Totaal kind × jaar", "n") != 605);
  const Table& ct = table(result(rs, "binc.orgtype_by_status"), "counts");
  CHECK(cell(ct, "Totaal", "open_n") + cell(ct, "Totaal", "closed_n") + cell(ct, "Ontbrekend", "total_n") == 368);
  CHECK(num(table(result(rs, "binc.orgtype_by_status"), "residuals"), "Organisatie voor bijzondere jeugdzorg met verblijf",
            "adjres_closed") > 1.96);
  CHECK(num(table(result(rs, "binc.profile"), "schuldenlast"), "Ja", "pct_all") != Approx(7.1).margin(0.05));
}

TEST_CASE("binc demo: the counting unit changes numbers and titles consistently") {
  const Demo& d = demo_files();
  binc::Options kids, links, years, families;
  for (binc::Options* o : {&kids, &links, &years, &families}) o->unit_chosen = true;
  links.unit = binc::Unit::schakelingen;
  years.unit = binc::Unit::kind_jaar;
  families.unit = binc::Unit::gezinnen;
  const auto rk = binc::results(d.modules->ds, &d.clients->ds, kids);
  const auto rl = binc::results(d.modules->ds, &d.clients->ds, links);
  const auto ry = binc::results(d.modules->ds, &d.clients->ds, years);
  const auto rf = binc::results(d.modules->ds, &d.clients->ds, families);

  // Pre/post: links (649) vs children (233 children with a voortraject); unit and title say which.
  const Result& pk = result(rk, "binc.pre_post");
  const Result& pl = result(rl, "binc.pre_post");
  CHECK(pl.unit.nl == "schakelingen");
  CHECK(pk.unit.nl == "kinderen (trajecten)");
  CHECK(pl.title.nl.find("per schakeling") != std::string::npos);
  CHECK(pk.title.nl.find("per kind") != std::string::npos);
  CHECK(pl.title.en.find("per link") != std::string::npos);
  CHECK(cell(table(pl, "clusters"), CL_PLEEG, "pre_n") == 138);
  const int64_t kids_pleeg = cell(table(pk, "clusters"), CL_PLEEG, "pre_n");
  CHECK(kids_pleeg < 138);
  CHECK(kids_pleeg > 0);
  CHECK(cell(table(pk, "clusters"), CL_PLEEG, "pre_denom") == cell(table(pk, "chains"), "Kinderen met een voortraject", "n"));
  CHECK(pk.tables.size() == pl.tables.size());  // the same tables, in the chosen unit
  CHECK(pk.tables[0].title.nl != pl.tables[0].title.nl);

  // Profile: children (368) vs child × support year (more) vs families (fewer: siblings share a family).
  const Result& yk = result(rk, "binc.profile");
  const Result& yy = result(ry, "binc.profile");
  const Result& yf = result(rf, "binc.profile");
  const int64_t n_kids = cell(table(yk, "coverage"), "Getelde eenheden", "n");
  const int64_t n_years = cell(table(yy, "coverage"), "Getelde eenheden", "n");
  const int64_t n_fams = cell(table(yf, "coverage"), "Getelde eenheden", "n");
  CHECK(n_kids == 368);
  CHECK(n_years == cell(table(yk, "children_by_year"), "Totaal kind × jaar", "n"));
  CHECK(n_years > n_kids);
  CHECK(n_fams < n_kids);
  CHECK(table(yy, "geslacht").rows[0][size_t(table(yy, "geslacht").column_index("denom_all"))].i == n_years);
  CHECK(table(yf, "geslacht").rows[0][size_t(table(yf, "geslacht").column_index("denom_all"))].i == n_fams);
  CHECK(yk.unit.nl == "kinderen (trajecten)");
  CHECK(yy.unit.nl == "kind × begeleidingsjaar");
  CHECK(yf.unit.nl == "gezinnen");
  CHECK(yk.title.nl != yy.title.nl);
  CHECK(yy.title.nl != yf.title.nl);
  // Results with one natural unit do not change.
  CHECK(result(rl, "binc.module_rank").unit.nl == result(rk, "binc.module_rank").unit.nl);
  CHECK(column(table(result(rl, "binc.module_rank"), "rank"), "n", 5) ==
        column(table(result(rk, "binc.module_rank"), "rank"), "n", 5));
}

TEST_CASE("binc demo: characteristics from the module file give the same profile as the client file") {
  const Demo& d = demo_files();
  demo::DemoOptions wo{"binc"};
  wo.characteristics_in_modules = true;
  auto with_chars = map(demo::generate_csv(wo), "modules", {}, "binc_modules_kenmerken.csv");
  for (binc::Unit u : {binc::Unit::kinderen, binc::Unit::kind_jaar, binc::Unit::gezinnen}) {
    binc::Options o;
    o.unit = u;
    const Result a = binc::results(with_chars->ds, nullptr, o)[0];
    const Result b = binc::results(d.modules->ds, &d.clients->ds, o)[0];
    REQUIRE(a.tables.size() == b.tables.size());
    for (size_t i = 0; i < a.tables.size(); ++i) {
      if (a.tables[i].id == "coverage") continue;  // says where the values come from
      INFO(a.tables[i].id);
      CHECK(a.tables[i].id == b.tables[i].id);
      REQUIRE(a.tables[i].rows.size() == b.tables[i].rows.size());
      for (size_t r = 0; r < a.tables[i].rows.size(); ++r)
        for (size_t c = 0; c < a.tables[i].rows[r].size(); ++c) {
          const Value &x = a.tables[i].rows[r][c], &y = b.tables[i].rows[r][c];
          CHECK(int(x.kind) == int(y.kind));
          CHECK(x.s == y.s);
          CHECK(x.i == y.i);
          CHECK((x.d == y.d || (std::isnan(x.d) && std::isnan(y.d))));
        }
    }
  }
  // Conflicting values over a child's module rows are flagged.
  std::string csv = demo::generate_csv(wo);
  const size_t first_row = csv.find('\n') + 1;
  const size_t second_row = csv.find('\n', first_row) + 1;
  // Child 1 has two module rows; change the sex on the second one.
  std::string line = csv.substr(second_row, csv.find('\n', second_row) - second_row);
  REQUIRE(line.rfind("KD-0000001;", 0) == 0);
  const std::string sex = line.find(";Vrouwelijk;") != std::string::npos ? ";Vrouwelijk;" : ";Mannelijk;";
  const std::string other = sex == ";Vrouwelijk;" ? ";Mannelijk;" : ";Vrouwelijk;";
  line.replace(line.find(sex), sex.size(), other);
  csv.replace(second_row, line.size(), line);
  auto conflicted = map(csv, "modules", {}, "conflict.csv");
  const auto rs = binc::results(conflicted->ds, nullptr, binc::Options{});
  CHECK(cell(table(result(rs, "binc.profile"), "coverage"), "Kinderen × kenmerken met tegenstrijdige waarden", "n") == 1);
  bool flagged = false;
  for (const auto& f : result(rs, "binc.quality").flags)
    flagged |= f.rule == "conflicting_characteristics" && f.row == 3 && f.column == "Geslacht" && f.file == "conflict.csv";
  CHECK(flagged);
}

TEST_CASE("binc: every text has both languages") {
  const Demo& d = demo_files();
  const auto rs = binc::results(d.modules->ds, &d.clients->ds, binc::Options{});
  for (const auto& r : rs) {
    INFO(r.id);
    CHECK(!r.title.nl.empty());
    CHECK(!r.title.en.empty());
    CHECK(r.title.nl != r.title.en);
    CHECK(!r.unit.nl.empty());
    CHECK(!r.views.empty());
    for (const auto& t : r.tables) {
      INFO(t.id);
      CHECK(!t.title.nl.empty());
      CHECK(!t.title.en.empty());
      for (const auto& c : t.columns) {
        CHECK(!c.label.nl.empty());
        CHECK(!c.label.en.empty());
        CHECK(c.label.nl.rfind("binc.", 0) != 0);  // a key that was not found would show itself
      }
    }
    for (const auto& n : r.notes) CHECK(n.nl.rfind("binc.", 0) != 0);
  }
}
