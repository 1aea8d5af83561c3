// The kerndataset demo (issue 20; spec kerndataset.md §1.2, §1.4, §1.5): the "Vlaanderen-demo" linked to the SofS
// demo of the same seed. Here: the 18-case panel and its cross-profile plan-B picture on the SofS demo, the
// self-assessment's 36 respondents and Table 2, the instruments' sizes, the CSV against the schema, byte identity,
// the command line and §1.5's inconsistencies. The records (surveys, follow-up, quality cases):
// test_demo_kerndataset_records.cpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cli_test_support.h"
#include "kerndataset_test_support.h"

using namespace kerndataset_test;
using zicht_test::CliRun;
using zicht_test::run_cli;
using zicht_test::temp_dir;

namespace {

void check_panel(const Linked& l) {
  const auto& ts = l.sofs.trajectories;
  // The rule, recomputed here: per organisation the most recently closed trajectory with einddatum ≤ 30 June 2023,
  // two organisations (kPanelExcludedOrganisations) left out → 18 ids.
  std::map<int, const SofsTrajectory*> best;
  const int32_t cutoff = core::days_from_civil(2023, 6, 30);
  CHECK(kPanelCutoff == cutoff);
  for (const auto& t : ts) {
    if (!t.closed || t.einddatum > cutoff) continue;
    if (t.organisation_index == kPanelExcludedOrganisations[0] || t.organisation_index == kPanelExcludedOrganisations[1])
      continue;
    auto& b = best[t.organisation_index];
    if (!b || t.einddatum > b->einddatum || (t.einddatum == b->einddatum && t.traject_id > b->traject_id)) b = &t;
  }
  std::vector<std::string> expected;
  for (const auto& p : best) expected.push_back(p.second->traject_id);
  REQUIRE(expected.size() == 18);
  CHECK(l.d.panel_ids == expected);
  CHECK(case_panel_ids(l.sofs) == expected);

  // Cross-profile check: the 18 ids' SofS plan B agrees with the panel (§1.4).
  int netwerk = 0, verblijf = 0, act = 0, act_net = 0, act_verb = 0, not_act_net = 0, not_act_verb = 0, before = 0,
      before_act_net = 0;
  for (const auto& id : l.d.panel_ids) {
    const SofsTrajectory& t = *l.by_id.at(id);
    netwerk += t.plan_b == "netwerk";
    verblijf += t.plan_b == "verblijf";
    const bool a = t.plan_b_in_werking == StepCell::Date;
    act += a;
    act_net += a && t.plan_b == "netwerk";
    act_verb += a && t.plan_b == "verblijf";
    not_act_net += t.plan_b_in_werking == StepCell::Nee && t.plan_b == "netwerk";
    not_act_verb += t.plan_b_in_werking == StepCell::Nee && t.plan_b == "verblijf";
    if (a && t.plan_b_date <= t.start_cb) {
      ++before;
      before_act_net += t.plan_b == "netwerk";
    }
    if (a) CHECK(t.plan_b_date <= t.einddatum);
  }
  CHECK(netwerk == 12);
  CHECK(verblijf == 6);
  CHECK(act == 5);
  CHECK(act_net == 4);
  CHECK(act_verb == 1);
  CHECK(not_act_net == 8);   // not activated 13: 8 netwerk named as plan B …
  CHECK(not_act_verb == 5);  // … and 5 verblijf
  CHECK(before == 2);        // 2 started in plan B, both among the 4 activated in the network
  CHECK(before_act_net == 2);
  // Reading (not published): an activated plan B in "verblijf" is the one placement outside the natural network.
  CHECK(18 - act_verb == 17);

  // … while every SofS plan-B total still holds (the pass only swaps whole plan-B tuples between closed
  // trajectories; test_demo_targets checks all other totals): open 37 netwerk / 30 verblijf of 134; closed
  // activated 77 of 165 valid, 38 netwerk / 34 verblijf; 16/77 at or before the start; times mean 3.6, −5 … 15.
  {
    int open_net = 0, open_verb = 0, a77 = 0, valid = 0, a_net = 0, a_verb = 0, at_or_before = 0;
    double sum = 0, lo = 1e9, hi = -1e9;
    for (const auto& t : ts) {
      if (!t.closed) {
        open_net += t.plan_b == "netwerk";
        open_verb += t.plan_b == "verblijf";
        continue;
      }
      valid += t.plan_b_in_werking != StepCell::Missing;
      if (t.plan_b_in_werking != StepCell::Date) continue;
      ++a77;
      a_net += t.plan_b == "netwerk";
      a_verb += t.plan_b == "verblijf";
      at_or_before += t.plan_b_date <= t.start_cb;
      const double m = double(t.plan_b_date - t.start_cb) / 30.4375;
      sum += m;
      lo = std::min(lo, m);
      hi = std::max(hi, m);
      CHECK(t.plan_b_date <= t.einddatum);
    }
    CHECK(open_net == 37);
    CHECK(open_verb == 30);
    CHECK(a77 == 77);
    CHECK(valid == 165);
    CHECK(a_net == 38);
    CHECK(a_verb == 34);
    CHECK(at_or_before == 16);
    CHECK(sum / 77 == Approx(3.6).margin(0.25));
    CHECK(std::lround(lo) == -5);
    CHECK(std::lround(hi) == 15);
  }

  // The casus file: one row per panel id, exactly the published counts.
  REQUIRE(l.d.casus.size() == 18);
  std::map<std::string, int> vervolg, ouder, angst;
  int aangemeld = 0, alle = 0, wissel = 0, uiteen = 0, fin = 0, compl_nee = 0;
  std::set<std::string> ids;
  for (const auto& c : l.d.casus) {
    ids.insert(c.traject_id);
    vervolg[c.vervolg]++;
    ouder[c.ouder_bevraagd]++;
    angst[c.blijvende_angst]++;
    aangemeld += c.signalen_aangemelde == "ja";
    alle += c.signalen_alle == "ja";
    wissel += c.wissel_begeleider == "ja";
    uiteen += c.netwerk_uiteengevallen == "ja";
    fin += c.financiele_problemen == "ja";
    compl_nee += c.complicerende_factor == "nee";
    if (c.signalen_alle == "ja") CHECK(c.signalen_aangemelde == "ja");
    CHECK((c.ouder_bevraagd == "geen") == (c.blijvende_angst == "NVT"));
  }
  CHECK(ids == std::set<std::string>(expected.begin(), expected.end()));
  CHECK(vervolg == std::map<std::string, int>{{"OCJ/SDJ/VK", 11}, {"reguliere contextbegeleiding", 4},
                                              {"geen hulp", 2}, {"", 1}});
  CHECK(aangemeld == 16);
  CHECK(alle == 13);
  CHECK(wissel == 6);
  CHECK(uiteen == 3);
  CHECK(fin == 5);
  CHECK(compl_nee == 3);
  CHECK(ouder == std::map<std::string, int>{{"moeder", 8}, {"vader", 4}, {"geen", 6}});
  CHECK(angst == std::map<std::string, int>{{"ja", 5}, {"nee", 7}, {"NVT", 6}});
}

void check_self_assessment(const KerndatasetDemo& d) {
  REQUIRE(d.zelfevaluatie.size() == 36);
  const std::vector<std::string> groups = {"Antwerpen", "Brussel", "Online", "Hasselt"};
  const std::vector<std::string> functions = {"Consulent OSD", "Regionale staf OSD",
                                              "Contextbegeleider binnen organisatie jeugdhulp",
                                              "Leidinggevende binnen organisatie jeugdhulp"};
  const int table2[4][4] = {{0, 0, 3, 4}, {1, 2, 1, 2}, {1, 0, 2, 5}, {1, 3, 1, 1}};
  const int32_t golf[4] = {core::days_from_civil(2023, 5, 8), core::days_from_civil(2023, 5, 9),
                           core::days_from_civil(2023, 5, 16), core::days_from_civil(2023, 5, 22)};
  std::map<std::pair<std::string, std::string>, int> cell;
  std::map<std::string, int> by_group, regions;
  std::set<std::string> orgs_participants, orgs_all, ids;
  int with_extras = 0;
  for (const auto& r : d.zelfevaluatie) {
    ids.insert(r.respondent_id);
    by_group[r.groep]++;
    cell[{r.groep, r.functie}]++;
    CHECK(std::find(functions.begin(), functions.end(), r.functie) != functions.end());
    const auto g = std::find(groups.begin(), groups.end(), r.groep);
    if (g != groups.end()) {
      CHECK(r.golf == golf[g - groups.begin()]);
      regions[r.regio]++;
      orgs_participants.insert(r.organisatie);
    } else {
      CHECK(r.golf == golf[3]);
    }
    if (!r.organisatie.empty()) {
      orgs_all.insert(r.organisatie);
      CHECK(r.organisatie.rfind("Demo ", 0) == 0);  // made up
      CHECK(std::find(demo_organisations().begin(), demo_organisations().end(), r.organisatie) ==
            demo_organisations().end());
    }
    for (int v : r.item) CHECK((v >= 1 && v <= 10));
    bool extras = r.extra[0] != kItemMissing;
    with_extras += extras;
    for (int v : r.extra) CHECK((extras ? v >= 1 && v <= 10 : v == kItemMissing));
  }
  CHECK(ids.size() == 36);
  CHECK(by_group == std::map<std::string, int>{{"Antwerpen", 7}, {"Brussel", 6}, {"Online", 8}, {"Hasselt", 6},
                                               {"niet aanwezig", 8}, {"onbekend", 1}});
  int participants = 0;
  for (size_t g = 0; g < 4; ++g)
    for (size_t f = 0; f < 4; ++f) {
      INFO(groups[g] << " × " << functions[f]);
      CHECK(cell[{groups[g], functions[f]}] == table2[g][f]);
      participants += table2[g][f];
    }
  CHECK(participants == 27);
  CHECK(regions == std::map<std::string, int>{{"Antwerpen", 8}, {"West-Vlaanderen", 6}, {"Oost-Vlaanderen", 2},
                                              {"Vlaams-Brabant & Brussel", 6}, {"Limburg", 5}});
  CHECK(orgs_participants.size() == 11);
  CHECK(orgs_all == orgs_participants);
  CHECK(with_extras == 18);
  // Some items clearly more diverse than others: the largest IQR at least twice the smallest.
  std::vector<double> iqr;
  for (int k = 0; k < kSelfItems; ++k) {
    std::vector<int> v;
    for (const auto& r : d.zelfevaluatie) v.push_back(r.item[k]);
    std::sort(v.begin(), v.end());
    auto q = [&](double p) {  // R type 7
      double h = (double(v.size()) - 1) * p;
      size_t lo = size_t(std::floor(h));
      return v[lo] + (h - double(lo)) * (v[std::min(lo + 1, v.size() - 1)] - v[lo]);
    };
    iqr.push_back(q(0.75) - q(0.25));
  }
  CHECK(*std::max_element(iqr.begin(), iqr.end()) >= 2 * *std::min_element(iqr.begin(), iqr.end()));
  CHECK(*std::max_element(iqr.begin(), iqr.end()) >= 3);
}

}  // namespace

