// Results that join record types: fidelity (the dashboard's step composite against the parents' fidelity subscale),
// the 18-case impact panel (with its plan B from the SofS file) and the data quality of every loaded file.
#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/kerndataset/model.h"
#include "stats/correlation.h"
#include "stats/descriptives.h"
#include "stats/two_group.h"

namespace zicht::analysis::kerndataset::detail {

Result fidelity_result(const Model& m) {
  Result r = make_result("kerndataset.fidelity_link", "kerndataset.result.fidelity_link", "kerndataset.unit.trajectories");
  if (!m.have_parent) {
    needs(r, "ouder");
    return r;
  }
  if (!m.linked) {
    r.notes.push_back(Text::key("kerndataset.note.needs_sofs"));
    return r;
  }
  // Per trajectory: the parents' fidelity subscale (mean over its parents' scores).
  std::map<std::string, std::pair<double, int>> score;
  for (const auto& p : m.parents) {
    if (p.worker || p.interim) continue;
    const double s = block_score(p, 0, m.opt.scale_min_answered);
    if (!std::isfinite(s)) continue;
    auto& e = score[p.traject];
    e.first += s;
    e.second += 1;
  }
  std::vector<double> yes, no, steps, scores;
  long undetermined = 0;
  for (const auto& [id, e] : score) {
    const Trajectory* t = m.find(id);
    if (!t || t->sofs < 0) continue;
    const double s = e.first / e.second;
    if (t->all_steps == 1) yes.push_back(s);
    else if (t->all_steps == 0) no.push_back(s);
    else ++undetermined;
    if (t->steps_taken >= 0) {
      steps.push_back(t->steps_taken);
      scores.push_back(s);
    }
  }
  Table t = make_table("groups", "kerndataset.table.fidelity");
  t.columns = {col("group", "kerndataset.col.group", Role::category), col("n", "kerndataset.col.n", Role::count, 0),
               col("min", "kerndataset.col.min", Role::statistic, 2), col("q1", "kerndataset.col.q1", Role::statistic, 2),
               col("median", "kerndataset.col.median", Role::statistic, 2), col("q3", "kerndataset.col.q3", Role::statistic, 2),
               col("max", "kerndataset.col.max", Role::statistic, 2), col("mean", "kerndataset.col.mean", Role::statistic, 2)};
  for (int g = 0; g < 2; ++g) {
    const std::vector<double>& v = g == 0 ? yes : no;
    const stats::Descriptives d = stats::describe(v);
    t.rows.push_back({L(g == 0 ? "kerndataset.group.all_steps_yes" : "kerndataset.group.all_steps_no"), Value::of(long(v.size())),
                      num_or_na(d.min), num_or_na(d.q1), num_or_na(d.median), num_or_na(d.q3), num_or_na(d.max),
                      num_or_na(d.mean)});
  }
  r.tables.push_back(std::move(t));
  if (!yes.empty() && !no.empty()) {
    const stats::MannWhitneyResult mw = stats::mann_whitney(yes, no);
    TestResult tr = make_test("Wilcoxon rank sum test (Mann–Whitney)", mw.exact ? "exact" : "normal approximation with continuity correction",
                              long(yes.size() + no.size()), mw.w, "W", NAN, mw.p_value);
    tr.effect_name = "r";
    tr.effect = mw.effect_r;
    tr.warnings = warning_codes(mw.info);
    r.tests.push_back(tr);
  }
  if (steps.size() >= 3) {
    const stats::SpearmanResult sp = stats::spearman(steps, scores);
    TestResult tr = make_test("Spearman's rank correlation rho", sp.exact ? "exact" : "asymptotic", sp.n, sp.s, "S", NAN, sp.p_value);
    tr.effect_name = "rho";
    tr.effect = sp.rho;
    tr.warnings = warning_codes(sp.info);
    r.tests.push_back(tr);
  }
  r.views.push_back(box_view("groups", "group", "kerndataset.of.fidelity_score"));
  r.notes.push_back(Text::key("kerndataset.note.fidelity_reading"));
  if (undetermined > 0)
    r.notes.push_back(counted("kerndataset.note.fidelity_undetermined", undetermined));
  return r;
}

Result case_result(const Model& m) {
  Result r = make_result("kerndataset.case_panel", "kerndataset.result.case_panel", "kerndataset.unit.trajectories");
  if (!m.have_case) {
    needs(r, "casus");
    return r;
  }
  const long n = long(m.cases.size());
  Table t = make_table("panel", "kerndataset.table.panel");
  t.columns = {col("indicator", "kerndataset.col.indicator", Role::category), col("n", "kerndataset.col.n", Role::count, 0),
               col("denom", "kerndataset.col.denom", Role::denominator, 0), col("pct", "kerndataset.col.pct", Role::percent, 1),
               col("n_missing", "kerndataset.col.missing", Role::count, 0)};
  auto add = [&](const std::string& key, long k, long d, long missing) {
    t.rows.push_back({L("kerndataset.panel." + key), Value::of(k), Value::of(d), pct(k, d), Value::of(missing)});
  };
  // Follow-up at the time of the interview: the three published categories, each over all panel cases.
  long follow[3] = {}, follow_missing = 0;
  for (const auto& c : m.cases) {
    if (c.follow == "OCJ/SDJ/VK") ++follow[0];
    else if (c.follow == "reguliere contextbegeleiding") ++follow[1];
    else if (c.follow == "geen hulp") ++follow[2];
    else ++follow_missing;
  }
  add("follow_ocj", follow[0], n, follow_missing);
  add("follow_regular", follow[1], n, follow_missing);
  add("follow_none", follow[2], n, follow_missing);
  auto yes_of = [&](const char* f, long& k, long& d, long& missing, bool negate = false) {
    k = d = missing = 0;
    for (const auto& c : m.cases) {
      auto it = c.yn.find(f);
      const int v = it == c.yn.end() ? -1 : it->second;
      if (v == -2) continue;  // NVT: outside the denominator
      ++d;
      if (v < 0) ++missing;
      else k += negate ? v == 0 : v == 1;
    }
  };
  long k, d, missing;
  for (auto [f, key, neg] : std::initializer_list<std::tuple<const char*, const char*, bool>>{
           {"signalen_aangemelde", "signals_referred", false}, {"signalen_alle", "signals_all", false},
           {"wissel_begeleider", "worker_change", false}, {"netwerk_uiteengevallen", "network_fell_apart", false},
           {"financiele_problemen", "financial", false}, {"complicerende_factor", "no_complicating", true}}) {
    yes_of(f, k, d, missing, neg);
    add(key, k, d, missing);
  }
  long mothers = 0, fathers = 0;
  for (const auto& c : m.cases) {
    mothers += c.parent == "moeder";
    fathers += c.parent == "vader";
  }
  add("parent_mother", mothers, mothers + fathers, 0);
  add("parent_father", fathers, mothers + fathers, 0);
  yes_of("blijvende_angst", k, d, missing);
  add("continuing_fear", k, d, missing);
  // Plan B of the same trajectories, from the SofS file.
  if (m.linked) {
    long netwerk = 0, verblijf = 0, active = 0, active_netwerk = 0, active_verblijf = 0, from_start = 0, linked = 0,
         placement_outside = 0;
    for (const auto& c : m.cases) {
      const Trajectory* tr = m.find(c.traject);
      if (!tr || tr->sofs < 0) continue;
      ++linked;
      netwerk += tr->plan_b == "netwerk";
      verblijf += tr->plan_b == "verblijf";
      if (tr->plan_b_active == 1) {
        ++active;
        active_netwerk += tr->plan_b == "netwerk";
        active_verblijf += tr->plan_b == "verblijf";
        from_start += tr->plan_b_from_start;
        placement_outside += tr->plan_b == "verblijf";
      }
    }
    add("plan_b_netwerk", netwerk, linked, 0);
    add("plan_b_verblijf", verblijf, linked, 0);
    add("plan_b_active", active, linked, 0);
    add("plan_b_active_netwerk", active_netwerk, active, 0);
    add("plan_b_active_verblijf", active_verblijf, active, 0);
    add("plan_b_from_start", from_start, active, 0);
    add("no_placement_outside", linked - placement_outside, linked, 0);
  }
  r.tables.push_back(std::move(t));
  View v;
  v.id = "panel";
  v.kind = ViewKind::bar;
  v.table = "panel";
  v.x = "indicator";
  v.y = {"pct"};
  v.unit = Unit::percent;
  v.numerators = {"n"};
  v.denominators = {"denom"};
  v.policy = "fixed";
  v.orientation = Orientation::horizontal;
  v.colour_key_all = "answer.ja";
  set_of(v, "kerndataset.of.panel_cases");
  r.views.push_back(v);
  r.notes.push_back(Text::key("kerndataset.note.panel_signals"));
  r.notes.push_back(Text::key("kerndataset.note.panel_sum"));
  r.notes.push_back(Text::key("kerndataset.note.panel_reading"));
  if (!m.linked) r.notes.push_back(Text::key("kerndataset.note.panel_plan_b_needs_sofs"));
  return r;
}

Result quality_result(const Model& m) {
  Result r = make_result("kerndataset.quality", "kerndataset.result.quality", "kerndataset.unit.rows");
  Table t = make_table("rules", "kerndataset.table.quality");
  t.columns = {col("rule", "kerndataset.col.rule", Role::category), col("n", "kerndataset.col.n", Role::count, 0),
               col("kind", "kerndataset.col.kind", Role::category)};
  static const char* const kRules[] = {"out_of_range", "no_trajectory", "no_consent", "before_closure",
                                       "moment_mismatch", "duplicate_moment", "unknown_moment", "contact_data",
                                       "after_withdrawal", "figures_differ"};
  for (const char* rule : kRules) {
    long n = 0;
    for (const auto& q : m.rules)
      if (q.id == rule) n = q.n;
    const std::string id = rule;
    const char* kind = id == "figures_differ" || id == "moment_mismatch" ? "kerndataset.quality.note"
                       : id == "out_of_range"                           ? "kerndataset.quality.cell"
                       : id == "contact_data"                           ? "kerndataset.quality.hidden"
                                                                        : "kerndataset.quality.error";
    t.rows.push_back({L(std::string("kerndataset.rule.") + rule), Value::of(n), L(kind)});
  }
  Table rows = make_table("rows", "kerndataset.table.rows");
  rows.columns = {col("what", "kerndataset.col.what", Role::category), col("n", "kerndataset.col.n", Role::count, 0)};
  rows.rows.push_back({L("kerndataset.rows.in"), Value::of(m.rows_in)});
  rows.rows.push_back({L("kerndataset.rows.used"), Value::of(m.rows_used)});
  rows.rows.push_back({L("kerndataset.rows.flagged"), Value::of(m.rows_flagged)});
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(rows));
  r.flags = m.flags;
  r.views.push_back(quality_view(r.tables[0], "rule"));
  r.notes.push_back(Text::key("kerndataset.note.quality_rows"));
  if (m.contact_data) r.notes.push_back(Text::key("kerndataset.note.contact_hidden"));
  r.notes.push_back(Text::key("kerndataset.note.figures_average"));
  return r;
}

}  // namespace zicht::analysis::kerndataset::detail
