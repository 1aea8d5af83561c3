// procesflow.flow's links through every stage the data has: trajectories → overleggen (micro, by type) → themes →
// learning networks → bevindingen (per theme) → forum tables (per theme) → actiepunten (per level) →
// aanbevelingen (per level). A link counts the entities it carries (spec concept.md §3.3 `flow`, procesflow.json
// note flow_links); a node's own count is in the nodes table. Drawn as the N-stage Sankey (view.h).
#include <algorithm>
#include <map>
#include <set>

#include "analysis/procesflow/model.h"

namespace zicht::analysis::procesflow::detail {

using build::col;

namespace {

enum Stage { kTraj, kMeet, kTheme, kNet, kFind, kTable, kAction, kRec, kStages };
const char* const kStageKey[kStages] = {
    "procesflow.stage.trajectories", "procesflow.stage.overleggen", "procesflow.stage.themes",
    "procesflow.stage.networks",     "procesflow.stage.findings",   "procesflow.stage.tables",
    "procesflow.stage.actions",      "procesflow.stage.recommendations"};

// A node: its name as drawn (data text, or a label for the neutral ones).
struct NodeName {
  Value v;
  bool operator==(const NodeName& o) const { return v.s == o.v.s; }
};
NodeName data(const std::string& s) { return {Value::str(s)}; }
NodeName neutral(const char* key) { return {Value::label(Text::key(key))}; }

struct Acc {
  struct L {
    int stage;
    NodeName from, to;
    long n;
  };
  struct N {
    int stage;
    NodeName name;
    long n;
  };
  std::vector<L> links;
  std::vector<N> nodes;
  void link(int stage, const NodeName& a, const NodeName& b, long n = 1) {
    for (auto& l : links)
      if (l.stage == stage && l.from == a && l.to == b) {
        l.n += n;
        return;
      }
    links.push_back({stage, a, b, n});
  }
  void node(int stage, const NodeName& a, long n = 1) {
    for (auto& x : nodes)
      if (x.stage == stage && x.name == a) {
        x.n += n;
        return;
      }
    nodes.push_back({stage, a, n});
  }
};

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

void flow_links(const Model& m, Table& links, Table& nodes) {
  Acc acc;
  auto theme_name = [&](const std::string& id) {
    auto it = m.theme_index.find(id);
    return it != m.theme_index.end() ? m.themes[it->second].name : id;
  };
  // A network or a table is named by its themes ("Contextbegeleiding"), else by its id.
  auto named_by_themes = [&](const Meeting& x) {
    std::string s;
    for (const auto& t : x.themes) s += (s.empty() ? "" : " + ") + theme_name(t);
    return data(s.empty() ? x.id : s);
  };
  // Trajectories → micro overleggen by type: the trajectories with such an overleg.
  const NodeName traj = neutral(kStageKey[kTraj]);
  std::set<std::string> all_traj;
  std::set<std::pair<std::string, std::string>> traj_type;
  std::vector<std::string> raised;  // theme ids raised in micro overleggen, in order
  for (const auto& x : m.meetings) {
    if (x.level != "micro" || (x.traject.empty() && x.themes.empty())) continue;
    acc.node(kMeet, data(x.type));
    if (!x.traject.empty()) {
      all_traj.insert(x.traject);
      if (traj_type.insert({x.traject, x.type}).second) acc.link(kTraj, traj, data(x.type));
    }
    // Overleggen → themes: the overleggen raising the theme.
    for (const auto& t : x.themes) {
      acc.link(kMeet, data(x.type), data(theme_name(t)));
      acc.node(kTheme, data(theme_name(t)));
      if (!has(raised, t)) raised.push_back(t);
    }
  }
  if (!all_traj.empty()) acc.nodes.insert(acc.nodes.begin(), {kTraj, traj, long(all_traj.size())});
  // Themes → learning networks (the network meetings on the theme when it has one): one link per theme.
  const NodeName no_net = neutral("procesflow.node.no_network"), no_table = neutral("procesflow.node.no_table"),
                 no_action = neutral("procesflow.node.no_action");
  std::map<std::string, std::vector<NodeName>> net_of_theme;
  for (const auto& x : m.meetings)
    if (x.type == "lerend netwerk") acc.node(kNet, named_by_themes(x));
  long themes_without = 0;
  for (const auto& t : raised) {
    auto th = m.theme_index.find(t);
    const bool network = th != m.theme_index.end() && m.themes[th->second].network == 1;
    for (const auto& x : m.meetings)
      if (network && x.type == "lerend netwerk" && has(x.themes, t)) {
        acc.link(kTheme, data(theme_name(t)), named_by_themes(x));
        net_of_theme[t].push_back(named_by_themes(x));
      }
    if (net_of_theme[t].empty()) {
      acc.link(kTheme, data(theme_name(t)), no_net);
      ++themes_without;
    }
  }
  if (themes_without > 0) acc.node(kNet, no_net, themes_without);
  // Networks → bevindingen (per theme): the finding's source network, else its theme's network(s), else "geen
  // lerend netwerk" when its theme was raised. Bevindingen → forum tables (per theme): the table it came from
  // or the tables on its theme, else "geen forumtafel".
  std::map<std::string, std::vector<NodeName>> tables_of_finding;
  for (const auto& x : m.meetings)
    if (x.type == "discussietafel") acc.node(kTable, named_by_themes(x));
  long findings_without = 0;
  for (const auto& f : m.findings) {
    const NodeName group = data(theme_name(f.theme));
    acc.node(kFind, group);
    std::vector<NodeName> from;
    auto src = m.meeting_index.find(f.source);
    if (src != m.meeting_index.end() && m.meetings[src->second].type == "lerend netwerk")
      from.push_back(named_by_themes(m.meetings[src->second]));
    else if (net_of_theme.count(f.theme))
      from = net_of_theme[f.theme];
    if (from.empty() && has(raised, f.theme)) from.push_back(no_net);
    for (const auto& a : from) acc.link(kNet, a, group);
    auto& tabs = tables_of_finding[f.id];
    for (const auto& x : m.meetings)
      if (x.type == "discussietafel" && (x.id == f.source || has(x.themes, f.theme))) {
        const NodeName t = named_by_themes(x);
        if (std::find(tabs.begin(), tabs.end(), t) == tabs.end()) {
          tabs.push_back(t);
          acc.link(kFind, group, t);
        }
      }
    if (tabs.empty()) {
      tabs.push_back(no_table);
      acc.link(kFind, group, no_table);
      ++findings_without;
    }
  }
  if (findings_without > 0) acc.node(kTable, no_table, findings_without);
  // Tables → actiepunten (per level): the actions of the findings; a finding without one → "geen actiepunt".
  auto level = [](const std::string& l) { return data(l.empty() ? std::string("—") : l); };
  std::map<std::string, std::vector<NodeName>> action_nodes_of_finding;
  for (const auto& a : m.actions) {
    acc.node(kAction, level(a.level));
    auto f = tables_of_finding.find(a.finding);
    if (f == tables_of_finding.end()) continue;
    for (const auto& t : f->second) acc.link(kTable, t, level(a.level));
    auto& v = action_nodes_of_finding[a.finding];
    if (std::find(v.begin(), v.end(), level(a.level)) == v.end()) v.push_back(level(a.level));
  }
  for (const auto& f : m.findings)
    if (!action_nodes_of_finding.count(f.id)) {
      for (const auto& t : tables_of_finding[f.id]) acc.link(kTable, t, no_action);
      action_nodes_of_finding[f.id] = {no_action};
      acc.node(kAction, no_action);
    }
  // Actiepunten → aanbevelingen (per level), through the bevindingen in aanbeveling.bronnen: one link per
  // recommendation and action node it is reached from.
  for (const auto& r : m.recommendations) {
    acc.node(kRec, level(r.level));
    std::vector<NodeName> from;
    for (const auto& s : r.sources) {
      auto it = action_nodes_of_finding.find(s);
      if (it == action_nodes_of_finding.end()) continue;
      for (const auto& a : it->second)
        if (std::find(from.begin(), from.end(), a) == from.end()) from.push_back(a);
    }
    for (const auto& a : from) acc.link(kAction, a, level(r.level));
  }
  links = build::make_table("links", "procesflow.table.flow_links");
  links.columns = {col("from_stage", "procesflow.col.from_stage", Role::category),
                   col("from", "procesflow.col.from", Role::category),
                   col("to_stage", "procesflow.col.to_stage", Role::category),
                   col("to", "procesflow.col.to", Role::category), col("n", "procesflow.col.links", Role::count)};
  // Stage by stage, each in the order its links were found.
  for (int st = 0; st + 1 < kStages; ++st)
    for (const auto& l : acc.links)
      if (l.stage == st)
        links.rows.push_back({Value::label(Text::key(kStageKey[st])), l.from.v,
                              Value::label(Text::key(kStageKey[st + 1])), l.to.v, Value::of(l.n)});
  nodes = build::make_table("stage_nodes", "procesflow.table.flow_stage_nodes");
  nodes.columns = {col("stage", "procesflow.col.stage", Role::category),
                   col("node", "procesflow.col.node", Role::category), col("n", "procesflow.col.n", Role::count)};
  for (int st = 0; st < kStages; ++st)
    for (const auto& x : acc.nodes)
      if (x.stage == st)
        nodes.rows.push_back({Value::label(Text::key(kStageKey[st])), x.name.v, Value::of(x.n)});
}

}  // namespace zicht::analysis::procesflow::detail
