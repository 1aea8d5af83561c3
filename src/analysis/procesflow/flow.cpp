// procesflow.cadence (meetings by type and month), procesflow.flow (the procesflow's node counts micro → meso →
// macro and the theme → bevinding → action-level Sankey) and procesflow.themes (per theme: overleggen raising it,
// learning network, findings, focus 2025, proposed next).
#include <algorithm>
#include <cstdio>

#include "analysis/procesflow/model.h"

namespace zicht::analysis::procesflow::detail {

using build::col;
using build::make_result;
using build::make_table;

namespace {

std::string month_text(int32_t d) {
  int y;
  unsigned mo, dd;
  core::civil_from_days(d, y, mo, dd);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", y, mo);
  return buf;
}
int year_of(int32_t d) {
  int y;
  unsigned mo, dd;
  core::civil_from_days(d, y, mo, dd);
  return y;
}

// Micro overleggen that raise a theme: the first step of the flow after the trajectories.
bool raises_theme(const Meeting& x) { return x.level == "micro" && !x.themes.empty(); }

}  // namespace

Result cadence_result(const Model& m) {
  Result r = make_result("procesflow.cadence", "procesflow.result.cadence", "procesflow.unit.meetings");
  r.client_unit = false;
  if (m.meetings.empty()) {
    r.notes.push_back(Text::key("procesflow.note.no_meetings"));
    return r;
  }
  std::map<std::pair<std::string, std::string>, long> by_month;
  std::map<std::pair<std::string, int>, long> by_year;
  std::vector<std::string> types;
  long undated = 0;
  for (const auto& x : m.meetings) {
    if (std::find(types.begin(), types.end(), x.type) == types.end()) types.push_back(x.type);
    if (x.day == kNoDay) {
      ++undated;
      continue;
    }
    ++by_month[{month_text(x.day), x.type}];
    ++by_year[{x.type, year_of(x.day)}];
  }
  Table t = make_table("by_month", "procesflow.table.cadence_month");
  t.columns = {col("month", "procesflow.col.month", Role::category), col("type", "procesflow.col.type", Role::category),
               col("n", "procesflow.col.meetings", Role::count)};
  for (const auto& [k, n] : by_month) t.rows.push_back({Value::str(k.first), Value::str(k.second), Value::of(n)});
  Table y = make_table("by_year", "procesflow.table.cadence_year");
  y.columns = {col("type", "procesflow.col.type", Role::category), col("level", "procesflow.col.level", Role::category),
               col("year", "procesflow.col.year", Role::category), col("n", "procesflow.col.meetings", Role::count)};
  for (const auto& type : types)
    for (const auto& [k, n] : by_year)
      if (k.first == type)
        y.rows.push_back({Value::str(type), Value::str(level_of_type(type)), Value::str(std::to_string(k.second)),
                          Value::of(n)});
  // Per type, one bar per year: eleven meeting types stacked per month would need eleven colours (the palette has
  // eight: two types shared blue); "9 samenwerkingsoverleggen in 2024" reads straight off a bar. The months stay in
  // the table.
  View v;
  v.kind = ViewKind::bar;
  v.table = y.id;
  v.x = "type";
  v.series = "year";
  v.y = {"n"};
  v.mode = BarMode::grouped;
  v.orientation = Orientation::horizontal;
  v.unit = Unit::count;
  build::set_of(v, "procesflow.of.meetings");
  r.views.push_back(std::move(v));
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(y));
  if (undated > 0) r.notes.push_back(build::counted("procesflow.note.undated_meetings", undated));
  return r;
}

