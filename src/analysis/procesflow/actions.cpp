// procesflow.actions (action points by owner × level × status, days since the forum), procesflow.recommendations
// (level × kernthema grid; per recommendation its trail: bevindingen, themes, overleggen, trajectories) and
// procesflow.quotes (free text: in Delen only the released quotes).
#include <algorithm>
#include <map>
#include <set>

#include "analysis/procesflow/model.h"

namespace zicht::analysis::procesflow::detail {

using build::col;
using build::make_result;
using build::make_table;

namespace {
const std::vector<std::string>& levels() {
  static const std::vector<std::string> l = {"Beleidsmakers", "Netwerken", "Individuele organisaties", "Begeleiders"};
  return l;
}
const std::vector<std::string>& core_themes() {
  static const std::vector<std::string> k = {"Rol en positie van de begeleider", "Flexibiliteit en maatwerk",
                                             "Kwaliteit boven controle", "Samenwerking en gedeelde taal",
                                             "Beleidsruimte en duurzaamheid"};
  return k;
}
}  // namespace

Result actions_result(const Model& m) {
  Result r = make_result("procesflow.actions", "procesflow.result.actions", "procesflow.unit.actions");
  r.client_unit = false;
  if (m.actions.empty()) {
    r.notes.push_back(Text::key("procesflow.note.no_actions"));
    return r;
  }
  int32_t forum = kNoDay;
  for (const auto& x : m.meetings)
    if (x.type == "netwerkforum" && x.day != kNoDay && (forum == kNoDay || x.day < forum)) forum = x.day;
  std::map<std::tuple<std::string, std::string, std::string>, long> cube;
  Table l = make_table("list", "procesflow.table.actions");
  l.columns = {col("actie_id", "procesflow.col.action", Role::category),
               col("tekst", "procesflow.col.text", Role::category),
               col("eigenaar", "procesflow.col.owner", Role::category),
               col("niveau", "procesflow.col.level", Role::category),
               col("status", "procesflow.col.status", Role::category),
               col("days", "procesflow.col.days_since_forum", Role::statistic, 0)};
  for (const auto& a : m.actions) {
    ++cube[{a.owner, a.level, a.status}];
    const int32_t from = forum != kNoDay ? forum : a.day;
    l.rows.push_back({Value::str(a.id), Value::str(a.text), Value::str(a.owner), Value::str(a.level),
                      Value::str(a.status),
                      from != kNoDay && m.as_of != kNoDay ? Value::of(int64_t(m.as_of) - from) : Value::na()});
  }
  Table t = make_table("by_owner", "procesflow.table.actions_owner");
  t.columns = {col("eigenaar", "procesflow.col.owner", Role::category),
               col("niveau", "procesflow.col.level", Role::category),
               col("status", "procesflow.col.status", Role::category), col("n", "procesflow.col.actions", Role::count)};
  for (const auto& [k, n] : cube)
    t.rows.push_back({Value::str(std::get<0>(k)), Value::str(std::get<1>(k)), Value::str(std::get<2>(k)), Value::of(n)});
  View v;
  v.kind = ViewKind::bar;
  v.table = t.id;
  v.x = "eigenaar";
  v.series = "status";
  v.y = {"n"};
  v.mode = BarMode::stacked;
  v.colour_keys = {{"open", "action.open"}, {"lopend", "action.lopend"}, {"gerealiseerd", "action.gerealiseerd"}};
  build::set_of(v, "procesflow.of.actions");
  r.views.push_back(std::move(v));
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(l));
  if (forum != kNoDay) r.notes.push_back(Text::key("procesflow.note.days_since_forum"));
  return r;
}

