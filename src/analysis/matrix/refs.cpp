// Cross-references ("zie voorgaande", "zie doelgroep", "zie CAW" …) resolved to the cell whose text they stand
// for, the structural quality checks, the facets' selection, and the small shared helpers of the matrix model.
#include <algorithm>
#include <cctype>
#include <set>

#include "analysis/matrix/model.h"

namespace zicht::analysis::matrix {

const char* state_code(State s) {
  static const char* const k[] = {"P", "GP", "NP", "GI", "GB", "AK", "UNC", "NFD", "EMPTY"};
  return k[static_cast<int>(s)];
}

bool parse_state(std::string_view code, State& out) {
  for (int i = 0; i < kStates; ++i) {
    const char* c = state_code(static_cast<State>(i));
    if (code.size() != std::char_traits<char>::length(c)) continue;
    bool eq = true;
    for (size_t k = 0; k < code.size(); ++k)
      eq = eq && std::toupper(static_cast<unsigned char>(code[k])) == c[k];
    if (eq) {
      out = static_cast<State>(i);
      return true;
    }
  }
  return false;
}

}  // namespace zicht::analysis::matrix

namespace zicht::analysis::matrix::detail {

std::string fold(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {  // the Latin-1 supplement letters Dutch uses, folded to ASCII
      const unsigned char d = static_cast<unsigned char>(s[i + 1]);
      static const char* const map = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";  // U+00E0..U+00FF
      if (d >= 0xA0 && d <= 0xBF) {
        c = static_cast<unsigned char>(map[d - 0xA0]);
        ++i;
      } else if (d >= 0x80 && d <= 0x9F) {
        c = static_cast<unsigned char>(map[d - 0x80]);
        ++i;
      }
    }
    if (std::isspace(c) || c == '_' || c == '-') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

std::string uncertainty_marker(const std::string& note) {
  if (note.find('?') != std::string::npos) return "?";
  const std::string f = fold(note);
  for (const char* m : {"al dan niet", "niet duidelijk", "onduidelijk"})
    if (f.find(m) != std::string::npos) return m;
  size_t g = f.find("geen ");
  if (g != std::string::npos && f.find("informatie", g) != std::string::npos &&
      f.find("informatie", g) - g <= 32)
    return "geen informatie";
  return {};
}

Value state_label(State s, const Model& m) {
  Text t = Text::key(std::string("matrix.state.") + state_code(s));
  if (const LegendEntry* e = m.legend_entry(s)) {
    if (!e->label_nl.empty()) t.nl = e->label_nl;
    if (!e->label_en.empty()) t.en = e->label_en;
  }
  return Value::label(t);
}

double form_distance(const Model& m, const Coding& v, size_t a, size_t b, const std::vector<char>& rows,
                     long& shared) {
  double sum = 0;
  shared = 0;
  const size_t nc = m.nc();
  for (size_t c = 0; c < nc; ++c) {
    if (!rows[c]) continue;
    const State x = v.cells[a * nc + c].state, y = v.cells[b * nc + c].state;
    if (!on_scale(x) || !on_scale(y)) continue;
    sum += std::fabs(scale_value(x) - scale_value(y));
    ++shared;
  }
  return shared > 0 ? sum / double(shared) : NAN;
}

namespace {

// What a cell's text refers to, before following chains: (form, characteristic) or (−1, −1).
std::pair<int, int> target_of(const Model& m, size_t f, size_t c, const Cell& cell) {
  std::string type = cell.ref_type, target = cell.ref_target;
  if (type.empty()) {
    const std::string n = fold(cell.note);
    if (n.rfind("zie voorgaande", 0) == 0 || n.rfind("zie overlap met voorgaande", 0) == 0 ||
        n.rfind("zie supra", 0) == 0)
      type = "zie_voorgaande";
    else if (n.rfind("zie doelgroep", 0) == 0)
      type = "zie_doelgroep";
    else if (n.rfind("zie regie", 0) == 0)
      type = "zie_regie";
    else if (n.rfind("zie caw", 0) == 0)
      type = "zie_other_form", target = "caw_trajecten:" + m.chars[c].id;
    else
      return {-1, -1};
  }
  if (!target.empty()) {
    const size_t colon = target.find(':');
    if (colon != std::string::npos)
      return {m.form_index(target.substr(0, colon)), m.char_index(target.substr(colon + 1))};
    return {static_cast<int>(f), m.char_index(target)};
  }
  if (type == "zie_voorgaande" || type == "zie_supra" || type == "zie_overlap_met_voorgaande")
    return {static_cast<int>(f), c > 0 ? static_cast<int>(c) - 1 : -1};
  if (type == "zie_doelgroep") {
    for (size_t k = 0; k < m.nc(); ++k)
      if (fold(m.chars[k].group).rfind("doelgroep", 0) == 0) return {static_cast<int>(f), static_cast<int>(k)};
    return {static_cast<int>(f), -1};
  }
  if (type == "zie_regie") return {static_cast<int>(f), m.char_index("RG")};
  return {-1, -1};  // zie ook, zie verder …: informative, no single target
}

}  // namespace

void resolve_references(Model& m) {
  const size_t nc = m.nc();
  for (auto& v : m.versions) {
    for (size_t f = 0; f < m.nf(); ++f)
      for (size_t c = 0; c < nc; ++c) {
        Cell& cell = v.cells[f * nc + c];
        auto t = target_of(m, f, c, cell);
        if (t.first == -1 && t.second == -1 && cell.ref_type.empty()) continue;
        if (t.first < 0 || t.second < 0) {
          if (!cell.ref_type.empty() || !cell.note.empty()) cell.ref_problem = "dangling";
          continue;
        }
        std::set<size_t> visited{f * nc + c};
        while (true) {
          const size_t idx = static_cast<size_t>(t.first) * nc + static_cast<size_t>(t.second);
          if (!visited.insert(idx).second) {
            cell.ref_problem = "circular";
            break;
          }
          const Cell& next = v.cells[idx];
          auto n = target_of(m, static_cast<size_t>(t.first), static_cast<size_t>(t.second), next);
          if (n.first < 0 || n.second < 0) {
            if (next.note.empty() && next.state == State::EMPTY) cell.ref_problem = "dangling";
            break;
          }
          t = n;
        }
        cell.ref_form = t.first;
        cell.ref_char = t.second;
      }
  }
}

void check_quality(Model& m) {
  const size_t nc = m.nc();
  const Coding& v = m.versions.front();
  for (size_t f = 0; f < m.nf(); ++f) {
    const int rg = m.char_index("RG");
    const bool regie_cell = rg >= 0 && !v.cells[f * nc + static_cast<size_t>(rg)].note.empty();
    if (m.forms[f].regie.empty() && !regie_cell) m.flag("form_without_regie", "", 0, "", m.forms[f].id);
    for (size_t c = 0; c < nc; ++c) {
      const Cell& cell = v.cells[f * nc + c];
      if (cell.ref_problem == "dangling")
        m.flag("reference_dangling", cell.file, cell.row, m.forms[f].id + "|" + m.chars[c].id, cell.note);
      if (cell.ref_problem == "circular")
        m.flag("reference_circular", cell.file, cell.row, m.forms[f].id + "|" + m.chars[c].id, cell.note);
      if (m.chars[c].filled_by_design == "false" && cell.state != State::NFD && cell.state != State::EMPTY &&
          cell.state != State::UNC)
        m.flag("nfd_row_with_code", cell.file, cell.row, m.forms[f].id + "|" + m.chars[c].id, state_code(cell.state));
      // Two cells' text merged on one line by the PDF extraction: "X X".
      const std::string n = fold(cell.note);
      if (n.size() >= 9 && n.size() % 2 == 1 && n[n.size() / 2] == ' ' &&
          n.compare(0, n.size() / 2, n, n.size() / 2 + 1, std::string::npos) == 0)
        m.flag("merged_text", cell.file, cell.row, m.forms[f].id + "|" + m.chars[c].id, n);
    }
  }
}

void select(Model& m, const Options& o) {
  auto any = [](const std::vector<std::string>& chosen, const std::string& value, bool contains) {
    if (chosen.empty()) return true;
    for (const auto& x : chosen)
      if (contains ? fold(value).find(fold(x)) != std::string::npos : value == x) return true;
    return false;
  };
  m.row_on.assign(m.nc(), 1);
  for (size_t c = 0; c < m.nc(); ++c) {
    const Characteristic& ch = m.chars[c];
    bool on = any(o.groups, ch.group, false) && any(o.levels, ch.level, true);
    if (o.citation == "ja") on = on && ch.has_citation;
    if (o.citation == "nee") on = on && !ch.has_citation;
    m.row_on[c] = on;
  }
  m.form_on.assign(m.nf(), 1);
  for (size_t f = 0; f < m.nf(); ++f) {
    const Form& fm = m.forms[f];
    bool on = any(o.regies, fm.regie, true) && any(o.regions, fm.region, false) && any(o.insteek, fm.insteek, false);
    if (o.executes == "ja") on = on && fm.executes == 1;
    if (o.executes == "nee") on = on && fm.executes == 0;
    if (std::isfinite(o.age))
      on = on && !(std::isfinite(fm.age_min) && o.age < fm.age_min) && !(std::isfinite(fm.age_max) && o.age > fm.age_max);
    m.form_on[f] = on;
  }
}

}  // namespace zicht::analysis::matrix::detail
