// The evolutie model: instruments (the schema's presets, then the file's), measurements linked to their unit (a
// SofS trajectory or a youngster) and person, the counts at start and end, and the phases — with the data-quality
// rules of spec §5.3 applied (rows in = used + flagged).
#include "analysis/evolutie/model.h"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "analysis/mapped_cells.h"
#include "analysis/sofs_common.h"
#include "core/schema.h"
#include "core/table.h"

namespace zicht::analysis::evolutie::detail {

using core::CellKind;
using core::MappedDataset;
using core::MappedField;

const char* const kMomentCodes[kMomentCount] = {"0m", "3m", "6m", "9m", "12m", "18m", "24m", "einde", "tussentijds"};
const int kMomentMonths[kMomentCount] = {0, 3, 6, 9, 12, 18, 24, -1, -1};

int moment_index(const std::string& code) {
  for (int i = 0; i < kMomentCount; ++i)
    if (code == kMomentCodes[i]) return i;
  return -1;
}

namespace {

using cells::code;
using cells::day;
using cells::field;
using cells::kind;
using cells::number;
using cells::text;
using cells::yes_no;

// "7", "6,5", "6.5", " 8 " → the number; anything else → NaN.
double parse_score(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  size_t b = 0;
  while (b < s.size() && (s[b] == ' ' || s[b] == '\t')) ++b;
  s = s.substr(b);
  if (s.empty()) return NAN;
  int commas = 0;
  for (char& c : s)
    if (c == ',') {
      c = '.';
      ++commas;
    }
  if (commas > 1) return NAN;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || *end != 0 || !std::isfinite(v)) return NAN;
  return v;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    size_t a = cur.find_first_not_of(" \t"), z = cur.find_last_not_of(" \t");
    if (a != std::string::npos) out.push_back(cur.substr(a, z - a + 1));
    cur.clear();
  };
  for (char c : s) {
    if (c == ';' || c == '|') flush();
    else cur.push_back(c);
  }
  flush();
  return out;
}

Text text_of(const nlohmann::json& j, const char* key, const std::string& fallback) {
  auto it = j.find(key);
  if (it == j.end()) return Text::same(fallback);
  if (it->is_string()) return Text::same(it->get<std::string>());
  if (it->is_object()) return Text{it->value("nl", fallback), it->value("en", fallback)};
  return Text::same(fallback);
}

std::vector<Instrument> presets() {
  std::vector<Instrument> out;
  const core::Schema* s = core::find_schema("evolutie");
  if (!s) return out;
  auto it = s->settings.find("presets");
  if (it == s->settings.end() || !it->is_array()) return out;
  for (const auto& p : *it) {
    Instrument i;
    i.id = p.value("id", "");
    i.name = text_of(p, "naam", i.id);
    if (auto d = p.find("domeinen"); d != p.end() && d->is_array())
      for (const auto& x : *d) i.domains.push_back(x.get<std::string>());
    i.min = p.value("min", 0.0);
    i.max = p.value("max", 10.0);
    i.higher_better = p.value("richting", "hoger is beter") != "lager is beter";
    i.anchor_min = p.value("anker_min", "");
    i.anchor_max = p.value("anker_max", "");
    i.note = text_of(p, "note", "");
    i.preset = true;
    out.push_back(std::move(i));
  }
  return out;
}

}  // namespace

int32_t Subject::due(int moment) const {
  if (moment == kEnd) return closed ? end : kNoDay;
  if (moment < 0 || moment >= kEnd || start == kNoDay) return kNoDay;
  return core::add_months(start, kMomentMonths[moment]);
}

const Instrument* Model::find_instrument(const std::string& id) const {
  for (const auto& i : instruments)
    if (i.id == id) return &i;
  return nullptr;
}