TEST_CASE("demo kerndataset: the 18-case panel and its plan B on the SofS demo, for every seed") {
  for (uint64_t seed : kSeeds) {
    INFO("seed " << seed);
    check_panel(make(seed));
  }
}

TEST_CASE("demo kerndataset: the panel's plan-B picture holds for many more seeds (counts only)") {
  for (uint64_t seed = 1; seed <= 150; ++seed) {
    INFO("seed " << seed);
    const SofsDemo s = generate_sofs(seed);
    const std::vector<size_t> panel = case_panel_indices(s.trajectories);
    REQUIRE(panel.size() == 18);
    int net = 0, verb = 0, act_net = 0, act_verb = 0, before = 0;
    for (size_t i : panel) {
      const SofsTrajectory& t = s.trajectories[i];
      net += t.plan_b == "netwerk";
      verb += t.plan_b == "verblijf";
      const bool a = t.plan_b_in_werking == StepCell::Date;
      act_net += a && t.plan_b == "netwerk";
      act_verb += a && t.plan_b == "verblijf";
      before += a && t.plan_b == "netwerk" && t.plan_b_date <= t.start_cb;
    }
    CHECK(net == 12);
    CHECK(verb == 6);
    CHECK(act_net == 4);
    CHECK(act_verb == 1);
    CHECK(before == 2);
  }
}

