// What lasts after closure: the network counts over the moments (paired Wilcoxon against closure, Friedman with
// Kendall's W), sustainability (McNemar, Cochran's Q) and the impact profile per trajectory (patterns of the four
// retained Table 9 indicators and sustainability).
#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/kerndataset/model.h"
#include "stats/descriptives.h"
#include "stats/paired.h"

namespace zicht::analysis::kerndataset::detail {

namespace {

// ---- network

const char* const kCountKeys[3] = {"kerndataset.measure.network_figures", "kerndataset.measure.persons_parent",
                                   "kerndataset.measure.persons_minor"};

Result network(const Model& m) {
  Result r = make_result("kerndataset.network", "kerndataset.result.network", "kerndataset.unit.trajectories");
  if (!m.have_follow) {
    needs(r, "opvolging");
    return r;
  }
  const auto co = cohort(m);
  Table t = make_table("moments", "kerndataset.table.network");
  t.columns = {col("measure", "kerndataset.col.measure", Role::category), col("moment", "kerndataset.col.moment", Role::category),
               col("n", "kerndataset.col.n", Role::count, 0), col("median", "kerndataset.col.median", Role::statistic, 1),
               col("q1", "kerndataset.col.q1", Role::statistic, 1), col("q3", "kerndataset.col.q3", Role::statistic, 1),
               col("mean", "kerndataset.col.mean", Role::statistic, 2)};
  Table c = make_table("change", "kerndataset.table.network_change");
  c.columns = {col("measure", "kerndataset.col.measure", Role::category), col("moment", "kerndataset.col.moment", Role::category),
               col("n_pairs", "kerndataset.col.n_pairs", Role::count, 0), col("up", "kerndataset.col.up", Role::count, 0),
               col("equal", "kerndataset.col.equal", Role::count, 0), col("down", "kerndataset.col.down", Role::count, 0),
               col("v", "kerndataset.col.v", Role::statistic, 1), col("p", "kerndataset.col.p", Role::statistic, 4),
               col("hl", "kerndataset.col.hodges_lehmann", Role::statistic, 2)};
  Table fr = make_table("friedman", "kerndataset.table.friedman");
  fr.columns = {col("measure", "kerndataset.col.measure", Role::category), col("n_complete", "kerndataset.col.complete", Role::count, 0),
                col("n_dropped", "kerndataset.col.dropped", Role::count, 0), col("chi2", "kerndataset.col.chi2", Role::statistic, 2),
                col("df", "kerndataset.col.df", Role::statistic, 0), col("p", "kerndataset.col.p", Role::statistic, 4),
                col("w", "kerndataset.col.kendall_w", Role::statistic, 3)};
  auto value_at = [](const Trajectory* tr, int k, int measure) -> double {
    const FollowRow* f = tr->at[size_t(k)];
    return f && f->reached != 0 && f->counts[measure] >= 0 ? double(f->counts[measure]) : NAN;
  };
  for (int q = 0; q < 3; ++q) {
    const Value measure = L(kCountKeys[q]);
    for (int k = 0; k < kMoments; ++k) {
      std::vector<double> v;
      for (const Trajectory* tr : co) {
        if (k > 0 && m.state(*tr, k) != MomentState::answered) continue;
        const double x = value_at(tr, k, q);
        if (std::isfinite(x)) v.push_back(x);
      }
      const stats::Descriptives d = stats::describe(v);
      t.rows.push_back({measure, moment_label(k), Value::of(long(v.size())), num_or_na(d.median), num_or_na(d.q1),
                        num_or_na(d.q3), num_or_na(d.mean)});
      if (k == 0) continue;
      std::vector<double> later, closure;
      long up = 0, eq = 0, down = 0;
      for (const Trajectory* tr : co) {
        if (m.state(*tr, k) != MomentState::answered) continue;
        const double a = value_at(tr, 0, q), b = value_at(tr, k, q);
        if (!std::isfinite(a) || !std::isfinite(b)) continue;
        later.push_back(b);
        closure.push_back(a);
        up += b > a;
        eq += b == a;
        down += b < a;
      }
      const stats::SignedRankResult w = stats::wilcoxon_signed_rank(later, closure);
      c.rows.push_back({measure, moment_label(k), Value::of(long(later.size())), Value::of(up), Value::of(eq),
                        Value::of(down), num_or_na(w.v), num_or_na(w.p_value), num_or_na(w.hodges_lehmann)});
    }
    // Friedman over closure, +6 and +12 on the complete cases; the dropped are counted.
    std::vector<std::vector<double>> rows;
    for (const Trajectory* tr : co) {
      bool any = false;
      std::vector<double> row;
      for (int k = 0; k < 3; ++k) {
        const double x = k == 0 || m.state(*tr, k) == MomentState::answered ? value_at(tr, k, q) : NAN;
        any |= std::isfinite(x);
        row.push_back(x);
      }
      if (any) rows.push_back(row);
    }
    const stats::FriedmanResult f = stats::friedman(rows);
    // R's friedman.test refuses a single complete block; so does Zicht (no statistic, the counts stay).
    const bool enough = f.n_blocks >= 2;
    fr.rows.push_back({measure, Value::of(f.n_blocks), Value::of(f.n_dropped),
                       enough ? num_or_na(f.statistic) : Value::na(), enough ? num_or_na(f.df) : Value::na(),
                       enough ? num_or_na(f.p_value) : Value::na(), enough ? num_or_na(f.kendall_w) : Value::na()});
  }
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(c));
  r.tables.push_back(std::move(fr));
  View v;
  v.id = "medians";
  v.kind = ViewKind::line;
  v.table = "moments";
  v.x = "moment";
  v.x_scale = Scale::ordinal;
  v.series = "measure";
  v.y = {"median"};
  v.unit = Unit::count;
  set_of(v, "kerndataset.of.persons_median");
  r.views.push_back(v);
  r.notes.push_back(Text::key("kerndataset.note.network_tests"));
  return r;
}

// ---- sustainability

Result sustainability(const Model& m) {
  Result r = make_result("kerndataset.sustainability", "kerndataset.result.sustainability", "kerndataset.unit.trajectories");
  if (!m.have_follow) {
    needs(r, "opvolging");
    return r;
  }
  const auto co = cohort(m);
  // Per indicator and moment: 1 / 0 / unknown for each trajectory answered at that moment.
  auto meets = [](const FollowRow* f) -> int {
    if (!f || f->meets.empty()) return -1;
    return f->meets == "niet meer" ? 0 : 1;
  };
  auto adjusted = [](const FollowRow* f) -> int { return f ? f->plan_adjusted : -1; };
  const char* const kKeys[2] = {"kerndataset.indicator.network_meets", "kerndataset.indicator.plan_adjusted"};
  Table t = make_table("moments", "kerndataset.table.sustainability");
  t.columns = {col("indicator", "kerndataset.col.indicator", Role::category), col("moment", "kerndataset.col.moment", Role::category),
               col("n", "kerndataset.col.n_yes", Role::count, 0), col("n_known", "kerndataset.col.known", Role::count, 0)};
  three_denominators(t.columns);
  for (int ind = 0; ind < 2; ++ind)
    for (int k = 1; k < kMoments; ++k) {
      long yes = 0, known = 0, applicable = 0;
      for (const Trajectory* tr : co) {
        const MomentState st = m.state(*tr, k);
        if (st == MomentState::no_consent || st == MomentState::not_due) continue;
        ++applicable;
        const FollowRow* f = st == MomentState::answered ? tr->at[size_t(k)] : nullptr;
        const int v = ind == 0 ? meets(f) : adjusted(f);
        if (v >= 0) {
          ++known;
          yes += v;
        }
      }
      t.rows.push_back({L(kKeys[ind]), moment_label(k), Value::of(yes), Value::of(known), pct(yes, known), Value::of(known),
                        pct(yes, applicable), Value::of(applicable), pct(yes, long(co.size())), Value::of(long(co.size()))});
    }
  r.tables.push_back(std::move(t));
  int from = 1, to = 2;
  for (int k = 1; k < kMoments; ++k) {
    if (m.opt.sustainability_from == kMomentCodes[k]) from = k;
    if (m.opt.sustainability_to == kMomentCodes[k]) to = k;
  }
  Table tests = make_table("tests", "kerndataset.table.sustainability_tests");
  tests.columns = {col("indicator", "kerndataset.col.indicator", Role::category), col("test", "kerndataset.col.test", Role::category),
                   col("n", "kerndataset.col.n", Role::count, 0), col("statistic", "kerndataset.col.statistic", Role::statistic, 3),
                   col("df", "kerndataset.col.df", Role::statistic, 0), col("p", "kerndataset.col.p", Role::statistic, 4)};
  for (int ind = 0; ind < 2; ++ind) {
    stats::CountTable tab(2, std::vector<long>(2, 0));
    long pairs = 0;
    std::vector<std::vector<double>> rows;
    for (const Trajectory* tr : co) {
      auto at = [&](int k) {
        const FollowRow* f = m.state(*tr, k) == MomentState::answered ? tr->at[size_t(k)] : nullptr;
        return ind == 0 ? meets(f) : adjusted(f);
      };
      const int a = at(from), b = at(to);
      if (a >= 0 && b >= 0) {
        ++tab[size_t(1 - a)][size_t(1 - b)];
        ++pairs;
      }
      std::vector<double> row;
      bool any = false;
      for (int k = 1; k < kMoments; ++k) {
        const int v = at(k);
        any |= v >= 0;
        row.push_back(v >= 0 ? double(v) : NAN);
      }
      if (any) rows.push_back(row);
    }
    const Value label = L(kKeys[ind]);
    if (pairs > 0) {
      const stats::McNemarResult mc = stats::mcnemar(tab);
      const std::string name = std::string("McNemar ") + kMomentCodes[from] + " → " + kMomentCodes[to];
      tests.rows.push_back({label, Value::str(name), Value::of(pairs), num_or_na(mc.statistic), num_or_na(mc.df),
                            num_or_na(mc.p_value)});
      TestResult tr = make_test("McNemar's Chi-squared test with continuity correction", name, pairs, mc.statistic,
                                "McNemar's chi-squared", mc.df, mc.p_value);
      tr.warnings = warning_codes(mc.info);
      if (mc.small) tr.warnings.push_back("mcnemar_small_offer_exact");
      r.tests.push_back(tr);
    }
    const stats::CochranQResult q = stats::cochran_q(rows);
    if (q.n_subjects > 0) {
      tests.rows.push_back({label, Value::str("Cochran's Q (6m, 12m, 24m)"), Value::of(q.n_subjects), num_or_na(q.q),
                            num_or_na(q.df), num_or_na(q.p_value)});
      TestResult tr = make_test("Cochran's Q test", "complete cases", q.n_subjects, q.q, "Q", q.df, q.p_value);
      tr.warnings = warning_codes(q.info);
      r.tests.push_back(tr);
    }
  }
  r.tables.push_back(std::move(tests));
  View v = moment_bars("moments", m.opt.policy, "kerndataset.of.followed_trajectories");
  v.series = "indicator";
  r.views.push_back(v);
  r.notes.push_back(Text::key("kerndataset.note.sustainability"));
  return r;
}

// ---- impact profile

Result impact_profile(const Model& m) {
  Result r = make_result("kerndataset.impact_profile", "kerndataset.result.impact_profile", "kerndataset.unit.trajectories");
  if (!m.have_follow) {
    needs(r, "opvolging");
    return r;
  }
  const auto co = cohort(m);
  // The four retained Table 9 indicators and sustainability, each + / − / ? per trajectory.
  const char* const kInd[5] = {"rereferral", "safety", "placement", "network", "sustained"};
  std::map<std::string, long> patterns;
  std::vector<std::string> order;
  long all_positive = 0, with_follow = 0;
  for (const Trajectory* t : co) {
    if (t->consent != "ja") continue;
    const FollowRow* last = last_later(*t);
    const FollowRow* f0 = t->at[0];
    char s[5];
    // 1. No re-referral at the latest follow-up (cumulative).
    int rr = -1;
    for (int k = 1; k < kMoments; ++k)
      if (t->at[size_t(k)] && t->at[size_t(k)]->rereferral >= 0) rr = std::max(rr, t->at[size_t(k)]->rereferral);
    s[0] = rr == 0 ? '+' : rr == 1 ? '-' : '?';
    // The latest answered follow-up after closure that holds a value of the measure.
    auto latest = [&](auto value) -> int {
      for (int k = kMoments - 1; k >= 1; --k) {
        const FollowRow* f = t->at[size_t(k)];
        if (f && f->reached != 0 && f->answered() && value(*f) >= 0) return value(*f);
      }
      return -1;
    };
    const int safety_later = latest([](const FollowRow& f) { return f.safety; });
    const int figures_later = latest([](const FollowRow& f) { return f.counts[0]; });
    // 2. The parent's safety scale kept or rose after closure.
    s[1] = f0 && f0->safety >= 0 && safety_later >= 0 ? (safety_later >= f0->safety ? '+' : '-') : '?';
    // 4. No placement outside the natural network.
    s[2] = f0 && f0->placement == 0 ? '+'
           : f0 && f0->placement == 1 ? (f0->placement_where == "natuurlijk netwerk" ? '+' : f0->placement_where == "verblijf" ? '-' : '?')
                                     : '?';
    // 5. Network figures kept or rose after closure.
    s[3] = f0 && f0->counts[0] >= 0 && figures_later >= 0 ? (figures_later >= f0->counts[0] ? '+' : '-') : '?';
    // Sustainability: the network still meets at the latest follow-up.
    s[4] = last && !last->meets.empty() ? (last->meets == "niet meer" ? '-' : '+') : '?';
    if (!last) continue;  // no answered follow-up after closure: no profile
    ++with_follow;
    std::string p;
    for (int i = 0; i < 5; ++i) {
      if (i) p += ' ';
      p += s[i] == '-' ? "−" : std::string(1, s[i]);
    }
    if (!patterns.count(p)) order.push_back(p);
    ++patterns[p];
    all_positive += p == "+ + + + +";
  }
  std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) { return patterns[a] > patterns[b]; });
  Table t = make_table("patterns", "kerndataset.table.patterns");
  t.columns = {col("pattern", "kerndataset.col.pattern", Role::category), col("n", "kerndataset.col.n", Role::count, 0),
               col("denom", "kerndataset.col.denom", Role::denominator, 0), col("pct", "kerndataset.col.pct", Role::percent, 1)};
  for (const auto& p : order) t.rows.push_back({Value::str(p), Value::of(patterns[p]), Value::of(with_follow), pct(patterns[p], with_follow)});
  Table s = make_table("summary", "kerndataset.table.impact_summary");
  s.columns = t.columns;
  s.columns[0] = col("what", "kerndataset.col.what", Role::category);
  s.rows.push_back({L("kerndataset.impact.all_positive"), Value::of(all_positive), Value::of(with_follow), pct(all_positive, with_follow)});
  // The UpSet-style matrix: rows = patterns (most frequent first), columns = indicators, cell = + / − / ?.
  Table g = make_table("grid", "kerndataset.table.impact_grid");
  g.columns = {col("row_id", "kerndataset.col.pattern", Role::category), col("row_label", "kerndataset.col.pattern", Role::category),
               col("group", "kerndataset.col.group", Role::category), col("class_label", "kerndataset.col.value", Role::category),
               col("column_id", "kerndataset.col.indicator", Role::category), col("column_label", "kerndataset.col.indicator", Role::category),
               col("class", "kerndataset.col.value", Role::category)};
  for (const auto& p : order) {
    const std::string label = p + "  (" + std::to_string(patterns[p]) + ")";
    for (int i = 0; i < 5; ++i) {
      // The i-th mark of the pattern (marks are separated by single spaces; "−" is three bytes).
      size_t pos = 0;
      for (int j = 0; j < i; ++j) pos = p.find(' ', pos) + 1;
      const size_t end = p.find(' ', pos);
      const std::string mk = p.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
      const char* cls = mk == "+" ? "plus" : mk == "?" ? "onbekend" : "min";
      // The cell shows its mark (+, −, ?), so the map reads without colour.
      g.rows.push_back({Value::str(p), Value::str(label), Value::str(""),
                        L(std::string("kerndataset.impact.class.") + cls), Value::str(kInd[i]),
                        L(std::string("kerndataset.impact.indicator.") + kInd[i]), Value::str(mk)});
    }
  }
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(s));
  r.tables.push_back(std::move(g));
  View v;
  v.id = "grid";
  v.kind = ViewKind::heatmap;
  v.table = "grid";
  v.x = "column_label";
  v.x_key = "column_id";
  v.series = "class";
  v.columns = {"row_id", "row_label", "group", "class_label"};
  v.colour_keys = {{"+", "impact.plus"}, {"−", "impact.min"}, {"?", "impact.onbekend"}};
  set_of(v, "kerndataset.of.impact_legend");
  r.views.push_back(v);
  r.notes.push_back(Text::key("kerndataset.note.table9_3_off"));
  r.notes.push_back(Text::key("kerndataset.note.impact_rules"));
  r.notes.push_back(Text::key("kerndataset.note.read_as_whole"));
  return r;
}

}  // namespace

std::vector<Result> outcome_results(const Model& m) {
  return list_of<Result>(network(m),
                          sustainability(m),
                          impact_profile(m));
}

}  // namespace zicht::analysis::kerndataset::detail
