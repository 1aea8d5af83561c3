// Zicht demo — the matrix generator (issue 22; spec matrix.md §4.4, seed notes 002 §3–§5, §7.2, §9).
//
// The dictionary (legend, 97 characteristics, 24 support forms) is the embedded assets/matrix/*.csv, verbatim from
// the seed. The classifications are fictitious and seeded: a latent profile per form and group, drawn on the
// parallel scale P / GP / NP, with GI / GB / AK mixed in (AK more often on rows without a TO citation). Fixed by
// design, for every seed:
//  - NFD on OR3, ER3, CP3, WAT for every form, AP3 for half of the forms; UNC with text on R0 (remark colour), R1
//    and RG (the form's regie authority); AG1 UNC in purple for the five forms below; 20 EMPTY cells.
//  - The four cells the seed states explicitly are NP with the seed's own words (kConstrained).
//  - Numeric facets on L1 for the five forms with a published duration (kNumeric).
//  - The author-named overlaps (caw_trajecten–jac_trajecten, doelgerichte_zorg–zorgcoordinatie,
//    jeugdhulpregie–zorggarantie): the second of each pair is a lightly perturbed copy of the first, and each is
//    among the other's three nearest forms (mean |s_a − s_b| over rows both code P/GP/NP, ties by form order);
//    verified, and re-drawn with a derived seed until it holds.
//  - Text signals in version "auteurs" (seed notes §7.1): 79 "zie voorgaande", 34 "zie doelgroep", 6 "zie regie",
//    3 "zie CAW", 42 notes with "?" (uncertain = ja). A cross-referencing cell carries its target's classification.
// The "workshop" version has the same texts; about 12 % of its P/GP/NP cells (not the cross-referencing ones nor
// the fixed cells) move one step on the P–GP–NP scale, and the cross-references follow their targets again.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <map>
#include <set>

#include "core/assets.h"
#include "demo/demo_common.h"

namespace zicht::demo {

namespace {

// A minimal RFC 4180 reader for the embedded dictionary (',' separated, '"' quoting, LF or CRLF).
std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += '"', ++i;
      else if (ch == '"') quoted = false;
      else cell += ch;
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      rows.back().push_back(cell), cell.clear();
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      rows.back().push_back(cell), cell.clear();
      rows.emplace_back();
      any = false;
      continue;
    } else {
      cell += ch;
    }
    any = true;
  }
  if (any) rows.back().push_back(cell);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

struct Dictionary {
  std::vector<std::string> forms, regie;          // support_form_id, regie_authority_nl
  std::vector<std::string> chars, group;          // characteristic_id, group_nl
  std::vector<bool> has_to;                       // has_to_citation
  int index_of_char(const std::string& id) const {
    return int(std::find(chars.begin(), chars.end(), id) - chars.begin());
  }
  int index_of_form(const std::string& id) const {
    return int(std::find(forms.begin(), forms.end(), id) - forms.begin());
  }
};

const Dictionary& dictionary() {
  static const Dictionary d = [] {
    Dictionary out;
    auto forms = parse_csv(assets::find("matrix/support_forms.csv").value_or(""));
    for (size_t r = 1; r < forms.size(); ++r) {
      out.forms.push_back(forms[r][0]);
      out.regie.push_back(forms[r][4]);
    }
    auto chars = parse_csv(assets::find("matrix/characteristics.csv").value_or(""));
    for (size_t r = 1; r < chars.size(); ++r) {
      out.chars.push_back(chars[r][0]);
      out.group.push_back(chars[r][2]);
      out.has_to.push_back(chars[r][10] == "true");
    }
    return out;
  }();
  return d;
}

const char* const kFiller = "(fictieve demotekst)";

// The explicit signals of the seed (spec §4.4): NP, with the seed's text as note.
struct Fixed {
  const char* form;
  const char* characteristic;
  const char* note;
};
const Fixed kConstrained[] = {
    {"casemanager_zorg", "E1",  // 002:L2934–2944
     "Vlaanderen Er is geen dienstverlening voor wat betreft activeringstrajecten in het Brussels Hoofdstedelijk "
     "Gewest gezien de beperking tot de in de regelgeving afgebakende werk- en zorgregio\u2019s."},
    {"zorggarantie", "L1",  // 002:L15154–15160 (numeric facet in kNumeric)
     "Een traject in het kader van zorggarantie kent een beperkte termijn: 3 maanden, maximaal 1 keer verlengbaar. "
     "> niet i.f.v. behoeften v.d. betrokkenen"},
    {"gezinscoaching", "AP2", "er wordt geen plan opgesteld"},  // 002:L10294
    {"brugfiguren", "CP1",                                      // 002:L2422–2426
     "Zij of hij is echter niet onpartijdig, en staat duidelijk aan de kant van een van de partijen"}};