TEST_CASE("demo kerndataset: the self-assessment, exactly (36 / 27 / 8 / 1, Table 2, regions, 11 organisations)") {
  for (uint64_t seed : kSeeds) {
    INFO("seed " << seed);
    check_self_assessment(generate_kerndataset(seed));
  }
}

TEST_CASE("demo kerndataset: the three instruments' sizes") {
  const KerndatasetDemo d = generate_kerndataset();
  auto head = [&](const char* part) { return parse(kerndataset_csv(d, part)).front(); };
  auto count_prefix = [](const std::vector<std::string>& h, const std::string& role) {
    int n = 0;
    for (const auto& c : h) {
      const core::FieldSpec* f = schema().field(c);
      n += f && f->role == role;
    }
    return n;
  };
  // 28 parent items (14 modelgetrouwheid + 14 effectiviteit), in the published order o01 … o28.
  const auto ho = head("ouder");
  CHECK(count_prefix(ho, "likert") == 28);
  CHECK(std::find(ho.begin(), ho.end(), "o01") + 27 == std::find(ho.begin(), ho.end(), "o28"));
  // 11 child answer rows of 7 questions.
  const auto hk = head("kind");
  CHECK(count_prefix(hk, "child_item") == 11);
  std::set<std::string> questions;
  for (const auto& c : hk)
    if (schema().field(c) && schema().field(c)->role == "child_item") questions.insert(c.substr(0, 2));
  CHECK(questions.size() == 7);
  // 16 self-assessment items: 14 lettered + finale + volledig (and 8 optional extra statements).
  const auto hz = head("zelfevaluatie");
  CHECK(count_prefix(hz, "self_item") == 16);
  CHECK(count_prefix(hz, "self_extra") == 8);
}

