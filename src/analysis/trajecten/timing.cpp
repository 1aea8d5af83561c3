// Registrations never started (by reason and alternative) and the timing of the started ones: wait (registration →
// start, days) and duration (start → closure; completed months against the minimum, exact months for
// Kaplan–Meier, censored at the as-of date while lopend), the share under the minimum and the share extended.
#include <algorithm>
#include <map>

#include "analysis/trajecten/model.h"
#include "core/schema.h"
#include "core/table.h"
#include "stats/descriptives.h"
#include "stats/survival.h"

namespace zicht::analysis::trajecten::detail {

Result no_start_result(const Model& m) {
  Result r = make_result("trajecten.no_start", "trajecten.result.no_start", "trajecten.unit.not_started");
  if (!m.have) {
    needs_file(r);
    return r;
  }
  std::vector<std::string> order;
  if (const core::Schema* s = core::find_schema("trajecten"))
    if (const core::FieldSpec* f = s->field("reden_geen_opstart"))
      for (const auto& c : f->codes) order.push_back(c.code);
  std::map<std::string, long> n;
  std::map<std::pair<std::string, std::string>, long> alt;
  long den = 0, missing = 0;
  for (const auto& g : m.regs) {
    if (g.state != Start::not_started) continue;
    ++den;
    if (g.no_start_reason.empty()) ++missing;
    else n[g.no_start_reason]++;
    alt[{g.no_start_reason, g.alternative}]++;
  }
  Table t = make_table("reasons", "trajecten.table.no_start");
  t.columns = {col("reason", "trajecten.col.reason", Role::category), col("n", "trajecten.col.registrations", Role::count, 0),
               col("pct_fixed", "trajecten.col.pct_of_not_started", Role::percent, 1),
               col("denom_fixed", "trajecten.col.not_started", Role::denominator, 0)};
  for (const auto& x : order) {
    const long k = n.count(x) ? n[x] : 0;
    t.rows.push_back({Value::str(x), Value::of(k), pct(k, den), Value::of(den)});
  }
  if (missing > 0) t.rows.push_back({L("trajecten.row.missing"), Value::of(missing), pct(missing, den), Value::of(den)});
  Table a = make_table("alternatives", "trajecten.table.alternatives");
  a.columns = {col("reason", "trajecten.col.reason", Role::category), col("alternative", "trajecten.col.alternative", Role::category),
               col("n", "trajecten.col.registrations", Role::count, 0)};
  for (const auto& [k, v] : alt)
    a.rows.push_back({k.first.empty() ? L("trajecten.row.missing") : Value::str(k.first),
                      k.second.empty() ? L("trajecten.row.none") : Value::str(k.second), Value::of(v)});
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(a));
  View v;
  v.kind = ViewKind::bar;
  v.table = "reasons";
  v.x = "reason";
  v.y = {"n"};
  v.orientation = Orientation::horizontal;
  set_of(v, "trajecten.of.not_started");
  r.views.push_back(v);
  r.notes.push_back(Text::key("trajecten.note.no_start_unpublished"));
  return r;
}

