// Table 1 (flow) and the units counted (youngsters and families): per calendar year the registrations, starts and
// closures, the stock on 1 January and on 31 December (spec §2.5: the source's "Lopende trajecten 7 11" fits both
// readings, so both rows are shown), the started total and the start rate.
#include <algorithm>
#include <set>

#include "analysis/trajecten/model.h"

namespace zicht::analysis::trajecten::detail {

Result flow_result(const Model& m) {
  Result r = make_result("trajecten.flow", "trajecten.result.flow", "trajecten.unit.registrations");
  if (!m.have) {
    needs_file(r);
    return r;
  }
  int first = year_of(m.as_of), last = year_of(m.as_of);
  for (const auto& g : m.regs) first = std::min(first, year_of(g.registered));
  Table t = make_table("years", "trajecten.table.flow");
  t.columns = {col("year", "trajecten.col.year", Role::category),
               col("registrations", "trajecten.col.registrations", Role::count, 0),
               col("starts", "trajecten.col.starts", Role::count, 0),
               col("closures", "trajecten.col.closures", Role::count, 0),
               col("stock_1jan", "trajecten.col.stock_1jan", Role::count, 0),
               col("stock_31dec", "trajecten.col.stock_31dec", Role::count, 0)};
  for (int y = first; y <= last; ++y) {
    long reg = 0, st = 0, cl = 0, s1 = 0, s2 = 0;
    // Stock on 1 January: running at the end of 31 December of the year before; on 31 December: at its end (the
    // report date for the current, partial year).
    const int32_t jan = ymd(y, 1, 1) - 1, dec = std::min(ymd(y, 12, 31), m.as_of);
    for (const auto& g : m.regs) {
      reg += year_of(g.registered) == y;
      if (!g.started()) continue;
      st += year_of(g.start) == y;
      cl += g.closed != kNoDay && year_of(g.closed) == y;
      s1 += running_on(g, jan);
      s2 += running_on(g, dec);
    }
    const std::string label = y == year_of(m.as_of) && m.as_of < ymd(y, 12, 31)
                                  ? std::to_string(y) + " (" + Text::key("trajecten.label.until").nl + " " + day_text(m.as_of) + ")"
                                  : std::to_string(y);
    Value lv = Value::str(std::to_string(y));
    if (label != lv.s) {
      lv.s = label;
      lv.en = std::to_string(y) + " (" + Text::key("trajecten.label.until").en + " " + day_text(m.as_of) + ")";
    }
    t.rows.push_back({lv, Value::of(reg), Value::of(st), Value::of(cl), Value::of(s1), Value::of(s2)});
  }
  long n = long(m.regs.size()), started = 0, never = 0, pending = 0, missing = 0, running = 0;
  for (const auto& g : m.regs) {
    started += g.started();
    never += g.state == Start::not_started;
    pending += g.state == Start::pending;
    missing += g.state == Start::missing;
    running += running_on(g, m.as_of);
  }
  Table tot = make_table("totals", "trajecten.table.flow_totals");
  tot.columns = {col("what", "trajecten.col.what", Role::category), col("n", "trajecten.col.n", Role::count, 0),
                 col("pct_fixed", "trajecten.col.pct_of_registrations", Role::percent, 1),
                 col("denom_fixed", "trajecten.col.registrations", Role::denominator, 0)};
  tot.rows.push_back({L("trajecten.row.started_total"), Value::of(started), pct(started, n), Value::of(n)});
  tot.rows.push_back({L("trajecten.row.never_started"), Value::of(never), pct(never, n), Value::of(n)});
  tot.rows.push_back({L("trajecten.row.pending"), Value::of(pending), pct(pending, n), Value::of(n)});
  tot.rows.push_back({L("trajecten.row.start_missing"), Value::of(missing), pct(missing, n), Value::of(n)});
  tot.rows.push_back({L("trajecten.row.running_as_of"), Value::of(running), Value::na(), Value::na()});
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(tot));
  View v;
  v.id = "flow";
  v.kind = ViewKind::bar;
  v.table = "years";
  v.x = "year";
  v.x_scale = Scale::ordinal;
  v.y = {"registrations", "starts", "closures"};
  v.mode = BarMode::grouped;
  v.unit = Unit::count;
  set_of(v, "trajecten.of.flow");
  set_title(v, "trajecten.view.flow");
  r.views.push_back(v);
  View s;
  s.id = "stock";
  s.kind = ViewKind::line;
  s.table = "years";
  s.x = "year";
  s.x_scale = Scale::ordinal;
  s.y = {"stock_1jan", "stock_31dec"};
  s.unit = Unit::count;
  set_of(s, "trajecten.of.running");
  set_title(s, "trajecten.view.stock");
  r.views.push_back(s);
  r.notes.push_back(Text::key("trajecten.note.stock_ambiguity"));
  r.notes.push_back(Text::key("trajecten.note.tables_count_started"));
  return r;
}

Result units_result(const Model& m) {
  Result r = make_result("trajecten.units", "trajecten.result.units", "trajecten.unit.youngsters_families");
  if (!m.have) {
    needs_file(r);
    return r;
  }
  long youngsters = 0, families_form = 0, indirect = 0, indirect_known = 0;
  std::set<std::string> families;
  for (const auto& g : m.regs) {
    if (!g.started()) continue;
    if (g.family_form) ++families_form;
    else ++youngsters;
    if (!g.family.empty()) families.insert(g.family);
    else if (g.family_form) families.insert("#" + g.id);
    if (g.indirect >= 0) {
      indirect += g.indirect;
      ++indirect_known;
    }
  }
  Table t = make_table("units", "trajecten.table.units");
  t.columns = {col("what", "trajecten.col.what", Role::category), col("n", "trajecten.col.n", Role::count, 0),
               col("key", "trajecten.col.key", Role::category)};
  t.rows.push_back({L("trajecten.row.form_youngster"), Value::of(youngsters), Value::str("form_youngster")});
  t.rows.push_back({L("trajecten.row.form_family"), Value::of(families_form), Value::str("form_family")});
  t.rows.push_back({L("trajecten.row.families"), Value::of(long(families.size())), Value::str("families")});
  t.rows.push_back({L("trajecten.row.youngsters_registered"), Value::of(youngsters + families_form), Value::str("registered")});
  t.rows.push_back({L("trajecten.row.youngsters_indirect"), indirect_known ? Value::of(indirect) : Value::na(),
                    Value::str("indirect")});
  t.rows.push_back({L("trajecten.row.youngsters_reached"),
                    indirect_known ? Value::of(youngsters + families_form + indirect) : Value::na(), Value::str("reached")});
  r.tables.push_back(std::move(t));
  View v;
  v.kind = ViewKind::bar;
  v.table = "units";
  v.x = "what";
  v.y = {"n"};
  v.unit = Unit::count;
  v.orientation = Orientation::horizontal;
  // One measure drawn: the youngsters reached, registered and indirectly (bars of different units — forms,
  // families, youngsters — would add up to nothing under the chart); the table has every row.
  v.rows.push_back({"key", {"registered", "indirect"}, {}});
  set_of(v, "trajecten.of.youngsters_reached");
  r.views.push_back(v);
  r.notes.push_back(Text::key("trajecten.note.units"));
  r.notes.push_back(Text::key("trajecten.note.families_period"));
  return r;
}

}  // namespace zicht::analysis::trajecten::detail