TEST_CASE("demo kerndataset: CSV per part against the schema, ids link, byte-identical for a seed") {
  for (uint64_t seed : {2023ull, 7ull}) {
    INFO("seed " << seed);
    const KerndatasetDemo d = generate_kerndataset(seed);
    check_against_schema(kerndataset_csv(d, "ouder"), "ouder", 1);  // the deliberate "6"
    check_against_schema(kerndataset_csv(d, "kind"), "kind", 0);
    check_against_schema(kerndataset_csv(d, "opvolging"), "opvolging", 0);
    check_against_schema(kerndataset_csv(d, "zelfevaluatie"), "zelfevaluatie", 0);
    check_against_schema(kerndataset_csv(d, "casus"), "casus", 0);
    // Through the options: "modules" (the default part) is the parent survey; rows cut the file.
    DemoOptions o{"kerndataset", seed, 0, "modules", false};
    CHECK(validate_options(o).empty());
    const std::string ouder = generate_csv(o);
    CHECK(ouder == kerndataset_csv(d, "ouder"));
    CHECK(ouder == generate_csv(o));  // byte-identical
    for (const char* part : {"kind", "opvolging", "zelfevaluatie", "casus"}) {
      o.part = part;
      CHECK(generate_csv(o) == kerndataset_csv(generate_kerndataset(seed), part));
    }
    o.part = "opvolging";
    o.rows = 10;
    CHECK(parse(generate_csv(o)).size() == 11);
    CHECK(generate_csv_chunks(o, [](std::string_view) {}) == 10);
  }
  // Parent ids link: every id of every part is a SofS id except the one deliberate stray survey.
  const SofsDemo s = generate_sofs();
  std::set<std::string> sofs_ids;
  for (const auto& t : s.trajectories) sofs_ids.insert(t.traject_id);
  const KerndatasetDemo d = generate_kerndataset();
  int stray = 0;
  for (const char* part : {"ouder", "kind", "opvolging", "casus"}) {
    auto rows = parse(kerndataset_csv(d, part));
    for (size_t r = 1; r < rows.size(); ++r) stray += !sofs_ids.count(rows[r][0]);
  }
  CHECK(stray == 1);
  // Codes are written as the schema's Dutch labels, dates dd/mm/yyyy, NVT as "NVT".
  const std::string opv = kerndataset_csv(d, "opvolging");
  CHECK(opv.find(";6m;") != std::string::npos);
  CHECK(opv.find(";niet gevraagd;") != std::string::npos);
  CHECK(opv.find(";NVT;") != std::string::npos);
  CHECK(kerndataset_csv(d, "ouder").find(";Helemaal akkoord") != std::string::npos);
  CHECK(kerndataset_csv(d, "kind").find(";Soms") != std::string::npos);
  CHECK(kerndataset_csv(d, "nope").empty());
  CHECK(!validate_options({"kerndataset", 2023, 0, "nope", false}).empty());
}

