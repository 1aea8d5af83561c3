// The SofS analyses (SPEC §2.1): what the user sets and what the input may lack — filters (applied before
// everything), status on the as-of date, a file with only the required columns or no rows, the options' round trip
// through the werkmap, `analyse` via Settings (the CLI path, with its refusals), deterministic output on the demo,
// and the hidden 100,000-trajectory timing ("[bench]").
#include "sofs_test_support.h"

#include <chrono>
#include <ctime>
#include <string>
#include <vector>

#include "analysis/sofs_common.h"
#include "core/werkmap.h"
#include "report/json_export.h"
#include "session/run.h"

using namespace zicht;
using namespace zicht_test;
using analysis::Result;
using analysis::Table;

TEST_CASE("SofS small: filters apply before everything") {
  Small s;
  auto trajectories = [&](const analysis::sofs::Options& o) {
    return n(table(result(s.run(o), "sofs.overview"), "headline"), 0, "n");
  };
  analysis::sofs::Options o;
  o.status = "closed";
  CHECK(trajectories(o) == 6);
  o = {};
  o.organisations = {"Org A"};
  CHECK(trajectories(o) == 3);
  o = {};
  o.typering = {"IFG"};
  CHECK(trajectories(o) == 4);
  o = {};
  o.period_by_end = true;
  o.period_from = day(2023, 1, 1);
  CHECK(trajectories(o) == 2);  // T4, T7
  o = {};
  o.period_from = day(2022, 1, 1);
  o.period_to = day(2022, 12, 31);
  CHECK(trajectories(o) == 4);  // T1, T2, T7, T8 by start date
  o = {};
  o.duration_months = 6;
  const Table& th = table(result(s.run(o), "sofs.time_to_step"), "duration_threshold");
  CHECK(n(th, 0, "n") == 2);  // ≤ 6: T2, T4
}

TEST_CASE("SofS: status is decided on the as-of date") {
  core::ReadResult f = read(kCsv);
  // On 1 March 2023 T4 (ends 1 May 2023) and T7 (ends 15 Feb 2023 → closed) differ: T4 is still open.
  core::MappedDataset ds = map(f, day(2023, 3, 1));
  const std::vector<Result> rs = analysis::sofs::results(ds, {});
  const Table& t = table(result(rs, "sofs.overview"), "headline");
  CHECK(n(t, 2, "n") == 5);
  const Table& q = table(result(rs, "sofs.quality"), "rules");
  CHECK(n(q, row_of(q, "rule_id", "end_after_as_of"), "n") == 1);
}

TEST_CASE("SofS: only the required columns, or no rows at all: every result, no crash") {
  core::ReadResult f = read("Identificatiecode;Startdatum traject\nA;01/01/2022\nB;01/02/2022\n");
  core::MappedDataset ds = map(f, day(2023, 1, 1));
  REQUIRE(ds.mapping.ok());
  const auto rs = analysis::sofs::results(ds, {});
  REQUIRE(rs.size() == 14);
  const Table& o = table(result(rs, "sofs.overview"), "headline");
  CHECK(n(o, 0, "n") == 2);
  CHECK(n(o, 1, "n") == 2);  // no end date column: open
  CHECK(n(table(result(rs, "sofs.all_steps"), "composite"), 2, "missing") == 2);  // undetermined
  core::ReadResult empty = read("Identificatiecode;Startdatum traject;Einddatum;Netwerkberaden\n");
  core::MappedDataset de = map(empty, day(2023, 1, 1));
  const auto re = analysis::sofs::results(de, {});
  REQUIRE(re.size() == 14);
  CHECK(n(table(result(re, "sofs.overview"), "headline"), 0, "n") == 0);
  CHECK(na(table(result(re, "sofs.overview"), "headline"), 3, "value"));
}

TEST_CASE("SofS: options round trip through the werkmap") {
  analysis::sofs::Options o;
  o.meetings_low = 5;
  o.meetings_high = 10;
  o.duration_months = 6;
  o.all_steps = {"veiligheidsplan_volwassenen", "netwerkberaden"};
  o.denominator = core::Denominator::all;
  o.period_from = day(2022, 1, 1);
  o.period_to = day(2022, 12, 31);
  o.period_by_end = true;
  o.organisations = {"Org A"};
  o.typering = {"IFG", "V"};
  o.status = "closed";
  o.consent = {"Org A"};
  const nlohmann::json j = o.to_json();
  CHECK(j["profiles"]["sofs"]["norms"]["meetings_low"] == 5);
  CHECK(j["profiles"]["sofs"]["filters"]["period_from"] == "2022-01-01");
  CHECK(j["profiles"]["sofs"]["consent"][0] == "Org A");
  CHECK(j["denominator"] == "all");
  const analysis::sofs::Options b = analysis::sofs::Options::from_werkmap(j);
  CHECK(b.meetings_low == 5);
  CHECK(b.meetings_high == 10);
  CHECK(b.duration_months == 6);
  CHECK(b.all_steps == o.all_steps);
  CHECK(b.denominator == core::Denominator::all);
  CHECK(b.period_from == o.period_from);
  CHECK(b.period_to == o.period_to);
  CHECK(b.period_by_end);
  CHECK(b.organisations == o.organisations);
  CHECK(b.typering == o.typering);
  CHECK(b.status == "closed");
  CHECK(b.consent == o.consent);
  CHECK(b.to_json() == j);
  // Defaults from an empty werkmap; a whole werkmap document works too.
  const analysis::sofs::Options d = analysis::sofs::Options::from_werkmap(nlohmann::json::object());
  CHECK(d.meetings_low == 6);
  CHECK(d.meetings_high == 12);
  CHECK(d.duration_months == 8);
  CHECK(d.denominator == core::Denominator::valid);
  core::Werkmap w;
  w.set_options("sofs", "norms", {{"duration_months", 9}});
  w.set_denominator(core::Denominator::applicable);
  const analysis::sofs::Options e = analysis::sofs::Options::from_werkmap(w);
  CHECK(e.duration_months == 9);
  CHECK(e.denominator == core::Denominator::applicable);
  CHECK(analysis::sofs::Options::from_werkmap(w.doc()).duration_months == 9);
}