Result flow_result(const Model& m) {
  Result r = make_result("procesflow.flow", "procesflow.result.flow", "procesflow.unit.nodes");
  r.client_unit = false;
  std::set<std::string> trajectories, themes;
  long overleggen = 0, networks = 0, tables = 0, before_closure = 0;
  for (const auto& x : m.meetings) {
    if (x.level == "micro" && !x.traject.empty()) trajectories.insert(x.traject);
    if (raises_theme(x)) {
      ++overleggen;
      for (const auto& t : x.themes) themes.insert(t);
    }
    if (x.type == "lerend netwerk") ++networks;
    if (x.type == "discussietafel") ++tables;
    if (x.type == "samenwerkingsoverleg" && m.register_loaded) {
      auto it = m.register_end.find(x.traject);
      // Held at the end of the trajectory but in an earlier calendar year than its formal closure (or still
      // open): why 9 closing overleggen in 2024 meet 3 closures in 2024 (spec §2.5) — info, not an error.
      if (it != m.register_end.end() && x.day != kNoDay &&
          (it->second == kNoDay || year_of(x.day) < year_of(it->second)))
        ++before_closure;
    }
  }
  std::map<std::string, long> rec_levels;
  for (const auto& a : m.recommendations) ++rec_levels[a.level.empty() ? std::string("—") : a.level];
  Table t = make_table("nodes", "procesflow.table.flow_nodes");
  t.columns = {col("step", "procesflow.col.step", Role::category), col("stage", "procesflow.col.stage", Role::category),
               col("node", "procesflow.col.node", Role::category), col("n", "procesflow.col.n", Role::count)};
  int step = 0;
  auto node = [&](const char* stage_key, const std::string& name, long n) {
    const Text s = Text::key(stage_key);
    Value label = Value::label(Text{s.nl + (name.empty() ? "" : " " + name) + " (" + std::to_string(n) + ")",
                                    s.en + (name.empty() ? "" : " " + name) + " (" + std::to_string(n) + ")"});
    t.rows.push_back({Value::of(++step), Value::label(s), label, Value::of(n)});
  };
  node("procesflow.stage.trajectories", "", long(trajectories.size()));
  node("procesflow.stage.overleggen", "", overleggen);
  node("procesflow.stage.themes", "", long(themes.size()));
  node("procesflow.stage.networks", "", networks);
  node("procesflow.stage.findings", "", long(m.findings.size()));
  node("procesflow.stage.tables", "", tables);
  node("procesflow.stage.actions", "", long(m.actions.size()));
  for (const auto& [lv, n] : rec_levels) node("procesflow.stage.recommendations", lv, n);
  // Theme → bevinding → action level: one flow per action point.
  Table p = make_table("paths", "procesflow.table.flow_paths");
  p.columns = {col("theme", "procesflow.col.theme", Role::category),
               col("finding", "procesflow.col.finding", Role::category),
               col("level", "procesflow.col.action_level", Role::category),
               col("n", "procesflow.col.actions", Role::count)};
  std::map<std::tuple<std::string, std::string, std::string>, long> paths;
  for (const auto& a : m.actions) {
    auto f = m.finding_index.find(a.finding);
    std::string theme = "—", finding = a.finding.empty() ? "—" : a.finding;
    if (f != m.finding_index.end()) {
      finding = m.findings[f->second].text;
      auto th = m.theme_index.find(m.findings[f->second].theme);
      theme = th != m.theme_index.end() ? m.themes[th->second].name : m.findings[f->second].theme;
    }
    ++paths[{theme, finding, a.level.empty() ? std::string("—") : a.level}];
  }
  for (const auto& [k, n] : paths)
    p.rows.push_back({Value::str(std::get<0>(k)), Value::str(std::get<1>(k)), Value::str(std::get<2>(k)), Value::of(n)});
  // The Sankey through every stage the data has (first view), then the node counts and the theme → bevinding →
  // level paths.
  Table links, stage_nodes;
  flow_links(m, links, stage_nodes);
  if (!links.rows.empty()) {
    View s;
    s.id = "links";
    s.kind = ViewKind::sankey;
    s.table = links.id;
    s.x = "from";
    s.columns = {"from_stage", "from", "to_stage", "to", "stage", "node", "n"};
    s.y = {"n"};
    s.leaf_table = stage_nodes.id;
    for (const char* k : {"procesflow.node.no_network", "procesflow.node.no_table", "procesflow.node.no_action"})
      s.colour_keys.push_back({Text::key(k).nl, "group.none"});
    build::set_of(s, "procesflow.of.links");
    build::set_title(s, "procesflow.view.links");
    r.views.push_back(std::move(s));
  }
  View v;
  v.id = "nodes";
  build::set_title(v, "procesflow.view.nodes");
  v.kind = ViewKind::bar;
  v.table = t.id;
  v.x = "node";
  v.y = {"n"};
  v.orientation = Orientation::horizontal;
  build::set_of(v, "procesflow.of.nodes");
  r.views.push_back(std::move(v));
  if (!p.rows.empty()) {
    View s;
    s.id = "paths";
    s.kind = ViewKind::sankey;
    s.table = p.id;
    s.x = "theme";
    s.columns = {"theme", "finding", "level"};
    s.y = {"n"};
    build::set_of(s, "procesflow.of.actions");
    build::set_title(s, "procesflow.view.paths");
    r.views.push_back(std::move(s));
  }
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(p));
  if (!links.rows.empty()) {
    r.tables.push_back(std::move(links));
    r.tables.push_back(std::move(stage_nodes));
    r.notes.push_back(Text::key("procesflow.note.flow_links"));
  }
  r.notes.push_back(Text::key("procesflow.note.flow_trajectories"));
  if (m.register_loaded) {
    long with = 0;
    for (const auto& id : m.register_started) with += trajectories.count(id) ? 1 : 0;
    const Text a = build::counted("procesflow.note.register_with_overleg", with);
    const Text b = build::counted("procesflow.note.register_started", long(m.register_started.size()));
    r.notes.push_back(Text{a.nl + "; " + b.nl, a.en + "; " + b.en});
    if (before_closure > 0) r.notes.push_back(build::counted("procesflow.note.before_closure", before_closure));
  }
  return r;
}