TEST_CASE("demo kerndataset: zicht demo --profile kerndataset --part opvolging") {
  const auto dir = temp_dir("zicht_kdemo_");
  const std::string out = (dir / "opvolging.csv").string();
  const CliRun r = run_cli({"demo", "--profile", "kerndataset", "--part", "opvolging", "--out", out});
  CHECK(r.rc == 0);
  std::ifstream f(out, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  CHECK(text == kerndataset_csv(generate_kerndataset(), "opvolging"));
  const CliRun bad = run_cli({"demo", "--profile", "kerndataset", "--part", "clients", "--out", out});
  CHECK(bad.rc != 0);
  CHECK(bad.err.find("ouder|kind|opvolging|zelfevaluatie|casus") != std::string::npos);
  std::filesystem::remove_all(dir);
}

// Spec §1.5: the inconsistencies of the source, each with what the demo does instead.
TEST_CASE("demo kerndataset: the source's inconsistencies, with the reason") {
  const KerndatasetDemo d = generate_kerndataset();
  SECTION("child survey length: 'zeven items' vs '10 items' vs 11 answer rows — Zicht uses 7 questions / 11 rows") {
    auto h = parse(kerndataset_csv(d, "kind")).front();
    int rows = 0;
    std::set<std::string> questions;
    for (const auto& c : h)
      if (c.size() >= 2 && c[0] == 'k' && c[1] >= '1' && c[1] <= '7') ++rows, questions.insert(c.substr(0, 2));
    CHECK(rows == 11);
    CHECK(questions.size() == 7);
    CHECK(rows != 10);  // neither 7 nor 10 is an item count
  }
  SECTION("36 respondents vs 27 participants + 8 absentees = 35: the 36th has groep 'onbekend'") {
    int participants = 0, absent = 0, unknown = 0;
    for (const auto& r : d.zelfevaluatie) {
      absent += r.groep == "niet aanwezig";
      unknown += r.groep == "onbekend";
      participants += r.groep != "niet aanwezig" && r.groep != "onbekend";
    }
    CHECK(participants + absent == 35);
    CHECK(unknown == 1);
    CHECK(d.zelfevaluatie.size() == 36);
  }
  SECTION("case follow-up 11 + 4 + 2 = 17 of 18: the 18th is Missing (empty), the sum is not 18") {
    int known = 0, empty = 0;
    for (const auto& c : d.casus) (c.vervolg.empty() ? empty : known)++;
    CHECK(known == 17);
    CHECK(empty == 1);
  }
  SECTION("'minstens drie van de bevraagde ouders (30 %)': 3 of 12 is 25 %, 30 % implies 10 parents — not reproduced") {
    int interviewed = 0;
    for (const auto& c : d.casus) interviewed += c.ouder_bevraagd != "geen";
    CHECK(interviewed == 12);                       // the demo follows Table 3's 12 parents
    CHECK(std::lround(100.0 * 3 / interviewed) == 25);
  }
  SECTION("Table 11 lost its grid: every non-survey indicator is registered at every follow-up moment") {
    std::set<std::string> moments;
    for (const auto& r : d.opvolging)
      if (r.bereikt == "ja") {
        moments.insert(r.moment);
        CHECK(!r.heraanmelding.empty());
        CHECK(r.n_netwerkfiguren >= 0);
        CHECK(r.n_personen_ouder >= 0);
        CHECK(r.n_personen_minderjarige >= 0);
        CHECK(!r.netwerk_samenkomst.empty());
        CHECK(!r.plan_bijgestuurd.empty());
      }
    CHECK(moments == std::set<std::string>{"6m", "12m", "24m"});
  }
  SECTION("no response distributions are published: the demo's answers and texts are synthetic and say so") {
    int texts = 0;
    for (const auto& r : d.opvolging)
      for (const std::string* t : {&r.signalen_veiliger, &r.signalen_welbevinden, &r.netwerk_grijpt_in})
        if (!t->empty()) {
          ++texts;
          CHECK(t->find("Synthetisch") != std::string::npos);
        }
    CHECK(texts > 0);
  }
}
