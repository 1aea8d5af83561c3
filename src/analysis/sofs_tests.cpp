// The SofS results with statistical tests (plan_vs_steps, plan_adult_groups, trend); time_to_step with its
// Kaplan–Meier curves is in sofs_times.cpp. Every test goes through zicht::stats (verified against R) and reports
// name, variant, N, df, statistic, p, effect size and the engine's warnings (SPEC §4, §7).
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "analysis/sofs_common.h"
#include "analysis/test_result.h"
#include "analysis/tables.h"
#include "stats/contingency.h"
#include "stats/descriptives.h"
#include "stats/distributions.h"
#include "stats/k_groups.h"
#include "stats/logistic.h"
#include "stats/summary.h"
#include "stats/survival.h"
#include "stats/two_group.h"
#include "stats/whole_range.h"

namespace zicht::analysis::sofs::detail {
namespace {


// 1 = taken (Value, Yes), 0 = no, -1 = unknown: by lookup, without branches on the kind.
int tri(CellKind k) {
  static constexpr int8_t kTri[6] = {1, -1, -1, -1, 1, 0};  // by CellKind
  return kTri[size_t(k)];
}

TestResult chi_test(const stats::ChiSquareResult& c, const std::string& what) {
  TestResult t = test_result(c);
  t.variant += "; " + what;
  return t;
}

bool small_expected(const stats::ChiSquareResult& c) {
  return c.info.has_warning("expected_lt5") || c.info.has_warning("expected_lt1");
}

Value num(double v) { return Value::num(v); }

}  // namespace

namespace {
MannWhitney from_result(const stats::MannWhitneyResult& mw) {
  MannWhitney out;
  out.w = mw.w;
  out.z = mw.z;
  out.p = mw.p_value;
  out.r = mw.effect_r;
  out.n_x = mw.n_x;
  out.n_y = mw.n_y;
  out.method = mw.info.method;
  out.variant = mw.info.variant;
  out.warnings = warning_codes(mw.info);
  return out;
}
}  // namespace

MannWhitney mann_whitney(const std::vector<double>& x, const std::vector<double>& y, bool force_counts) {
  return from_result(!force_counts && x.size() + y.size() <= kMannWhitneyDirect ? stats::mann_whitney(x, y)
                                                                                : stats::mann_whitney_by_counts(x, y));
}

MannWhitney mann_whitney(const std::vector<double>& x, const std::vector<double>& y,
                         const std::vector<stats::ValueCount>& counts) {
  return from_result(x.size() + y.size() <= kMannWhitneyDirect ? stats::mann_whitney(x, y)
                                                               : stats::mann_whitney_by_counts(counts));
}

// ---------------------------------------------------------------------------------------------------------------
Result plan_vs_steps(const Data& d) {
  Result r;
  r.id = "sofs.plan_vs_steps";
  r.title = T("plan_vs_steps.title");
  r.unit = T("unit.closed_trajectories");
  struct Cmp {
    const char* key;
    bool meeting;  // factor: network meeting held (true) or W&P read (false)
    int plan;
  };
  const Cmp cmps[4] = {{"plan_vs_steps.meeting_adult", true, kPlanVolwassenen},
                       {"plan_vs_steps.meeting_child", true, kPlanKind},
                       {"plan_vs_steps.wp_adult", false, kPlanVolwassenen},
                       {"plan_vs_steps.wp_child", false, kPlanKind}};
  Table x = make_table("crosstabs", T("plan_vs_steps.crosstabs"));
  x.columns = {col("comparison", T("col.comparison"), Role::category),
               col("denominator_policy", T("col.denominator_policy"), Role::category),
               col("factor", T("col.factor"), Role::category),
               col("plan_yes", T("col.plan_yes"), Role::count),
               col("plan_no", T("col.plan_no"), Role::count),
               col("total", T("col.total"), Role::denominator),
               col("pct_plan", T("col.pct_plan"), Role::percent, 1)};
  Table w = make_table("plan_without_factor", T("plan_vs_steps.plan_without_factor"));
  w.columns = {col("comparison", T("col.comparison"), Role::category),
               col("denominator_policy", T("col.denominator_policy"), Role::category)};
  ratio_columns(w.columns);
  Table s = make_table("tests", T("table.tests"));
  s.columns = {col("comparison", T("col.comparison"), Role::category),
               col("denominator_policy", T("col.denominator_policy"), Role::category),
               col("n", T("col.N"), Role::count),
               col("df", T("col.df"), Role::statistic, 0),
               col("statistic", T("col.chi2"), Role::statistic, 2),
               col("p", T("col.p"), Role::statistic, 4),
               col("effect", T("col.cramers_v"), Role::statistic, 3),
               col("min_expected", T("col.min_expected"), Role::statistic, 2),
               col("fisher_p", T("col.fisher_p"), Role::statistic, 4)};
  // All eight 2×2 tables in one pass over the closed trajectories: [comparison][variant][factor][plan].
  long tabs[4][2][2][2] = {};
  const CellKind *k_wp = d.kinds(d.step[kWoordEnBeeld]), *k_adult = d.kinds(d.step[kPlanVolwassenen]),
                 *k_child = d.kinds(d.step[kPlanKind]);
  auto tri_at = [](const CellKind* k, uint32_t row) { return k ? tri(k[row]) : -1; };
  // The closed trajectories counted once by (meeting, W&P, adult plan, child plan), each -1/0/1: 81 cells.
  // Every trajectory is counted ([0]: closed, [1]: open, unused), so that no branch depends on the status.
  long counted[2][81] = {};
  const long* joint = counted[0];
  const int8_t* held = d.held.data();
  const uint8_t* closed = d.closed.data();
  d.each([&](size_t i, size_t row) {
    ++counted[1 - closed[i]][(held[i] + 1) * 27 + (tri_at(k_wp, uint32_t(row)) + 1) * 9 +
                             (tri_at(k_adult, uint32_t(row)) + 1) * 3 + (tri_at(k_child, uint32_t(row)) + 1)];
  });
  for (int cell = 0; cell < 81; ++cell) {
    if (joint[cell] == 0) continue;
    const int factor[2] = {cell / 27 - 1, cell / 9 % 3 - 1};  // meeting, W&P
    const int plan[2] = {cell / 3 % 3 - 1, cell % 3 - 1};     // adult, child
    for (int ci = 0; ci < 4; ++ci) {
      const int f = factor[ci < 2 ? 0 : 1], p = plan[ci % 2];  // cmps: meeting×adult, meeting×child, W&P×…
      const int fi = f > 0 ? 0 : 1, pi = p > 0 ? 0 : 1;
      tabs[ci][1][fi][pi] += joint[cell];
      if (f >= 0 && p >= 0) tabs[ci][0][fi][pi] += joint[cell];
    }
  }
  for (int ci = 0; ci < 4; ++ci) {
    const Cmp& c = cmps[ci];
    for (int variant = 0; variant < 2; ++variant) {  // 0 = valid (missing excluded), 1 = all (missing = no)
      const char* policy = variant == 0 ? "valid" : "all";
      const auto& tab = tabs[ci][variant];
      for (int f = 0; f < 2; ++f) {
        const long tot = tab[f][0] + tab[f][1];
        x.rows.push_back({L(c.key), Value::str(policy), L(f == 0 ? "value.yes" : "value.no"), Value::of(tab[f][0]),
                          Value::of(tab[f][1]), Value::of(tot), pct(tab[f][0], tot)});
      }
      {
        std::vector<Value> v{L(c.key), Value::str(policy)};
        ratio_values(v, tab[1][0], tab[0][0] + tab[1][0]);
        w.rows.push_back(std::move(v));
      }
      const stats::CountTable ct = {{tab[0][0], tab[0][1]}, {tab[1][0], tab[1][1]}};
      const stats::ChiSquareResult chi = stats::chi_square(ct);
      const std::string what = T(c.key).en + "; denominator " + policy;
      r.tests.push_back(chi_test(chi, what));
      double fisher_p = stats::kNaN;
      if (small_expected(chi)) {
        const stats::ExactResult fe = stats::fisher_exact(ct);
        fisher_p = fe.p_value;
        TestResult t = test_result(fe);
        t.variant += "; " + what;
        r.tests.push_back(t);
      }
      s.rows.push_back({L(c.key), Value::str(policy), Value::of(chi.info.n), num(chi.df), num(chi.statistic),
                        num(chi.p_value), num(chi.cramers_v), num(chi.min_expected), num(fisher_p)});
    }
  }
  r.tables.push_back(std::move(x));
  r.tables.push_back(std::move(w));
  r.tables.push_back(std::move(s));
  r.notes.push_back(T("note.plan_vs_steps"));
  r.notes.push_back(T("note.plan_vs_steps_published"));
  r.notes.push_back(T("note.meeting_held"));
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
Result plan_adult_groups(const Data& d) {
  Result r;
  r.id = "sofs.plan_adult_groups";
  r.title = T("plan_adult_groups.title");
  r.unit = T("unit.closed_trajectories");
  std::vector<double> group[2][2];  // [variable: meetings, figures][plan: no, yes]
  const CellKind *k_plan = d.kinds(d.step[kPlanVolwassenen]), *k_var[2] = {d.kinds(d.meetings), d.kinds(d.figures)};
  const int32_t* v_var[2] = {k_var[0] ? d.meetings->value.data() : nullptr,
                             k_var[1] ? d.figures->value.data() : nullptr};
  if (k_plan)
    d.each([&](size_t i, size_t row) {
      if (!d.closed[i]) return;
      const int p = tri(k_plan[row]);
      if (p < 0) return;
      for (int v = 0; v < 2; ++v)
        if (k_var[v] && k_var[v][row] == CellKind::Value && v_var[v][row] >= 0) group[v][p].push_back(v_var[v][row]);
    });
  // The logistic regressions on (x, y) value counts: the same maximum-likelihood fit as on the cases
  // (stats::logistic_regression_weighted), with one row per distinct count and outcome instead of one per case.
  std::vector<double> y[2], x[2], w[2];
  std::vector<stats::ValueCount> counts[2];
  for (int v = 0; v < 2; ++v) counts[v] = stats::value_counts(group[v][0], group[v][1]);
  for (int v = 0; v < 2; ++v)
    for (const stats::ValueCount& c : counts[v])
      for (int p = 0; p < 2; ++p)
        if (c.n[p] > 0) {
          y[v].push_back(p);
          x[v].push_back(c.value);
          w[v].push_back(double(c.n[p]));
        }
  const char* var_keys[2] = {"variable.meetings", "variable.figures"};
  Table g = make_table("groups", T("plan_adult_groups.groups"));
  g.columns = {col("variable", T("col.variable"), Role::category), col("adult_plan", T("col.adult_plan"), Role::category),
               col("n", Text::key("col.n"), Role::count), col("mean", Text::key("stat.mean"), Role::statistic, 2),
               col("median", Text::key("stat.median"), Role::statistic, 1),
               col("min", Text::key("stat.min"), Role::statistic, 0), col("q1", Text::key("stat.q1"), Role::statistic, 1),
               col("q3", Text::key("stat.q3"), Role::statistic, 1), col("max", Text::key("stat.max"), Role::statistic, 0)};
  Table m = make_table("mann_whitney", T("plan_adult_groups.mann_whitney"));
  m.columns = {col("variable", T("col.variable"), Role::category),
               col("n_without", T("col.n_without"), Role::count),
               col("n_with", T("col.n_with"), Role::count),
               col("w", T("col.w"), Role::statistic, 2),
               col("z", T("col.z"), Role::statistic, 3),
               col("p", T("col.p"), Role::statistic, 4),
               col("r", T("col.r"), Role::statistic, 3)};
  Table lg = make_table("logistic", T("plan_adult_groups.logistic"));
  lg.columns = {col("predictor", T("col.variable"), Role::category),
                col("n", Text::key("col.n"), Role::count),
                col("beta", T("col.beta"), Role::statistic, 3),
                col("se", T("col.se"), Role::statistic, 3),
                col("z", T("col.z"), Role::statistic, 3),
                col("p", T("col.p"), Role::statistic, 4),
                col("odds_ratio", T("col.odds_ratio"), Role::statistic, 3),
                col("or_lower", T("col.or_lower"), Role::lower, 3),
                col("or_upper", T("col.or_upper"), Role::upper, 3),
                col("minus2ll", T("col.minus2ll"), Role::statistic, 2)};
  for (int v = 0; v < 2; ++v) {
    for (int p = 0; p < 2; ++p) {
      std::vector<double> copy = group[v][p];
      const stats::Summary ds = stats::summarize(copy);
      // Quartiles (R type 7) for the box plot of the two groups.
      const stats::Descriptives q = stats::describe(group[v][p]);
      const bool none = group[v][p].empty();
      g.rows.push_back({L(var_keys[v]), L(p ? "value.yes" : "value.no"), Value::of(long(group[v][p].size())),
                        none ? Value::na() : num(ds.mean), none ? Value::na() : num(ds.median),
                        none ? Value::na() : num(q.min), none ? Value::na() : num(q.q1),
                        none ? Value::na() : num(q.q3), none ? Value::na() : num(q.max)});
    }
    // First group = without an adult plan, so W is that group's U and z is negative when the plan group has more.
    const MannWhitney mw = mann_whitney(group[v][0], group[v][1], counts[v]);
    m.rows.push_back({L(var_keys[v]), Value::of(mw.n_x), Value::of(mw.n_y), num(mw.w), num(mw.z), num(mw.p),
                      num(mw.r)});
    TestResult t;
    t.name = mw.method;
    t.variant = mw.variant + "; " + T(var_keys[v]).en + "; first group: no adult plan";
    t.n = mw.n_x + mw.n_y;
    t.statistic = mw.w;
    t.statistic_name = "W";
    t.p = mw.p;
    t.effect_name = "r";
    t.effect = mw.r;
    t.warnings = mw.warnings;
    r.tests.push_back(t);

    const stats::LogisticResult lr = stats::logistic_regression_weighted(y[v], {x[v]}, w[v], {T(var_keys[v]).en});
    const stats::LogisticCoefficient* b = lr.coefficients.size() > 1 ? &lr.coefficients[1] : nullptr;
    lg.rows.push_back({L(var_keys[v]), Value::of(lr.info.n), num(b ? b->estimate : stats::kNaN),
                       num(b ? b->std_error : stats::kNaN), num(b ? b->z : stats::kNaN),
                       num(b ? b->p_value : stats::kNaN), num(b ? b->odds_ratio : stats::kNaN),
                       num(b ? b->or_lower : stats::kNaN), num(b ? b->or_upper : stats::kNaN), num(lr.minus2ll)});
    TestResult tl;
    tl.name = lr.info.method;
    tl.variant = lr.info.variant + "; adult plan ~ " + T(var_keys[v]).en + "; Wald";
    tl.n = lr.info.n;
    tl.df = 1;
    tl.statistic = b ? b->z : stats::kNaN;
    tl.statistic_name = "z";
    tl.p = b ? b->p_value : stats::kNaN;
    tl.effect_name = "odds ratio";
    tl.effect = b ? b->odds_ratio : stats::kNaN;
    tl.warnings = warning_codes(lr.info);
    r.tests.push_back(tl);
  }
  r.tables.push_back(std::move(g));
  r.tables.push_back(std::move(m));
  r.tables.push_back(std::move(lg));
  r.notes.push_back(T("note.plan_adult_groups"));
  r.notes.push_back(T("note.plan_adult_groups_published"));
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
Result trend(const Data& d) {
  Result r;
  r.id = "sofs.trend";
  r.title = T("trend.title");
  r.unit = T("unit.closed_trajectories");
  // Distinct closing years, ascending, and each year's index by lookup over their span.
  int y_lo = std::numeric_limits<int>::max(), y_hi = std::numeric_limits<int>::min();
  d.each([&](size_t i, size_t) {
    if (d.closed[i]) {
      y_lo = std::min(y_lo, d.year[i]);
      y_hi = std::max(y_hi, d.year[i]);
    }
  });
  std::vector<int> years;
  std::vector<int> year_slot(y_hi >= y_lo ? size_t(int64_t(y_hi) - y_lo + 1) : 0, -1);
  d.each([&](size_t i, size_t) {
    if (d.closed[i]) year_slot[size_t(d.year[i] - y_lo)] = 0;
  });
  for (size_t k = 0; k < year_slot.size(); ++k)
    if (year_slot[k] == 0) {
      year_slot[k] = int(years.size());
      years.push_back(y_lo + int(k));
    }
  constexpr int kInd = 5;
  const char* ind_keys[kInd] = {"overview.adult_plan", "overview.child_plan", "step.woord_en_beeld",
                                "overview.all_steps", "trend.plan_b_network"};
  // Open trajectories are counted in an extra, unused slot (years.size()), so that no branch depends on the
  // status; the meeting counts of closed trajectories are gathered (year, count) first, then put per year.
  const size_t Y = years.size();
  std::vector<std::array<Share, kInd>> sh(Y + 1);
  std::vector<std::array<KindCounts, 3>> kinds(Y + 1);  // the first three indicators, one increment a cell
  std::vector<long> n(Y + 1, 0);
  int netwerk = -1;
  if (d.plan_b)
    for (size_t k = 0; k < d.plan_b->values.size(); ++k)
      if (d.plan_b->values[k] == "netwerk") netwerk = int(k);
  const CellKind *k_adult = d.kinds(d.step[kPlanVolwassenen]), *k_child = d.kinds(d.step[kPlanKind]),
                 *k_wp = d.kinds(d.step[kWoordEnBeeld]), *k_pb = d.kinds(d.plan_b), *k_m = d.kinds(d.meetings);
  const int32_t *v_pb = k_pb ? d.plan_b->value.data() : nullptr, *v_m = k_m ? d.meetings->value.data() : nullptr;
  auto kind_at = [](const CellKind* ks, size_t row) { return ks ? ks[row] : CellKind::Missing; };
  std::vector<std::pair<uint32_t, int32_t>> counted(d.size());  // (year slot, meeting count)
  size_t n_counted = 0;
  const uint8_t* closed = d.closed.data();
  const int* year = d.year.data();
  const int8_t* comp = d.all_steps.data();
  d.each([&](size_t i, size_t row) {
    const bool c = closed[i];
    const size_t y = c ? size_t(year_slot[size_t((c ? year[i] : y_lo) - y_lo)]) : Y;
    ++n[y];
    std::array<KindCounts, 3>& k = kinds[y];
    k[0].add(kind_at(k_adult, row));
    k[1].add(kind_at(k_child, row));
    k[2].add(kind_at(k_wp, row));
    std::array<Share, kInd>& s = sh[y];
    s[3].add(comp[i]);
    const CellKind pk = kind_at(k_pb, row);
    s[4].add(pk == CellKind::Value ? (v_pb[row] == netwerk ? 1 : 0) : -1);
    const int32_t m = v_m ? v_m[row] : -1;
    counted[n_counted] = {uint32_t(y), m};
    n_counted += c & (kind_at(k_m, row) == CellKind::Value) & (m >= 0);
  });
  sh.pop_back();
  kinds.pop_back();
  n.pop_back();
  for (size_t y = 0; y < Y; ++y)
    for (size_t k = 0; k < 3; ++k) sh[y][k] = kinds[y][k].share();
  std::vector<std::vector<double>> meetings(Y);
  {
    std::vector<size_t> per_year(Y, 0);
    for (size_t j = 0; j < n_counted; ++j) ++per_year[counted[j].first];
    for (size_t y = 0; y < Y; ++y) meetings[y].reserve(per_year[y]);
    for (size_t j = 0; j < n_counted; ++j) meetings[counted[j].first].push_back(counted[j].second);
  }
  Table t = make_table("indicators", T("trend.indicators"));
  t.columns = {col("indicator", T("col.indicator"), Role::category), col("year", T("col.closing_year"), Role::category)};
  share_columns(t.columns);
  Table ts = make_table("tests", T("table.tests"));
  ts.columns = {col("indicator", T("col.indicator"), Role::category),
                col("denominator_policy", T("col.denominator_policy"), Role::category),
                col("test", T("col.test"), Role::category),
                col("n", T("col.N"), Role::count),
                col("df1", T("col.df"), Role::statistic, 0),
                col("df2", T("col.df2"), Role::statistic, 0),
                col("statistic", T("col.statistic"), Role::statistic, 2),
                col("p", T("col.p"), Role::statistic, 4),
                col("effect", T("col.effect"), Role::statistic, 3)};
  for (int k = 0; k < kInd; ++k) {
    for (size_t y = 0; y < years.size(); ++y) {
      std::vector<Value> v{L(ind_keys[k]), Value::of(years[y])};
      share_values(v, sh[y][size_t(k)]);
      t.rows.push_back(std::move(v));
    }
    for (int variant = 0; variant < 2; ++variant) {
      const char* policy = variant == 0 ? "valid" : "all";
      stats::CountTable ct;
      for (size_t y = 0; y < years.size(); ++y) {
        const Share& s = sh[y][size_t(k)];
        ct.push_back({s.n, variant == 0 ? s.valid() - s.n : s.all - s.n});
      }
      const stats::ChiSquareResult chi = stats::chi_square(ct);
      r.tests.push_back(chi_test(chi, T(ind_keys[k]).en + " by closing year; denominator " + policy));
      ts.rows.push_back({L(ind_keys[k]), Value::str(policy), Value::str("chi-square"), Value::of(chi.info.n),
                         num(chi.df), Value::na(), num(chi.statistic), num(chi.p_value), num(chi.cramers_v)});
    }
  }
  Table m = make_table("meetings", T("trend.meetings"));
  m.columns = {col("year", T("col.closing_year"), Role::category), col("n_closed", T("col.n_closed"), Role::count),
               col("n", Text::key("col.n"), Role::count), col("mean", Text::key("stat.mean"), Role::statistic, 2),
               col("sd", Text::key("stat.sd"), Role::statistic, 2),
               col("median", Text::key("stat.median"), Role::statistic, 1)};
  for (size_t y = 0; y < years.size(); ++y) {
    std::vector<double> copy = meetings[y];
    const stats::Summary ds = stats::summarize(copy);
    const bool any = !meetings[y].empty();
    m.rows.push_back({Value::of(years[y]), Value::of(n[y]), Value::of(long(meetings[y].size())),
                      any ? num(ds.mean) : Value::na(), any ? num(ds.sd) : Value::na(),
                      any ? num(ds.median) : Value::na()});
  }
  const stats::AnovaResult an = stats::one_way_anova(meetings);
  {
    TestResult tr = test_result(an.info);
    tr.variant += "; network meetings by closing year; df2 = " +
                  (std::isnan(an.df2) ? std::string("NA") : std::to_string(long(an.df2)));
    tr.df = std::isnan(an.df1) ? -1 : an.df1;
    tr.statistic = an.f;
    tr.statistic_name = "F";
    tr.p = an.p_value;
    tr.effect_name = "η²";
    tr.effect = an.eta_squared;
    r.tests.push_back(tr);
    ts.rows.push_back({L("variable.meetings"), Value::str("numeric"), Value::str("ANOVA"), Value::of(an.info.n),
                       num(an.df1), num(an.df2), num(an.f), num(an.p_value), num(an.eta_squared)});
  }
  const stats::KruskalWallisResult kw = stats::kruskal_wallis(meetings);
  {
    TestResult tr = test_result(kw.info);
    tr.variant += "; network meetings by closing year";
    tr.df = std::isnan(kw.df) ? -1 : kw.df;
    tr.statistic = kw.statistic;
    tr.statistic_name = "Kruskal-Wallis chi-squared";
    tr.p = kw.p_value;
    r.tests.push_back(tr);
    ts.rows.push_back({L("variable.meetings"), Value::str("numeric"), Value::str("Kruskal-Wallis"),
                       Value::of(kw.info.n), num(kw.df), Value::na(), num(kw.statistic), num(kw.p_value),
                       Value::na()});
  }
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(m));
  r.tables.push_back(std::move(ts));
  r.notes.push_back(T("note.trend"));
  r.notes.push_back(T("note.trend_published"));
  r.notes.push_back(T("note.months_completed"));
  return r;
}

}  // namespace zicht::analysis::sofs::detail
