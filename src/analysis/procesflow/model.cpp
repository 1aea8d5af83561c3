// procesflow: the record types read into the model. Every row is used or excluded with a flag naming file, row,
// column and rule (rows in = used + excluded); findings that keep the row (a blank attendance count read as 1, a
// recommendation without source) are flags too.
#include <algorithm>

#include "analysis/mapped_cells.h"
#include "analysis/procesflow/model.h"

namespace zicht::analysis::procesflow::detail {

namespace {

using core::MappedDataset;
using core::MappedField;

std::vector<std::string> split_plus(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  auto push = [&] {
    size_t a = cur.find_first_not_of(" \t"), b = cur.find_last_not_of(" \t");
    if (a != std::string::npos) out.push_back(cur.substr(a, b - a + 1));
    cur.clear();
  };
  for (char c : s) {
    if (c == '+' || c == ',' || c == ';') push();
    else cur += c;
  }
  push();
  return out;
}

// A table being read: its fields by id and the running counts.
struct Reader {
  const MappedDataset* ds;
  Model& m;
  Model::Count count;
  Reader(const MappedDataset* d, Model& model, const char* kind) : ds(d), m(model) { count.kind = kind; }
  const MappedField* f(const char* id) const { return cells::field(ds, id); }
  std::string text(const MappedField* fld, size_t r) const { return cells::text(ds, fld, r); }
  std::string code(const MappedField* fld, size_t r) const {
    std::string c = cells::code(fld, r);
    return c.empty() && fld && fld->kind[r] == core::CellKind::Value ? text(fld, r) : c;
  }
  std::string any(const MappedField* fld, size_t r) const {
    if (!fld) return {};
    return fld->spec && fld->spec->type == core::FieldType::Code ? code(fld, r) : text(fld, r);
  }
  int64_t row(size_t r) const { return ds->row_number(r); }
  void flag(const std::string& rule, size_t r, const MappedField* fld, const std::string& value) {
    m.quality.flag(rule, ds->file, row(r), fld ? fld->column_name : std::string(), value);
  }
  // Excludes the row with a flag.
  void exclude(const std::string& rule, size_t r, const MappedField* fld, const std::string& value) {
    flag(rule, r, fld, value);
    ++count.flagged;
  }
  bool usable(size_t r) {
    ++count.in;
    if (ds->used[r]) return true;
    exclude("row_unusable", r, nullptr, "");
    return false;
  }
  ~Reader() { m.counts.push_back(count); }
};

void read_meetings(const MappedDataset* ds, Model& m) {
  Reader rd(ds, m, "overleg");
  auto id = rd.f("overleg_id"), type = rd.f("type"), level = rd.f("niveau"), date = rd.f("datum"),
       traj = rd.f("traject_id"), young = rd.f("jongere_aanwezig"), par = rd.f("ouder_aanwezig"),
       crisis = rd.f("acute_crisis"), parent = rd.f("ouder_overleg_id"), themes = rd.f("themas");
  for (size_t r = 0; r < ds->rows(); ++r) {
    if (!rd.usable(r)) continue;
    Meeting x;
    x.id = rd.text(id, r);
    x.type = rd.code(type, r);
    if (x.id.empty() || x.type.empty()) {
      rd.exclude(x.id.empty() ? "meeting_without_id" : "meeting_without_type", r, x.id.empty() ? id : type, "");
      continue;
    }
    if (m.meeting_index.count(x.id)) {
      rd.exclude("meeting_duplicate_id", r, id, x.id);
      continue;
    }
    x.level = rd.code(level, r);
    if (x.level != "micro" && x.level != "meso" && x.level != "macro") {
      if (!x.level.empty()) rd.flag("meeting_level_outside_list", r, level, x.level);
      x.level = level_of_type(x.type);
    }
    x.day = cells::day(date, r);
    x.traject = rd.text(traj, r);
    x.parent = rd.text(parent, r);
    x.youngster = cells::yes_no(young, r);
    x.parent_present = cells::yes_no(par, r);
    x.crisis = cells::yes_no(crisis, r);
    x.themes = split_plus(rd.text(themes, r));
    x.row = rd.row(r);
    m.meeting_index[x.id] = m.meetings.size();
    m.meetings.push_back(std::move(x));
    ++rd.count.used;
  }
}

void read_meeting_themes(const MappedDataset* ds, Model& m) {
  Reader rd(ds, m, "overleg_thema");
  auto id = rd.f("overleg_id"), th = rd.f("thema_id");
  for (size_t r = 0; r < ds->rows(); ++r) {
    if (!rd.usable(r)) continue;
    const std::string o = rd.text(id, r), t = rd.text(th, r);
    auto it = m.meeting_index.find(o);
    if (it == m.meeting_index.end()) {
      rd.exclude("link_unknown_meeting", r, id, o);
      continue;
    }
    if (t.empty()) {
      rd.exclude("link_without_theme", r, th, "");
      continue;
    }
    auto& v = m.meetings[it->second].themes;
    if (std::find(v.begin(), v.end(), t) == v.end()) v.push_back(t);
    ++rd.count.used;
  }
}

void read_presence(const MappedDataset* ds, Model& m) {
  Reader rd(ds, m, "aanwezigheid");
  auto id = rd.f("overleg_id"), org = rd.f("organisatie"), sec = rd.f("sector"), pers = rd.f("personen"),
       job = rd.f("functieniveau");
  for (size_t r = 0; r < ds->rows(); ++r) {
    if (!rd.usable(r)) continue;
    Presence x;
    x.meeting = rd.text(id, r);
    x.organisation = rd.text(org, r);
    if (x.organisation.empty()) {
      rd.exclude("attendance_without_organisation", r, org, "");
      continue;
    }
    if (!m.meetings.empty() && !m.meeting_index.count(x.meeting)) {
      rd.exclude("link_unknown_meeting", r, id, x.meeting);
      continue;
    }
    x.sector = rd.code(sec, r);
    if (sec && sec->kind[r] == core::CellKind::Invalid) rd.flag("sector_outside_list", r, sec, rd.text(sec, r));
    x.job_level = rd.code(job, r);
    const core::CellKind k = cells::kind(pers, r);
    if (k == core::CellKind::Value) {
      x.persons = cells::number(pers, r);
    } else if (k == core::CellKind::Invalid) {
      rd.exclude("attendance_persons_invalid", r, pers, rd.text(pers, r));
      continue;
    } else {
      x.persons = 1;
      x.assumed = true;
      rd.flag("attendance_blank_assumed_1", r, pers, "");
    }
    m.presence.push_back(std::move(x));
    ++rd.count.used;
  }
}

void read_themes(const MappedDataset* ds, Model& m) {
  Reader rd(ds, m, "thema");
  auto id = rd.f("thema_id"), name = rd.f("naam"), ln = rd.f("lerend_netwerk"), focus = rd.f("focus_2025"),
       prop = rd.f("voorgesteld");
  for (size_t r = 0; r < ds->rows(); ++r) {
    if (!rd.usable(r)) continue;
    Theme x;
    x.id = rd.text(id, r);
    if (x.id.empty() || m.theme_index.count(x.id)) {
      rd.exclude(x.id.empty() ? "theme_without_id" : "theme_duplicate_id", r, id, x.id);
      continue;
    }
    x.name = rd.text(name, r);
    if (x.name.empty()) x.name = x.id;
    x.network = cells::yes_no(ln, r);
    x.focus = cells::yes_no(focus, r);
    x.proposed = cells::yes_no(prop, r);
    x.row = rd.row(r);
    m.theme_index[x.id] = m.themes.size();
    m.themes.push_back(std::move(x));
    ++rd.count.used;
  }
}

void read_findings(const MappedDataset* ds, Model& m) {
  Reader rd(ds, m, "bevinding");
  auto id = rd.f("bevinding_id"), th = rd.f("thema_id"), tx = rd.f("tekst"), src = rd.f("bron_overleg_id");
  for (size_t r = 0; r < ds->rows(); ++r) {
    if (!rd.usable(r)) continue;
    Finding x{rd.text(id, r), rd.text(th, r), rd.text(tx, r), rd.text(src, r)};
    if (x.id.empty() || m.finding_index.count(x.id)) {
      rd.exclude(x.id.empty() ? "finding_without_id" : "finding_duplicate_id", r, id, x.id);
      continue;
    }
    if (!m.themes.empty() && !x.theme.empty() && !m.theme_index.count(x.theme))
      rd.flag("finding_unknown_theme", r, th, x.theme);
    if (!m.meetings.empty() && !x.source.empty() && !m.meeting_index.count(x.source))
      rd.flag("finding_unknown_meeting", r, src, x.source);
    if (x.text.empty()) x.text = x.id;
    m.finding_index[x.id] = m.findings.size();
    m.findings.push_back(std::move(x));
    ++rd.count.used;
  }
}

void read_actions(const MappedDataset* ds, Model& m) {
  Reader rd(ds, m, "actiepunt");
  auto id = rd.f("actie_id"), fi = rd.f("bevinding_id"), tx = rd.f("tekst"), own = rd.f("eigenaar"),
       lv = rd.f("niveau"), st = rd.f("status"), date = rd.f("datum");
  for (size_t r = 0; r < ds->rows(); ++r) {
    if (!rd.usable(r)) continue;
    Action x{rd.text(id, r), rd.text(fi, r), rd.text(tx, r), rd.text(own, r), rd.code(lv, r), rd.code(st, r),
             cells::day(date, r)};
    if (!x.finding.empty() && !m.findings.empty() && !m.finding_index.count(x.finding))
      rd.flag("action_unknown_finding", r, fi, x.finding);
    m.actions.push_back(std::move(x));
    ++rd.count.used;
  }
}

void read_recommendations(const MappedDataset* ds, Model& m) {
  Reader rd(ds, m, "aanbeveling");
  auto id = rd.f("aanbeveling_id"), tx = rd.f("tekst"), lv = rd.f("niveau"), kt = rd.f("kernthema"),
       src = rd.f("bronnen"), st = rd.f("status");
  for (size_t r = 0; r < ds->rows(); ++r) {
    if (!rd.usable(r)) continue;
    Recommendation x;
    x.id = rd.text(id, r);
    x.text = rd.text(tx, r);
    x.level = rd.code(lv, r);
    x.core_theme = rd.code(kt, r);
    x.status = rd.code(st, r);
    x.row = rd.row(r);
    for (const auto& s : split_plus(rd.text(src, r))) {
      if (!m.findings.empty() && !m.finding_index.count(s)) rd.flag("recommendation_unknown_source", r, src, s);
      else x.sources.push_back(s);
    }
    if (x.sources.empty()) rd.flag("recommendation_without_source", r, src, "");
    m.recommendations.push_back(std::move(x));
    ++rd.count.used;
  }
}

void read_votes(const MappedDataset* ds, Model& m) {
  Reader rd(ds, m, "stemming");
  auto id = rd.f("overleg_id"), opt = rd.f("optie"), n = rd.f("stemmen");
  std::map<std::pair<std::string, std::string>, size_t> at;
  for (size_t r = 0; r < ds->rows(); ++r) {
    if (!rd.usable(r)) continue;
    const std::string meeting = rd.text(id, r), option = rd.text(opt, r);
    if (option.empty()) {
      rd.exclude("vote_option_unlabelled", r, opt, "");
      continue;
    }
    if (!m.opt.overleg.empty() && meeting != m.opt.overleg) {  // another meeting's votes: not asked for
      ++rd.count.used;
      continue;
    }
    long votes = 1;  // one row per dot
    const core::CellKind k = cells::kind(n, r);
    if (k == core::CellKind::Value) votes = cells::number(n, r);
    else if (k == core::CellKind::Invalid || k == core::CellKind::NotApplicable) {
      rd.exclude("vote_count_invalid", r, n, rd.text(n, r));
      continue;
    }
    auto key = std::make_pair(meeting, option);
    auto it = at.find(key);
    if (it == at.end()) {
      VoteOption v;
      v.meeting = meeting;
      v.option = option;
      auto f = m.finding_index.find(option);
      v.label = f != m.finding_index.end() ? m.findings[f->second].text : option;
      it = at.emplace(key, m.votes.size()).first;
      m.votes.push_back(std::move(v));
    }
    m.votes[it->second].votes += votes;
    ++rd.count.used;
  }
}

// The first statement with that id (statement_index holds each id's first position while the files are read).
Statement* find_statement(Model& m, const std::string& id) {
  auto it = m.statement_index.find(id);
  return it == m.statement_index.end() ? nullptr : &m.statements[it->second];
}
Statement* add_statement(Model& m, const std::string& id) {
  m.statement_index.emplace(id, m.statements.size());
  m.statements.push_back(Statement{});
  return &m.statements.back();
}

// A position row (stelling with positie, or stelling_stem): its tally and arguments.
void add_position(Reader& rd, Statement& s, size_t r, const MappedField* pos, const MappedField* n,
                  const MappedField* arg) {
  const std::string p = rd.code(pos, r);
  if (pos && pos->kind[r] == core::CellKind::Invalid) {
    rd.exclude("statement_position_outside_scale", r, pos, rd.text(pos, r));
    return;
  }
  if (s.scale.empty()) s.scale = scale_of(p);
  const auto& allowed = scale_positions(s.scale);
  if (std::find(allowed.begin(), allowed.end(), p) == allowed.end()) {
    rd.exclude("statement_position_outside_scale", r, pos, p);
    return;
  }
  const std::string a = rd.text(arg, r);
  if (!a.empty()) s.arguments.push_back({p, a});
  if (cells::kind(n, r) != core::CellKind::Value) {
    rd.exclude("statement_tally_missing", r, n, rd.text(n, r));
    return;
  }
  bool found = false;
  for (auto& t : s.tallies)
    if (t.first == p) t.second += cells::number(n, r), found = true;
  if (!found) s.tallies.push_back({p, cells::number(n, r)});
  ++rd.count.used;
}

void read_statements(const MappedDataset* ds, Model& m) {
  Reader rd(ds, m, "stelling");
  auto id = rd.f("stelling_id"), mt = rd.f("overleg_id"), nr = rd.f("nummer"), tx = rd.f("tekst"),
       sc = rd.f("schaal"), out = rd.f("uitkomst_tekst"), pos = rd.f("positie"), n = rd.f("aantal"),
       arg = rd.f("argumenten");
  for (size_t r = 0; r < ds->rows(); ++r) {
    if (!rd.usable(r)) continue;
    const std::string sid = rd.text(id, r);
    if (sid.empty()) {
      rd.exclude("statement_without_id", r, id, "");
      continue;
    }
    Statement* s = find_statement(m, sid);
    if (!s) {
      s = add_statement(m, sid);
      s->id = sid;
      s->row = rd.row(r);
      s->file = ds->file;
      s->column = id ? id->column_name : std::string();
    }
    if (s->meeting.empty()) s->meeting = rd.text(mt, r);
    if (s->text.empty()) s->text = rd.text(tx, r);
    if (s->scale.empty()) s->scale = rd.code(sc, r);
    if (s->outcome.empty()) s->outcome = rd.text(out, r);
    if (s->number < 0 && cells::kind(nr, r) == core::CellKind::Value) s->number = cells::number(nr, r);
    if (cells::kind(pos, r) == core::CellKind::Missing) {
      ++rd.count.used;  // the statement row itself
      continue;
    }
    add_position(rd, *s, r, pos, n, arg);
  }
}

void read_statement_votes(const MappedDataset* ds, Model& m) {
  Reader rd(ds, m, "stelling_stem");
  auto id = rd.f("stelling_id"), pos = rd.f("positie"), n = rd.f("aantal"), arg = rd.f("argumenten");
  for (size_t r = 0; r < ds->rows(); ++r) {
    if (!rd.usable(r)) continue;
    const std::string sid = rd.text(id, r);
    Statement* s = find_statement(m, sid);
    if (!s) {
      if (m.counts.empty() || std::none_of(m.counts.begin(), m.counts.end(),
                                           [](const Model::Count& c) { return c.kind == "stelling"; })) {
        // Tallies without a statement file: the statement is known by its id only.
        s = add_statement(m, sid);
        s->id = sid;
        s->row = rd.row(r);
        s->file = ds->file;
        s->column = id ? id->column_name : std::string();
      } else {
        rd.exclude("statement_votes_unknown_statement", r, id, sid);
        continue;
      }
    }
    add_position(rd, *s, r, pos, n, arg);
  }
}

void read_quotes(const MappedDataset* ds, Model& m) {
  Reader rd(ds, m, "citaat");
  auto tx = rd.f("tekst"), src = rd.f("bron"), th = rd.f("thema_id"), lv = rd.f("niveau"), rel = rd.f("vrijgegeven");
  for (size_t r = 0; r < ds->rows(); ++r) {
    if (!rd.usable(r)) continue;
    Quote q{rd.text(tx, r), rd.code(src, r), rd.text(th, r), rd.code(lv, r), cells::yes_no(rel, r) == 1};
    if (q.text.empty()) {
      rd.exclude("quote_without_text", r, tx, "");
      continue;
    }
    if (cells::yes_no(rel, r) < 0) rd.flag("quote_release_unknown", r, rel, rd.text(rel, r));
    m.quotes.push_back(std::move(q));
    ++rd.count.used;
  }
}

void read_register(const MappedDataset* ds, Model& m) {
  auto id = cells::field(ds, "traject_id"), start = cells::field(ds, "opstart"), end = cells::field(ds, "afronding");
  m.register_loaded = id != nullptr;
  for (size_t r = 0; id && r < ds->rows(); ++r)
    if (ds->used[r] && cells::day(start, r) != kNoDay) {
      const std::string t = cells::text(ds, id, r);
      m.register_started.insert(t);
      m.register_end[t] = cells::day(end, r);
    }
}

}  // namespace

const std::vector<std::string>& scale_positions(const std::string& scale) {
  static const std::map<std::string, std::vector<std::string>> k = {
      {"akkoord/niet akkoord", {"niet akkoord", "akkoord"}},
      {"ja/nee", {"nee", "ja"}},
      {"eens/half/oneens", {"oneens", "half", "eens"}},
      {"geen kader nodig/wel kader nodig", {"wel kader nodig", "geen kader nodig"}}};
  static const std::vector<std::string> none;
  auto it = k.find(scale);
  return it == k.end() ? none : it->second;
}
std::string scale_of(const std::string& p) {
  if (p == "akkoord" || p == "niet akkoord") return "akkoord/niet akkoord";
  if (p == "ja" || p == "nee") return "ja/nee";
  if (p == "eens" || p == "half" || p == "oneens") return "eens/half/oneens";
  if (p == "geen kader nodig" || p == "wel kader nodig") return "geen kader nodig/wel kader nodig";
  return {};
}
bool agrees(const std::string& p) { return p == "akkoord" || p == "ja" || p == "eens" || p == "geen kader nodig"; }
bool is_neutral(const std::string& p) { return p == "half"; }
std::string level_of_type(const std::string& t) {
  if (t == "startgesprek" || t == "ronde tafel" || t == "intervisie" || t == "samenwerkingsoverleg") return "micro";
  if (t == "lerend netwerk" || t == "sectorgebonden bespreking") return "meso";
  return "macro";  // netwerkforum, discussietafel, kerngroep, stuurgroep, teamvergadering
}

Model build_model(const Inputs& in, const Options& o) {
  Model m;
  m.opt = o;
  // Order matters: themes and findings first so links can be checked, meetings before what refers to them.
  if (in.thema) read_themes(in.thema, m);
  if (in.overleg) read_meetings(in.overleg, m);
  if (in.overleg_thema) read_meeting_themes(in.overleg_thema, m);
  if (in.bevinding) read_findings(in.bevinding, m);
  if (in.aanwezigheid) read_presence(in.aanwezigheid, m);
  if (in.actiepunt) read_actions(in.actiepunt, m);
  if (in.aanbeveling) read_recommendations(in.aanbeveling, m);
  if (in.stemming) read_votes(in.stemming, m);
  if (in.stelling) read_statements(in.stelling, m);
  if (in.stelling_stem) read_statement_votes(in.stelling_stem, m);
  if (in.citaat) read_quotes(in.citaat, m);
  if (in.trajecten) read_register(in.trajecten, m);
  for (const core::MappedDataset* ds : {in.overleg, in.actiepunt, in.aanwezigheid})
    if (ds) m.as_of = std::max(m.as_of == kNoDay ? ds->as_of : m.as_of, ds->as_of);
  m.statement_index.clear();  // only for reading: the filter below moves statements
  // Statement filter and the scale's order of the tallies.
  if (!o.overleg.empty())
    m.statements.erase(std::remove_if(m.statements.begin(), m.statements.end(),
                                      [&](const Statement& s) { return s.meeting != o.overleg; }),
                       m.statements.end());
  for (auto& s : m.statements) {
    const auto& order = scale_positions(s.scale);
    std::vector<std::pair<std::string, long>> sorted;
    for (const auto& p : order)
      for (const auto& t : s.tallies)
        if (t.first == p) sorted.push_back(t);
    s.tallies = std::move(sorted);
    if (s.tallies.empty() && s.outcome.empty())
      m.quality.flag("statement_without_tallies_or_outcome", s.file, s.row, s.column, s.id);
  }
  auto column = [&](const char* id) {
    const core::MappedField* f = cells::field(in.overleg, id);
    return f ? f->column_name : std::string(id);
  };
  // With the register linked: a micro meeting's trajectory that the register does not list as started.
  if (m.register_loaded)
    for (const auto& x : m.meetings)
      if (x.level == "micro" && !x.traject.empty() && !m.register_started.count(x.traject))
        m.quality.flag("meeting_trajectory_not_in_register", in.overleg ? in.overleg->file : "", x.row,
                       column("traject_id"), x.traject);
  // Themes named by meetings but not listed, and listed themes never raised.
  std::set<std::string> raised;
  for (const auto& x : m.meetings)
    for (const auto& t : x.themes) {
      raised.insert(t);
      if (!m.themes.empty() && !m.theme_index.count(t))
        m.quality.flag("meeting_unknown_theme", in.overleg ? in.overleg->file : "", x.row, column("themas"), t);
    }
  if (!m.meetings.empty())
    for (const auto& t : m.themes)  // a proposed or focus theme may wait for its first overleg
      if (!raised.count(t.id) && t.proposed != 1 && t.focus != 1)
        m.quality.flag("theme_never_raised", in.thema->file, t.row, "thema_id", t.id);
  return m;
}

}  // namespace zicht::analysis::procesflow::detail