Result recommendations_result(const Model& m) {
  Result r = make_result("procesflow.recommendations", "procesflow.result.recommendations",
                         "procesflow.unit.recommendations");
  r.client_unit = false;
  if (m.recommendations.empty()) {
    r.notes.push_back(Text::key("procesflow.note.no_recommendations"));
    return r;
  }
  Table g = make_table("grid", "procesflow.table.recommendation_grid");
  g.columns = {col("niveau", "procesflow.col.level", Role::category),
               col("kernthema", "procesflow.col.core_theme", Role::category),
               col("n", "procesflow.col.recommendations", Role::count)};
  for (const auto& lv : levels())
    for (const auto& k : core_themes()) {
      long n = 0;
      for (const auto& a : m.recommendations) n += a.level == lv && a.core_theme == k;
      g.rows.push_back({Value::str(lv), Value::str(k), Value::of(n)});
    }
  long off_grid = 0;
  for (const auto& a : m.recommendations)
    off_grid += std::find(levels().begin(), levels().end(), a.level) == levels().end() ||
                std::find(core_themes().begin(), core_themes().end(), a.core_theme) == core_themes().end();
  Table t = make_table("trail", "procesflow.table.recommendation_trail");
  t.columns = {col("aanbeveling_id", "procesflow.col.recommendation", Role::category),
               col("tekst", "procesflow.col.text", Role::category),
               col("niveau", "procesflow.col.level", Role::category),
               col("kernthema", "procesflow.col.core_theme", Role::category),
               col("bevindingen", "procesflow.col.findings", Role::count),
               col("themas", "procesflow.col.themes", Role::count),
               col("overleggen", "procesflow.col.meetings", Role::count),
               col("trajecten", "procesflow.col.trajectories", Role::count)};
  // A recommendation's meetings are its findings' source meetings plus every meeting on one of its findings'
  // themes; its trajectories are those meetings' trajectories. The meetings on a set of themes (and their
  // trajectories) are gathered once per distinct theme set, not once per recommendation: with many meetings and
  // recommendations the per-recommendation pass over all meetings was quadratic.
  auto traject_of = [&](const std::string& id) -> const std::string* {
    auto it = m.meeting_index.find(id);
    return it != m.meeting_index.end() && !m.meetings[it->second].traject.empty() ? &m.meetings[it->second].traject
                                                                                   : nullptr;
  };
  struct Trail {
    std::set<std::string> meetings, trajectories;
  };
  std::map<std::set<std::string>, Trail> by_themes;
  for (const auto& a : m.recommendations) {
    std::set<std::string> themes, sources;
    for (const auto& s : a.sources) {
      auto f = m.finding_index.find(s);
      if (f == m.finding_index.end()) continue;
      const Finding& b = m.findings[f->second];
      if (!b.theme.empty()) themes.insert(b.theme);
      if (!b.source.empty()) sources.insert(b.source);
    }
    auto found = by_themes.find(themes);
    if (found == by_themes.end()) {
      Trail tr;
      if (!themes.empty())
        for (const auto& x : m.meetings)
          for (const auto& th : x.themes)
            if (themes.count(th)) tr.meetings.insert(x.id);
      for (const auto& id : tr.meetings)
        if (const std::string* tj = traject_of(id)) tr.trajectories.insert(*tj);
      found = by_themes.emplace(themes, std::move(tr)).first;
    }
    const Trail& tr = found->second;
    long n_meetings = long(tr.meetings.size());
    std::set<std::string> more_trajectories;
    for (const auto& id : sources) {
      if (tr.meetings.count(id)) continue;
      ++n_meetings;
      if (const std::string* tj = traject_of(id))
        if (!tr.trajectories.count(*tj)) more_trajectories.insert(*tj);
    }
    t.rows.push_back({Value::str(a.id), Value::str(a.text), Value::str(a.level), Value::str(a.core_theme),
                      Value::of(long(a.sources.size())), Value::of(long(themes.size())), Value::of(n_meetings),
                      Value::of(long(tr.trajectories.size() + more_trajectories.size()))});
  }
  View v;
  v.kind = ViewKind::bar;
  v.table = g.id;
  v.x = "kernthema";
  v.series = "niveau";
  v.y = {"n"};
  v.mode = BarMode::stacked;
  v.orientation = Orientation::horizontal;
  build::set_of(v, "procesflow.of.recommendations");
  r.views.push_back(std::move(v));
  r.tables.push_back(std::move(g));
  r.tables.push_back(std::move(t));
  r.notes.push_back(Text::key("procesflow.note.two_axes"));
  if (off_grid > 0) r.notes.push_back(build::counted("procesflow.note.off_grid", off_grid));
  return r;
}

Result quotes_result(const Model& m) {
  Result r = make_result("procesflow.quotes", "procesflow.result.quotes", "procesflow.unit.quotes");
  r.client_unit = false;  // quotes and arguments are not about one client; Delen still leaves out Intern-only tables
  bool any_argument = false;
  for (const auto& s : m.statements) any_argument = any_argument || !s.arguments.empty();
  if (m.quotes.empty() && !any_argument) {
    r.notes.push_back(Text::key("procesflow.note.no_quotes"));
    return r;
  }
  auto table = [&](const char* id, const char* key, bool released) {
    Table t = make_table(id, key);
    t.intern_only = !released;
    t.columns = {col("tekst", "procesflow.col.quote", Role::category),
                 col("bron", "procesflow.col.source", Role::category),
                 col("thema", "procesflow.col.theme", Role::category),
                 col("niveau", "procesflow.col.level", Role::category)};
    for (const auto& q : m.quotes) {
      if (q.released != released) continue;
      auto th = m.theme_index.find(q.theme);
      t.rows.push_back({Value::str(q.text), Value::str(q.source),
                        Value::str(th != m.theme_index.end() ? m.themes[th->second].name : q.theme),
                        Value::str(q.level)});
    }
    return t;
  };
  if (!m.quotes.empty()) {
    r.tables.push_back(table("released", "procesflow.table.quotes_released", true));
    r.tables.push_back(table("not_released", "procesflow.table.quotes_not_released", false));
  }
  if (any_argument) {  // statements have no release field: their arguments are Intern only
    Table a = make_table("arguments", "procesflow.table.arguments");
    a.intern_only = true;
    a.columns = {col("stelling_id", "procesflow.col.statement", Role::category),
                 col("positie", "procesflow.col.position", Role::category),
                 col("argument", "procesflow.col.argument", Role::category)};
    for (const auto& s : m.statements)
      for (const auto& [p, text] : s.arguments) a.rows.push_back({Value::str(s.id), Value::str(p), Value::str(text)});
    r.tables.push_back(std::move(a));
  }
  r.notes.push_back(Text::key("procesflow.note.quotes_release"));
  return r;
}

}  // namespace zicht::analysis::procesflow::detail
