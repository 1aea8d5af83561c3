// The kerndataset profile's statistics against R (issue 20): tests/reference/golden_kerndataset.json from
// make_golden_kerndataset.R (R 4.2.2, psych 2.2.9, survival), which reads the same CSV files, applies the rules of
// spec/kerndataset.md itself and computes each statistic with the named R function. Two cases: the hand-made pair
// (opvolging_klein.csv + ouder_limesurvey.csv, no link) and the demo for seed 2023 (five parts and the SofS demo as
// the link), regenerated here from demo::generate_csv as the script's CSVs were.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <iomanip>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/kerndataset.h"
#include "core/reader.h"
#include "demo/demo.h"
#include "session/run.h"

namespace {

using namespace zicht;
using nlohmann::json;

const std::string kDir = std::string(ZICHT_SOURCE_DIR) + "/tests/data/kerndataset/";

json golden() {
  std::ifstream in(std::string(ZICHT_SOURCE_DIR) + "/tests/reference/golden_kerndataset.json");
  REQUIRE(in);
  return json::parse(in);
}

const analysis::Result& result(const analysis::ResultSet& rs, const std::string& id) {
  for (const auto& r : rs.results)
    if (r.id == id) return r;
  FAIL("no result " << id);
  throw;
}

const analysis::Table& table(const analysis::ResultSet& rs, const std::string& rid, const std::string& id) {
  for (const auto& t : result(rs, rid).tables)
    if (t.id == id) return t;
  FAIL("no table " << id << " in " << rid);
  throw;
}

const analysis::Value& cell(const analysis::Table& t, size_t row, const std::string& column) {
  const int c = t.column_index(column);
  REQUIRE(c >= 0);
  REQUIRE(row < t.rows.size());
  return t.rows[row][size_t(c)];
}

size_t row_of(const analysis::Table& t, const std::string& key) {
  for (size_t i = 0; i < t.rows.size(); ++i)
    if (t.rows[i][0].s == key) return i;
  FAIL("no row " << key << " in " << t.id);
  throw;
}

// |a − b| ≤ tol · max(1, |b|): absolute for values up to 1, relative above.
bool near(double a, double b, double tol) { return std::fabs(a - b) <= tol * std::max(1.0, std::fabs(b)); }

// A number against R's: R's null (NA / NaN) must be a missing cell.
void same(const analysis::Value& v, const json& r, double tol, const std::string& what) {
  INFO(what);
  if (r.is_null()) {
    CHECK(v.kind == analysis::Value::Kind::missing);
    return;
  }
  REQUIRE(v.is_number());
  INFO(std::setprecision(17) << "C++ " << v.as_double() << "  R " << r.get<double>());
  CHECK(near(v.as_double(), r.get<double>(), tol));
}
void same(double v, const json& r, double tol, const std::string& what) {
  INFO(what << std::setprecision(17) << ": C++ " << v << "  R " << (r.is_null() ? std::string("NA") : r.dump()));
  REQUIRE_FALSE(r.is_null());
  CHECK(near(v, r.get<double>(), tol));
}

struct Run {
  std::vector<core::ReadResult> reads;
  analysis::ResultSet set;
};

std::unique_ptr<Run> run_hand() {
  auto r = std::make_unique<Run>();
  r->reads.reserve(2);
  r->reads.push_back(core::read_file(kDir + "opvolging_klein.csv"));
  r->reads.push_back(core::read_file(kDir + "ouder_limesurvey.csv"));
  for (const auto& x : r->reads) REQUIRE(x.ok());
  const session::ProfileSpec* spec = session::find_profile("kerndataset");
  REQUIRE(spec);
  std::vector<session::TableInput> in = {{"opvolging", "opvolging_klein.csv", &r->reads[0]},
                                         {"ouder", "ouder_limesurvey.csv", &r->reads[1]}};
  i18n::Message error;
  REQUIRE(session::analyse(*spec, in, {}, analysis::Settings{}, r->set, error));
  return r;
}

std::unique_ptr<Run> run_demo(uint64_t seed) {
  auto r = std::make_unique<Run>();
  const char* const parts[] = {"opvolging", "ouder", "kind", "zelfevaluatie", "casus"};
  r->reads.reserve(6);
  auto gen = [&](const std::string& profile, const std::string& part, const std::string& name) {
    demo::DemoOptions o;
    o.profile = profile;
    o.part = part;
    o.seed = seed;
    const std::string csv = demo::generate_csv(o);
    r->reads.push_back(core::read_bytes(name, reinterpret_cast<const uint8_t*>(csv.data()), csv.size()));
    REQUIRE(r->reads.back().ok());
  };
  for (const char* p : parts) gen("kerndataset", p, std::string(p) + ".csv");
  gen("sofs", "modules", "sofs.csv");
  const session::ProfileSpec* spec = session::find_profile("kerndataset");
  REQUIRE(spec);
  std::vector<session::TableInput> in;
  for (size_t i = 0; i < 5; ++i) in.push_back({parts[i], std::string(parts[i]) + ".csv", &r->reads[i]});
  std::vector<session::LinkInput> links = {{"sofs", "sofs.csv", &r->reads[5], nullptr}};
  i18n::Message error;
  REQUIRE(session::analyse(*spec, in, links, analysis::Settings{}, r->set, error));
  return r;
}

// ---- The checks shared by both cases.

void check_parents(const analysis::ResultSet& rs, const json& g) {
  const analysis::Table& s = table(rs, "kerndataset.parent_scales", "scales");
  const analysis::Table& it = table(rs, "kerndataset.parent_scales", "alpha_items");
  REQUIRE(s.rows.size() == 2);
  const char* const blocks[2] = {"fidelity", "effectiveness"};
  for (size_t b = 0; b < 2; ++b) {
    const json& d = g.at(blocks[b]);
    const std::string B = blocks[b];
    CHECK(cell(s, b, "n").as_double() == d.at("n").get<double>());
    CHECK(cell(s, b, "n_not_scored").as_double() == d.at("n_not_scored").get<double>());
    for (const char* c : {"mean", "sd", "min", "q1", "median", "q3", "max"}) same(cell(s, b, c), d.at(c), 1e-12, B + " " + c);
    const json& a = d.at("alpha");
    CHECK(cell(s, b, "n_alpha").as_double() == a.at("n").get<double>());
    same(cell(s, b, "raw_alpha"), a.at("raw_alpha"), 1e-10, B + " raw_alpha");
    same(cell(s, b, "std_alpha"), a.at("std_alpha"), 1e-10, B + " std_alpha");
    same(cell(s, b, "average_r"), a.at("average_r"), 1e-10, B + " average_r");
    for (size_t i = 0; i < 14; ++i) {
      const size_t row = b * 14 + i;
      const std::string item = B + " item " + std::to_string(i + 1);
      CHECK(cell(it, row, "n").as_double() == a.at("item_n")[i].get<double>());
      same(cell(it, row, "mean"), a.at("item_mean")[i], 1e-12, item + " mean");
      same(cell(it, row, "sd"), a.at("item_sd")[i], 1e-12, item + " sd");
      same(cell(it, row, "r_drop"), a.at("r_drop")[i], 1e-10, item + " r.drop");
      same(cell(it, row, "alpha_if_dropped"), a.at("alpha_if_dropped")[i], 1e-10, item + " alpha if dropped");
    }
  }
  const auto& tests = result(rs, "kerndataset.parent_scales").tests;
  REQUIRE(tests.size() == 1);
  const json& sp = g.at("spearman");
  CHECK(tests[0].n == sp.at("n").get<long>());
  same(tests[0].statistic, sp.at("s"), 1e-9, "Spearman S");
  same(tests[0].p, sp.at("p"), 1e-9, "Spearman p");
  same(tests[0].effect, sp.at("rho"), 1e-12, "Spearman rho");
}

void check_followup(const analysis::ResultSet& rs, const json& g) {
  CHECK(rs.provenance.as_of == g.at("as_of").get<std::string>());
  const analysis::Table& t = table(rs, "kerndataset.followup", "moments");
  REQUIRE(t.rows.size() == 3);
  for (size_t k = 0; k < 3; ++k) {
    INFO("moment " << k + 1);
    const json& m = g.at("moments")[k];
    CHECK(cell(t, k, "n_all").as_double() == g.at("n_cohort").get<double>());
    for (const char* c : {"n_no_consent", "n_not_due", "n_missing", "n_not_reached", "n"})
      CHECK(cell(t, k, c).as_double() == m.at(c).get<double>());
  }
}

void check_network(const analysis::ResultSet& rs, const json& g) {
  const analysis::Table& c = table(rs, "kerndataset.network", "change");
  const analysis::Table& f = table(rs, "kerndataset.network", "friedman");
  const char* const measures[3] = {"n_netwerkfiguren", "n_personen_ouder", "n_personen_minderjarige"};
  REQUIRE(c.rows.size() == 9);
  REQUIRE(f.rows.size() == 3);
  for (size_t q = 0; q < 3; ++q) {
    const json& m = g.at("network").at(measures[q]);
    for (size_t k = 0; k < 3; ++k) {
      const std::string what = std::string(measures[q]) + " +" + std::to_string(k + 1);
      const json& w = m.at("change")[k];
      const size_t row = q * 3 + k;
      CHECK(cell(c, row, "n_pairs").as_double() == w.at("n_pairs").get<double>());
      if (w.at("n_pairs").get<int>() == 0) continue;
      same(cell(c, row, "v"), w.at("v"), 1e-9, what + " V");
      same(cell(c, row, "p"), w.at("p"), 1e-9, what + " p");
      // Hodges–Lehmann: exact as R in the exact case; R's uniroot (tol 1e-4) in the asymptotic one.
      same(cell(c, row, "hl"), w.at("hl"), w.at("exact").get<bool>() ? 1e-9 : 1e-4, what + " HL");
    }
    const json& fr = m.at("friedman");
    CHECK(cell(f, q, "n_complete").as_double() == fr.at("n").get<double>());
    if (fr.contains("r_error")) {  // R 4.2.2's friedman.test stops on a single block: Zicht gives no statistic
      CHECK(f.rows.at(q).at(size_t(f.column_index("chi2"))).kind == analysis::Value::Kind::missing);
      continue;
    }
    same(cell(f, q, "chi2"), fr.at("chi2"), 1e-9, std::string(measures[q]) + " Friedman chi2");
    same(cell(f, q, "df"), fr.at("df"), 1e-12, std::string(measures[q]) + " Friedman df");
    same(cell(f, q, "p"), fr.at("p"), 1e-9, std::string(measures[q]) + " Friedman p");
    same(cell(f, q, "w"), fr.at("w"), 1e-9, std::string(measures[q]) + " Kendall's W");
  }
}

void check_sustainability(const analysis::ResultSet& rs, const json& g) {
  const analysis::Table& t = table(rs, "kerndataset.sustainability", "tests");
  std::vector<size_t> mc, cq;
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const std::string name = cell(t, i, "test").s;
    (name.rfind("McNemar", 0) == 0 ? mc : cq).push_back(i);
  }
  const char* const ind[2] = {"netwerk_samenkomst", "plan_bijgestuurd"};
  size_t im = 0, ic = 0;
  for (const char* k : ind) {
    const json& s = g.at("sustainability").at(k);
    const json& m = s.at("mcnemar");
    if (m.at("n").get<int>() > 0) {
      REQUIRE(im < mc.size());
      const size_t row = mc[im++];
      CHECK(cell(t, row, "n").as_double() == m.at("n").get<double>());
      same(cell(t, row, "statistic"), m.at("statistic"), 1e-9, std::string(k) + " McNemar chi2");
      same(cell(t, row, "p"), m.at("p"), 1e-9, std::string(k) + " McNemar p");
    }
    const json& q = s.at("cochran");
    if (q.at("n").get<int>() > 0) {
      REQUIRE(ic < cq.size());
      const size_t row = cq[ic++];
      CHECK(cell(t, row, "n").as_double() == q.at("n").get<double>());
      same(cell(t, row, "statistic"), q.at("q"), 1e-9, std::string(k) + " Cochran Q");
      same(cell(t, row, "df"), q.at("df"), 1e-12, std::string(k) + " Cochran df");
      same(cell(t, row, "p"), q.at("p"), 1e-9, std::string(k) + " Cochran p");
    }
  }
  CHECK(im == mc.size());
  CHECK(ic == cq.size());
}