Result timing_result(const Model& m) {
  Result r = make_result("trajecten.timing", "trajecten.result.timing", "trajecten.unit.started");
  if (!m.have) {
    needs_file(r);
    return r;
  }
  std::vector<double> wait, duration, km_time;
  std::vector<bool> km_event;
  long closed = 0, under = 0, extended = 0, ext_known = 0;
  Table list = make_table("short", "trajecten.table.short");
  list.intern_only = true;
  list.columns = {col("traject_id", "trajecten.col.traject_id", Role::category), col("start", "trajecten.col.start", Role::category),
                  col("closure", "trajecten.col.closure", Role::category),
                  col("months", "trajecten.col.completed_months", Role::statistic, 0),
                  col("flag", "trajecten.col.flag", Role::category)};
  for (const auto& g : m.regs) {
    if (!g.started()) continue;
    wait.push_back(double(g.start - g.registered));
    if (g.extensions >= 0) {
      ++ext_known;
      extended += g.extensions > 0;
    }
    if (g.closed != kNoDay) {
      ++closed;
      duration.push_back(core::exact_months(g.start, g.closed));
      km_time.push_back(core::exact_months(g.start, g.closed));
      km_event.push_back(true);
      const int cm = core::completed_months(g.start, g.closed);
      if (cm < m.opt.minimum_months) {
        ++under;
        list.rows.push_back({Value::str(g.id), Value::str(day_text(g.start)), Value::str(day_text(g.closed)),
                             Value::of(cm), L("trajecten.flag.short_duration")});
      }
    } else {
      km_time.push_back(core::exact_months(g.start, std::max(g.start, m.as_of)));
      km_event.push_back(false);
    }
  }
  Table s = make_table("summary", "trajecten.table.timing");
  s.columns = {col("measure", "trajecten.col.measure", Role::category), col("n", "trajecten.col.n", Role::count, 0),
               col("median", "trajecten.col.median", Role::statistic, 1), col("q1", "trajecten.col.q1", Role::statistic, 1),
               col("q3", "trajecten.col.q3", Role::statistic, 1), col("min", "trajecten.col.min", Role::statistic, 1),
               col("max", "trajecten.col.max", Role::statistic, 1)};
  for (int i = 0; i < 2; ++i) {
    const stats::Descriptives d = stats::describe(i == 0 ? wait : duration);
    s.rows.push_back({L(i == 0 ? "trajecten.row.wait_days" : "trajecten.row.duration_months"), Value::of(d.info.n),
                      num_or_na(d.median), num_or_na(d.q1), num_or_na(d.q3), num_or_na(d.min), num_or_na(d.max)});
  }
  Table mt = make_table("minimum", "trajecten.table.minimum");
  mt.columns = {col("what", "trajecten.col.what", Role::category), col("n", "trajecten.col.trajectories", Role::count, 0),
                col("pct_fixed", "trajecten.col.pct", Role::percent, 1), col("denom_fixed", "trajecten.col.denominator", Role::denominator, 0)};
  mt.rows.push_back({L("trajecten.row.under_minimum"), Value::of(under), pct(under, closed), Value::of(closed)});
  mt.rows.push_back({L("trajecten.row.extended"), Value::of(extended), pct(extended, ext_known), Value::of(ext_known)});
  Table km = make_table("km", "trajecten.table.km");
  km.columns = {col("group", "trajecten.col.group", Role::category), col("time", "trajecten.col.months", Role::statistic, 2),
                col("n_risk", "trajecten.col.n_risk", Role::count, 0), col("n_event", "trajecten.col.n_event", Role::count, 0),
                col("n_censor", "trajecten.col.n_censor", Role::count, 0), col("survival", "trajecten.col.survival", Role::statistic, 3),
                col("lower", "trajecten.col.lower95", Role::lower, 3), col("upper", "trajecten.col.upper95", Role::upper, 3)};
  if (!km_time.empty()) {
    const stats::KaplanMeierResult fit = stats::kaplan_meier(km_time, km_event);
    for (const auto& row : fit.rows)
      km.rows.push_back({L("trajecten.group.all"), Value::num(row.time), Value::of(row.n_risk), Value::of(row.n_event),
                         Value::of(row.n_censor), Value::num(row.surv), num_or_na(row.lower), num_or_na(row.upper)});
    Table med = make_table("km_median", "trajecten.table.km_median");
    med.columns = {col("median", "trajecten.col.median_months", Role::statistic, 2),
                   col("lower", "trajecten.col.lower95", Role::lower, 2), col("upper", "trajecten.col.upper95", Role::upper, 2),
                   col("events", "trajecten.col.n_event", Role::count, 0), col("n", "trajecten.col.n", Role::count, 0)};
    med.rows.push_back({num_or_na(fit.median_log.median), num_or_na(fit.median_log.lower), num_or_na(fit.median_log.upper),
                        Value::of(fit.events), Value::of(long(km_time.size()))});
    r.tables.push_back(std::move(s));
    r.tables.push_back(std::move(mt));
    r.tables.push_back(std::move(km));
    r.tables.push_back(std::move(med));
  } else {
    r.tables.push_back(std::move(s));
    r.tables.push_back(std::move(mt));
  }
  r.tables.push_back(std::move(list));
  View kv = km_view("km", "", Text::key("trajecten.of.started"));
  set_title(kv, "trajecten.view.km");
  r.views.push_back(kv);
  r.notes.push_back(Text::key("trajecten.note.minimum"));
  if (under > 0) r.notes.push_back(Text::key("trajecten.note.short_2025"));
  return r;
}

}  // namespace zicht::analysis::trajecten::detail