Model build_model(const Inputs& in, const Options& o) {
  Model m;
  m.opt = o;
  m.instruments = presets();
  for (const MappedDataset* ds : {in.meting, in.telling, in.fase, in.instrument})
    if (ds) {
      m.as_of = ds->as_of;
      if (in.sofs && ds->as_of_from_data) m.as_of = std::max(m.as_of, in.sofs->as_of);
      break;
    }
  if (!m.as_of && in.sofs) m.as_of = in.sofs->as_of;

  // ---- The SofS link: every trajectory with its start, end and the safety-scale step.
  if (in.sofs) {
    m.linked = true;
    sofs::Options so;
    const sofs::detail::Data d = sofs::detail::prepare(*in.sofs, so);
    int scale = -1;
    for (int s = 0; s < sofs::detail::kSteps; ++s)
      if (std::string(sofs::detail::kStepIds[s]) == "veiligheidsschaal") scale = s;
    for (size_t i = 0; i < d.size(); ++i) {
      Subject u;
      u.id = in.sofs->text(*d.id, d.rows[i]);
      if (u.id.empty() || m.unit_index.count(u.id)) continue;
      u.sofs = int(i);
      u.start = d.start_day[i];
      u.closed = d.closed[i];
      u.end = d.closed[i] ? d.end_day[i] : kNoDay;
      if (scale >= 0 && d.step[scale] && d.step[scale]->mapped()) {
        const CellKind k = d.kind(d.step[scale], i);
        u.scale_step = k == CellKind::Value || k == CellKind::Yes ? 1 : k == CellKind::No ? 0 : -1;
      }
      m.unit_index[u.id] = m.units.size();
      m.units.push_back(std::move(u));
    }
  }
  std::set<std::pair<const MappedDataset*, size_t>> excluded;
  auto exclude = [&](const MappedDataset* ds, size_t r, const std::string& rule, const std::string& column,
                     const std::string& value) {
    m.flag(rule, ds->file, ds->row_number(r), column, value);
    excluded.insert({ds, r});
  };
  auto unit_of = [&](const std::string& id, bool create) -> long {
    auto it = m.unit_index.find(id);
    if (it != m.unit_index.end()) return long(it->second);
    if (!create) return -1;
    Subject u;
    u.id = id;
    m.unit_index[id] = m.units.size();
    m.units.push_back(std::move(u));
    return long(m.units.size() - 1);
  };

  // ---- Instruments from the file: a row with a preset's id replaces the preset (workers tailor the anchors).
  if (const MappedDataset* ds = in.instrument) {
    m.rows_in += long(ds->rows());
    const MappedField *id = field(ds, "instrument_id"), *name = field(ds, "naam"), *domains = field(ds, "domeinen"),
                      *lo = field(ds, "min"), *hi = field(ds, "max"), *dir = field(ds, "richting"),
                      *amin = field(ds, "anker_min"), *amax = field(ds, "anker_max");
    for (size_t r = 0; r < ds->rows(); ++r) {
      if (!ds->used[r]) {
        excluded.insert({ds, r});
        continue;
      }
      Instrument i;
      i.id = text(ds, id, r);
      const Instrument* preset = m.find_instrument(i.id);
      if (preset) i = *preset;
      i.preset = false;
      if (name && kind(name, r) == CellKind::Value) i.name = Text::same(text(ds, name, r));
      else if (!preset) i.name = Text::same(i.id);
      if (domains && kind(domains, r) == CellKind::Value) i.domains = split_list(text(ds, domains, r));
      if (lo && kind(lo, r) == CellKind::Value) i.min = number(lo, r);
      if (hi && kind(hi, r) == CellKind::Value) i.max = number(hi, r);
      if (dir && kind(dir, r) == CellKind::Value) i.higher_better = code(dir, r) != "lager is beter";
      if (amin && kind(amin, r) == CellKind::Value) i.anchor_min = text(ds, amin, r);
      if (amax && kind(amax, r) == CellKind::Value) i.anchor_max = text(ds, amax, r);
      if (i.max <= i.min) {
        exclude(ds, r, "instrument_range", hi ? hi->column_name : "max", std::to_string(int(i.max)));
        continue;
      }
      auto it = std::find_if(m.instruments.begin(), m.instruments.end(), [&](const Instrument& x) { return x.id == i.id; });
      if (it != m.instruments.end()) *it = std::move(i);
      else m.instruments.push_back(std::move(i));
    }
  }

  // ---- Measurements.
  if (const MappedDataset* ds = in.meting) {
    m.have_meting = true;
    m.rows_in += long(ds->rows());
    const MappedField *tid = field(ds, "traject_id"), *yid = field(ds, "jongere_id"), *pid = field(ds, "persoon_id"),
                      *rol = field(ds, "rol"), *inst = field(ds, "instrument_id"), *dom = field(ds, "domein"),
                      *mom = field(ds, "moment"), *date = field(ds, "datum"), *score = field(ds, "score"),
                      *filled = field(ds, "ingevuld");
    const std::string score_col = score ? score->column_name : "score";
    std::map<std::pair<size_t, std::string>, size_t> person_of;
    for (size_t r = 0; r < ds->rows(); ++r) {
      if (!ds->used[r]) {
        excluded.insert({ds, r});
        continue;
      }
      std::string uid = text(ds, tid, r);
      const bool trajectory = !uid.empty();
      if (!trajectory) uid = text(ds, yid, r);
      if (uid.empty()) {
        exclude(ds, r, "no_unit", tid ? tid->column_name : yid ? yid->column_name : "traject_id", "");
        continue;
      }
      const long u = unit_of(uid, !(m.linked && trajectory));
      if (u < 0) {
        exclude(ds, r, "no_trajectory", tid->column_name, uid);
        continue;
      }
      const int mi = moment_index(code(mom, r));
      if (mi < 0) {
        exclude(ds, r, "unknown_moment", mom ? mom->column_name : "moment", text(ds, mom, r));
        continue;
      }
      Measure x;
      x.unit = size_t(u);
      x.moment = mi;
      x.date = day(date, r);
      x.row = ds->row_number(r);
      x.filled = code(filled, r);
      // Instrument: the row's, else the safety scale (the profile's first use); a new id is defined by its data.
      x.instrument = text(ds, inst, r);
      if (x.instrument.empty()) x.instrument = "veiligheidsschaal";
      if (!m.find_instrument(x.instrument)) {
        Instrument ni;
        ni.id = x.instrument;
        ni.name = Text::same(x.instrument);
        ni.min = -INFINITY;
        ni.max = INFINITY;
        m.instruments.push_back(std::move(ni));
        m.flag("instrument_undefined", ds->file, x.row, inst ? inst->column_name : "instrument_id", x.instrument);
      }
      Instrument& ins = *std::find_if(m.instruments.begin(), m.instruments.end(),
                                      [&](const Instrument& i) { return i.id == x.instrument; });
      x.domain = text(ds, dom, r);
      if (x.domain.empty()) x.domain = ins.domains.empty() ? std::string() : ins.domains.front();
      if (!x.domain.empty() && std::find(ins.domains.begin(), ins.domains.end(), x.domain) == ins.domains.end())
        ins.domains.push_back(x.domain);
      // Score: a number on the range, "niet gesteld" (NVT by practice), or empty.
      const CellKind sk = kind(score, r);
      if (sk == CellKind::NotApplicable) {
        x.not_asked = true;
      } else if (sk == CellKind::Value) {
        const std::string raw = text(ds, score, r);
        x.score = parse_score(raw);
        if (!std::isfinite(x.score)) {
          exclude(ds, r, "not_a_score", score_col, raw);
          continue;
        }
        if (x.score < ins.min || x.score > ins.max) {
          exclude(ds, r, "out_of_range", score_col, raw);
          continue;
        }
      }
      // The person: persoon_id, else the unit and role.
      std::string person = text(ds, pid, r);
      const std::string role = code(rol, r);
      if (person.empty()) person = uid + (role.empty() ? std::string() : " · " + role);
      // A person belongs to one trajectory: the same id in a second one is another person, named with its unit.
      auto pit = person_of.find({size_t(u), person});
      if (pit == person_of.end()) {
        std::string shown = person;
        if (m.person_index.count(shown)) {
          m.flag("person_in_two_units", ds->file, x.row, pid ? pid->column_name : "persoon_id", person);
          shown = person + " (" + uid + ")";
        }
        m.person_index.emplace(shown, m.people.size());
        pit = person_of.emplace(std::make_pair(size_t(u), person), m.people.size()).first;
        m.people.push_back(Person{shown, role, size_t(u)});
      }
      x.person = pit->second;
      m.measures.push_back(std::move(x));
    }
    // Units without a SofS link: start = the earliest start measurement (else the earliest measurement), end = the
    // latest end measurement.
    std::vector<int32_t> first0(m.units.size(), kNoDay), first(m.units.size(), kNoDay), last_end(m.units.size(), kNoDay);
    for (const auto& x : m.measures) {
      if (x.date == kNoDay) continue;
      if (x.moment == 0 && (first0[x.unit] == kNoDay || x.date < first0[x.unit])) first0[x.unit] = x.date;
      if (first[x.unit] == kNoDay || x.date < first[x.unit]) first[x.unit] = x.date;
      if (x.moment == kEnd && (last_end[x.unit] == kNoDay || x.date > last_end[x.unit])) last_end[x.unit] = x.date;
    }
    for (size_t u = 0; u < m.units.size(); ++u) {
      Subject& un = m.units[u];
      if (un.sofs >= 0) continue;
      un.start = first0[u] != kNoDay ? first0[u] : first[u];
      un.end = last_end[u];
      un.closed = last_end[u] != kNoDay;
    }
    // Per measurement, in file order: duplicates, after the end, the window, scores while the step says "nee".
    std::map<std::tuple<size_t, std::string, std::string, int>, size_t> seen;  // → index in kept
    std::vector<Measure> kept;
    kept.reserve(m.measures.size());
    const std::string date_col = date ? date->column_name : "datum", mom_col = mom ? mom->column_name : "moment";
    for (auto& x : m.measures) {
      const Subject& un = m.units[x.unit];
      if (x.moment != kInterim) {
        auto [it, fresh] = seen.emplace(std::make_tuple(x.person, x.instrument, x.domain, x.moment), kept.size());
        if (!fresh) {
          // The second row of a moment is flagged and left out — unless only it holds a score: then it replaces
          // the empty (or "niet gesteld") first one, which is flagged instead.
          Measure& first_row = kept[it->second];
          const bool swap = !std::isfinite(first_row.score) && std::isfinite(x.score);
          const int64_t dropped = swap ? first_row.row : x.row;
          m.flag("duplicate_moment", ds->file, dropped, mom_col, kMomentCodes[x.moment]);
          excluded.insert({ds, size_t(-1) - size_t(dropped)});  // a distinct key per flagged row
          if (swap) first_row = x;
          continue;
        }
      }
      if (un.closed && un.end != kNoDay && x.date != kNoDay && x.date > un.end) {
        m.flag("after_end", ds->file, x.row, date_col, day_text(x.date));
        excluded.insert({ds, size_t(-1) - size_t(x.row)});
        continue;
      }
      const int32_t due = un.due(x.moment);
      if (due != kNoDay && x.date != kNoDay && std::abs(x.date - due) > m.opt.moment_window_weeks * 7)
        m.flag("moment_mismatch", ds->file, x.row, date_col, day_text(x.date) + " · " + kMomentCodes[x.moment]);
      if (x.instrument == "veiligheidsschaal" && std::isfinite(x.score) && un.scale_step == 0)
        m.flag("scale_step_nee", ds->file, x.row, score_col, un.id);
      kept.push_back(std::move(x));
    }
    m.measures = std::move(kept);
  }

  // ---- Counts at start and end.
  if (const MappedDataset* ds = in.telling) {
    m.have_telling = true;
    m.rows_in += long(ds->rows());
    const MappedField *tid = field(ds, "traject_id"), *ps = field(ds, "n_professionelen_start"),
                      *pe = field(ds, "n_professionelen_einde"), *ns = field(ds, "n_netwerkfiguren_start"),
                      *ne = field(ds, "n_netwerkfiguren_einde"), *rc = field(ds, "rolverandering");
    std::set<size_t> seen;
    for (size_t r = 0; r < ds->rows(); ++r) {
      if (!ds->used[r]) {
        excluded.insert({ds, r});
        continue;
      }
      const std::string id = text(ds, tid, r);
      const long u = id.empty() ? -1 : unit_of(id, !m.linked);
      if (u < 0) {
        exclude(ds, r, "no_trajectory", tid ? tid->column_name : "traject_id", id);
        continue;
      }
      if (!seen.insert(size_t(u)).second) {
        exclude(ds, r, "duplicate_count", tid->column_name, id);
        continue;
      }
      Count c;
      c.unit = size_t(u);
      c.prof[0] = number(ps, r);
      c.prof[1] = number(pe, r);
      c.net[0] = number(ns, r);
      c.net[1] = number(ne, r);
      c.role_change = yes_no(rc, r);
      for (const MappedField* f : {ps, pe, ns, ne})
        if (f && f->kind[r] == CellKind::Invalid) m.flag("out_of_range", ds->file, ds->row_number(r), f->column_name, text(ds, f, r));
      m.counts.push_back(c);
    }
  }

  // ---- Phases (Bruggen na(ar) 18).
  if (const MappedDataset* ds = in.fase) {
    m.have_fase = true;
    m.rows_in += long(ds->rows());
    const MappedField *yid = field(ds, "jongere_id"), *prog = field(ds, "programma"), *ph = field(ds, "fase"),
                      *din = field(ds, "datum_in"), *age = field(ds, "leeftijd"), *form = field(ds, "vorm"),
                      *loc = field(ds, "locatie"), *drop = field(ds, "afgehaakt"), *reason = field(ds, "reden_afhaken"),
                      *fb = field(ds, "terugvalbasis");
    const MappedField* checks[3] = {field(ds, "netwerk_uitgebouwd"), field(ds, "kent_rechten"), field(ds, "weet_waar_terecht")};
    std::set<std::pair<std::string, int>> seen;
    for (size_t r = 0; r < ds->rows(); ++r) {
      if (!ds->used[r]) {
        excluded.insert({ds, r});
        continue;
      }
      PhaseRow p;
      p.youngster = text(ds, yid, r);
      p.phase = std::atoi(code(ph, r).c_str());
      p.row = ds->row_number(r);
      if (p.youngster.empty() || p.phase < 1 || p.phase > 6) {
        exclude(ds, r, p.youngster.empty() ? "no_unit" : "unknown_phase", p.youngster.empty() && yid ? yid->column_name : ph ? ph->column_name : "fase",
                text(ds, ph, r));
        continue;
      }
      if (!seen.insert({p.youngster, p.phase}).second) {
        exclude(ds, r, "duplicate_phase", ph->column_name, std::to_string(p.phase));
        continue;
      }
      p.programme = code(prog, r);
      p.date = day(din, r);
      p.age = number(age, r);
      p.form = code(form, r);
      p.location = code(loc, r);
      p.dropped = yes_no(drop, r);
      p.reason = text(ds, reason, r);
      p.fallback = code(fb, r);
      for (int c = 0; c < 3; ++c) p.check[c] = yes_no(checks[c], r);
      if (age && age->kind[r] == CellKind::Invalid) m.flag("out_of_range", ds->file, p.row, age->column_name, text(ds, age, r));
      m.phases.push_back(std::move(p));
    }
    // A skipped phase is allowed ("loopt niet altijd zo"): an info flag, not an error.
    std::map<std::string, std::vector<const PhaseRow*>> by;
    for (const auto& p : m.phases) by[p.youngster].push_back(&p);
    for (auto& [id, rows] : by) {
      std::sort(rows.begin(), rows.end(), [](const PhaseRow* a, const PhaseRow* b) { return a->phase < b->phase; });
      for (size_t i = 1; i < rows.size(); ++i)
        if (rows[i]->phase > rows[i - 1]->phase + 1)
          m.flag("phase_skipped", ds->file, rows[i]->row, ph ? ph->column_name : "fase",
                 std::to_string(rows[i - 1]->phase) + " → " + std::to_string(rows[i]->phase));
    }
  }

  // Who was measured when: each person's measurements and each unit's persons, so no result scans them all again.
  m.by_person.assign(m.people.size(), {});
  for (size_t i = 0; i < m.measures.size(); ++i) m.by_person[m.measures[i].person].push_back(i);
  m.unit_people.assign(m.units.size(), {});
  for (size_t p = 0; p < m.people.size(); ++p) m.unit_people[m.people[p].unit].push_back(p);

  // The instrument and domain analysed: the option when it has data, else the safety scale, else the first with data.
  auto has_data = [&](const std::string& id) {
    return std::any_of(m.measures.begin(), m.measures.end(), [&](const Measure& x) { return x.instrument == id; });
  };
  m.instrument = !o.instrument.empty() && has_data(o.instrument) ? o.instrument : std::string();
  if (m.instrument.empty() && has_data("veiligheidsschaal")) m.instrument = "veiligheidsschaal";
  if (m.instrument.empty() && !m.measures.empty()) m.instrument = m.measures.front().instrument;
  if (const Instrument* i = m.find_instrument(m.instrument)) {
    auto domain_has = [&](const std::string& d) {
      return std::any_of(m.measures.begin(), m.measures.end(),
                         [&](const Measure& x) { return x.instrument == m.instrument && x.domain == d; });
    };
    m.domain = !o.domain.empty() && domain_has(o.domain) ? o.domain : std::string();
    for (size_t k = 0; m.domain.empty() && k < i->domains.size(); ++k)
      if (domain_has(i->domains[k])) m.domain = i->domains[k];
  }
  m.rows_flagged = long(excluded.size());
  m.rows_used = m.rows_in - m.rows_flagged;
  return m;
}

}  // namespace zicht::analysis::evolutie::detail