TEST_CASE("SofS: analyse via Settings (CLI path)") {
  core::ReadResult f = read(kCsv, "klein.csv");
  analysis::Settings settings;
  settings.profile = "sofs";
  settings.as_of = "2023-06-30";
  settings.werkmap = {{"schema", "zicht.werkmap/1"},
                      {"norms", {{"sofs", {{"duration_months", 6}}}}},
                      {"consent", {{"sofs", {"Org A"}}}}};
  analysis::ResultSet set;
  std::string error;
  REQUIRE(session::analyse(*session::find_profile("sofs"), {{"trajecten", "klein.csv", &f}}, settings, set, error));
  CHECK(set.provenance.profile == "sofs");
  CHECK(set.provenance.as_of == "2023-06-30");
  REQUIRE(set.provenance.files.size() == 1);
  CHECK(set.provenance.files[0].rows_in == 8);
  CHECK(set.provenance.files[0].rows_used == 8);
  CHECK(set.provenance.files[0].rows_excluded == 0);
  CHECK(!set.provenance.settings_sha256.empty());
  CHECK(set.results.size() == 14);
  const Table& th = table(*set.find("sofs.time_to_step"), "duration_threshold");
  CHECK(n(th, 0, "n") == 2);  // the werkmap's 6-month norm
  const Table& org = table(*set.find("sofs.by_organisation"), "summary");
  CHECK(at(org, 0, "organisation").s == "Org A");
  // as-of from the data when not given: the latest date (15 May 2023)
  settings.as_of.clear();
  REQUIRE(session::analyse(*session::find_profile("sofs"), {{"trajecten", "klein.csv", &f}}, settings, set, error));
  CHECK(set.provenance.as_of == "2023-05-15");

  // A file without a start-date column cannot be analysed: the message names the file and the field.
  core::ReadResult bad = read("Identificatiecode;Organisatie\nT1;Org A\n", "zonder_start.csv");
  analysis::ResultSet out;
  CHECK_FALSE(session::analyse(*session::find_profile("sofs"), {{"trajecten", "zonder_start.csv", &bad}}, settings, out, error));
  CHECK(error.find("zonder_start.csv") != std::string::npos);
  // A werkmap that is too new is refused.
  settings.werkmap = {{"schema", "zicht.werkmap/99"}};
  CHECK_FALSE(session::analyse(*session::find_profile("sofs"), {{"trajecten", "klein.csv", &f}}, settings, out, error));
}

TEST_CASE("SofS: deterministic output") {
  const Demo& d = the_demo();
  const auto again = analysis::sofs::results(d.ds, {});
  analysis::ResultSet a, b;
  a.results = d.rs;
  b.results = again;
  CHECK(report::results_json(a, i18n::Lang::nl).dump() == report::results_json(b, i18n::Lang::nl).dump());
  CHECK(report::results_json(a, i18n::Lang::en).dump() == report::results_json(b, i18n::Lang::en).dump());
}

TEST_CASE("SofS: 100,000 trajectories", "[.][bench]") {
  demo::DemoOptions o;
  o.rows = 100000;
  const std::string csv = demo::generate_csv(o);
  core::ReadResult f = read(csv, "big.csv");
  core::MappedDataset ds = map(f);
  const auto t0 = std::chrono::steady_clock::now();
  const std::clock_t c0 = std::clock();
  const auto rs = analysis::sofs::results(ds, {});
  const double cpu = 1000.0 * double(std::clock() - c0) / CLOCKS_PER_SEC;
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  WARN("results() on 100,000 trajectories: " << ms << " ms wall, " << cpu << " ms CPU");
  CHECK(rs.size() == 14);
  using namespace analysis::sofs::detail;
  analysis::sofs::Options opt;
  auto time = [](const char* what, auto&& f) {
    const std::clock_t c = std::clock();
    for (int k = 0; k < 5; ++k) f();
    WARN(what << ": " << 1000.0 * double(std::clock() - c) / CLOCKS_PER_SEC / 5 << " ms CPU");
  };
  Data d;
  time("prepare", [&] { d = prepare(ds, opt); });
  time("overview", [&] { overview(d); });
  time("case_type", [&] { case_type(d); });
  time("steps", [&] { steps(d); });
  time("all_steps", [&] { all_steps(d); });
  time("partnership", [&] { partnership(d); });
  time("network_meetings", [&] { network_meetings(d); });
  time("network_figures", [&] { network_figures(d); });
  time("plan_b", [&] { plan_b(d); });
  time("plan_vs_steps", [&] { plan_vs_steps(d); });
  time("plan_adult_groups", [&] { plan_adult_groups(d); });
  time("time_to_step", [&] { time_to_step(d); });
  time("trend", [&] { trend(d); });
  time("by_organisation", [&] { by_organisation(d); });
  time("quality", [&] { quality(d); });
}
