// The privacy core (issue 11): the delen mode on a whole result set and what it builds on — first and last dates
// of fewer than k values hidden, HMAC-SHA256 pseudonyms (stable within a session, different across salts),
// detection of personal columns by header and by content, no marker, identifier or personal value leaking into the
// results or the aggregate, pseudonymised identifiers, tests of suppressed tables reduced to name, n and df — and
// the consent comparison (consenting organisations by name, others pooled).
#include "privacy_test_support.h"

#include <cmath>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "privacy/aggregate.h"
#include "privacy/compare.h"
#include "report/json_export.h"

using namespace zicht;
using namespace zicht_test;
using analysis::Role;
using analysis::Table;
using analysis::Text;
using analysis::Value;

namespace {

const Table& table_of(const analysis::Result& r, const std::string& id) {
  for (const auto& t : r.tables)
    if (t.id == id) return t;
  FAIL("no table " << id << " in " << r.id);
  throw;
}

std::vector<uint8_t> fixed_bytes(uint8_t seed) {
  std::vector<uint8_t> v(32);
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<uint8_t>(seed + i * 7);
  return v;
}

// 24 rows full of personal data and marker strings.
std::string marker_csv() {
  std::ostringstream s;
  s << "Dossier;Kindnummer;Voornaam;Naam;E-mail;Telefoon;Adres;Opmerkingen;Contact;Bereikbaar;Info;Woonst;"
       "Geslacht;Status;Leeftijd\n";
  const char* first[] = {"Zoë", "Jan", "Emma", "Noah", "Lotte", "Finn"};
  for (int i = 0; i < 24; ++i) {
    s << "ZZID" << 1000 + i << ";" << 987650001 + i << ";" << first[i % 6] << "ZZMARKER" << i << ";"
      << "Peeters-ZZMARKER" << i << ";"
      << "ouder" << i << ".zzmarker@example.be;"
      << "04" << 70 + i << " 12 34 " << 10 + i << ";"
      << "Kerkstraat " << i + 1 << " ZZMARKERSTRAAT, 9000 Gent;"
      << "Moeder belde ZZMARKER123 over de situatie thuis en de school van de jongste;"
      << "contact" << i << "@zzmarker.org;"
      << "+32 470 55 66 " << 10 + i << ";"
      << "Lange vrije tekst over het gezin ZZNOTE" << i << " met veel woorden en details;"
      << "Dorpsstraat " << 20 + i << " bus 3;"
      << (i % 3 == 0 ? "V" : "M") << ";" << (i % 4 == 0 ? "open" : "gesloten") << ";" << 3 + i % 14 << "\n";
  }
  return s.str();
}

}  // namespace

TEST_CASE("Delen mode: first and last dates of fewer than k values are hidden") {
  const core::ReadResult data = read("Start;Groep\n01/02/2021;a\n03/04/2022;a\n05/06/2022;b\n;b\n;a\n;a\n;b\n");
  std::vector<analysis::Input> inputs = {{"t.csv", &data}};
  analysis::ResultSet set = analysis::explore(inputs, analysis::Settings{});
  privacy::PrivacyOptions opt;
  privacy::apply(set, opt);
  const analysis::Result* r = set.find("verkennen.start");
  REQUIRE(r);
  for (const auto& row : table_of(*r, "range").rows) CHECK(hidden(row[1]));
  const std::string json = report::results_json(set, i18n::Lang::nl).dump();
  CHECK(json.find("2021-02-01") == std::string::npos);
  // (2022-06-05 is still there as the as-of date of the provenance, which defaults to the latest date.)
}

