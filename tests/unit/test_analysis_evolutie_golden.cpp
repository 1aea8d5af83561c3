// The evolutie profile's statistics against R (issue 23): tests/reference/golden_evolutie.json from
// make_golden_evolutie.R (R 4.2.2, nlme 3.1-162, survival), which reads the same CSV files, applies the rules of
// spec/evolutie.md itself and computes each statistic with the named R function. Two cases: the hand-made long file
// (veiligheidsschaal_lang.csv, no link) and the demo for seed 2023 (four parts and the SofS demo as the link),
// regenerated here from demo::generate_csv as the script's CSVs were. The demo runs three times: the defaults,
// change 0m → einde, and the nested mixed model (Options::nested through the werkmap).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/evolutie.h"
#include "core/reader.h"
#include "core/werkmap.h"
#include "demo/demo.h"
#include "session/run.h"

namespace {

using namespace zicht;
using nlohmann::json;

const std::string kHand = std::string(ZICHT_SOURCE_DIR) + "/tests/data/evolutie/veiligheidsschaal_lang.csv";

json golden() {
  std::ifstream in(std::string(ZICHT_SOURCE_DIR) + "/tests/reference/golden_evolutie.json");
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

// The Dutch label of a moment code (the tables' moment column).
// The moment's Dutch label as the analysis writes it (assets/i18n, evolutie.moment.<code>).
std::string moment_nl(const std::string& code) { return analysis::Text::key("evolutie.moment." + code).nl; }

// |a − b| ≤ tol · max(1, |b|): absolute for values up to 1, relative above.
bool near(double a, double b, double tol) { return std::fabs(a - b) <= tol * std::max(1.0, std::fabs(b)); }

// The largest difference per quantity, printed at the end of each case when ZICHT_GOLDEN_REPORT is set.
std::map<std::string, double>& worst() {
  static std::map<std::string, double> w;
  return w;
}
void note(const std::string& what, double a, double b) {
  double& w = worst()[what];
  w = std::max(w, std::fabs(a - b) / std::max(1.0, std::fabs(b)));
}
void print_worst(const std::string& label) {
  if (!std::getenv("ZICHT_GOLDEN_REPORT")) {
    worst().clear();
    return;
  }
  std::ostringstream s;
  s << "largest differences (" << label << "), |a − b| / max(1, |b|):\n";
  for (const auto& [k, v] : worst()) s << "  " << std::setw(28) << std::left << k << " " << std::setprecision(3) << v << "\n";
  WARN(s.str());
  worst().clear();
}

// A number against R's: R's null (NA / NaN) must be a missing cell.
void same(const analysis::Value& v, const json& r, double tol, const std::string& what, const std::string& kind) {
  INFO(what);
  if (r.is_null()) {
    CHECK(v.kind == analysis::Value::Kind::missing);
    return;
  }
  REQUIRE(v.is_number());
  INFO(std::setprecision(17) << "C++ " << v.as_double() << "  R " << r.get<double>());
  note(kind, v.as_double(), r.get<double>());
  CHECK(near(v.as_double(), r.get<double>(), tol));
}
void same(double v, const json& r, double tol, const std::string& what, const std::string& kind) {
  INFO(what << std::setprecision(17) << ": C++ " << v << "  R " << (r.is_null() ? std::string("NA") : r.dump()));
  REQUIRE_FALSE(r.is_null());
  note(kind, v, r.get<double>());
  CHECK(near(v, r.get<double>(), tol));
}
void count(const analysis::Value& v, const json& r, const std::string& what) {
  INFO(what);
  REQUIRE(v.is_number());
  CHECK(v.as_double() == r.get<double>());
}
// jsonlite writes a length-1 vector as a scalar.
json at(const json& j, size_t i) { return j.is_array() ? j.at(i) : j; }
size_t len(const json& j) { return j.is_array() ? j.size() : 1; }

struct Run {
  std::vector<core::ReadResult> reads;
  analysis::ResultSet set;
};

analysis::Settings with(const analysis::evolutie::Options& o) {
  core::Werkmap w;
  o.store(w);
  analysis::Settings s;
  s.werkmap = w.doc();
  return s;
}

std::unique_ptr<Run> run_hand(const analysis::Settings& settings = {}) {
  auto r = std::make_unique<Run>();
  r->reads.push_back(core::read_file(kHand));
  REQUIRE(r->reads[0].ok());
  const session::ProfileSpec* spec = session::find_profile("evolutie");
  REQUIRE(spec);
  std::vector<session::TableInput> in = {{"meting", "veiligheidsschaal_lang.csv", &r->reads[0]}};
  i18n::Message error;
  REQUIRE(session::analyse(*spec, in, {}, settings, r->set, error));
  return r;
}

std::unique_ptr<Run> run_demo(uint64_t seed, const analysis::Settings& settings = {}) {
  auto r = std::make_unique<Run>();
  const char* const parts[] = {"meting", "instrument", "telling", "fase"};
  r->reads.reserve(5);
  auto gen = [&](const std::string& profile, const std::string& part, const std::string& name) {
    demo::DemoOptions o;
    o.profile = profile;
    o.part = part;
    o.seed = seed;
    const std::string csv = demo::generate_csv(o);
    r->reads.push_back(core::read_bytes(name, reinterpret_cast<const uint8_t*>(csv.data()), csv.size()));
    REQUIRE(r->reads.back().ok());
  };
  for (const char* p : parts) gen("evolutie", p, std::string(p) + ".csv");
  gen("sofs", "modules", "sofs.csv");
  const session::ProfileSpec* spec = session::find_profile("evolutie");
  REQUIRE(spec);
  std::vector<session::TableInput> in;
  for (size_t i = 0; i < 4; ++i) in.push_back({parts[i], std::string(parts[i]) + ".csv", &r->reads[i]});
  std::vector<session::LinkInput> links = {{"sofs", "sofs.csv", &r->reads[4], nullptr}};
  i18n::Message error;
  REQUIRE(session::analyse(*spec, in, links, settings, r->set, error));
  return r;
}

// ---- The checks.

// n, median, Q1, Q3, mean per domain × moment (series.cohort and domains.profile).
void check_profile(const analysis::Table& t, const json& g, const std::string& what) {
  REQUIRE(t.rows.size() == g.size());
  for (size_t i = 0; i < g.size(); ++i) {
    const json& x = g[i];
    const std::string w = what + " " + x.at("domain").get<std::string>() + " " + x.at("moment").get<std::string>();
    CHECK(cell(t, i, "domain").s == x.at("domain").get<std::string>());
    CHECK(cell(t, i, "moment").s == moment_nl(x.at("moment").get<std::string>()));
    count(cell(t, i, "n"), x.at("n"), w + " n");
    for (const char* c : {"median", "q1", "q3", "mean"}) same(cell(t, i, c), x.at(c), 1e-9, w + " " + c, what + " " + c);
    // "niet gesteld" per moment is checked in completeness (the cohort table keeps n as its only count).
  }
}

void check_change(const analysis::ResultSet& rs, const json& g) {
  const std::string what = "change " + g.at("from").get<std::string>() + " → " + g.at("to").get<std::string>();
  const analysis::Table& s = table(rs, "evolutie.change", "summary");
  const analysis::Table& d = table(rs, "evolutie.change", "direction");
  REQUIRE(s.rows.size() == 1);
  CHECK(cell(s, 0, "from").s == moment_nl(g.at("from").get<std::string>()));
  CHECK(cell(s, 0, "to").s == moment_nl(g.at("to").get<std::string>()));
  count(cell(s, 0, "n_pairs"), g.at("n_pairs"), what + " n pairs");
  const analysis::Table& un = table(rs, "evolutie.change", "unpaired");
  count(cell(un, 0, "n"), g.at("only_from"), what + " only from");
  count(cell(un, 1, "n"), g.at("only_to"), what + " only to");
  count(cell(d, 0, "n"), g.at("up"), what + " up");
  count(cell(d, 1, "n"), g.at("equal"), what + " equal");
  count(cell(d, 2, "n"), g.at("down"), what + " down");
  same(cell(s, 0, "median_difference"), g.at("median_difference"), 1e-12, what + " median difference", "change median diff");
  same(cell(s, 0, "v"), g.at("v"), 1e-9, what + " V", "change V");
  same(cell(s, 0, "p"), g.at("p"), 1e-9, what + " p", "change p");
  same(cell(s, 0, "z"), g.at("z"), 1e-9, what + " z", "change z");
  same(cell(s, 0, "r"), g.at("r"), 1e-9, what + " r", "change r");
  // Hodges–Lehmann and its CI: exact as R in the exact case; R's uniroot (tol 1e-4) in the asymptotic one.
  const double tol = g.at("exact").get<bool>() ? 1e-9 : 1e-4;
  same(cell(s, 0, "hl"), g.at("estimate"), tol, what + " HL", "change HL / CI");
  same(cell(s, 0, "ci_lower"), g.at("ci_lower"), tol, what + " CI lower", "change HL / CI");
  same(cell(s, 0, "ci_upper"), g.at("ci_upper"), tol, what + " CI upper", "change HL / CI");
  const auto& tests = result(rs, "evolutie.change").tests;
  REQUIRE(tests.size() == 1);
  CHECK(tests[0].variant == (g.at("exact").get<bool>() ? "exact" : "normal"));
}

void check_friedman(const analysis::ResultSet& rs, const json& g) {
  const analysis::Table& f = table(rs, "evolutie.repeated", "friedman");
  REQUIRE(f.rows.size() == 1);
  count(cell(f, 0, "n"), g.at("n"), "Friedman n complete");
  count(cell(f, 0, "n_dropped"), g.at("n_dropped"), "Friedman n dropped");
  count(cell(f, 0, "k"), g.at("k"), "Friedman k");
  if (!g.contains("chi2")) {  // fewer than two complete persons: R refuses, Zicht shows no statistic
    CHECK(cell(f, 0, "chi2").kind == analysis::Value::Kind::missing);
    return;
  }
  same(cell(f, 0, "chi2"), g.at("chi2"), 1e-9, "Friedman chi2", "Friedman chi2 / p / W");
  same(cell(f, 0, "df"), g.at("df"), 1e-12, "Friedman df", "Friedman chi2 / p / W");
  same(cell(f, 0, "p"), g.at("p"), 1e-9, "Friedman p", "Friedman chi2 / p / W");
  same(cell(f, 0, "w"), g.at("w"), 1e-9, "Kendall's W", "Friedman chi2 / p / W");
}

// nlme::lme (REML): anova, fixed effects, the means per moment with their CI, SDs. Tolerance 1e-6 (nlme's own
// optimiser tolerance; the golden fit is at the REML optimum, checked in the script).
void check_lme(const analysis::ResultSet& rs, const json& g, const std::vector<std::string>& moments, bool nested) {
  constexpr double tol = 1e-6;
  const std::string M = nested ? "lme nested" : "lme";
  const analysis::Table& mt = table(rs, "evolutie.repeated", "model");
  const analysis::Table& fe = table(rs, "evolutie.repeated", "fixed");
  const analysis::Table& mm = table(rs, "evolutie.repeated", "means");
  const analysis::Table& vc = table(rs, "evolutie.repeated", "variance");
  REQUIRE(mt.rows.size() == len(g.at("anova_f")));
  for (size_t i = 0; i < mt.rows.size(); ++i) {
    const std::string w = M + " anova " + at(g.at("anova_terms"), i).get<std::string>();
    count(cell(mt, i, "num_df"), at(g.at("anova_num_df"), i), w + " numDF");
    same(cell(mt, i, "den_df"), at(g.at("anova_den_df"), i), 1e-12, w + " denDF", M + " anova df");
    same(cell(mt, i, "f"), at(g.at("anova_f"), i), tol, w + " F", M + " anova F");
    same(cell(mt, i, "p"), at(g.at("anova_p"), i), tol, w + " p", M + " anova p");
  }
  REQUIRE(fe.rows.size() == len(g.at("beta")));
  for (size_t i = 0; i < fe.rows.size(); ++i) {
    const std::string w = M + " fixed " + std::to_string(i);
    same(cell(fe, i, "estimate"), at(g.at("beta"), i), tol, w + " estimate", M + " fixed estimate");
    same(cell(fe, i, "se"), at(g.at("se"), i), tol, w + " SE", M + " fixed SE");
    same(cell(fe, i, "df"), at(g.at("df"), i), 1e-12, w + " DF", M + " fixed DF");
    same(cell(fe, i, "t"), at(g.at("t"), i), tol, w + " t", M + " fixed t");
    same(cell(fe, i, "p"), at(g.at("p"), i), tol, w + " p", M + " fixed p");
  }
  REQUIRE(mm.rows.size() == moments.size());
  for (size_t i = 0; i < mm.rows.size(); ++i) {
    const std::string w = M + " mean " + moments[i];
    CHECK(cell(mm, i, "moment").s == moment_nl(moments[i]));
    count(cell(mm, i, "n"), at(g.at("mean_n"), i), w + " n");
    same(cell(mm, i, "mean"), at(g.at("mean"), i), tol, w, M + " means");
    same(cell(mm, i, "se"), at(g.at("mean_se"), i), tol, w + " SE", M + " means");
    same(cell(mm, i, "lower"), at(g.at("mean_lower"), i), tol, w + " lower", M + " means CI");
    same(cell(mm, i, "upper"), at(g.at("mean_upper"), i), tol, w + " upper", M + " means CI");
  }
  // SDs: person, (trajectory), residual. A variance at the boundary (REML maximum at 0): nlme stops at a tiny
  // positive SD, Zicht reports 0 — both below 1e-4 of the residual SD.
  REQUIRE(vc.rows.size() == (nested ? 3u : 2u));
  const double sigma = g.at("sigma").get<double>();
  auto sd = [&](size_t row, const json& r, const std::string& w) {
    if (r.get<double>() < 1e-4 * sigma) {
      INFO(w << " at the boundary: C++ " << cell(vc, row, "sd").as_double() << "  R " << r.get<double>());
      CHECK(cell(vc, row, "sd").as_double() < 1e-4 * sigma);
      return;
    }
    same(cell(vc, row, "sd"), r, tol, w, M + " SDs");
  };
  sd(0, g.at("sd_group"), M + " SD person");
  if (nested) sd(1, g.at("sd_outer"), M + " SD trajectory");
  same(cell(vc, nested ? 2 : 1, "sd"), g.at("sigma"), tol, M + " sigma", M + " SDs");
}

void check_repeated(const analysis::ResultSet& rs, const json& g, bool nested) {
  std::vector<std::string> moments;
  for (const auto& m : g.at("moments")) moments.push_back(m.get<std::string>());
  check_friedman(rs, g.at("friedman"));
  check_lme(rs, g.at(nested ? "lme_nested" : "lme"), moments, nested);
}

void check_classes(const analysis::ResultSet& rs, const json& g) {
  const analysis::Table& t = table(rs, "evolutie.pattern", "classes");
  const char* const classes[] = {"stijging", "U-vorm", "enkel start", "niet bevraagd", "geen evolutie", "daling", "gemengd"};
  REQUIRE(t.rows.size() == 7);
  for (size_t i = 0; i < 7; ++i) {
    CHECK(cell(t, i, "class").s == classes[i]);
    count(cell(t, i, "n"), g.at("classes").at(classes[i]), std::string("class ") + classes[i]);
    count(cell(t, i, "denom_fixed"), g.at("n"), "classes denominator");
  }
  const analysis::Table& u = table(rs, "evolutie.pattern", "units");
  for (const auto& [id, cls] : g.at("units").items()) {
    bool found = false;
    for (const auto& row : u.rows)
      if (row[0].s == id) {
        found = true;
        INFO(id);
        CHECK(row[1].s == cls.get<std::string>());
      }
    CHECK(found);
  }
}

void check_completeness(const analysis::ResultSet& rs, const json& g) {
  const analysis::Table& t = table(rs, "evolutie.completeness", "moments");
  REQUIRE(t.rows.size() == g.size());
  for (size_t i = 0; i < g.size(); ++i) {
    const std::string m = g[i].at("moment").get<std::string>();
    CHECK(cell(t, i, "moment").s == moment_nl(m));
    for (const char* c : {"n", "not_asked", "missing", "not_due", "denom_valid", "denom_applicable", "denom_all"})
      count(cell(t, i, c), g[i].at(c), "completeness " + m + " " + c);
  }
}

}  // namespace

TEST_CASE("evolutie golden: the hand-made long file equals R", "[evolutie][golden]") {
  const json g = golden().at("hand");
  auto r = run_hand();
  const analysis::ResultSet& rs = r->set;
  CHECK(rs.provenance.as_of == g.at("as_of").get<std::string>());
  check_profile(table(rs, "evolutie.series", "cohort"), g.at("cohort"), "cohort");
  check_change(rs, g.at("change")[0]);
  check_repeated(rs, g.at("repeated"), false);
  check_classes(rs, g.at("pattern"));
  check_completeness(rs, g.at("completeness"));
  analysis::evolutie::Options o;
  o.nested = true;
  auto n = run_hand(with(o));
  check_repeated(n->set, g.at("repeated"), true);
  print_worst("hand");
}

TEST_CASE("evolutie golden: the demo (seed 2023, SofS link) equals R", "[evolutie][golden][demo]") {
  const json all = golden();
  const json& g = all.at("demo");
  const uint64_t seed = all.at("seed").get<uint64_t>();
  auto r = run_demo(seed);
  const analysis::ResultSet& rs = r->set;
  CHECK(rs.provenance.as_of == g.at("as_of").get<std::string>());

  // series: the cohort per domain × moment.
  check_profile(table(rs, "evolutie.series", "cohort"), g.at("cohort"), "cohort");
  // change: 0m → 6m (the default) and 0m → einde.
  check_change(rs, g.at("change")[0]);
  {
    analysis::evolutie::Options o;
    o.change_to = "einde";
    auto e = run_demo(seed, with(o));
    check_change(e->set, g.at("change")[1]);
  }
  // repeated: Friedman + Kendall's W, nlme random intercept and nested.
  check_repeated(rs, g.at("repeated"), false);
  {
    analysis::evolutie::Options o;
    o.nested = true;
    auto n = run_demo(seed, with(o));
    check_repeated(n->set, g.at("repeated"), true);
  }
  // pattern: the published panel (spec §5.4) and the counts at start and end.
  check_classes(rs, g.at("pattern"));
  {
    const json& p = g.at("pattern");
    CHECK(p.at("classes").at("stijging") == 8);
    CHECK(p.at("classes").at("U-vorm") == 3);
    CHECK(p.at("classes").at("enkel start") == 3);
    CHECK(p.at("classes").at("niet bevraagd") == 2);
    CHECK(p.at("classes").at("geen evolutie") == 2);
    const analysis::Table& k = table(rs, "evolutie.pattern", "counts");
    REQUIRE(k.rows.size() == 6);
    const char* const kinds[] = {"stijging", "stabiel", "daling"};
    for (size_t i = 0; i < 3; ++i) {
      count(cell(k, i, "n"), p.at("professionals").at(kinds[i]), std::string("professionals ") + kinds[i]);
      count(cell(k, 3 + i, "n"), p.at("network").at(kinds[i]), std::string("network ") + kinds[i]);
    }
    count(cell(k, 4, "role_change"), p.at("network_stable_role_change"), "network stable with a role change");
  }
  // domains: the life-domain profile.
  check_profile(table(rs, "evolutie.domains", "profile"), g.at("domains").at("profile"), "domains");

  // phases.
  const json& ph = g.at("phases");
  const analysis::Table& fu = table(rs, "evolutie.phases", "funnel");
  REQUIRE(fu.rows.size() == 6);
  for (size_t p = 0; p < 6; ++p) {
    const std::string w = "funnel phase " + std::to_string(p + 1);
    count(cell(fu, p, "n"), ph.at("funnel")[p].at("reached"), w + " reached");
    count(cell(fu, p, "rows"), ph.at("funnel")[p].at("rows"), w + " rows");
    count(cell(fu, p, "dropped"), ph.at("funnel")[p].at("dropped"), w + " dropped");
    count(cell(fu, p, "denom_fixed"), ph.at("n"), w + " youngsters");
  }
  auto describe = [&](const analysis::Table& t, const json& d, const std::string& what) {
    REQUIRE(t.rows.size() == d.size());
    for (size_t p = 0; p < d.size(); ++p) {
      const std::string w = what + " phase " + std::to_string(p + 1);
      count(cell(t, p, "n"), d[p].at("n"), w + " n");
      for (const char* c : {"min", "q1", "median", "q3", "max"}) same(cell(t, p, c), d[p].at(c), 1e-12, w + " " + c, what);
    }
  };
  describe(table(rs, "evolutie.phases", "time"), ph.at("time"), "time in phase");
  describe(table(rs, "evolutie.phases", "ages"), ph.at("ages"), "age per phase");
  const json& k = ph.at("km");
  const analysis::Table& km = table(rs, "evolutie.phases", "km");
  REQUIRE(km.rows.size() == len(k.at("time")));
  for (size_t i = 0; i < km.rows.size(); ++i) {
    const std::string w = "KM step " + std::to_string(i + 1);
    same(cell(km, i, "time"), at(k.at("time"), i), 1e-12, w + " time", "KM time");
    count(cell(km, i, "n_risk"), at(k.at("n_risk"), i), w + " n.risk");
    count(cell(km, i, "n_event"), at(k.at("n_event"), i), w + " n.event");
    count(cell(km, i, "n_censor"), at(k.at("n_censor"), i), w + " n.censor");
    same(cell(km, i, "survival"), at(k.at("surv"), i), 1e-10, w + " surv", "KM surv / CI");
    same(cell(km, i, "lower"), at(k.at("lower"), i), 1e-10, w + " lower", "KM surv / CI");
    same(cell(km, i, "upper"), at(k.at("upper"), i), 1e-10, w + " upper", "KM surv / CI");
  }
  const analysis::Table& ck = table(rs, "evolutie.phases", "checklist");
  const auto& tests = result(rs, "evolutie.phases").tests;
  size_t row = 0, ti = 0;
  for (const char* item : {"netwerk_uitgebouwd", "kent_rechten", "weet_waar_terecht"}) {
    const json& f = ph.at("fisher").at(item);
    count(cell(ck, row, "n"), f.at("groep_yes"), std::string(item) + " group yes");
    count(cell(ck, row++, "denom_fixed"), f.at("groep_n"), std::string(item) + " group n");
    count(cell(ck, row, "n"), f.at("individueel_yes"), std::string(item) + " individual yes");
    count(cell(ck, row++, "denom_fixed"), f.at("individueel_n"), std::string(item) + " individual n");
    if (!f.contains("p")) continue;
    REQUIRE(ti < tests.size());
    CHECK(tests[ti].variant == item);
    same(tests[ti++].p, f.at("p"), 1e-9, std::string(item) + " Fisher p", "Fisher p");
  }
  CHECK(ti == tests.size());

  // completeness.
  check_completeness(rs, g.at("completeness"));
  print_worst("demo");
}
