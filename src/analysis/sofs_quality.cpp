// The SofS data-quality rules (sofs.quality): compute_quality finds them once while the data are prepared, the
// results that show a rule's flags read them through Data::rule, and quality lists them all.
#include <string>
#include <vector>

#include "analysis/sofs_common.h"
#include "core/table.h"

namespace zicht::analysis::sofs::detail {

namespace {


}  // namespace

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
