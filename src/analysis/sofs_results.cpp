// The descriptive SofS results of SPEC §3.1: overview, case_type, steps, all_steps, partnership, plan_b and
// by_organisation. The count fields (network_meetings, network_figures) are in sofs_counts.cpp, the data-quality
// rules in sofs_quality.cpp, the tests (plan_vs_steps, plan_adult_groups, trend) in sofs_tests.cpp and time_to_step
// in sofs_times.cpp.
#include <algorithm>
#include <array>
#include <cmath>

#include "analysis/sofs_common.h"
#include "analysis/tables.h"
#include "core/table.h"
#include "stats/descriptives.h"
#include "stats/summary.h"

namespace zicht::analysis::sofs::detail {

namespace {



Value status_label(int status) { return L(status == 1 ? "status.closed" : status == 0 ? "status.open" : "status.all"); }

const int kStatuses[3] = {1, 0, -1};  // closed, open, all

}  // namespace

Value step_label(const Data& d, int s) {
  const MappedField* f = d.ds->field(kStepIds[s]);
  if (f && f->spec) return Value::label(Text{f->spec->label_nl, f->spec->label_en});
  return Value::str(kStepIds[s]);
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
  // Counted without branches on the cell kinds (count_kinds gives what Share::add_kind on each cell gives).
  const uint8_t* is_closed = d.closed.data();
  auto closed_only = [is_closed](size_t i, size_t) { return uint32_t(is_closed[i]); };
  const Share adult = count_kinds(d, d.kinds(d.step[kPlanVolwassenen]), closed_only).share(),
              child = count_kinds(d, d.kinds(d.step[kPlanKind]), closed_only).share(),
              planb = count_kinds(d, d.kinds(d.plan_b_active), closed_only).share();
  std::vector<int32_t> duration(d.size());  // days; the median in months as stats::summarize() gives it
  uint32_t n_closed = 0, comp_yes = 0, comp_no = 0;
  {
    int32_t* out = duration.data();
    const int32_t *end = d.end_day.data(), *start = d.start_day.data();
    const int8_t* comp_at = d.all_steps.data();
    d.each([&](size_t i, size_t) {
      const uint32_t c = is_closed[i];
      out[n_closed] = end[i] - start[i];
      n_closed += c;
      comp_yes += c & uint32_t(comp_at[i] > 0);
      comp_no += c & uint32_t(comp_at[i] == 0);
    });
    duration.resize(n_closed);
  }
  const long size = long(d.size()), nc = long(n_closed);
  Share total, open, closed, comp;
  total.n = total.all = size;  // add(1) on every row
  open.n = size - nc;
  open.no = nc;
  open.all = size;
  closed.n = nc;
  closed.no = size - nc;
  closed.all = size;
  comp.n = long(comp_yes);
  comp.no = long(comp_no);
  comp.missing = nc - long(comp_yes) - long(comp_no);
  comp.all = nc;
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
    v.push_back(Value::num(stats::median_days(duration, kDaysPerMonth)));
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
      const CellKind* ks = d.kinds(d.step[s]);
      const uint8_t* closed = d.closed.data();
      KindCounts kc[2] = {count_kinds(d, ks, [closed](size_t i, size_t) { return uint32_t(closed[i]); }),  // closed, all
                          count_kinds(d, ks, [](size_t, size_t) { return 1u; })};
      sh[0] = kc[0].share();
      for (int k = 0; k < 6; ++k) kc[1].c[k] -= kc[0].c[k];  // open
      sh[1] = kc[1].share();
      kc[1] += kc[0];
      sh[2] = kc[1].share();
    } else {
      long c[2][3] = {};  // [open, closed][held + 1]: what Share::add on each value gives
      const int8_t* held = d.held.data();
      const uint8_t* closed = d.closed.data();
      d.each([&](size_t i, size_t) { ++c[closed[i]][held[i] + 1]; });
      for (int k = 0; k < 3; ++k) {  // closed, open, all (kStatuses)
        for (int o : {0, 1}) {
          if ((k == 0 && o == 0) || (k == 1 && o == 1)) continue;
          sh[k].n += c[o][2];
          sh[k].no += c[o][1];
          sh[k].missing += c[o][0];
          sh[k].all += c[o][0] + c[o][1] + c[o][2];
        }
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
  long by_status[2][3] = {};  // [open, closed][composite + 1]
  {
    const int8_t* comp = d.all_steps.data();
    const uint8_t* closed = d.closed.data();
    const int* months = d.months.data();
    d.each([&](size_t i, size_t) {
      ++by_status[closed[i]][comp[i] + 1];
      if (!closed[i]) return;
      const int c = comp[i] == 1 ? 0 : comp[i] == 0 ? 1 : 2;
      ++cross[c][months[i] >= D ? 0 : 1];
    });
  }
  for (int k = 0; k < 3; ++k)  // what Share::add on each composite value of the status gives
    for (int o : {0, 1}) {
      if (kStatuses[k] >= 0 && kStatuses[k] != o) continue;
      sh[k].n += by_status[o][2];
      sh[k].no += by_status[o][1];
      sh[k].missing += by_status[o][0];
      sh[k].all += by_status[o][0] + by_status[o][1] + by_status[o][2];
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
    if (ks) {
      auto taken = [ks](size_t, size_t row) {  // the step taken: Value or Yes
        const CellKind k = ks[row];
        return uint32_t(k == CellKind::Value) | uint32_t(k == CellKind::Yes);
      };
      kcb = count_kinds(d, kc, taken);
      kco = count_kinds(d, ko, taken);
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
Result plan_b(const Data& d) {
  Result r;
  r.id = "sofs.plan_b";
  r.title = T("plan_b.title");
  r.unit = T("unit.trajectories");
  const size_t ncodes = d.plan_b ? d.plan_b->values.size() : 0;
  // One pass without branches on the cell kinds: Plan B's type (slot = code, or ncodes + the cell kind) among the
  // open trajectories and among the closed ones where it came into effect; Plan B in werking among the closed.
  std::vector<uint32_t> open_slots(ncodes + 6, 0), activated_slots(ncodes + 6, 0);
  const CellKind *pk = d.kinds(d.plan_b), *ak = d.kinds(d.plan_b_active);
  const int32_t* pv = pk ? d.plan_b->value.data() : nullptr;
  const uint8_t* closed = d.closed.data();
  d.each([&](size_t i, size_t row) {
    const CellKind k = pk ? pk[row] : CellKind::Missing;
    const size_t slot = k == CellKind::Value ? size_t(pv[row]) : ncodes + size_t(k);
    const CellKind a = ak ? ak[row] : CellKind::Missing;
    open_slots[slot] += uint32_t(!closed[i]);
    activated_slots[slot] += uint32_t(closed[i]) & (uint32_t(a == CellKind::Value) | uint32_t(a == CellKind::Yes));
  });
  auto type_counts = [&](const std::vector<uint32_t>& slots) {
    CategoryCounts c;
    auto kind = [&](CellKind k) { return long(slots[ncodes + size_t(k)]); };
    c.not_applicable = kind(CellKind::NotApplicable);
    c.invalid = kind(CellKind::Invalid);
    c.missing = kind(CellKind::Missing) + kind(CellKind::Yes) + kind(CellKind::No);
    const size_t listed = d.plan_b ? d.plan_b->spec->codes.size() : 0;
    for (size_t k = 0; k < ncodes; ++k) {
      if (k >= listed && slots[k] == 0) continue;
      c.categories.push_back(Value::str(d.plan_b->values[k]));
      c.counts.push_back(long(slots[k]));
    }
    return c;
  };
  Table open = frequency_table("open_defined", type_counts(open_slots));
  open.title = T("plan_b.open_defined");
  r.tables.push_back(std::move(open));

  const KindCounts ac = count_kinds(d, ak, [closed](size_t i, size_t) { return uint32_t(closed[i]); });
  auto at = [&](CellKind k) { return ac.c[size_t(k)]; };
  CategoryCounts act;
  act.not_applicable = at(CellKind::NotApplicable);
  act.invalid = at(CellKind::Invalid);
  act.missing = at(CellKind::Missing);
  act.categories = {L("plan_b.activated"), L("plan_b.not_activated")};
  act.counts = {at(CellKind::Value) + at(CellKind::Yes), at(CellKind::No)};
  Table closed_table = frequency_table("closed_activated", act);
  closed_table.title = T("plan_b.closed_activated");
  r.tables.push_back(std::move(closed_table));

  Table type = frequency_table("activated_type", type_counts(activated_slots));
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
  // Per group, in one pass: the cell kinds counted per kind (KindCounts: one increment a cell), the composite
  // counted per value, and the meetings summed as integers — exactly the row-order double sum stats::summarize()
  // computes, since every partial sum of whole counts below 2^53 is exact.
  struct Group {
    long n = 0, closed = 0, meetings_n = 0, comp[3] = {};  // comp: yes, no, undetermined
    int64_t meetings_sum = 0;
    KindCounts kinds[4];  // adult plan, child plan, W&P, Plan B in werking
  };
  std::vector<Group> groups(G);
  std::vector<std::vector<int32_t>> duration(G);  // days; the median in months as stats::summarize() gives it
  const CellKind* ks[4] = {d.kinds(d.step[kPlanVolwassenen]), d.kinds(d.step[kPlanKind]),
                           d.kinds(d.step[kWoordEnBeeld]), d.kinds(d.plan_b_active)};
  const CellKind* mks = d.kinds(d.meetings);
  const int32_t* mvs = mks ? d.meetings->value.data() : nullptr;
  const int* group_of = d.group.data();
  const uint8_t* is_closed = d.closed.data();
  const int8_t* comp = d.all_steps.data();
  d.each([&](size_t i, size_t row) {
    const size_t g = size_t(group_of[i]);
    Group& gr = groups[g];
    ++gr.n;
    if (mks && mks[row] == CellKind::Value && mvs[row] >= 0) {
      gr.meetings_sum += mvs[row];
      ++gr.meetings_n;
    }
    if (!is_closed[i]) return;
    ++gr.closed;
    duration[g].push_back(d.end_day[i] - d.start_day[i]);
    ++gr.comp[comp[i] > 0 ? 0 : comp[i] == 0 ? 1 : 2];
    for (int k = 0; k < 4; ++k) gr.kinds[k].add(ks[k] ? ks[k][row] : CellKind::Missing);
  });
  constexpr int kInd = 5;
  std::vector<long> n(G), open(G), closed(G), meetings_n(G);
  std::vector<double> meetings_sum(G);
  std::vector<std::array<Share, kInd>> sh(G);
  for (size_t g = 0; g < G; ++g) {
    const Group& gr = groups[g];
    n[g] = gr.n;
    closed[g] = gr.closed;
    open[g] = gr.n - gr.closed;
    meetings_n[g] = gr.meetings_n;
    meetings_sum[g] = double(gr.meetings_sum);
    Share& c = sh[g][0];  // what Share::add on each composite value gives
    c.n = gr.comp[0];
    c.no = gr.comp[1];
    c.missing = gr.comp[2];
    c.all = gr.closed;
    for (int k = 0; k < 4; ++k) sh[g][size_t(k) + 1] = gr.kinds[k].share();
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
                      Value::num(stats::median_days(duration[g], kDaysPerMonth))});
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

}  // namespace zicht::analysis::sofs::detail