// Durations on L1 (notes 002 §7.2); NaN = open end.
struct Numeric {
  const char* form;
  double min, max;
  const char* unit;
  const char* note;  // nullptr: the note of kConstrained
};
const double kOpen = std::nan("");
const Numeric kNumeric[] = {
    {"casemanager_zorg", 3, 18, "month",  // 002:L3088–3098
     "Activeringstrajecten zijn tijdelijke trajecten van 3 tot maximaal 18 maanden \u2026 verlengen tot maximaal 24 "
     "maanden"},
    {"dop", 197, 197, "day", "Gem. duur voor de 5 D.O.P : 197 dagen."},                 // 002:L12078
    {"contextbegeleiding_jeugdhulp", 6, 6, "month",                                       // 002:L5518–5522
     "6 maanden in praktijk eerder anderhalf jaar tot twee jaar > cf. mogelijke verlenging na 6 maanden"},
    {"gezinscoaching", 6, 30, "month", "in de praktijk: om en bij een half jaar tot 2,5 jaar of langer"},  // L9390
    {"zorggarantie", 3, kOpen, "month", nullptr}};                                        // 002:L15154–15158

// Forms that do not support children or young people separately (seed L1084–1090: AG1 in purple, no code). Chosen
// as plausible from the notes' §5.3: onthaal for adults and families (GBO, OCMW), the young-child services (Lokale
// Teams K&G, D.O.P.) and Zorggarantie, which organises rather than delivers support.
const char* const kAg1Purple[] = {"gbo_samenwerkingsverband", "lokale_teams_kg", "dop", "ocmw", "zorggarantie"};

const char* const kPairs[3][2] = {
    {"caw_trajecten", "jac_trajecten"}, {"doelgerichte_zorg", "zorgcoordinatie"}, {"jeugdhulpregie", "zorggarantie"}};

const char* const kNfdRows[] = {"OR3", "ER3", "CP3", "WAT"};
const char* const kUncertainPhrases[] = {"al dan niet?", "niet duidelijk?", "geen specifieke informatie?",
                                         "geen expliciete informatie?", "al dan niet van toepassing?"};
const char* const kRegieSources[] = {"E2", "E3", "E4", "E5", "ER5", "CP6"};

constexpr int kVoorgaande = 79, kDoelgroep = 34, kRegie = 6, kUncertain = 42, kEmpty = 20;

bool is_parallel(const std::string& c) { return c == "P" || c == "GP" || c == "NP"; }
double scale(const std::string& c) { return c == "P" ? 1.0 : c == "GP" ? 0.5 : 0.0; }

// One step on P–GP–NP (GP goes either way).
std::string step(const std::string& c, Rng& rng) {
  if (c == "P" || c == "NP") return "GP";
  return rng.chance(1, 2) ? "P" : "NP";
}

std::string draw_code(double theta, bool has_to, Rng& rng) {
  const uint64_t u = rng.below(100);
  if (!has_to && u < 40) return "AK";
  if (u < 6) return "GI";
  if (u < 10) return "GB";
  if (u < 12) return "AK";
  const double s = theta + (rng.unit() - 0.5) * 0.5;
  return s > 0.66 ? "P" : s > 0.33 ? "GP" : "NP";
}

}  // namespace

namespace detail {

// Distance of the design between two forms' cells (spec §4.3 similarity); -1 when they share no row.
double matrix_distance(const std::vector<MatrixDemoCell>& a, const std::vector<MatrixDemoCell>& b) {
  double sum = 0;
  int n = 0;
  for (size_t c = 0; c < a.size(); ++c)
    if (is_parallel(a[c].classification) && is_parallel(b[c].classification)) {
      sum += std::fabs(scale(a[c].classification) - scale(b[c].classification));
      ++n;
    }
  return n == 0 ? -1 : sum / n;
}

// The three nearest forms of each form (indices), ties by form order.
std::vector<std::vector<int>> matrix_nearest(const std::vector<std::vector<MatrixDemoCell>>& grid) {
  std::vector<std::vector<int>> out(grid.size());
  for (size_t a = 0; a < grid.size(); ++a) {
    std::vector<std::pair<double, int>> d;
    for (size_t b = 0; b < grid.size(); ++b) {
      if (a == b) continue;
      double x = matrix_distance(grid[a], grid[b]);
      if (x >= 0) d.push_back({x, int(b)});
    }
    std::sort(d.begin(), d.end());
    for (size_t k = 0; k < d.size() && k < 3; ++k) out[a].push_back(d[k].second);
  }
  return out;
}

}  // namespace detail