TEST_CASE("Pseudonyms: HMAC-SHA256, stable within a session, different across salts") {
  // RFC 4231 test case 2.
  const std::string key = "Jefe";
  CHECK(privacy::hmac_sha256_hex(std::vector<uint8_t>(key.begin(), key.end()), "what do ya want for nothing?") ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  privacy::Pseudonymiser a(fixed_source(1)), a2(fixed_source(1)), b(fixed_source(2));
  const std::string p = a("K-000123");
  CHECK(p.size() == 14);
  CHECK(p.rfind("p_", 0) == 0);
  CHECK(a("K-000123") == p);
  CHECK(a2("K-000123") == p);  // same salt (same session) → same pseudonym
  CHECK(b("K-000123") != p);
  CHECK(a("K-000124") != p);
  privacy::Pseudonymiser r1(privacy::system_random()), r2(privacy::system_random());
  CHECK(r1("x") != r2("x"));
  CHECK(privacy::make_salt(fixed_source(3), 16).size() == 16);
  CHECK(privacy::Pseudonymiser(fixed_bytes(9))("x") == privacy::Pseudonymiser(fixed_bytes(9))("x"));
}

TEST_CASE("Column detection: names, addresses, phones, e-mail, free text by header and by content") {
  const core::ReadResult data = read(marker_csv(), "gezinnen_jan_peeters.csv");
  REQUIRE(data.ok());
  std::map<std::string, privacy::ColumnKind> kinds;
  for (size_t i = 0; i < data.table.columns.size(); ++i)
    kinds[data.table.columns[i].name] = privacy::classify_column(data.report.columns[i], data.table.columns[i]);
  using K = privacy::ColumnKind;
  CHECK(kinds["Dossier"] == K::identifier);
  CHECK(kinds["Kindnummer"] == K::identifier);
  CHECK(kinds["Voornaam"] == K::name);
  CHECK(kinds["Naam"] == K::name);
  CHECK(kinds["E-mail"] == K::email);
  CHECK(kinds["Telefoon"] == K::phone);
  CHECK(kinds["Adres"] == K::address);
  CHECK(kinds["Opmerkingen"] == K::free_text);
  CHECK(kinds["Contact"] == K::email);      // by content
  CHECK(kinds["Bereikbaar"] == K::phone);   // by content
  CHECK(kinds["Info"] == K::free_text);     // by content
  CHECK(kinds["Woonst"] == K::address);     // by content
  CHECK(kinds["Geslacht"] == K::ordinary);
  CHECK(kinds["Status"] == K::ordinary);
  CHECK(kinds["Leeftijd"] == K::ordinary);
}

TEST_CASE("Delen mode and aggregate: no marker, identifier or personal value leaks") {
  const core::ReadResult data = read(marker_csv(), "gezinnen_jan_peeters.csv");
  REQUIRE(data.ok());
  std::vector<analysis::Input> inputs = {{"gezinnen_jan_peeters.csv", &data}};
  const analysis::ResultSet set = delen(inputs, 5);
  CHECK(set.provenance.mode == "delen");
  CHECK(set.provenance.suppress_k == 5);
  const std::string results = report::results_json(set, i18n::Lang::nl).dump();
  const std::string agg = privacy::make_aggregate(set, 5, "2023", "Organisatie Noord").dump(2);
  std::vector<std::string> forbidden = {"ZZMARKER", "zzmarker", "ZZID", "ZZNOTE", "98765", "example.be", "Kerkstraat",
                                        "Dorpsstraat", "Peeters", "Zoë", "+32", "jan_peeters"};
  for (int i = 0; i < 24; ++i) forbidden.push_back("04" + std::to_string(70 + i) + " 12");
  for (const auto& f : forbidden) {
    INFO(f);
    CHECK(agg.find(f) == std::string::npos);
    CHECK(results.find(f) == std::string::npos);
  }
  // The file name appears only as "bestand 1" in the results and their provenance (with its hash).
  CHECK(results.find("bestand 1") != std::string::npos);
  CHECK(agg.find("\"flags\"") == std::string::npos);
  CHECK(agg.find("\"role\": \"statistic\"") == std::string::npos);
  // The aggregate still holds the ordinary columns.
  CHECK(agg.find("verkennen.geslacht") != std::string::npos);
  CHECK(agg.find("verkennen.status") != std::string::npos);
  CHECK(agg.find("\"schema\": \"zicht.aggregate/1\"") != std::string::npos);
  // The summary result lists what was left out.
  const analysis::Result* summary = set.find(privacy::kSummaryId);
  REQUIRE(summary);
  CHECK(table_of(*summary, "columns").rows.size() == 12);
  for (const auto& r : set.results) CHECK(r.flags.empty());
  const auto lines = privacy::describe_aggregate(nlohmann::json::parse(agg), i18n::Lang::nl);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].find("Organisatie Noord") != std::string::npos);
  CHECK(lines[2].find("'<5'") != std::string::npos);
  CHECK(privacy::describe_aggregate(nlohmann::json::object(), i18n::Lang::en)[0].find("not a Zicht") !=
        std::string::npos);
}

TEST_CASE("Pseudonymised identifiers in delen outputs") {
  // 8 rows: too few for Verkennen to call the id column an identifier by itself, so its values are tabulated.
  std::string csv = "Client ID;Status\n";
  for (int i = 0; i < 8; ++i) csv += "K" + std::to_string(500 + i) + ";" + (i < 5 ? "open" : "dicht") + "\n";
  const core::ReadResult data = read(csv);
  std::vector<analysis::Input> inputs = {{"t.csv", &data}};
  privacy::ColumnPolicy policy = privacy::column_policy(inputs);
  // Fewer than 10 distinct values: detection by header needs > 10; mark it as the werkmap would.
  policy.columns.push_back({"t.csv", "Client ID", privacy::ColumnKind::identifier, true});
  for (int i = 0; i < 8; ++i) policy.identifier_values.insert("K" + std::to_string(500 + i));
  auto run = [&](uint8_t salt) {
    analysis::ResultSet set = analysis::explore(inputs, analysis::Settings{});
    privacy::Pseudonymiser pseudo(fixed_source(salt));
    privacy::PrivacyOptions opt;
    opt.columns = &policy;
    opt.pseudonymiser = &pseudo;
    privacy::apply(set, opt);
    return report::results_json(set, i18n::Lang::nl).dump();
  };
  const std::string a = run(1), a2 = run(1), b = run(2);
  CHECK(a.find("K500") == std::string::npos);
  CHECK(a.find(privacy::Pseudonymiser(fixed_source(1))("K500")) != std::string::npos);
  CHECK(a == a2);  // deterministic given the salt
  CHECK(a != b);
}

