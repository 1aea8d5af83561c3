// The follow-up: the overview with its funnel, the moments with the three denominators of spec §1.2 (and the
// contacts that are due, Intern only), re-referral (cumulative shares and Kaplan–Meier with log-rank), placement,
// the network counts over the moments, sustainability and the impact profile per trajectory.
#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/kerndataset/model.h"
#include "core/table.h"
#include "stats/descriptives.h"
#include "stats/paired.h"
#include "stats/survival.h"

namespace zicht::analysis::kerndataset::detail {

namespace {

Value moment_label(int k) { return L(std::string("kerndataset.moment.") + kMomentCodes[k]); }

// The cohort: closed trajectories (with a SofS link: closed there; without: those with an afronding row).
std::vector<const Trajectory*> cohort(const Model& m) {
  std::vector<const Trajectory*> out;
  for (const auto& t : m.traj)
    if (t.closed) out.push_back(&t);
  return out;
}

std::string day_text(int32_t d) {
  if (d == kNoDay) return {};
  int y;
  unsigned mo, dd;
  core::civil_from_days(d, y, mo, dd);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", dd, mo, y);
  return buf;
}

// The latest answered follow-up row after closure (or null).
const FollowRow* last_later(const Trajectory& t) {
  for (int k = kMoments - 1; k >= 1; --k)
    if (t.at[size_t(k)] && t.at[size_t(k)]->reached != 0 && t.at[size_t(k)]->answered()) return t.at[size_t(k)];
  return nullptr;
}

void three_denominators(std::vector<Column>& c) {
  for (const char* p : {"valid", "applicable", "all"}) {
    c.push_back(col(std::string("pct_") + p, std::string("kerndataset.col.pct_") + p, Role::percent, 1));
    c.push_back(col(std::string("denom_") + p, std::string("kerndataset.col.denom_") + p, Role::denominator, 0));
  }
}

// ---- overview

Result overview(const Model& m) {
  Result r = make_result("kerndataset.overview", "kerndataset.result.overview", "kerndataset.unit.trajectories");
  const auto co = cohort(m);
  std::map<std::string, bool> in_cohort;
  for (const Trajectory* t : co) in_cohort[t->id] = true;
  std::map<std::string, bool> with_parent, with_child;
  long parents = 0, workers = 0, children = 0;
  for (const auto& p : m.parents) {
    if (p.interim) continue;
    if (p.worker) {
      ++workers;
      continue;
    }
    ++parents;
    if (in_cohort.count(p.traject)) with_parent[p.traject] = true;
  }
  for (const auto& c : m.children)
    if (!c.interim) {
      ++children;
      if (in_cohort.count(c.traject)) with_child[c.traject] = true;
    }
  long consent[4] = {};  // ja, nee, niet gevraagd, onbekend
  long withdrawn = 0;
  for (const Trajectory* t : co) {
    consent[t->consent == "ja" ? 0 : t->consent == "nee" ? 1 : t->consent == "niet gevraagd" ? 2 : 3]++;
    withdrawn += t->withdrawn != kNoDay;
  }
  const long n = long(co.size());
  Table c = make_table("cohort", "kerndataset.table.cohort");
  c.columns = {col("what", "kerndataset.col.what", Role::category), col("n", "kerndataset.col.n", Role::count, 0),
               col("denom", "kerndataset.col.denom", Role::denominator, 0), col("pct", "kerndataset.col.pct", Role::percent, 1)};
  // The first row is the cohort itself: a count, never a "100 %".
  auto add = [&](const std::string& key, long k, long d) {
    c.rows.push_back({L("kerndataset.overview." + key), Value::of(k), Value::of(d), key == "cohort" ? Value::na() : pct(k, d)});
  };
  add("cohort", n, n);
  add("with_parent_survey", long(with_parent.size()), n);
  add("with_child_survey", long(with_child.size()), n);
  add("consent_yes", consent[0], n);
  add("consent_no", consent[1], n);
  add("consent_not_asked", consent[2], n);
  add("consent_unknown", consent[3], n);
  add("withdrawn", withdrawn, consent[0]);
  r.tables.push_back(std::move(c));
  Table s = make_table("sources", "kerndataset.table.sources");
  s.columns = {col("what", "kerndataset.col.what", Role::category), col("n", "kerndataset.col.n", Role::count, 0)};
  s.rows.push_back({L("kerndataset.overview.parent_surveys"), Value::of(parents)});
  s.rows.push_back({L("kerndataset.overview.worker_estimates"), Value::of(workers)});
  s.rows.push_back({L("kerndataset.overview.child_surveys"), Value::of(children)});
  s.rows.push_back({L("kerndataset.overview.self_respondents"), Value::of(long(m.self.size()))});
  s.rows.push_back({L("kerndataset.overview.panel_cases"), Value::of(long(m.cases.size()))});
  r.tables.push_back(std::move(s));
  // The follow-up funnel per later moment: cohort → consent → due → reached → answered.
  Table f = make_table("funnel", "kerndataset.table.funnel");
  f.columns = {col("moment", "kerndataset.col.moment", Role::category), col("stage", "kerndataset.col.stage", Role::category),
               col("n", "kerndataset.col.n", Role::count, 0)};
  for (int k = 1; k < kMoments; ++k) {
    long consented = 0, due = 0, reached = 0, answered = 0;
    for (const Trajectory* t : co) {
      if (t->consent != "ja") continue;
      ++consented;
      const MomentState st = m.state(*t, k);
      if (st == MomentState::not_due) continue;
      ++due;
      const FollowRow* row = t->at[size_t(k)];
      if (row && row->reached != 0 && (row->reached == 1 || row->answered())) ++reached;
      answered += st == MomentState::answered;
    }
    for (auto [key, v] : std::initializer_list<std::pair<const char*, long>>{
             {"cohort", n}, {"consent_yes", consented}, {"due", due}, {"reached", reached}, {"answered", answered}})
      f.rows.push_back({moment_label(k), L(std::string("kerndataset.stage.") + key), Value::of(v)});
  }
  r.tables.push_back(std::move(f));
  View v;
  v.id = "funnel";
  v.kind = ViewKind::funnel;
  v.table = "funnel";
  v.x = "stage";
  v.y = {"n"};
  v.facet = "moment";
  v.unit = Unit::count;
  const Text of = Text::key("kerndataset.of.trajectories");
  v.of_nl = of.nl;
  v.of_en = of.en;
  r.views.push_back(v);
  if (!m.have_follow) needs(r, "opvolging");
  if (withdrawn > 0)
    r.notes.push_back(Text{Text::key("kerndataset.note.withdrawn").nl + " " + std::to_string(withdrawn),
                           Text::key("kerndataset.note.withdrawn").en + " " + std::to_string(withdrawn)});
  r.notes.push_back(Text::key(m.linked ? "kerndataset.note.cohort_linked" : "kerndataset.note.cohort_unlinked"));
  return r;
}

// ---- followup

Result followup(const Model& m) {
  Result r = make_result("kerndataset.followup", "kerndataset.result.followup", "kerndataset.unit.trajectories");
  if (!m.have_follow) {
    needs(r, "opvolging");
    return r;
  }
  const auto co = cohort(m);
  Table t = make_table("moments", "kerndataset.table.moments");
  t.columns = {col("moment", "kerndataset.col.moment", Role::category), col("n_all", "kerndataset.col.cohort", Role::count, 0),
               col("n_no_consent", "kerndataset.col.no_consent", Role::count, 0),
               col("n_not_due", "kerndataset.col.not_due", Role::count, 0),
               col("n_applicable", "kerndataset.col.applicable", Role::count, 0),
               col("n_not_reached", "kerndataset.col.not_reached", Role::count, 0),
               col("n_missing", "kerndataset.col.missing", Role::count, 0),
               col("n", "kerndataset.col.answered", Role::count, 0)};
  three_denominators(t.columns);
  for (int k = 1; k < kMoments; ++k) {
    long s[5] = {};
    for (const Trajectory* tr : co) s[int(m.state(*tr, k))]++;
    const long all = long(co.size()), applicable = all - s[0] - s[1], answered = s[4];
    std::vector<Value> row{moment_label(k), Value::of(all), Value::of(s[0]), Value::of(s[1]), Value::of(applicable),
                           Value::of(s[3]), Value::of(s[2]), Value::of(answered)};
    // valid: the answered among those reached and answered = 100 %; shown as the share of the applicable reached.
    row.push_back(pct(answered, applicable));
    row.push_back(Value::of(applicable));
    row.push_back(pct(answered, applicable));
    row.push_back(Value::of(applicable));
    row.push_back(pct(answered, all));
    row.push_back(Value::of(all));
    t.rows.push_back(std::move(row));
  }
  r.tables.push_back(std::move(t));
  // Contacts due and not yet made (Intern only: the privacy layer drops this table in Delen).
  Table d = make_table("due", "kerndataset.table.due");
  d.intern_only = true;
  d.columns = {col("traject_id", "kerndataset.col.traject_id", Role::category),
               col("moment", "kerndataset.col.moment", Role::category), col("due", "kerndataset.col.due_date", Role::category),
               col("channel", "kerndataset.col.channel", Role::category)};
  for (const Trajectory* tr : co) {
    if (tr->consent != "ja") continue;
    for (int k = 1; k < kMoments; ++k) {
      const int32_t due = tr->due(k);
      if (tr->withdrawn != kNoDay && due > tr->withdrawn) continue;  // consent withdrawn: never contacted again
      if (due == kNoDay || due > m.as_of + 31) continue;  // due now or within a month
      if (tr->at[size_t(k)] && tr->at[size_t(k)]->reached == 1) continue;
      std::string channel = tr->at[0] ? tr->at[0]->channel : std::string();
      d.rows.push_back({Value::str(tr->id), moment_label(k), Value::str(day_text(due)), Value::str(channel)});
    }
  }
  r.tables.push_back(std::move(d));
  View v;
  v.id = "moments";
  v.kind = ViewKind::bar;
  v.table = "moments";
  v.x = "moment";
  v.x_scale = Scale::ordinal;
  v.y = {"pct_" + m.opt.policy};
  v.unit = Unit::percent;
  v.numerators = {"n"};
  v.denominators = {"denom_" + m.opt.policy};
  v.policy = m.opt.policy;
  v.colour_key_all = "answer.ja";
  const Text of = Text::key("kerndataset.of.answered_followups");
  v.of_nl = of.nl;
  v.of_en = of.en;
  r.views.push_back(v);
  r.notes.push_back(Text::key("kerndataset.note.moment_rules"));
  long withdrawn = 0;
  for (const Trajectory* tr : co) withdrawn += tr->withdrawn != kNoDay;
  if (withdrawn > 0)
    r.notes.push_back(Text{Text::key("kerndataset.note.withdrawn").nl + " " + std::to_string(withdrawn),
                           Text::key("kerndataset.note.withdrawn").en + " " + std::to_string(withdrawn)});
  r.notes.push_back(Text::key("kerndataset.note.due_intern"));
  return r;
}

// ---- rereferral

Result rereferral(const Model& m) {
  Result r = make_result("kerndataset.rereferral", "kerndataset.result.rereferral", "kerndataset.unit.trajectories");
  if (!m.have_follow) {
    needs(r, "opvolging");
    return r;
  }
  const auto co = cohort(m);
  Table c = make_table("cumulative", "kerndataset.table.rereferral");
  c.columns = {col("moment", "kerndataset.col.moment", Role::category), col("n", "kerndataset.col.rereferred", Role::count, 0),
               col("n_known", "kerndataset.col.known", Role::count, 0)};
  three_denominators(c.columns);
  for (int k = 1; k < kMoments; ++k) {
    long yes = 0, known = 0, applicable = 0;
    for (const Trajectory* t : co) {
      const MomentState st = m.state(*t, k);
      if (st == MomentState::no_consent || st == MomentState::not_due) continue;
      ++applicable;
      // Cumulative since closure: a re-referral seen at an earlier moment still counts.
      int v = -1;
      for (int j = 1; j <= k; ++j)
        if (t->at[size_t(j)] && t->at[size_t(j)]->rereferral >= 0) v = std::max(v, t->at[size_t(j)]->rereferral);
      if (v >= 0) {
        ++known;
        yes += v;
      }
    }
    c.rows.push_back({moment_label(k), Value::of(yes), Value::of(known), pct(yes, known), Value::of(known),
                      pct(yes, applicable), Value::of(applicable), pct(yes, long(co.size())), Value::of(long(co.size()))});
  }
  r.tables.push_back(std::move(c));
  // Kaplan–Meier: time from closure to the first re-referral, censored at the last contact known free of one.
  std::vector<double> time[3];
  std::vector<bool> event[3];
  long left_out = 0;
  const std::string grouping = m.linked ? m.opt.rereferral_group : std::string();
  auto group_of = [&](const Trajectory& t) -> int {
    if (grouping == "all_steps") return t.all_steps == 1 ? 0 : t.all_steps == 0 ? 1 : 2;
    if (grouping == "plan_b") return t.plan_b == "netwerk" ? 0 : t.plan_b == "verblijf" ? 1 : 2;
    return 0;
  };
  for (const Trajectory* t : co) {
    if (t->consent != "ja" || t->end == kNoDay) continue;
    int32_t event_day = kNoDay, censor_day = kNoDay;
    for (int k = 1; k < kMoments; ++k) {
      const FollowRow* f = t->at[size_t(k)];
      if (!f || f->reached == 0) continue;
      if (f->rereferral == 1) {
        event_day = f->rereferral_date != kNoDay ? f->rereferral_date : f->date;
        break;
      }
      if (f->rereferral == 0 && f->date != kNoDay) censor_day = f->date;
    }
    const int g = group_of(*t);
    if (event_day != kNoDay && event_day >= t->end) {
      time[g].push_back(double(event_day - t->end) / core::kDaysPerMonth);
      event[g].push_back(true);
    } else if (censor_day != kNoDay) {
      time[g].push_back(double(censor_day - t->end) / core::kDaysPerMonth);
      event[g].push_back(false);
    } else {
      ++left_out;
    }
  }
  const char* const kGroupKeys[2][3] = {{"kerndataset.group.all_steps_yes", "kerndataset.group.all_steps_no", "kerndataset.group.unknown"},
                                        {"kerndataset.group.plan_b_netwerk", "kerndataset.group.plan_b_verblijf", "kerndataset.group.unknown"}};
  auto group_label = [&](int g) {
    if (grouping.empty()) return L("kerndataset.group.all");
    return L(kGroupKeys[grouping == "plan_b"][g]);
  };
  Table km = make_table("km", "kerndataset.table.km");
  km.columns = {col("group", "kerndataset.col.group", Role::category), col("time", "kerndataset.col.months", Role::statistic, 2),
                col("n_risk", "kerndataset.col.n_risk", Role::count, 0), col("n_event", "kerndataset.col.n_event", Role::count, 0),
                col("n_censor", "kerndataset.col.n_censor", Role::count, 0),
                col("survival", "kerndataset.col.survival", Role::statistic, 3),
                col("lower", "kerndataset.col.lower95", Role::lower, 3), col("upper", "kerndataset.col.upper95", Role::upper, 3)};
  std::vector<double> all_t;
  std::vector<bool> all_e;
  std::vector<int> all_g;
  int groups = 0;
  for (int g = 0; g < 2; ++g) {
    if (time[g].empty()) continue;
    ++groups;
    const stats::KaplanMeierResult fit = stats::kaplan_meier(time[g], event[g]);
    for (const auto& row : fit.rows)
      km.rows.push_back({group_label(g), Value::num(row.time), Value::of(row.n_risk), Value::of(row.n_event),
                         Value::of(row.n_censor), Value::num(row.surv), num_or_na(row.lower), num_or_na(row.upper)});
    all_t.insert(all_t.end(), time[g].begin(), time[g].end());
    all_e.insert(all_e.end(), event[g].begin(), event[g].end());
    all_g.insert(all_g.end(), time[g].size(), g);
  }
  r.tables.push_back(std::move(km));
  if (groups >= 2) {
    const stats::LogRankResult lr = stats::log_rank(all_t, all_e, all_g);
    TestResult t = test_result(lr.info);
    t.df = lr.df;
    t.statistic = lr.statistic;
    t.statistic_name = "Chisq";
    t.p = lr.p_value;
    r.tests.push_back(t);
  }
  View b;
  b.id = "cumulative";
  b.kind = ViewKind::bar;
  b.table = "cumulative";
  b.x = "moment";
  b.x_scale = Scale::ordinal;
  b.y = {"pct_" + m.opt.policy};
  b.unit = Unit::percent;
  b.numerators = {"n"};
  b.denominators = {"denom_" + m.opt.policy};
  b.policy = m.opt.policy;
  b.colour_key_all = "quality.flag";
  const Text of = Text::key("kerndataset.of.rereferred");
  b.of_nl = of.nl;
  b.of_en = of.en;
  r.views.push_back(b);
  View k = km_view("km", "", Text::key("kerndataset.of.trajectories"));
  k.series = "group";
  r.views.push_back(k);
  if (time[2].size() > 0 || left_out > 0)
    r.notes.push_back(Text{Text::key("kerndataset.note.km_left_out").nl + " " + std::to_string(left_out + long(time[2].size())),
                           Text::key("kerndataset.note.km_left_out").en + " " + std::to_string(left_out + long(time[2].size()))});
  r.notes.push_back(Text::key("kerndataset.note.rereferral_reading"));
  return r;
}

// ---- placement

Result placement(const Model& m) {
  Result r = make_result("kerndataset.placement", "kerndataset.result.placement", "kerndataset.unit.trajectories");
  if (!m.have_follow) {
    needs(r, "opvolging");
    return r;
  }
  const auto co = cohort(m);
  long none = 0, network = 0, stay = 0, yes_unknown = 0, unknown = 0;
  for (const Trajectory* t : co) {
    const FollowRow* f = t->at[0];
    if (!f || f->placement < 0) {
      ++unknown;
    } else if (f->placement == 0) {
      ++none;
    } else if (f->placement_where == "natuurlijk netwerk") {
      ++network;
    } else if (f->placement_where == "verblijf") {
      ++stay;
    } else {
      ++yes_unknown;
    }
  }
  const long valid = none + network + stay + yes_unknown, all = long(co.size());
  Table t = make_table("placement", "kerndataset.table.placement");
  t.columns = {col("category", "kerndataset.col.category", Role::category), col("n", "kerndataset.col.n", Role::count, 0)};
  three_denominators(t.columns);
  auto add = [&](const Value& label, long n, bool category) {
    t.rows.push_back({label, Value::of(n), category ? pct(n, valid) : Value::na(), Value::of(valid),
                      category ? pct(n, valid) : Value::na(), Value::of(valid), pct(n, all), Value::of(all)});
  };
  add(L("kerndataset.placement.none"), none, true);
  add(L("kerndataset.placement.network"), network, true);
  add(L("kerndataset.placement.stay"), stay, true);
  add(L("kerndataset.placement.where_unknown"), yes_unknown, true);
  add(L("kerndataset.placement.unknown"), unknown, false);
  Table s = make_table("table9", "kerndataset.table.table9_4");
  s.columns = {col("what", "kerndataset.col.what", Role::category), col("n", "kerndataset.col.n", Role::count, 0),
               col("denom", "kerndataset.col.denom", Role::denominator, 0), col("pct", "kerndataset.col.pct", Role::percent, 1)};
  s.rows.push_back({L("kerndataset.placement.no_placement_outside"), Value::of(none + network),
                    Value::of(none + network + stay), pct(none + network, none + network + stay)});
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(s));
  View v = percent_view(r.tables[0], "category", m.opt.policy, Text::key("kerndataset.of.closed_trajectories"));
  v.rows.push_back(RowCondition{"category", {}, {Text::key("kerndataset.placement.unknown").nl}});
  v.orientation = Orientation::horizontal;
  r.views.push_back(v);
  r.notes.push_back(Text::key("kerndataset.note.placement_source"));
  return r;
}

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
    fr.rows.push_back({measure, Value::of(f.n_blocks), Value::of(f.n_dropped), num_or_na(f.statistic), num_or_na(f.df),
                       num_or_na(f.p_value), num_or_na(f.kendall_w)});
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
  const Text of = Text::key("kerndataset.of.persons_median");
  v.of_nl = of.nl;
  v.of_en = of.en;
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
  View v;
  v.id = "moments";
  v.kind = ViewKind::bar;
  v.table = "moments";
  v.x = "moment";
  v.x_scale = Scale::ordinal;
  v.series = "indicator";
  v.y = {"pct_" + m.opt.policy};
  v.unit = Unit::percent;
  v.numerators = {"n"};
  v.denominators = {"denom_" + m.opt.policy};
  v.policy = m.opt.policy;
  const Text of = Text::key("kerndataset.of.followed_trajectories");
  v.of_nl = of.nl;
  v.of_en = of.en;
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
    // 2. The parent's safety scale kept or rose after closure.
    s[1] = f0 && last && f0->safety >= 0 && last->safety >= 0 ? (last->safety >= f0->safety ? '+' : '-') : '?';
    // 4. No placement outside the natural network.
    s[2] = f0 && f0->placement == 0 ? '+'
           : f0 && f0->placement == 1 ? (f0->placement_where == "natuurlijk netwerk" ? '+' : f0->placement_where == "verblijf" ? '-' : '?')
                                     : '?';
    // 5. Network figures kept or rose after closure.
    s[3] = f0 && last && f0->counts[0] >= 0 && last->counts[0] >= 0 ? (last->counts[0] >= f0->counts[0] ? '+' : '-') : '?';
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
      g.rows.push_back({Value::str(p), Value::str(label), Value::str(""),
                        L(std::string("kerndataset.impact.class.") + cls), Value::str(kInd[i]),
                        L(std::string("kerndataset.impact.indicator.") + kInd[i]), Value::str(cls)});
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
  v.colour_keys = {{"plus", "impact.plus"}, {"min", "impact.min"}, {"onbekend", "impact.onbekend"}};
  const Text of = Text::key("kerndataset.of.impact_legend");
  v.of_nl = of.nl;
  v.of_en = of.en;
  r.views.push_back(v);
  r.notes.push_back(Text::key("kerndataset.note.table9_3_off"));
  r.notes.push_back(Text::key("kerndataset.note.impact_rules"));
  r.notes.push_back(Text::key("kerndataset.note.read_as_whole"));
  return r;
}

}  // namespace

std::vector<Result> followup_results(const Model& m) {
  return {overview(m), followup(m), rereferral(m), placement(m), network(m), sustainability(m), impact_profile(m)};
}

}  // namespace zicht::analysis::kerndataset::detail