namespace {

using Grid = std::vector<std::vector<MatrixDemoCell>>;  // [form][characteristic]

// Resolves the cross-references of one form in characteristic order (chains follow), from `grid` itself.
void follow_references(Grid& g, const Dictionary& d) {
  for (size_t f = 0; f < g.size(); ++f)
    for (size_t c = 0; c < g[f].size(); ++c) {
      MatrixDemoCell& x = g[f][c];
      if (x.cross_ref_type == "zie_voorgaande") x.classification = g[f][c - 1].classification;
      else if (x.cross_ref_type == "zie_doelgroep") x.classification = g[f][size_t(d.index_of_char("D1"))].classification;
      else if (x.cross_ref_type == "zie_other_form")
        x.classification = g[size_t(d.index_of_form("caw_trajecten"))][c].classification;
    }
}

bool pairs_hold(const Grid& g, const Dictionary& d) {
  auto near = detail::matrix_nearest(g);
  for (const auto& p : kPairs) {
    int a = d.index_of_form(p[0]), b = d.index_of_form(p[1]);
    auto& na = near[size_t(a)];
    auto& nb = near[size_t(b)];
    if (std::find(na.begin(), na.end(), b) == na.end() || std::find(nb.begin(), nb.end(), a) == nb.end())
      return false;
  }
  return true;
}

// One attempt at the "auteurs" grid; false when the pairs do not come out among each other's three nearest.
bool draw_authors(uint64_t seed, const Dictionary& d, Grid& g) {
  Rng rng(seed);
  const size_t nf = d.forms.size(), nc = d.chars.size();
  g.assign(nf, std::vector<MatrixDemoCell>(nc));
  std::set<std::string> groups(d.group.begin(), d.group.end());
  std::set<std::pair<size_t, size_t>> fixed;  // cells no later step may touch
  auto C = [&](const char* id) { return size_t(d.index_of_char(id)); };
  auto Fm = [&](const char* id) { return size_t(d.index_of_form(id)); };

  // 1. Latent profile per form and group, then a code per cell.
  for (size_t f = 0; f < nf; ++f) {
    const double base = rng.unit();
    std::map<std::string, double> theta;
    for (const auto& gr : groups) theta[gr] = std::clamp(base + (rng.unit() - 0.5) * 0.8, 0.0, 1.0);
    for (size_t c = 0; c < nc; ++c) {
      MatrixDemoCell& x = g[f][c];
      x.form = d.forms[f];
      x.characteristic = d.chars[c];
      x.origin = "fictief";
      x.text_style = "default";
      x.classification = draw_code(theta[d.group[c]], d.has_to[c], rng);
    }
  }
  // 2. The named overlaps: the second form is the first with light noise (8 % of its parallel cells one step).
  for (const auto& p : kPairs) {
    size_t a = Fm(p[0]), b = Fm(p[1]);
    for (size_t c = 0; c < nc; ++c) {
      std::string code = g[a][c].classification;
      if (is_parallel(code) && rng.chance(8, 100)) code = step(code, rng);
      g[b][c].classification = code;
    }
  }
  // 3. Rows fixed by design.
  for (size_t f = 0; f < nf; ++f) {
    for (const char* r : kNfdRows) g[f][C(r)].classification = "NFD", fixed.insert({f, C(r)});
    MatrixDemoCell& r0 = g[f][C("R0")];
    r0.classification = "UNC", r0.text_style = "remark_colour";
    r0.note = std::string("opmerking vooraf ") + kFiller;
    MatrixDemoCell& r1 = g[f][C("R1")];
    r1.classification = "UNC", r1.note = std::string("kern: zie fiche ") + kFiller;
    MatrixDemoCell& rg = g[f][C("RG")];
    rg.classification = "UNC", rg.note = d.regie[f];
    for (const char* r : {"R0", "R1", "RG", "AG1", "AP3"}) fixed.insert({f, C(r)});
  }
  std::vector<size_t> order(nf);
  for (size_t f = 0; f < nf; ++f) order[f] = f;
  rng.shuffle(order);
  for (size_t k = 0; k < nf / 2; ++k) g[order[k]][C("AP3")].classification = "NFD";
  for (const char* f : kAg1Purple) {
    MatrixDemoCell& x = g[Fm(f)][C("AG1")];
    x.classification = "UNC", x.text_style = "purple";
    x.note = std::string("ondersteunt kinderen of jongeren niet afzonderlijk ") + kFiller;
  }
  for (const Fixed& k : kConstrained) {
    MatrixDemoCell& x = g[Fm(k.form)][C(k.characteristic)];
    x.classification = "NP", x.note = k.note;
    fixed.insert({Fm(k.form), C(k.characteristic)});
  }
  for (const Numeric& k : kNumeric) {
    MatrixDemoCell& x = g[Fm(k.form)][C("L1")];
    x.numeric_min = k.min, x.numeric_max = k.max, x.numeric_unit = k.unit;
    if (k.note) x.note = k.note;
    fixed.insert({Fm(k.form), C("L1")});
  }
  auto is_nfd_row = [&](size_t c) {
    for (const char* r : kNfdRows)
      if (C(r) == c) return true;
    return c == C("AP3");
  };
  auto special = [&](size_t c) {
    return is_nfd_row(c) || c == C("R0") || c == C("R1") || c == C("RG") || c == C("AG1");
  };
  std::set<std::pair<size_t, size_t>> targets;
  auto take = [&](std::vector<std::pair<size_t, size_t>> pool, int n) {
    rng.shuffle(pool);
    std::vector<std::pair<size_t, size_t>> out;
    for (const auto& fc : pool) {
      if (int(out.size()) == n) break;
      if (fixed.count(fc) || targets.count(fc)) continue;
      out.push_back(fc);
      fixed.insert(fc);
    }
    return out;
  };
  // 4. "zie CAW": gezinscoaching and jac_trajecten point to the CAW column (same characteristic).
  {
    std::vector<std::pair<size_t, size_t>> pool;
    const size_t caw = Fm("caw_trajecten");
    for (const char* f : {"gezinscoaching", "jac_trajecten"})
      for (size_t c = 0; c < nc; ++c)
        if (!special(c) && !fixed.count({caw, c})) pool.push_back({Fm(f), c});
    for (const auto& fc : take(pool, 3)) {
      MatrixDemoCell& x = g[fc.first][fc.second];
      x.note = "zie CAW", x.cross_ref_type = "zie_other_form", x.cross_ref_target = "caw_trajecten:" + d.chars[fc.second];
      targets.insert({caw, fc.second});
    }
  }
  // 5. "zie voorgaande": the previous row, in the same group, not a row without codes.
  {
    std::vector<std::pair<size_t, size_t>> pool;
    for (size_t f = 0; f < nf; ++f)
      for (size_t c = 1; c < nc; ++c)
        if (!special(c) && !special(c - 1) && d.group[c] == d.group[c - 1]) pool.push_back({f, c});
    for (const auto& fc : take(pool, kVoorgaande)) {
      MatrixDemoCell& x = g[fc.first][fc.second];
      x.note = "zie voorgaande", x.cross_ref_type = "zie_voorgaande", x.cross_ref_target = d.chars[fc.second - 1];
      targets.insert({fc.first, fc.second - 1});
    }
  }
  // 6. "zie doelgroep" on rows of other groups; "zie regie" on a few embedding and regie-like rows.
  {
    std::vector<std::pair<size_t, size_t>> pool;
    for (size_t f = 0; f < nf; ++f)
      for (size_t c = 0; c < nc; ++c)
        if (!special(c) && d.group[c] != d.group[C("D1")]) pool.push_back({f, c});
    for (const auto& fc : take(pool, kDoelgroep)) {
      MatrixDemoCell& x = g[fc.first][fc.second];
      x.note = "zie doelgroep", x.cross_ref_type = "zie_doelgroep", x.cross_ref_target = "D1";
      targets.insert({fc.first, C("D1")});
    }
    pool.clear();
    for (size_t f = 0; f < nf; ++f)
      for (const char* r : kRegieSources) pool.push_back({f, C(r)});
    for (const auto& fc : take(pool, kRegie)) {
      MatrixDemoCell& x = g[fc.first][fc.second];
      x.note = "zie regie", x.cross_ref_type = "zie_regie", x.cross_ref_target = "RG";
    }
  }
  // 7. Uncertainty ("?"), then the EMPTY cells (never a target, never fixed), then filler notes.
  std::vector<std::pair<size_t, size_t>> pool;
  for (size_t f = 0; f < nf; ++f)
    for (size_t c = 0; c < nc; ++c)
      if (!special(c)) pool.push_back({f, c});
  for (const auto& fc : take(pool, kUncertain)) {
    MatrixDemoCell& x = g[fc.first][fc.second];
    x.note = std::string(kUncertainPhrases[rng.below(5)]) + " " + kFiller;
    x.uncertain = true;
    if (rng.chance(1, 3)) x.classification = "GI";
  }
  for (const auto& fc : take(pool, kEmpty)) {
    MatrixDemoCell& x = g[fc.first][fc.second];
    x.classification.clear(), x.origin = "missing";
  }
  for (size_t f = 0; f < nf; ++f)
    for (size_t c = 0; c < nc; ++c)
      if (g[f][c].note.empty() && g[f][c].origin != "missing" && rng.chance(1, 10)) g[f][c].note = kFiller;
  follow_references(g, d);
  return pairs_hold(g, d);
}

}  // namespace