TEST_CASE("Delen mode: tests of suppressed tables keep only name, n and df; the k argument is validated") {
  analysis::ResultSet set;
  analysis::Result r;
  r.id = "x.cross";
  r.tables.push_back(cross_table({{20, 3}, {15, 30}}, false));
  analysis::TestResult tr;
  tr.name = "Pearson's Chi-squared test";
  tr.n = 68;
  tr.df = 1;
  tr.statistic = 7.1;
  tr.p = 0.007;
  tr.effect_name = "Cramér's V";
  tr.effect = 0.3;
  r.tests.push_back(tr);
  r.flags.push_back({"f.csv", 12, "Status", "ZZMARKER", "invalid"});
  set.results.push_back(r);
  privacy::PrivacyOptions opt;
  opt.k = 5;
  const auto summary = privacy::apply(set, opt);
  const auto& out = set.results[0];
  CHECK(out.flags.empty());
  CHECK(std::isnan(out.tests[0].statistic));
  CHECK(out.tests[0].p < 0);
  CHECK(std::isnan(out.tests[0].effect));
  CHECK(out.tests[0].df == 1);
  CHECK(out.tests[0].n == 68);
  CHECK(summary.primary == 1);
  CHECK(summary.secondary == 3);  // a 2×2 table: one small cell takes the whole table with it
  CHECK(set.results.back().id == privacy::kSummaryId);
  opt.k = 1;
  CHECK_THROWS_AS(privacy::apply(set, opt), std::invalid_argument);
}

TEST_CASE("Consent comparison: consenting organisations by name, others pooled, sorted by name") {
  Table t;
  t.id = "by_org";
  t.columns = {{"organisation", Text::same("org"), Role::category, -1},
               {"n", Text::same("n"), Role::count, -1},
               {"pct", Text::same("%"), Role::percent, 1},
               {"denom", Text::same("N"), Role::denominator, -1},
               {"mean", Text::same("mean"), Role::statistic, 1}};
  t.rows = {{Value::str("Zeta"), Value::of(10), Value::num(50), Value::of(20), Value::num(3)},
            {Value::str("Alfa"), Value::of(5), Value::num(25), Value::of(20), Value::num(4)},
            {Value::str("Beta"), Value::of(6), Value::num(60), Value::of(10), Value::num(5)},
            {Value::str("Gamma"), Value::of(4), Value::num(40), Value::of(10), Value::num(6)},
            {Value::label(Text{"Totaal", "Total"}), Value::of(25), Value::num(41.67), Value::of(60), Value::num(4)}};
  const Table c = privacy::compare_organisations(t, {"Zeta", "Alfa"});
  REQUIRE(c.rows.size() == 4);
  CHECK(c.rows[0][0].s == "Alfa");
  CHECK(c.rows[1][0].s == "Zeta");
  CHECK(c.rows[2][0].s == "overige organisaties");
  CHECK(c.rows[2][1].i == 10);
  CHECK(c.rows[2][3].i == 20);
  CHECK(c.rows[2][2].d == Approx(50.0));
  CHECK(c.rows[2][4].kind == Value::Kind::missing);
  CHECK(c.rows[3][0].s == "Totaal");
  const std::string all = report::value_json(c.rows[2][0], i18n::Lang::nl).dump();
  CHECK(all.find("Beta") == std::string::npos);
  CHECK(privacy::reflection_questions().size() == 4);
}

TEST_CASE("Delen mode: a result about votes or organisations keeps its counts but not its Intern-only tables") {
  // A workshop's card vote (not a client unit): tallies of 2 and 3 stay (professionals' votes are not suppressed);
  // the arguments table that was not released by a person is Intern only and must not travel.
  analysis::ResultSet set;
  analysis::Result r;
  r.id = "procesflow.statements";
  r.client_unit = false;
  Table tallies;
  tallies.id = "tallies";
  tallies.columns = {{"positie", Text::same("positie"), Role::category, -1}, {"n", Text::same("n"), Role::count, 0}};
  tallies.rows = {{Value::str("akkoord"), Value::of(2)}, {Value::str("niet akkoord"), Value::of(3)}};
  Table arguments;
  arguments.id = "arguments";
  arguments.intern_only = true;
  arguments.columns = {{"argument", Text::same("argument"), Role::category, -1}};
  arguments.rows = {{Value::str("ZZMARKER: de directeur van school X zei dat")}};
  r.tables = {tallies, arguments};
  set.results.push_back(r);
  privacy::PrivacyOptions opt;
  opt.k = 5;
  privacy::apply(set, opt);
  const auto& out = set.results[0];
  REQUIRE(out.tables.size() == 1);
  CHECK(out.tables[0].id == "tallies");
  CHECK(out.tables[0].rows[0][1].i == 2);
  CHECK(out.tables[0].rows[1][1].i == 3);
  CHECK(report::results_json(set, i18n::Lang::nl).dump().find("ZZMARKER") == std::string::npos);
}
