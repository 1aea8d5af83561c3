// The SofS results of SPEC §3.1 (descriptive pages) and the data-quality rules. The tests (plan_vs_steps,
// plan_adult_groups, trend) and time_to_step are in sofs_tests.cpp.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "analysis/sofs_common.h"
#include "analysis/tables.h"
#include "core/table.h"
#include "stats/descriptives.h"
#include "stats/summary.h"

namespace zicht::analysis::sofs::detail {

namespace {

Value L(const std::string& key) { return Value::label(T(key)); }

Table make_table(std::string id, const Text& title) {
  Table t;
  t.id = std::move(id);
  t.title = title;
  return t;
}


Value status_label(int status) { return L(status == 1 ? "status.closed" : status == 0 ? "status.open" : "status.all"); }
bool in_status(const Data& d, size_t i, int status) { return status < 0 || d.closed[i] == status; }

const int kStatuses[3] = {1, 0, -1};  // closed, open, all

}  // namespace

Value step_label(const Data& d, int s) {
  const MappedField* f = d.ds->field(kStepIds[s]);
  if (f && f->spec) return Value::label(Text{f->spec->label_nl, f->spec->label_en});
  return Value::str(kStepIds[s]);
}

const Data::Rule& Data::rule(const std::string& id) const {
  static const Rule kEmpty;
  for (const auto& r : quality)
    if (r.id == id) return r;
  return kEmpty;
}

// ---------------------------------------------------------------------------------------------------------------
void compute_quality(Data& d) {
  const char* ids[] = {"date_in_count",     "step_before_start", "plan_b_before_start", "end_before_start",
                       "step_after_end",    "plan_b_after_end",  "plan_b_blank",        "date_out_of_range",
                       "end_after_as_of",   "organisation_without_consulent"};
  for (const char* id : ids) d.quality.push_back(Data::Rule{id, 0, {}});
  auto add = [&](size_t rule, const MappedField* f, size_t i) {
    Data::Rule& r = d.quality[rule];
    ++r.count;
    if (r.flags.size() < Data::kMaxFlags) r.flags.push_back(d.flag(f, i, r.id.c_str()));
  };
  const int32_t lo = core::days_from_civil(1900, 1, 1), hi = d.as_of + 365;
  auto out_of_range = [&](const MappedField* f, size_t i) {
    if (d.is_date(f, i) && (d.value(f, i) < lo || d.value(f, i) > hi)) add(7, f, i);
  };
  std::vector<uint8_t> has_consulent(d.organisations.size(), 0), seen(d.organisations.size(), 0);
  // Held in locals: add() changes d, so the compiler would reload every pointer from d for each cell.
  const CellKind* step_kinds[kSteps];
  const int32_t* step_days[kSteps];
  for (int s = 0; s < kSteps; ++s) {
    step_kinds[s] = d.kinds(d.step[s]);
    step_days[s] = step_kinds[s] ? d.step[s]->value.data() : nullptr;
  }
  const int32_t* const end_day = d.end_day.data();
  for (size_t i = 0; i < d.size(); ++i) {
    const int32_t start = d.start_day[i];
    if (d.kind(d.meetings, i) == CellKind::Yes) add(0, d.meetings, i);
    if (d.kind(d.figures, i) == CellKind::Yes) add(0, d.figures, i);
    const bool closed = d.closed[i];
    const uint32_t row = d.rows[i];
    // The step rules (1, 4, 7) hold for few cells: whether one may hold in this row is found first without
    // branches (a branch on the cell kind mispredicts: kinds follow no pattern over the rows), and the rules are
    // applied cell by cell only then.
    bool step_rule = false;
    for (int s = 0; s < kSteps; ++s) {
      if (!step_kinds[s]) continue;
      const int32_t day = step_days[s][row];
      step_rule |= (step_kinds[s][row] == CellKind::Value) &
                   ((day < start) | (closed & (day > end_day[i])) | (day < lo) | (day > hi));
    }
    for (int s = 0; s < kSteps && step_rule; ++s) {
      if (!step_kinds[s] || step_kinds[s][row] != CellKind::Value) continue;
      const MappedField* f = d.step[s];
      const int32_t day = f->value[row];
      if (day < start) add(1, f, i);
      if (closed && day > d.end_day[i]) add(4, f, i);
      if (day < lo || day > hi) add(7, f, i);  // out_of_range(f, i)
    }
    if (d.is_date(d.plan_b_active, i)) {
      const int32_t day = d.value(d.plan_b_active, i);
      if (day < start) add(2, d.plan_b_active, i);
      if (closed && day > d.end_day[i]) add(5, d.plan_b_active, i);
      out_of_range(d.plan_b_active, i);
    }
    if (closed && d.end_day[i] < start) add(3, d.end, i);
    if (d.plan_b && d.kind(d.plan_b, i) == CellKind::Missing) add(6, d.plan_b, i);
    out_of_range(d.start, i);
    if (d.is_date(d.end, i)) {
      out_of_range(d.end, i);
      if (d.value(d.end, i) > d.as_of) add(8, d.end, i);
    }
    const int o = d.organisation[i];
    if (o >= 0) {
      seen[size_t(o)] = 1;
      for (int s = 0; s < kSteps && !has_consulent[size_t(o)]; ++s) {
        const CellKind k = d.kind(d.consulent[s], i);
        if (k == CellKind::Yes || k == CellKind::No) has_consulent[size_t(o)] = 1;
      }
    }
  }
  d.organisation_without_consulent.assign(d.organisations.size(), 0);
  for (size_t o = 0; o < d.organisations.size(); ++o)
    if (seen[o] && !has_consulent[o]) {
      d.organisation_without_consulent[o] = 1;
      ++d.quality[9].count;
    }
}

// ---------------------------------------------------------------------------------------------------------------
Result overview(const Data& d) {
  Result r;
  r.id = "sofs.overview";
  r.title = T("overview.title");
  r.unit = T("unit.trajectories");
  Table t = make_table("headline", T("overview.table"));
  t.columns.push_back(col("indicator", T("col.indicator"), Role::category));
  share_columns(t.columns);
  t.columns.push_back(col("value", Text::key("col.value"), Role::statistic, 1));
  Share total, open, closed, comp, adult, child, planb;
  std::vector<int32_t> duration;  // days; the median in months as stats::summarize() gives it
  for (size_t i = 0; i < d.size(); ++i) {
    total.add(1);
    open.add(d.closed[i] ? 0 : 1);
    closed.add(d.closed[i] ? 1 : 0);
    if (!d.closed[i]) continue;
    duration.push_back(d.end_day[i] - d.start_day[i]);
    comp.add(d.all_steps[i]);
    adult.add_kind(d.kind(d.step[kPlanVolwassenen], i));
    child.add_kind(d.kind(d.step[kPlanKind], i));
    planb.add_kind(d.kind(d.plan_b_active, i));
  }
  auto row = [&](const char* key, const Share& s, Value value) {
    std::vector<Value> v{L(key)};
    share_values(v, s);
    v.push_back(std::move(value));
    t.rows.push_back(std::move(v));
  };
  row("overview.trajectories", total, Value::of(total.n));
  row("overview.open", open, Value::na());
  row("overview.closed", closed, Value::na());
  {
    std::vector<Value> v{L("overview.median_duration"), Value::of(long(duration.size()))};
    for (int k = 0; k < 7; ++k) v.push_back(Value::na());
    v.push_back(Value::num(stats::summarize_days(duration, kDaysPerMonth).median));
    t.rows.push_back(std::move(v));
  }
  row("overview.all_steps", comp, Value::na());
  row("overview.adult_plan", adult, Value::na());
  row("overview.child_plan", child, Value::na());
  row("overview.plan_b_active", planb, Value::na());
  r.tables.push_back(std::move(t));
  r.notes.push_back(T("note.as_of"));
  r.notes.push_back(T("note.overview_denominators"));
  r.notes.push_back(T("note.months_exact"));
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
Result case_type(const Data& d) {
  Result r;
  r.id = "sofs.case_type";
  r.title = T("case_type.title");
  r.unit = T("unit.trajectories");
  CategoryCounts c;
  std::vector<long> counts(d.typering ? d.typering->values.size() : 0, 0);
  for (size_t i = 0; i < d.size(); ++i) {
    switch (d.kind(d.typering, i)) {
      case CellKind::Value: ++counts[size_t(d.value(d.typering, i))]; break;
      case CellKind::NotApplicable: ++c.not_applicable; break;
      case CellKind::Invalid: ++c.invalid; break;
      default: ++c.missing; break;
    }
  }
  const size_t listed = d.typering ? d.typering->spec->codes.size() : 0;
  for (size_t k = 0; k < counts.size(); ++k) {
    if (k >= listed && counts[k] == 0) continue;
    c.categories.push_back(Value::str(d.typering->values[k]));
    c.counts.push_back(counts[k]);
  }
  Table t = frequency_table("frequencies", c);
  t.title = T("case_type.table");
  r.tables.push_back(std::move(t));
  r.notes.push_back(T("note.case_type"));
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
Result steps(const Data& d) {
  Result r;
  r.id = "sofs.steps";
  r.title = T("steps.title");
  r.unit = T("unit.trajectories");
  Table t = make_table("steps", T("steps.table"));
  t.columns = {col("step", T("col.step"), Role::category), col("step_id", T("col.step_id"), Role::category),
               col("status", T("col.status"), Role::category)};
  share_columns(t.columns);
  for (int s = 0; s <= kSteps; ++s) {
    Share sh[3];  // closed, open, all (kStatuses)
    if (s < kSteps) {
      KindCounts kc[2];  // closed, open
      const CellKind* ks = d.kinds(d.step[s]);
      for (size_t i = 0; i < d.size(); ++i)
        kc[d.closed[i] ? 0 : 1].add(ks ? ks[d.rows[i]] : CellKind::Missing);
      sh[0] = kc[0].share();
      sh[1] = kc[1].share();
      kc[0] += kc[1];
      sh[2] = kc[0].share();
    } else {
      for (size_t i = 0; i < d.size(); ++i) {
        sh[d.closed[i] ? 0 : 1].add(d.held[i]);
        sh[2].add(d.held[i]);
      }
    }
    for (int k = 0; k < 3; ++k) {
      std::vector<Value> v{s < kSteps ? step_label(d, s) : L("step.meeting_held"),
                           Value::str(s < kSteps ? kStepIds[s] : "netwerkberaden"), status_label(kStatuses[k])};
      share_values(v, sh[k]);
      t.rows.push_back(std::move(v));
    }
  }
  r.tables.push_back(std::move(t));
  r.notes.push_back(T("note.step_cells"));
  r.notes.push_back(T("note.steps_published"));
  r.notes.push_back(T("note.meeting_held"));
  for (const char* rule : {"step_after_end", "step_before_start"})
    for (const auto& f : d.rule(rule).flags) r.flags.push_back(f);
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
Result all_steps(const Data& d) {
  Result r;
  r.id = "sofs.all_steps";
  r.title = T("all_steps.title");
  r.unit = T("unit.trajectories");
  const int D = d.opt->duration_months;
  Table t = make_table("composite", T("all_steps.table"));
  t.columns = {col("status", T("col.status"), Role::category)};
  share_columns(t.columns);
  Share sh[3];
  long cross[3][2] = {};  // composite yes/no/undetermined × duration ≥ D / < D (closed)
  for (size_t i = 0; i < d.size(); ++i) {
    for (int k = 0; k < 3; ++k)
      if (in_status(d, i, kStatuses[k])) sh[k].add(d.all_steps[i]);
    if (!d.closed[i]) continue;
    const bool long_ = d.months[i] >= D;
    const int c = d.all_steps[i] == 1 ? 0 : d.all_steps[i] == 0 ? 1 : 2;
    ++cross[c][long_ ? 0 : 1];
  }
  for (int k = 0; k < 3; ++k) {
    std::vector<Value> v{status_label(kStatuses[k])};
    share_values(v, sh[k]);
    t.rows.push_back(std::move(v));
  }
  r.tables.push_back(std::move(t));

  Table x = make_table("by_duration", T("all_steps.by_duration"));
  x.columns = {col("all_steps", T("col.all_steps"), Role::category),
               col("n_long", T("col.n_long"), Role::count), col("n_short", T("col.n_short"), Role::count),
               col("total", T("col.total"), Role::count)};
  const char* labels[3] = {"value.yes", "value.no", "value.undetermined"};
  for (int c = 0; c < 3; ++c)
    x.rows.push_back({L(labels[c]), Value::of(cross[c][0]), Value::of(cross[c][1]), Value::of(cross[c][0] + cross[c][1])});
  r.tables.push_back(std::move(x));

  Table c = make_table("conditional", T("all_steps.conditional"));
  c.columns = {col("indicator", T("col.indicator"), Role::category)};
  ratio_columns(c.columns);
  const long long_all = cross[0][0] + cross[1][0] + cross[2][0];
  {
    std::vector<Value> v{L("all_steps.long_among_complete")};
    ratio_values(v, cross[0][0], cross[0][0] + cross[0][1]);
    c.rows.push_back(std::move(v));
  }
  {
    std::vector<Value> v{L("all_steps.complete_among_long")};
    ratio_values(v, cross[0][0], long_all);
    c.rows.push_back(std::move(v));
  }
  r.tables.push_back(std::move(c));

  Table comp = make_table("components", T("all_steps.components"));
  comp.columns = {col("field", T("col.step_id"), Role::category)};
  for (const auto& id : d.composite) comp.rows.push_back({Value::str(id)});
  r.tables.push_back(std::move(comp));
  r.notes.push_back(T("note.all_steps"));
  r.notes.push_back(T("note.all_steps_published"));
  r.notes.push_back(T("note.months_completed"));
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
Result partnership(const Data& d) {
  Result r;
  r.id = "sofs.partnership";
  r.title = T("partnership.title");
  r.unit = T("unit.steps_taken");
  Table t = make_table("involvement", T("partnership.table"));
  t.columns = {col("step", T("col.step"), Role::category), col("step_id", T("col.step_id"), Role::category),
               col("who", T("col.who"), Role::category)};
  share_columns(t.columns);
  for (int s = 0; s < kSteps; ++s) {
    KindCounts kcb, kco;
    const CellKind *ks = d.kinds(d.step[s]), *kc = d.kinds(d.cb[s]), *ko = d.kinds(d.consulent[s]);
    if (ks)
      for (size_t i = 0; i < d.size(); ++i) {
        const uint32_t row = d.rows[i];
        const CellKind k = ks[row];
        const long taken = (k == CellKind::Value) | (k == CellKind::Yes);
        kcb.add(kc ? kc[row] : CellKind::Missing, taken);
        kco.add(ko ? ko[row] : CellKind::Missing, taken);
      }
    const Share cb = kcb.share(), co = kco.share();
    std::vector<Value> v{step_label(d, s), Value::str(kStepIds[s]), L("who.cb")};
    share_values(v, cb);
    t.rows.push_back(std::move(v));
    std::vector<Value> w{step_label(d, s), Value::str(kStepIds[s]), L("who.consulent")};
    share_values(w, co);
    t.rows.push_back(std::move(w));
  }
  r.tables.push_back(std::move(t));

  // Organisations without any consulent data: consented ones by name, the others only counted (pooled).
  Table o = make_table("no_consulent_data", T("partnership.no_consulent"));
  o.columns = {col("organisation", T("col.organisation"), Role::category)};
  ratio_columns(o.columns);
  long without = 0, pooled_without = 0;
  const int pooled = int(d.group_names.size()) - 1;
  std::vector<Value> named;
  for (size_t k = 0; k < d.organisations.size(); ++k) {
    if (!d.organisation_without_consulent[k]) continue;
    ++without;
    if (d.organisation_group[k] == pooled) ++pooled_without;
    else named.push_back(Value::str(d.organisations[k]));
  }
  {
    std::vector<Value> v{L("partnership.organisations_without")};
    ratio_values(v, without, long(d.organisations.size()));
    o.rows.push_back(std::move(v));
  }
  for (auto& name : named) {
    std::vector<Value> v{name, Value::of(1), Value::na(), Value::na()};
    o.rows.push_back(std::move(v));
  }
  if (pooled_without > 0) {
    std::vector<Value> v{Value::label(d.group_names.back()), Value::of(pooled_without), Value::na(), Value::na()};
    o.rows.push_back(std::move(v));
  }
  r.tables.push_back(std::move(o));
  r.notes.push_back(T("note.partnership"));
  r.notes.push_back(T("note.consent"));
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
namespace {

// Distribution + descriptives + histogram of a count field's numeric cells; cell kinds for all and closed.
void count_tables(const Data& d, const MappedField* f, Result& r, std::vector<int>& values_all) {
  Table cells = make_table("cells", T("counts.cells"));
  cells.columns = {col("cell", T("col.cell"), Role::category)};
  ratio_columns(cells.columns);
  cells.columns.push_back(col("n_closed", T("col.n_closed"), Role::count));
  cells.columns.push_back(col("denominator_closed", T("col.denominator_closed"), Role::denominator));
  cells.columns.push_back(col("pct_closed", T("col.pct_closed"), Role::percent, 1));
  long kinds[2][4] = {};  // [all, closed][count, date, missing(+invalid), nvt]
  long closed_n = 0;
  const CellKind* ks = d.kinds(f);
  for (size_t i = 0; i < d.size(); ++i) {
    const CellKind k = ks ? ks[d.rows[i]] : CellKind::Missing;
    const int c = k == CellKind::Value ? 0 : k == CellKind::Yes ? 1 : k == CellKind::NotApplicable ? 3 : 2;
    ++kinds[0][c];
    if (d.closed[i]) {
      ++kinds[1][c];
      ++closed_n;
    }
    if (c == 0) values_all.push_back(f->value[d.rows[i]]);
  }
  // Distribution of the values: counted over their range when it is narrow, else in a map (same rows).
  std::vector<std::pair<int, long>> dist;
  if (!values_all.empty()) {
    const auto [lo_it, hi_it] = std::minmax_element(values_all.begin(), values_all.end());
    const int64_t lo = *lo_it, range = int64_t(*hi_it) - lo + 1;
    if (range <= int64_t(4 * values_all.size() + 1024)) {
      std::vector<long> count(size_t(range), 0);
      for (int x : values_all) ++count[size_t(x - lo)];
      for (size_t k = 0; k < count.size(); ++k)
        if (count[k] > 0) dist.emplace_back(int(lo + int64_t(k)), count[k]);
    } else {
      std::map<int, long> m;
      for (int x : values_all) ++m[x];
      dist.assign(m.begin(), m.end());
    }
  }
  const char* labels[4] = {"cell.count", "cell.date", "cell.missing", "cell.nvt"};
  for (int c = 0; c < 4; ++c) {
    if (c == 3 && kinds[0][3] == 0) continue;
    std::vector<Value> v{L(labels[c])};
    ratio_values(v, kinds[0][c], long(d.size()));
    ratio_values(v, kinds[1][c], closed_n);
    cells.rows.push_back(std::move(v));
  }
  r.tables.push_back(std::move(cells));

  Table t = make_table("distribution", T("counts.distribution"));
  t.columns = {col("value", Text::key("col.value"), Role::category)};
  ratio_columns(t.columns);
  for (const auto& [v, n] : dist) {
    std::vector<Value> row{Value::of(v)};
    ratio_values(row, n, long(values_all.size()));
    t.rows.push_back(std::move(row));
  }
  r.tables.push_back(std::move(t));
  std::vector<double> v(values_all.begin(), values_all.end());
  r.tables.push_back(descriptives_table("descriptives", stats::describe(v), 2));
  r.tables.push_back(histogram_table("histogram", v, true));
}

}  // namespace

Result network_meetings(const Data& d) {
  Result r;
  r.id = "sofs.network_meetings";
  r.title = T("network_meetings.title");
  r.unit = T("unit.trajectories");
  std::vector<int> values;
  count_tables(d, d.meetings, r, values);
  const int lo = d.opt->meetings_low, hi = d.opt->meetings_high;
  long zero = 0, band = 0, at_least = 0, above = 0;
  for (int v : values) {
    zero += v == 0;
    band += v >= lo && v <= hi;
    at_least += v >= lo;
    above += v > hi;
  }
  long closed = 0, closed_zero = 0, closed_missing = 0, closed_date = 0;
  for (size_t i = 0; i < d.size(); ++i) {
    if (!d.closed[i]) continue;
    ++closed;
    const CellKind k = d.kind(d.meetings, i);
    if (k == CellKind::Value && d.value(d.meetings, i) == 0) ++closed_zero;
    if (k == CellKind::Missing || k == CellKind::Invalid) ++closed_missing;
    if (k == CellKind::Yes) ++closed_date;
  }
  Table g = make_table("guideline", T("network_meetings.guideline"));
  g.columns = {col("indicator", T("col.indicator"), Role::category), col("base", T("col.base"), Role::category)};
  ratio_columns(g.columns);
  const long nv = long(values.size());
  auto row = [&](Value label, const char* base, long n, long den) {
    std::vector<Value> v{std::move(label), L(base)};
    ratio_values(v, n, den);
    g.rows.push_back(std::move(v));
  };
  auto fmt = [](const Text& t, int a, int b) {
    Text o = t;
    for (std::string* s : {&o.nl, &o.en}) {
      for (auto [ph, val] : {std::pair<const char*, int>{"{0}", a}, {"{1}", b}}) {
        const size_t p = s->find(ph);
        if (p != std::string::npos) s->replace(p, 3, std::to_string(val));
      }
    }
    return Value::label(o);
  };
  row(L("network_meetings.zero"), "base.numeric_counts", zero, nv);
  row(fmt(T("network_meetings.band"), lo, hi), "base.numeric_counts", band, nv);
  row(fmt(T("network_meetings.at_least"), lo, hi), "base.numeric_counts", at_least, nv);
  row(fmt(T("network_meetings.above"), lo, hi), "base.numeric_counts", above, nv);
  row(L("network_meetings.closed_zero"), "base.closed", closed_zero, closed);
  row(L("network_meetings.closed_missing"), "base.closed", closed_missing, closed);
  row(L("network_meetings.closed_date"), "base.closed", closed_date, closed);
  r.tables.push_back(std::move(g));
  r.notes.push_back(T("note.meetings_dates"));
  r.notes.push_back(T("note.meetings_published"));
  for (const auto& f : d.rule("date_in_count").flags)
    if (d.meetings && f.column == d.meetings->column_name) r.flags.push_back(f);
  return r;
}

Result network_figures(const Data& d) {
  Result r;
  r.id = "sofs.network_figures";
  r.title = T("network_figures.title");
  r.unit = T("unit.trajectories");
  std::vector<int> values;
  count_tables(d, d.figures, r, values);
  long closed = 0, closed_zero = 0, zero = 0;
  for (int v : values) zero += v == 0;
  for (size_t i = 0; i < d.size(); ++i) {
    if (!d.closed[i]) continue;
    ++closed;
    if (d.kind(d.figures, i) == CellKind::Value && d.value(d.figures, i) == 0) ++closed_zero;
  }
  Table g = make_table("zero", T("network_figures.zero_table"));
  g.columns = {col("indicator", T("col.indicator"), Role::category), col("base", T("col.base"), Role::category)};
  ratio_columns(g.columns);
  {
    std::vector<Value> v{L("network_figures.zero"), L("base.numeric_counts")};
    ratio_values(v, zero, long(values.size()));
    g.rows.push_back(std::move(v));
  }
  {
    std::vector<Value> v{L("network_figures.closed_zero"), L("base.closed")};
    ratio_values(v, closed_zero, closed);
    g.rows.push_back(std::move(v));
  }
  r.tables.push_back(std::move(g));
  r.notes.push_back(T("note.figures"));
  for (const auto& f : d.rule("date_in_count").flags)
    if (d.figures && f.column == d.figures->column_name) r.flags.push_back(f);
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
Result plan_b(const Data& d) {
  Result r;
  r.id = "sofs.plan_b";
  r.title = T("plan_b.title");
  r.unit = T("unit.trajectories");
  const size_t ncodes = d.plan_b ? d.plan_b->values.size() : 0;
  auto type_counts = [&](auto&& include) {
    CategoryCounts c;
    std::vector<long> counts(ncodes, 0);
    for (size_t i = 0; i < d.size(); ++i) {
      if (!include(i)) continue;
      switch (d.kind(d.plan_b, i)) {
        case CellKind::Value: ++counts[size_t(d.value(d.plan_b, i))]; break;
        case CellKind::NotApplicable: ++c.not_applicable; break;
        case CellKind::Invalid: ++c.invalid; break;
        default: ++c.missing; break;
      }
    }
    const size_t listed = d.plan_b ? d.plan_b->spec->codes.size() : 0;
    for (size_t k = 0; k < ncodes; ++k) {
      if (k >= listed && counts[k] == 0) continue;
      c.categories.push_back(Value::str(d.plan_b->values[k]));
      c.counts.push_back(counts[k]);
    }
    return c;
  };
  Table open = frequency_table("open_defined", type_counts([&](size_t i) { return !d.closed[i]; }));
  open.title = T("plan_b.open_defined");
  r.tables.push_back(std::move(open));

  CategoryCounts act;
  long yes = 0, no = 0;
  for (size_t i = 0; i < d.size(); ++i) {
    if (!d.closed[i]) continue;
    switch (d.kind(d.plan_b_active, i)) {
      case CellKind::Value:
      case CellKind::Yes: ++yes; break;
      case CellKind::No: ++no; break;
      case CellKind::NotApplicable: ++act.not_applicable; break;
      case CellKind::Invalid: ++act.invalid; break;
      case CellKind::Missing: ++act.missing; break;
    }
  }
  act.categories = {L("plan_b.activated"), L("plan_b.not_activated")};
  act.counts = {yes, no};
  Table closed = frequency_table("closed_activated", act);
  closed.title = T("plan_b.closed_activated");
  r.tables.push_back(std::move(closed));

  Table type = frequency_table("activated_type", type_counts([&](size_t i) {
                                 const CellKind k = d.kind(d.plan_b_active, i);
                                 return d.closed[i] && (k == CellKind::Value || k == CellKind::Yes);
                               }));
  type.title = T("plan_b.activated_type");
  r.tables.push_back(std::move(type));
  r.notes.push_back(T("note.plan_b"));
  r.notes.push_back(T("note.plan_b_blank"));
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
Result by_organisation(const Data& d) {
  Result r;
  r.id = "sofs.by_organisation";
  r.title = T("by_organisation.title");
  r.unit = T("unit.trajectories");
  const size_t G = d.group_names.size();
  std::vector<long> n(G, 0), open(G, 0), closed(G, 0);
  std::vector<double> meetings_sum(G, 0);
  std::vector<long> meetings_n(G, 0);
  std::vector<std::vector<int32_t>> duration(G);  // days; the median in months as stats::summarize() gives it
  constexpr int kInd = 5;
  std::vector<std::array<Share, kInd>> sh(G);
  for (size_t i = 0; i < d.size(); ++i) {
    const size_t g = size_t(d.group[i]);
    ++n[g];
    (d.closed[i] ? closed : open)[g]++;
    const int m = d.meeting_count(i);
    if (m >= 0) {
      meetings_sum[g] += double(m);
      ++meetings_n[g];
    }
    if (!d.closed[i]) continue;
    duration[g].push_back(d.end_day[i] - d.start_day[i]);
    sh[g][0].add(d.all_steps[i]);
    sh[g][1].add_kind(d.kind(d.step[kPlanVolwassenen], i));
    sh[g][2].add_kind(d.kind(d.step[kPlanKind], i));
    sh[g][3].add_kind(d.kind(d.step[kWoordEnBeeld], i));
    sh[g][4].add_kind(d.kind(d.plan_b_active, i));
  }
  Table s = make_table("summary", T("by_organisation.summary"));
  s.columns = {col("organisation", T("col.organisation"), Role::category),
               col("n", Text::key("col.n"), Role::count),
               col("open", T("col.open"), Role::count),
               col("closed", T("col.closed"), Role::count),
               col("mean_meetings", T("col.mean_meetings"), Role::statistic, 2),
               col("n_meetings", T("col.n_meetings"), Role::count),
               col("median_duration", T("col.median_duration"), Role::statistic, 1)};
  Table t = make_table("indicators", T("by_organisation.indicators"));
  t.columns = {col("organisation", T("col.organisation"), Role::category),
               col("indicator", T("col.indicator"), Role::category)};
  share_columns(t.columns);
  const char* ind[kInd] = {"overview.all_steps", "overview.adult_plan", "overview.child_plan", "step.woord_en_beeld",
                           "overview.plan_b_active"};
  for (size_t g = 0; g < G; ++g) {
    if (n[g] == 0) continue;
    // The mean as stats::summarize() computes it: the sum in row order over n.
    const double mean = meetings_n[g] > 0 ? meetings_sum[g] / double(meetings_n[g]) : stats::kNaN;
    s.rows.push_back({Value::label(d.group_names[g]), Value::of(n[g]), Value::of(open[g]), Value::of(closed[g]),
                      Value::num(mean), Value::of(meetings_n[g]),
                      Value::num(stats::summarize_days(duration[g], kDaysPerMonth).median)});
    for (int k = 0; k < kInd; ++k) {
      std::vector<Value> v{Value::label(d.group_names[g]), L(ind[k])};
      share_values(v, sh[g][size_t(k)]);
      t.rows.push_back(std::move(v));
    }
  }
  r.tables.push_back(std::move(s));
  r.tables.push_back(std::move(t));
  r.notes.push_back(T("note.consent"));
  r.notes.push_back(T("note.no_ranking"));
  r.notes.push_back(T("note.by_organisation"));
  return r;
}

// ---------------------------------------------------------------------------------------------------------------
Result quality(const Data& d) {
  Result r;
  r.id = "sofs.quality";
  r.title = T("quality.title");
  r.unit = T("unit.cells");
  Table t = make_table("rules", T("quality.table"));
  t.columns = {col("rule", T("col.rule"), Role::category), col("rule_id", T("col.rule_id"), Role::category),
               col("n", Text::key("col.n"), Role::count)};
  bool truncated = false;
  for (const auto& rule : d.quality) {
    t.rows.push_back({L("rule." + rule.id), Value::str(rule.id), Value::of(rule.count)});
    for (const auto& f : rule.flags) r.flags.push_back(f);
    if (rule.count > long(rule.flags.size()) && rule.id != "organisation_without_consulent") truncated = true;
  }
  r.tables.push_back(std::move(t));
  r.notes.push_back(T("note.quality"));
  r.notes.push_back(T("note.quality_kept"));
  if (truncated) r.notes.push_back(Text::key("note.flags_truncated"));
  return r;
}

}  // namespace zicht::analysis::sofs::detail