MatrixDemo generate_matrix(uint64_t seed) {
  const Dictionary& d = dictionary();
  MatrixDemo out;
  out.forms = d.forms;
  out.characteristics = d.chars;
  Grid g;
  for (uint64_t attempt = 0;; ++attempt)
    if (draw_authors(attempt == 0 ? seed : derive_seed(seed, attempt), d, g) || attempt == 1000) break;
  // The workshop: same texts, ~12 % of the free P/GP/NP cells one step, cross-references follow their targets.
  Grid w = g;
  Rng rng(derive_seed(seed, 0x5757));
  std::set<std::pair<std::string, std::string>> constrained;
  for (const Fixed& k : kConstrained) constrained.insert({k.form, k.characteristic});
  for (auto& row : w)
    for (MatrixDemoCell& x : row) {
      x.version = "workshop", x.coder = "workshop";
      if (x.origin != "missing") x.origin = "manual";
      if (x.cross_ref_type.empty() && is_parallel(x.classification) && !constrained.count({x.form, x.characteristic}) &&
          rng.chance(12, 100))
        x.classification = step(x.classification, rng);
    }
  follow_references(w, d);
  for (auto& row : g)
    for (MatrixDemoCell& x : row) {
      x.version = "auteurs", x.coder = "auteurs";
      out.cells.push_back(x);
    }
  for (auto& row : w)
    for (MatrixDemoCell& x : row) out.cells.push_back(x);
  return out;
}

