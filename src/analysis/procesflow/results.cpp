// procesflow::results: the model built once, then every result of spec §3.3 in page order; the quality result
// (a count per rule, rows in / used / excluded per record type, the first flags); the werkmap options.
#include "analysis/procesflow/model.h"
#include "core/schema.h"

namespace zicht::analysis::procesflow {

Options Options::from_werkmap(const core::Werkmap& w) {
  Options o;
  const nlohmann::json& j = w.options("procesflow", "settings");
  if (j.is_object())
    if (auto it = j.find("overleg"); it != j.end() && it->is_string()) o.overleg = it->get<std::string>();
  return o;
}

void Options::store(core::Werkmap& w) const {
  nlohmann::json j = nlohmann::json::object();
  if (!overleg.empty()) j["overleg"] = overleg;
  w.set_options("procesflow", "settings", j.empty() ? nlohmann::json() : j);
}

std::vector<Result> results(const Inputs& in, const Options& o) {
  const detail::Model m = detail::build_model(in, o);
  return list_of<Result>(detail::cadence_result(m),
                          detail::flow_result(m),
                          detail::themes_result(m),
                          detail::quotes_result(m),
                          detail::attendance_result(m),
                          detail::priorities_result(m),
                          detail::statements_result(m),
                          detail::actions_result(m),
                          detail::recommendations_result(m),
                          detail::quality_result(m));
}

namespace detail {

using build::col;

Result quality_result(const Model& m) {
  Result r = build::make_result("procesflow.quality", "procesflow.result.quality", "procesflow.unit.findings");
  r.client_unit = false;
  Table t = build::make_table("rules", "procesflow.table.quality_rules");
  t.columns = {col("category", "procesflow.col.rule", Role::category), col("n", "procesflow.col.n", Role::count)};
  for (const auto& q : m.quality.rules)
    t.rows.push_back({Value::label(Text::key("procesflow.rule." + q.id)), Value::of(q.n)});
  Table c = build::make_table("rows", "procesflow.table.quality_rows");
  c.columns = {col("kind", "procesflow.col.record_type", Role::category),
               col("in", "procesflow.col.rows_in", Role::count), col("used", "procesflow.col.rows_used", Role::count),
               col("excluded", "procesflow.col.rows_excluded", Role::count)};
  for (const auto& k : m.counts)
    c.rows.push_back({Value::str(k.kind), Value::of(k.in), Value::of(k.used), Value::of(k.flagged)});
  if (!t.rows.empty()) r.views.push_back(quality_view(t, "category"));
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(c));
  r.flags = m.quality.flags;
  if (m.quality.rules.empty()) r.notes.push_back(Text::key("procesflow.note.no_findings"));
  return r;
}

}  // namespace detail

}  // namespace zicht::analysis::procesflow