void check_km(const analysis::ResultSet& rs, const json& g) {
  const analysis::Table& km = table(rs, "kerndataset.rereferral", "km");
  size_t row = 0;
  for (const char* grp : {"yes", "no"}) {
    if (!g.at("km").contains(grp)) continue;
    const json& k = g.at("km").at(grp);
    // jsonlite writes a one-row fit as scalars.
    auto at = [&](const char* c, size_t i) -> json { return k.at(c).is_array() ? k.at(c)[i] : k.at(c); };
    const size_t n = k.at("time").is_array() ? k.at("time").size() : 1;
    for (size_t i = 0; i < n; ++i, ++row) {
      const std::string what = std::string("KM ") + grp + " step " + std::to_string(i + 1);
      REQUIRE(row < km.rows.size());
      same(cell(km, row, "time"), at("time", i), 1e-12, what + " time");
      CHECK(cell(km, row, "n_risk").as_double() == at("n_risk", i).get<double>());
      CHECK(cell(km, row, "n_event").as_double() == at("n_event", i).get<double>());
      CHECK(cell(km, row, "n_censor").as_double() == at("n_censor", i).get<double>());
      same(cell(km, row, "survival"), at("survival", i), 1e-10, what + " survival");
      same(cell(km, row, "lower"), at("lower", i), 1e-10, what + " lower");
      same(cell(km, row, "upper"), at("upper", i), 1e-10, what + " upper");
    }
  }
  CHECK(row == km.rows.size());
  const auto& tests = result(rs, "kerndataset.rereferral").tests;
  if (g.contains("logrank")) {
    REQUIRE(tests.size() == 1);
    const json& lr = g.at("logrank");
    CHECK(tests[0].n == lr.at("n").get<long>());
    CHECK(tests[0].df == lr.at("df").get<double>());
    same(tests[0].statistic, lr.at("chisq"), 1e-9, "log-rank chi2");
    same(tests[0].p, lr.at("p"), 1e-9, "log-rank p");
  } else {
    CHECK(tests.empty());
  }
}

}  // namespace