Result themes_result(const Model& m) {
  Result r = make_result("procesflow.themes", "procesflow.result.themes", "procesflow.unit.themes");
  r.client_unit = false;
  if (m.themes.empty()) {
    r.notes.push_back(Text::key("procesflow.note.no_themes"));
    return r;
  }
  Table t = make_table("themes", "procesflow.table.themes");
  t.columns = {col("thema_id", "procesflow.col.theme_id", Role::category),
               col("naam", "procesflow.col.theme", Role::category),
               col("overleggen", "procesflow.col.meetings_raising", Role::count),
               col("lerend_netwerk", "procesflow.col.network", Role::category),
               col("bevindingen", "procesflow.col.findings", Role::count),
               col("focus_2025", "procesflow.col.focus", Role::category),
               col("voorgesteld", "procesflow.col.proposed", Role::category)};
  const Value ja = Value::label(Text::key("procesflow.value.yes")), nee = Value::label(Text::key("procesflow.value.no"));
  auto yn = [&](int v) { return v == 1 ? ja : v == 0 ? nee : Value::na(); };
  long raised = 0, with = 0, without = 0, focus = 0, proposed = 0;
  for (const auto& th : m.themes) {
    long n = 0, f = 0;
    for (const auto& x : m.meetings)
      if (std::find(x.themes.begin(), x.themes.end(), th.id) != x.themes.end()) ++n;
    for (const auto& b : m.findings) f += b.theme == th.id;
    if (n > 0) {
      ++raised;
      (th.network == 1 ? with : without) += 1;
    }
    focus += th.focus == 1;
    proposed += th.proposed == 1;
    // A theme without a learning network has its network's findings NVT.
    t.rows.push_back({Value::str(th.id), Value::str(th.name), Value::of(n), yn(th.network),
                      th.network == 1 ? Value::of(f) : Value::na(), yn(th.focus), yn(th.proposed)});
  }
  View v;
  v.kind = ViewKind::bar;
  v.table = t.id;
  v.x = "naam";
  v.y = {"overleggen"};
  v.series = "lerend_netwerk";
  v.orientation = Orientation::horizontal;
  v.sort = Sort::value_desc;
  build::set_of(v, "procesflow.of.meetings_raising");
  r.views.push_back(std::move(v));
  r.tables.push_back(std::move(t));
  r.notes.push_back(build::counted("procesflow.note.themes_raised", raised));
  r.notes.push_back(build::counted("procesflow.note.themes_with_network", with));
  r.notes.push_back(build::counted("procesflow.note.themes_without_network", without));
  r.notes.push_back(build::counted("procesflow.note.themes_proposed", proposed));
  r.notes.push_back(build::counted("procesflow.note.themes_focus", focus));
  return r;
}

}  // namespace zicht::analysis::procesflow::detail
