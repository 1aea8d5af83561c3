// Data quality (spec §2.3 `quality`: rule counts, rows in = used + flagged, the flags with file/row/column/rule) and
// the coarsening result (shared-rules "Tiny n"): for each Delen option, how many cells of Tables 2–4 hold 1 … k − 1
// trajectories — the cells small-cell suppression would hide — without and with it. Its unit is table cells, not
// clients (client_unit = false): an aggregate about the tables, which Delen shows unsuppressed.
#include "analysis/trajecten/model.h"

namespace zicht::analysis::trajecten::detail {

namespace {
// Excluded rows (errors) vs notes on used rows.
const char* const kRules[] = {"unusable", "no_registration_date", "duplicate_id", "total_row", "no_consent",
                              "start_before_registration", "closure_before_start", "start_invalid", "pending_overdue",
                              "closure_without_start", "short_duration", "referrer_level2_without_parent",
                              "referrer_unlisted", "region_outside_list", "reason_unlisted", "criterion_unlisted",
                              "means_unlisted", "birth_month_invalid", "age_birth_mismatch"};
bool excludes(const std::string& rule) {
  for (const char* e : {"unusable", "no_registration_date", "duplicate_id", "total_row", "no_consent",
                        "start_before_registration", "closure_before_start"})
    if (rule == e) return true;
  return false;
}
}  // namespace

Result quality_result(const Model& m) {
  Result r = make_result("trajecten.quality", "trajecten.result.quality", "trajecten.unit.rows");
  if (!m.have) {
    needs_file(r);
    return r;
  }
  Table t = make_table("rules", "trajecten.table.quality");
  t.columns = {col("rule", "trajecten.col.rule", Role::category), col("n", "trajecten.col.n", Role::count, 0),
               col("kind", "trajecten.col.kind", Role::category)};
  std::vector<std::pair<std::string, std::string>> keys;
  for (const char* rule : kRules) {
    long n = 0;
    for (const auto& q : m.rules)
      if (q.id == rule) n = q.n;
    const bool ex = excludes(rule);
    const Value label = L(std::string("trajecten.rule.") + rule);
    t.rows.push_back({label, Value::of(n), L(ex ? "trajecten.quality.error" : "trajecten.quality.note")});
    keys.push_back({view_key(label), ex ? "quality.flag" : "group.none"});
  }
  Table rows = make_table("rows", "trajecten.table.rows");
  rows.columns = {col("what", "trajecten.col.what", Role::category), col("n", "trajecten.col.n", Role::count, 0)};
  rows.rows.push_back({L("trajecten.rows.in"), Value::of(m.rows_in)});
  rows.rows.push_back({L("trajecten.rows.used"), Value::of(m.rows_used)});
  rows.rows.push_back({L("trajecten.rows.flagged"), Value::of(m.rows_flagged)});
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(rows));
  r.flags = m.flags;
  View qv = quality_view(r.tables[0], "rule");
  qv.series = "rule";
  qv.colour_keys = keys;
  set_title(qv, "trajecten.view.quality");
  r.views.push_back(qv);
  r.notes.push_back(Text::key("trajecten.note.quality_rows"));
  return r;
}

Result coarsening_result(const Model& m) {
  Result r = make_result("trajecten.coarsening", "trajecten.result.coarsening", "trajecten.unit.cells");
  r.client_unit = false;
  if (!m.have) {
    needs_file(r);
    return r;
  }
  const int k = m.opt.k;
  auto small = [&](const std::vector<long>& cells) {
    long n = 0;
    for (long c : cells) n += c >= 1 && c < k;
    return n;
  };
  // The cells are read from the very tables Tables 2–4 publish (built with the option off and on), so the proposal
  // can never count a table other than the one shared.
  auto table_cells = [&](int which, bool coarse) {
    Options x = m.opt;  // the model's options with this one switched (the registrations are not copied)
    bool* flag[3] = {&x.coarsen_age, &x.coarsen_region, &x.coarsen_referrer};
    *flag[which] = coarse;
    static const char* const ids[3] = {"ages", "regions", "referrers"};
    const Result built = which == 0 ? age_result(m, x) : which == 1 ? region_result(m, x) : referrer_result(m, x);
    std::vector<long> cells;
    for (const auto& t : built.tables) {
      if (t.id != ids[which]) continue;
      int nc = -1;
      for (size_t c = 0; c < t.columns.size(); ++c)
        if (t.columns[c].id == "n") nc = static_cast<int>(c);
      for (const auto& row : t.rows)
        if (nc >= 0 && row[size_t(nc)].is_number()) cells.push_back(long(row[size_t(nc)].as_double()));
    }
    return cells;
  };
  Table t = make_table("options", "trajecten.table.coarsening");
  t.columns = {col("option", "trajecten.col.option", Role::category), col("table", "trajecten.col.table", Role::category),
               col("cells_without", "trajecten.col.cells_without", Role::statistic, 0),
               col("small_without", "trajecten.col.small_without", Role::statistic, 0),
               col("cells_with", "trajecten.col.cells_with", Role::statistic, 0),
               col("small_with", "trajecten.col.small_with", Role::statistic, 0),
               col("k", "trajecten.col.k", Role::statistic, 0), col("on", "trajecten.col.on", Role::category)};
  const char* const opts[3] = {"coarsen_age", "coarsen_region", "coarsen_referrer"};
  const char* const tables[3] = {"trajecten.table.age", "trajecten.table.region", "trajecten.table.referrer"};
  const bool on[3] = {m.opt.coarsen_age, m.opt.coarsen_region, m.opt.coarsen_referrer};
  for (int i = 0; i < 3; ++i) {
    const std::vector<long> without = table_cells(i, false), with = table_cells(i, true);
    t.rows.push_back({L(std::string("trajecten.option.") + opts[i]), L(tables[i]), Value::of(long(without.size())),
                      Value::of(small(without)), Value::of(long(with.size())), Value::of(small(with)), Value::of(k),
                      L(on[i] ? "trajecten.label.on" : "trajecten.label.off")});
  }
  r.tables.push_back(std::move(t));
  View v;
  v.kind = ViewKind::bar;
  v.table = "options";
  v.x = "option";
  v.y = {"small_without", "small_with"};
  v.mode = BarMode::grouped;
  v.orientation = Orientation::horizontal;
  v.unit = Unit::count;
  set_of(v, "trajecten.of.small_cells");
  r.views.push_back(v);
  r.notes.push_back(counted("trajecten.note.coarsening_k", k));
  return r;
}

}  // namespace zicht::analysis::trajecten::detail
