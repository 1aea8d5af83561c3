// procesflow.flow's links through every stage the data has: trajectories → overleggen (micro, by type) → themes →
// learning networks → bevindingen (per theme) → forum tables (per theme) → actiepunten (per level) →
// aanbevelingen (per level). A link counts the entities it carries (spec concept.md §3.3 `flow`, procesflow.json
// note flow_links); a node's own count is in the nodes table. Drawn as the N-stage Sankey (view.h).
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

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
  std::vector<L> links;  // in the order they were first found
  std::vector<N> nodes;
  // Where each link / node is in its vector (names compare by their text, as NodeName::operator==).
  std::map<std::tuple<int, std::string, std::string>, size_t> link_at;
  std::map<std::pair<int, std::string>, size_t> node_at;
  void link(int stage, const NodeName& a, const NodeName& b, long n = 1) {
    auto [it, fresh] = link_at.emplace(std::make_tuple(stage, a.v.s, b.v.s), links.size());
    if (fresh) links.push_back({stage, a, b, n});
    else links[it->second].n += n;
  }
  void node(int stage, const NodeName& a, long n = 1) {
    auto [it, fresh] = node_at.emplace(std::make_pair(stage, a.v.s), nodes.size());
    if (fresh) nodes.push_back({stage, a, n});
    else nodes[it->second].n += n;
  }
  // A node put before all others (it is counted once, after the others were found).
  void node_first(int stage, const NodeName& a, long n) {
    nodes.insert(nodes.begin(), {stage, a, n});
    node_at.clear();
    for (size_t i = nodes.size(); i-- > 0;) node_at[{nodes[i].stage, nodes[i].name.v.s}] = i;
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
  if (!all_traj.empty()) acc.node_first(kTraj, traj, long(all_traj.size()));
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
  // The networks of each theme as (name, how many network meetings of that name), in first-found order: linking
  // a name k times one after the other is linking it k times where it first occurs.
  std::map<std::string, std::vector<std::pair<NodeName, long>>> nets_of_theme;
  for (const auto& [t, names] : net_of_theme) {
    auto& v = nets_of_theme[t];
    for (const auto& n : names) {
      auto it = std::find_if(v.begin(), v.end(), [&](const auto& e) { return e.first == n; });
      if (it == v.end()) v.push_back({n, 1});
      else ++it->second;
    }
  }
  // The forum tables (discussietafels) on each theme: each name once, with the position of its first table; and
  // the tables by id. A finding's tables are then those of its theme and its source, in meeting order.
  std::map<std::string, std::vector<std::pair<size_t, NodeName>>> tables_of_theme;
  std::map<std::string, std::vector<std::pair<size_t, NodeName>>> tables_by_id;
  for (size_t i = 0; i < m.meetings.size(); ++i) {
    const Meeting& x = m.meetings[i];
    if (x.type != "discussietafel") continue;
    const NodeName name = named_by_themes(x);
    tables_by_id[x.id].push_back({i, name});
    for (const auto& th : x.themes) {
      auto& v = tables_of_theme[th];
      if (std::find_if(v.begin(), v.end(), [&](const auto& e) { return e.second == name; }) == v.end())
        v.push_back({i, name});
    }
  }
  long findings_without = 0;
  for (const auto& f : m.findings) {
    const NodeName group = data(theme_name(f.theme));
    acc.node(kFind, group);
    bool from_any = false;
    auto src = m.meeting_index.find(f.source);
    if (src != m.meeting_index.end() && m.meetings[src->second].type == "lerend netwerk") {
      acc.link(kNet, named_by_themes(m.meetings[src->second]), group);
      from_any = true;
    } else if (nets_of_theme.count(f.theme)) {
      for (const auto& [a, k] : nets_of_theme[f.theme]) acc.link(kNet, a, group, k);
      from_any = !nets_of_theme[f.theme].empty();
    }
    if (!from_any && has(raised, f.theme)) acc.link(kNet, no_net, group);
    auto& tabs = tables_of_finding[f.id];
    std::vector<std::pair<size_t, NodeName>> cand;
    if (auto it = tables_of_theme.find(f.theme); it != tables_of_theme.end()) cand = it->second;
    if (auto it = tables_by_id.find(f.source); it != tables_by_id.end())
      cand.insert(cand.end(), it->second.begin(), it->second.end());
    std::stable_sort(cand.begin(), cand.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [i, t] : cand)
      if (std::find(tabs.begin(), tabs.end(), t) == tabs.end()) {
        tabs.push_back(t);
        acc.link(kFind, group, t);
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