TEST_CASE("kerndataset golden: the hand-made pair equals R", "[kerndataset][golden]") {
  const json g = golden().at("hand");
  auto r = run_hand();
  check_parents(r->set, g.at("parents"));
  check_followup(r->set, g);
  check_network(r->set, g);
  check_sustainability(r->set, g);
  check_km(r->set, g);
}

TEST_CASE("kerndataset golden: the demo (seed 2023, SofS link) equals R", "[kerndataset][golden][demo]") {
  const json all = golden();
  const json& g = all.at("demo");
  auto r = run_demo(all.at("seed").get<uint64_t>());
  const analysis::ResultSet& rs = r->set;
  SECTION("parents: subscales, psych::alpha, Spearman") { check_parents(rs, g.at("parents")); }
  SECTION("children: % Ja with binom.test's interval") {
    const analysis::Table& t = table(rs, "kerndataset.child_items", "items");
    for (const auto& [id, c] : g.at("children").items()) {
      const size_t row = row_of(t, id);
      CHECK(cell(t, row, "n_ja").as_double() == c.at("n_ja").get<double>());
      CHECK(cell(t, row, "n").as_double() == c.at("n").get<double>());
      same(cell(t, row, "pct_ja"), c.at("pct_ja"), 1e-12, id + " % Ja");
      // The interval in percent: R's bounds (proportions) to 1e-9.
      same(cell(t, row, "ci_lower").as_double() / 100, json(c.at("ci_lower").get<double>() / 100), 1e-9, id + " lower");
      same(cell(t, row, "ci_upper").as_double() / 100, json(c.at("ci_upper").get<double>() / 100), 1e-9, id + " upper");
    }
  }
  SECTION("follow-up moments and the excluded rows") {
    check_followup(rs, g);
    const auto& flags = result(rs, "kerndataset.quality").flags;
    for (const auto& [rule, n] : g.at("excluded").items()) {
      long k = 0;
      for (const auto& f : flags) k += f.rule == rule && f.file == "opvolging.csv";
      INFO(rule);
      CHECK(k == n.get<long>());
    }
  }
  SECTION("network: Wilcoxon signed rank, Friedman, Kendall's W") { check_network(rs, g); }
  SECTION("sustainability: McNemar, Cochran's Q") { check_sustainability(rs, g); }
  SECTION("re-referral: Kaplan–Meier by the 11-step composite, log-rank") { check_km(rs, g); }
  SECTION("fidelity link: Mann–Whitney and Spearman") {
    const json& f = g.at("fidelity");
    const analysis::Table& t = table(rs, "kerndataset.fidelity_link", "groups");
    CHECK(cell(t, 0, "n").as_double() == f.at("n_yes").get<double>());
    CHECK(cell(t, 1, "n").as_double() == f.at("n_no").get<double>());
    const auto& tests = result(rs, "kerndataset.fidelity_link").tests;
    REQUIRE(tests.size() == 2);
    same(tests[0].statistic, f.at("w"), 1e-9, "Mann–Whitney W");
    same(tests[0].p, f.at("p"), 1e-9, "Mann–Whitney p");
    const json& sp = f.at("spearman");
    CHECK(tests[1].n == sp.at("n").get<long>());
    same(tests[1].statistic, sp.at("s"), 1e-9, "Spearman S");
    same(tests[1].p, sp.at("p"), 1e-9, "Spearman p");
    same(tests[1].effect, sp.at("rho"), 1e-12, "Spearman rho");
  }
  SECTION("self-assessment: items, domains with psych::alpha, Kruskal–Wallis by function") {
    const analysis::Table& it = table(rs, "kerndataset.self_assessment", "items");
    for (const auto& [id, s] : g.at("self").at("items").items()) {
      const size_t row = row_of(it, id);
      CHECK(cell(it, row, "n").as_double() == s.at("n").get<double>());
      for (const char* c : {"median", "q1", "q3", "iqr", "mean", "sd"}) same(cell(it, row, c), s.at(c), 1e-12, id + " " + c);
    }
    const analysis::Table& d = table(rs, "kerndataset.self_assessment", "domains");
    const analysis::Table& kw = table(rs, "kerndataset.self_assessment", "kruskal");
    REQUIRE(d.rows.size() == 4);
    REQUIRE(kw.rows.size() == 4);
    for (size_t dm = 0; dm < 4; ++dm) {
      const json& x = g.at("self").at("domains")[dm];
      const std::string what = "domain " + std::to_string(dm + 1);
      CHECK(cell(d, dm, "n").as_double() == x.at("n").get<double>());
      same(cell(d, dm, "mean"), x.at("mean"), 1e-12, what + " mean");
      same(cell(d, dm, "sd"), x.at("sd"), 1e-12, what + " sd");
      same(cell(d, dm, "raw_alpha"), x.at("raw_alpha"), 1e-10, what + " raw_alpha");
      same(cell(d, dm, "std_alpha"), x.at("std_alpha"), 1e-10, what + " std_alpha");
      const json& k = x.at("kruskal");
      CHECK(cell(kw, dm, "n").as_double() == k.at("n").get<double>());
      same(cell(kw, dm, "chi2"), k.at("chi2"), 1e-9, what + " Kruskal–Wallis chi2");
      same(cell(kw, dm, "df"), k.at("df"), 1e-12, what + " Kruskal–Wallis df");
      same(cell(kw, dm, "p"), k.at("p"), 1e-9, what + " Kruskal–Wallis p");
    }
  }
}
