// The SofS result time_to_step (SPEC §3.1): days from the start to each step, Plan B in werking and the end in
// months (exact_months), the duration threshold, and the Kaplan–Meier curves of the key steps.
#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "analysis/sofs_common.h"
#include "stats/summary.h"
#include "stats/survival.h"

namespace zicht::analysis::sofs::detail {
namespace {

Value num(double v) { return Value::num(v); }

// The payload of a date cell minus a day, for every cell: modulo 2^32, so that any payload is safe (the exact
// difference for two dates). Loops write it for every cell and keep it for the dates, with no branch on the cell
// kind, which follows no pattern over the rows (such branches mispredict).
int32_t minus(int32_t payload, int32_t day) { return int32_t(uint32_t(payload) - uint32_t(day)); }

// Days from the start to each date (Value cell) of f in the selection, in selection order.
void days_from_start(const Data& d, const MappedField* f, std::vector<int32_t>& out) {
  const CellKind* ks = d.kinds(f);
  if (!ks) {
    out.clear();
    return;
  }
  out.resize(d.size());
  int32_t* o = out.data();
  const int32_t *days = f->value.data(), *start = d.start_day.data();
  size_t n = 0;
  d.each([&](size_t i, size_t row) {
    o[n] = minus(days[row], start[i]);
    n += ks[row] == CellKind::Value;
  });
  out.resize(n);
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------------
Result time_to_step(const Data& d) {
  Result r;
  r.id = "sofs.time_to_step";
  r.title = T("time_to_step.title");
  r.unit = T("unit.trajectories");
  Table t = make_table("times", T("time_to_step.times"));
  t.columns = {col("item", T("col.step"), Role::category), col("item_id", T("col.step_id"), Role::category),
               col("n", Text::key("col.n"), Role::count), col("n_negative", T("col.n_negative"), Role::count),
               col("mean", Text::key("stat.mean"), Role::statistic, 1),
               col("sd", Text::key("stat.sd"), Role::statistic, 1),
               col("median", Text::key("stat.median"), Role::statistic, 1),
               col("min", Text::key("stat.min"), Role::statistic, 1),
               col("max", Text::key("stat.max"), Role::statistic, 1)};
  // Times in whole days from the start (the months shown are exact_months of these): summarize_days gives the
  // numbers stats::summarize() gives on the months, without sorting doubles; all rows' samples at once.
  constexpr size_t kRows = kSteps + 2;  // the steps, Plan B in werking, the duration
  std::vector<std::vector<int32_t>> v(kRows);
  for (int s = 0; s < kSteps; ++s) days_from_start(d, d.step[s], v[size_t(s)]);
  days_from_start(d, d.plan_b_active, v[kSteps]);
  long pb_early = 0;  // at or before the start
  for (int32_t x : v[kSteps]) pb_early += x <= 0;
  const long pb_n = long(v[kSteps].size());
  const int D = d.opt->duration_months;
  long closed = 0, le = 0, gt = 0, eq = 0;
  std::vector<int32_t>& duration = v[kSteps + 1];
  {
    // Without branches on the status: each slot is written, and kept for a closed trajectory.
    duration.resize(d.size());
    int32_t* out = duration.data();
    const uint8_t* is_closed = d.closed.data();
    const int32_t *end = d.end_day.data(), *start = d.start_day.data();
    const int* months = d.months.data();
    uint32_t n = 0, n_le = 0, n_gt = 0, n_eq = 0;
    for (size_t i = 0; i < d.size(); ++i) {
      const uint32_t c = is_closed[i];
      out[n] = end[i] - start[i];
      n += c;
      n_le += c & uint32_t(months[i] <= D);
      n_gt += c & uint32_t(months[i] > D);
      n_eq += c & uint32_t(months[i] == D);
    }
    duration.resize(n);
    closed = n;
    le = n_le;
    gt = n_gt;
    eq = n_eq;
  }
  long neg[kRows];
  for (size_t k = 0; k < kRows; ++k) {
    neg[k] = 0;
    for (int32_t x : v[k]) neg[k] += x < 0;
  }
  const std::vector<stats::Summary> sums = stats::summarize_days(v, kDaysPerMonth);
  for (size_t k = 0; k < kRows; ++k) {
    const stats::Summary& ds = sums[k];
    const bool any = ds.n > 0;
    Value label = k < kSteps ? step_label(d, int(k)) : L(k == kSteps ? "step.plan_b_active" : "step.duration");
    const char* id = k < kSteps ? kStepIds[k] : k == kSteps ? "plan_b_in_werking" : "duration";
    t.rows.push_back({std::move(label), Value::str(id), Value::of(ds.n), Value::of(neg[k]),
                      any ? num(ds.mean) : Value::na(), any ? num(ds.sd) : Value::na(),
                      any ? num(ds.median) : Value::na(), any ? num(ds.min) : Value::na(),
                      any ? num(ds.max) : Value::na()});
  }
  r.tables.push_back(std::move(t));

  Table th = make_table("duration_threshold", T("time_to_step.duration_threshold"));
  th.columns = {col("indicator", T("col.indicator"), Role::category)};
  ratio_columns(th.columns);
  auto fmt = [&](const char* key) {
    Text o = T(key);
    for (std::string* s : {&o.nl, &o.en}) {
      const size_t p = s->find("{0}");
      if (p != std::string::npos) s->replace(p, 3, std::to_string(D));
    }
    return Value::label(o);
  };
  const std::pair<const char*, long> rows[] = {{"time_to_step.le", le},
                                               {"time_to_step.gt", gt},
                                               {"time_to_step.eq", eq},
                                               {"time_to_step.ge", gt + eq},
                                               {"time_to_step.lt", le - eq}};
  for (const auto& [key, n] : rows) {
    std::vector<Value> row{fmt(key)};
    ratio_values(row, n, closed);
    th.rows.push_back(std::move(row));
  }
  r.tables.push_back(std::move(th));

  Table pb = make_table("plan_b_start", T("time_to_step.plan_b_start"));
  pb.columns = {col("indicator", T("col.indicator"), Role::category)};
  ratio_columns(pb.columns);
  {
    std::vector<Value> row{L("time_to_step.plan_b_at_or_before")};
    ratio_values(row, pb_early, pb_n);
    pb.rows.push_back(std::move(row));
  }
  r.tables.push_back(std::move(pb));

  // Kaplan–Meier for the key steps: event = the step's date; "nee" censored at the end date (closed) or the as-of
  // date (open); Missing and "ja" without a date left out (time unknown). Times before the start count as 0.
  Table km = make_table("km", T("time_to_step.km"));
  km.columns = {col("step", T("col.step"), Role::category), col("step_id", T("col.step_id"), Role::category),
                col("time", T("col.time_months"), Role::statistic, 2),
                col("n_risk", T("col.n_risk"), Role::count), col("n_event", T("col.n_event"), Role::count),
                col("n_censor", T("col.n_censor"), Role::count),
                col("survival", T("col.survival"), Role::statistic, 3),
                col("lower", T("col.lower95"), Role::lower, 3), col("upper", T("col.upper95"), Role::upper, 3)};
  Table ks = make_table("km_summary", T("time_to_step.km_summary"));
  ks.columns = {col("step", T("col.step"), Role::category), col("step_id", T("col.step_id"), Role::category),
                col("n", Text::key("col.n"), Role::count), col("n_event", T("col.n_event"), Role::count),
                col("n_censor", T("col.n_censor"), Role::count), col("excluded", T("col.excluded"), Role::count),
                col("median", T("col.km_median"), Role::statistic, 1),
                col("median_lower", T("col.lower95"), Role::lower, 1),
                col("median_upper", T("col.upper95"), Role::upper, 1)};
  const int km_steps[] = {kVeiligheidsdoel, kWoordEnBeeld, kPlanVolwassenen, kPlanKind};
  // Censoring times (days from the start to the end or as-of date, negative → 0) once for every row.
  std::vector<int32_t> follow_up(d.size());
  for (size_t i = 0; i < d.size(); ++i) follow_up[i] = std::max(0, d.end_day[i] - d.start_day[i]);
  std::vector<int32_t> event_days, censor_days;
  for (int s : km_steps) {
    // Times in whole days (negative → 0); the curve's time is exact_months of the day, as before. The events are
    // the step's days from the start found above (v: the same values; their order does not matter here).
    const std::vector<int32_t>& days_s = v[size_t(s)];
    event_days.resize(days_s.size());
    for (size_t j = 0; j < days_s.size(); ++j) event_days[j] = std::max(0, days_s[j]);
    const size_t n_event = event_days.size();
    size_t n_censor = 0;
    if (const CellKind* step_kinds = d.kinds(d.step[s])) {
      // Without branches on the cell kind: each slot is written, and kept when it applies.
      censor_days.resize(d.size());
      int32_t* ce = censor_days.data();
      const int32_t* fu = follow_up.data();
      d.each([&](size_t i, size_t row) {
        ce[n_censor] = fu[i];
        n_censor += step_kinds[row] == CellKind::No;
      });
    }
    censor_days.resize(n_censor);
    const long excluded = long(d.size() - n_event - n_censor);
    const stats::KaplanMeierResult res = stats::kaplan_meier_days(event_days, censor_days, kDaysPerMonth);
    const Value label = step_label(d, s), id = Value::str(kStepIds[s]);
    km.rows.reserve(km.rows.size() + res.rows.size());
    for (const auto& row : res.rows)
      km.rows.push_back(list_of<Value>(label, id, num(row.time), Value::of(row.n_risk), Value::of(row.n_event),
                                       Value::of(row.n_censor), num(row.surv), num(row.lower), num(row.upper)));
    ks.rows.push_back({label, id, Value::of(res.info.n), Value::of(res.events),
                       Value::of(res.info.n - res.events), Value::of(excluded), num(res.median_log.median),
                       num(res.median_log.lower), num(res.median_log.upper)});
  }
  r.tables.push_back(std::move(km));
  r.tables.push_back(std::move(ks));
  r.notes.push_back(T("note.time_to_step"));
  r.notes.push_back(T("note.months_exact"));
  r.notes.push_back(T("note.months_completed"));
  r.notes.push_back(T("note.km"));
  r.notes.push_back(T("note.time_published"));
  for (const char* rule : {"step_before_start", "plan_b_before_start", "end_before_start"})
    for (const auto& f : d.rule(rule).flags) r.flags.push_back(f);
  return r;
}

}  // namespace zicht::analysis::sofs::detail
