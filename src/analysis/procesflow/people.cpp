// procesflow.attendance: organisations and persons per sector per meeting (blank counts read as 1 and flagged),
// the management / frontline balance, and the sectors absent from each meeting. Organisations, not clients.
#include <algorithm>
#include <unordered_map>

#include "analysis/procesflow/model.h"

namespace zicht::analysis::procesflow::detail {

using build::col;
using build::make_result;
using build::make_table;

namespace {
const std::vector<std::string>& sectors() {
  static const std::vector<std::string> s = {"BJB", "VAPH", "RTH", "ELZ", "GGZ", "NRTH", "OSD"};
  return s;
}
}  // namespace

Result attendance_result(const Model& m) {
  Result r = make_result("procesflow.attendance", "procesflow.result.attendance", "procesflow.unit.organisations");
  r.client_unit = false;
  if (m.presence.empty()) {
    r.notes.push_back(Text::key("procesflow.note.no_attendance"));
    return r;
  }
  // The meetings in the order of their first attendance row, each with its rows (in file order).
  std::vector<std::string> meetings;
  std::vector<std::vector<const Presence*>> rows_of;
  std::unordered_map<std::string, size_t> meeting_at;
  for (const auto& p : m.presence) {
    auto [it, fresh] = meeting_at.emplace(p.meeting, meetings.size());
    if (fresh) meetings.push_back(p.meeting), rows_of.emplace_back();
    rows_of[it->second].push_back(&p);
  }
  const Text none = Text::key("procesflow.value.no_sector"), total = Text::key("procesflow.value.total");
  Table t = make_table("by_sector", "procesflow.table.attendance_sector");
  t.columns = {col("overleg", "procesflow.col.overleg", Role::category),
               col("sector", "procesflow.col.sector", Role::category),
               col("organisations", "procesflow.col.organisations", Role::count),
               col("persons", "procesflow.col.persons", Role::count),
               col("assumed", "procesflow.col.persons_assumed", Role::count)};
  Table j = make_table("by_level", "procesflow.table.attendance_level");
  j.columns = {col("overleg", "procesflow.col.overleg", Role::category),
               col("functieniveau", "procesflow.col.job_level", Role::category),
               col("organisations", "procesflow.col.organisations", Role::count),
               col("persons", "procesflow.col.persons", Role::count)};
  Table a = make_table("absent", "procesflow.table.attendance_absent");
  a.columns = {col("overleg", "procesflow.col.overleg", Role::category),
               col("sector", "procesflow.col.sector", Role::category)};
  for (size_t mi = 0; mi < meetings.size(); ++mi) {
    const std::string& mt = meetings[mi];
    const std::vector<const Presence*>& rows = rows_of[mi];
    std::vector<std::string> order = sectors();
    order.push_back("");
    long to = 0, tp = 0, ta = 0;
    for (const auto& s : order) {
      long o = 0, p = 0, as = 0;
      for (const Presence* x : rows)
        if (x->sector == s) ++o, p += x->persons, as += x->assumed;
      if (o == 0) {
        if (!s.empty()) a.rows.push_back({Value::str(mt), Value::str(s)});
        continue;
      }
      to += o, tp += p, ta += as;
      t.rows.push_back({Value::str(mt), s.empty() ? Value::label(none) : Value::str(s), Value::of(o), Value::of(p),
                        Value::of(as)});
    }
    t.rows.push_back({Value::str(mt), Value::label(total), Value::of(to), Value::of(tp), Value::of(ta)});
    std::map<std::string, std::pair<long, long>> lv;
    for (const Presence* x : rows) {
      auto& e = lv[x->job_level];
      ++e.first;
      e.second += x->persons;
    }
    for (const auto& [k, v] : lv)
      j.rows.push_back({Value::str(mt), k.empty() ? Value::label(Text::key("procesflow.value.unknown")) : Value::str(k),
                        Value::of(v.first), Value::of(v.second)});
  }
  View v;
  v.kind = ViewKind::bar;
  v.table = t.id;
  v.x = "sector";
  v.y = {"organisations", "persons"};
  v.facet = "overleg";
  v.rows.push_back(category_rows(t, "sector"));
  build::set_of(v, "procesflow.of.attendance");
  r.views.push_back(std::move(v));
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(j));
  r.tables.push_back(std::move(a));
  r.notes.push_back(Text::key("procesflow.note.blank_persons"));
  r.notes.push_back(Text::key("procesflow.note.no_names"));
  return r;
}

}  // namespace zicht::analysis::procesflow::detail