namespace {


std::string number(double v) {
  if (std::isnan(v)) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

}  // namespace

std::string matrix_cells_csv(const MatrixDemo& d, uint64_t rows) {
  std::string out;
  const char* const header[] = {"support_form_id", "characteristic_id", "classification", "classification_origin",
                                "coder",           "version",           "text_style",     "note_nl",
                                "cross_ref_type",  "cross_ref_target",  "uncertain",      "citations",
                                "numeric_min",     "numeric_max",       "numeric_unit"};
  for (size_t i = 0; i < std::size(header); ++i) detail::csv_field(out, header[i], i == 0);
  out += "\r\n";
  uint64_t n = 0;
  for (const MatrixDemoCell& x : d.cells) {
    if (rows != 0 && n == rows) break;
    detail::csv_field(out, x.form, true);
    for (const std::string* s : {&x.characteristic, &x.classification, &x.origin, &x.coder, &x.version,
                                 &x.text_style, &x.note, &x.cross_ref_type, &x.cross_ref_target})
      detail::csv_field(out, *s);
    detail::csv_field(out, x.uncertain ? "ja" : "nee");
    detail::csv_field(out, "");
    detail::csv_field(out, number(x.numeric_min));
    detail::csv_field(out, number(x.numeric_max));
    detail::csv_field(out, x.numeric_unit);
    out += "\r\n";
    ++n;
  }
  return out;
}

std::string matrix_dictionary_csv(const std::string& part) {
  if (part != "characteristics" && part != "support_forms" && part != "legend") return {};
  auto text = assets::find("matrix/" + part + ".csv");
  return text ? std::string(*text) : std::string();
}

}  // namespace zicht::demo
