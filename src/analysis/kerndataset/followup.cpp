// The follow-up: the overview with its funnel, the moments with the three denominators of spec §1.2 (and the
// contacts that are due, Intern only), re-referral (cumulative shares and Kaplan–Meier with log-rank) and placement.
#include <algorithm>
#include <cmath>
#include <map>

#include "analysis/kerndataset/model.h"
#include "core/schema.h"
#include "core/table.h"
#include "stats/descriptives.h"
#include "stats/paired.h"
#include "stats/survival.h"

namespace zicht::analysis::kerndataset::detail {

namespace {

// ---- overview

Result overview(const Model& m) {
  Result r = make_result("kerndataset.overview", "kerndataset.result.overview", "kerndataset.unit.trajectories");
  const auto co = cohort(m);
  // The cohort trajectories with a (final) parent or child survey, marked by trajectory: the model's index finds
  // the trajectory, and a closed one is in the cohort.
  std::vector<char> with_parent(m.traj.size(), 0), with_child(m.traj.size(), 0);
  long n_with_parent = 0, n_with_child = 0;
  const auto mark = [&](const std::string& id, std::vector<char>& seen, long& count) {
    const Trajectory* t = m.find(id);
    if (!t || !t->closed) return;
    char& s = seen[size_t(t - m.traj.data())];
    if (!s) {
      s = 1;
      ++count;
    }
  };
  long parents = 0, workers = 0, children = 0;
  for (const auto& p : m.parents) {
    if (p.interim) continue;
    if (p.worker) {
      ++workers;
      continue;
    }
    ++parents;
    mark(p.traject, with_parent, n_with_parent);
  }
  for (const auto& c : m.children)
    if (!c.interim) {
      ++children;
      mark(c.traject, with_child, n_with_child);
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
    const bool cohort = key == "cohort";
    c.rows.push_back({L("kerndataset.overview." + key), Value::of(k), cohort ? Value::na() : Value::of(d),
                      cohort ? Value::na() : pct(k, d)});
  };
  add("cohort", n, n);
  add("with_parent_survey", n_with_parent, n);
  add("with_child_survey", n_with_child, n);
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
      if (st == MomentState::not_due || st == MomentState::no_consent) continue;  // no_consent here: withdrawn
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
  // The indicator catalogue (schema data): what each follow-up question measures, its source and moments.
  Table ind = make_table("indicators", "kerndataset.table.indicators");
  ind.columns = {col("indicator", "kerndataset.col.indicator", Role::category), col("domain", "kerndataset.col.domain", Role::category),
                 col("outcome", "kerndataset.col.outcome", Role::category), col("source", "kerndataset.col.source", Role::category),
                 col("moments", "kerndataset.col.moments", Role::category), col("status", "kerndataset.col.status", Role::category)};
  if (const core::Schema* sc = core::find_schema("kerndataset"))
    if (auto it = sc->settings.find("indicators"); it != sc->settings.end() && it->is_array())
      for (const auto& e : *it) {
        std::string moments;
        for (const auto& mo : e.value("moments", nlohmann::json::array())) moments += (moments.empty() ? "" : ", ") + mo.get<std::string>();
        const bool off = e.value("off", false);
        ind.rows.push_back({Value::str(e.value("nl", "")), Value::str(e.value("domain", "")), Value::str(e.value("outcome", "")),
                            Value::str(e.value("source", "")), Value::str(moments),
                            off ? Value::str(e.value("reason", "")) : L("kerndataset.indicator.in_use")});
      }
  r.tables.push_back(std::move(ind));
  View v;
  v.id = "funnel";
  v.kind = ViewKind::funnel;
  v.table = "funnel";
  v.x = "stage";
  v.y = {"n"};
  v.facet = "moment";
  v.unit = Unit::count;
  set_of(v, "kerndataset.of.trajectories");
  r.views.push_back(v);
  if (!m.have_follow) needs(r, "opvolging");
  if (withdrawn > 0)
    r.notes.push_back(counted("kerndataset.note.withdrawn", withdrawn));
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
    // valid: without the Missing (consented, due, but no row or no answer) — the answered among the contacts whose
    // outcome is known (answered or not reached).
    row.push_back(pct(answered, applicable - s[2]));
    row.push_back(Value::of(applicable - s[2]));
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
  View v = moment_bars("moments", m.opt.policy, "kerndataset.of.answered_followups");
  v.colour_key_all = "answer.ja";
  r.views.push_back(v);
  r.notes.push_back(Text::key("kerndataset.note.moment_rules"));
  long withdrawn = 0;
  for (const Trajectory* tr : co) withdrawn += tr->withdrawn != kNoDay;
  if (withdrawn > 0)
    r.notes.push_back(counted("kerndataset.note.withdrawn", withdrawn));
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
  View b = moment_bars("cumulative", m.opt.policy, "kerndataset.of.rereferred");
  b.colour_key_all = "group.others";  // a neutral colour: not one of the KM groups below
  r.views.push_back(b);
  View k = km_view("km", "", Text::key("kerndataset.of.trajectories"));
  k.series = "group";
  r.views.push_back(k);
  if (time[2].size() > 0 || left_out > 0)
    r.notes.push_back(counted("kerndataset.note.km_left_out", left_out + long(time[2].size())));
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

}  // namespace

std::vector<Result> followup_results(const Model& m) {
  return list_of<Result>(overview(m),
                          followup(m),
                          rereferral(m),
                          placement(m));
}

}  // namespace zicht::analysis::kerndataset::detail
