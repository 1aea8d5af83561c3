// The SofS data-quality rules (sofs.quality): compute_quality finds them once while the data are prepared, the
// results that show a rule's flags read them through Data::rule, and quality lists them all.
#include <algorithm>
#include <string>
#include <vector>

#include "analysis/sofs_common.h"
#include "core/table.h"

namespace zicht::analysis::sofs::detail {

const Data::Rule& Data::rule(const std::string& id) const {
  static const Rule kEmpty;
  for (const auto& r : quality)
    if (r.id == id) return r;
  return kEmpty;
}

// ---------------------------------------------------------------------------------------------------------------
// The rules are counted first, column by column and without branches on the cell kinds (they follow no pattern
// over the rows, so such branches mispredict; tens of thousands of cells hold a rule on a large file). The flags
// (the first kMaxFlags cells of each rule, in row order and within a row in the order below) are collected
// afterwards by a scan per rule that stops as soon as they are all found.
void compute_quality(Data& d) {
  const char* ids[] = {"date_in_count",     "step_before_start", "plan_b_before_start", "end_before_start",
                       "step_after_end",    "plan_b_after_end",  "plan_b_blank",        "date_out_of_range",
                       "end_after_as_of",   "organisation_without_consulent"};
  for (const char* id : ids) d.quality.push_back(Data::Rule{id, 0, {}});
  const int32_t lo = core::days_from_civil(1900, 1, 1), hi = d.as_of + 365;
  const size_t n = d.size();
  const int32_t* const start_day = d.start_day.data();
  const int32_t* const end_day = d.end_day.data();
  const uint8_t* const closed = d.closed.data();
  long count[10] = {};

  // Date fields checked against the start, the end (closed) and the plausible range: the steps, then Plan B in
  // werking (rules 1/2 before the start, 4/5 after the end, 7 out of range).
  const MappedField* dated[kSteps + 1];
  for (int s = 0; s < kSteps; ++s) dated[s] = d.step[s];
  dated[kSteps] = d.plan_b_active;
  for (int k = 0; k <= kSteps; ++k) {
    const CellKind* ks = d.kinds(dated[k]);
    if (!ks) continue;
    const int32_t* days = dated[k]->value.data();
    uint32_t before = 0, after = 0, out = 0;  // 32-bit sums in 32-bit lanes: vectorised on a dense selection
    d.each([&, lo = lo, hi = hi](size_t i, size_t row) {
      const uint32_t date = ks[row] == CellKind::Value;
      const int32_t day = days[row];
      before += date & uint32_t(day < start_day[i]);
      after += date & uint32_t(closed[i]) & uint32_t(day > end_day[i]);
      out += date & (uint32_t(day < lo) | uint32_t(day > hi));
    });
    count[k < kSteps ? 1 : 2] += before;
    count[k < kSteps ? 4 : 5] += after;
    count[7] += out;
  }
  {
    auto every = [](size_t, size_t) { return 1u; };
    const size_t yes = size_t(CellKind::Yes), missing = size_t(CellKind::Missing);
    if (d.meetings) count[0] += count_kinds(d, d.kinds(d.meetings), every).c[yes];
    if (d.figures) count[0] += count_kinds(d, d.kinds(d.figures), every).c[yes];
    if (d.plan_b) count[6] += count_kinds(d, d.kinds(d.plan_b), every).c[missing];
    uint32_t c3 = 0;
    for (size_t i = 0; i < n; ++i) c3 += uint32_t(closed[i]) & uint32_t(end_day[i] < start_day[i]);
    count[3] += c3;
    // Start and end dates out of range (7); end dates after the as-of date (8).
    const int32_t as_of = d.as_of;
    for (const MappedField* f : {d.start, d.end}) {
      const CellKind* ks = d.kinds(f);
      if (!ks) continue;
      const int32_t* days = f->value.data();
      uint32_t out = 0, late = 0;
      d.each([&, lo = lo, hi = hi](size_t, size_t row) {
        const uint32_t date = ks[row] == CellKind::Value;
        const int32_t day = days[row];
        out += date & (uint32_t(day < lo) | uint32_t(day > hi));
        late += date & uint32_t(day > as_of);
      });
      count[7] += out;
      if (f == d.end) count[8] += late;
    }
  }
  for (int k = 0; k < 9; ++k) d.quality[size_t(k)].count = count[k];

  // The flags: cells(i, emit) calls emit(field) for each cell of row i the rule holds for, in order.
  auto collect = [&](size_t rule, auto&& cells) {
    Data::Rule& r = d.quality[rule];
    const size_t want = std::min(size_t(r.count), Data::kMaxFlags);
    for (size_t i = 0; i < n && r.flags.size() < want; ++i)
      cells(i, [&](const MappedField* f) {
        if (r.flags.size() < want) r.flags.push_back(d.flag(f, i, r.id.c_str()));
      });
  };
  auto date_at = [&](const MappedField* f, size_t i, int32_t& day) {
    if (!d.is_date(f, i)) return false;
    day = d.value(f, i);
    return true;
  };
  collect(0, [&](size_t i, auto&& emit) {
    if (d.kind(d.meetings, i) == CellKind::Yes) emit(d.meetings);
    if (d.kind(d.figures, i) == CellKind::Yes) emit(d.figures);
  });
  for (int k = 0; k < 2; ++k) {  // 0: steps, 1: Plan B in werking
    const int from = k == 0 ? 0 : kSteps, to = k == 0 ? kSteps : kSteps + 1;
    collect(k == 0 ? 1 : 2, [&](size_t i, auto&& emit) {
      int32_t day;
      for (int s = from; s < to; ++s)
        if (date_at(dated[s], i, day) && day < start_day[i]) emit(dated[s]);
    });
    collect(k == 0 ? 4 : 5, [&](size_t i, auto&& emit) {
      int32_t day;
      if (closed[i])
        for (int s = from; s < to; ++s)
          if (date_at(dated[s], i, day) && day > end_day[i]) emit(dated[s]);
    });
  }
  collect(3, [&](size_t i, auto&& emit) {
    if (closed[i] && end_day[i] < start_day[i]) emit(d.end);
  });
  collect(6, [&](size_t i, auto&& emit) {
    if (d.plan_b && d.kind(d.plan_b, i) == CellKind::Missing) emit(d.plan_b);
  });
  collect(7, [&](size_t i, auto&& emit) {
    int32_t day;
    for (int s = 0; s <= kSteps; ++s)
      if (date_at(dated[s], i, day) && (day < lo || day > hi)) emit(dated[s]);
    for (const MappedField* f : {d.start, d.end})
      if (date_at(f, i, day) && (day < lo || day > hi)) emit(f);
  });
  collect(8, [&](size_t i, auto&& emit) {
    int32_t day;
    if (date_at(d.end, i, day) && day > d.as_of) emit(d.end);
  });

  // Organisations in the selection without any consulent data.
  std::vector<uint8_t> has_consulent(d.organisations.size(), 0), seen(d.organisations.size(), 0);
  for (size_t i = 0; i < n; ++i) {
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
