// The matrix results that are tables first: the heat map's cells (with each cell's verbatim text and resolved
// cross-reference), the side-by-side comparison, the facets with the numeric ranges, the uncertainty layer and the
// data-quality findings; and the entry point that runs them all.
#include <algorithm>

#include "analysis/matrix/model.h"

namespace zicht::analysis::matrix {

namespace d = detail;

namespace detail {

namespace {

Value yes_no(bool b) { return Value::label(Text::key(b ? "matrix.yes" : "matrix.no")); }

std::string ref_label(const Model& m, const Cell& cell) {
  if (cell.ref_form < 0 || cell.ref_char < 0) return {};
  return m.forms[size_t(cell.ref_form)].label + " · " + m.chars[size_t(cell.ref_char)].id;
}

const Cell* ref_cell(const Model& m, const Cell& cell) {
  if (cell.ref_form < 0 || cell.ref_char < 0) return nullptr;
  return &m.coding().cells[size_t(cell.ref_form) * m.nc() + size_t(cell.ref_char)];
}

}  // namespace

Result heatmap_result(const Model& m, const Options& o) {
  Result r = make_result("matrix.heatmap", "matrix.result.heatmap", "matrix.unit.cells");
  Table rows = make_table("rows", "matrix.table.rows");
  rows.columns = {col("characteristic_id", "matrix.col.characteristic_id", Role::category),
                  col("group", "matrix.col.group", Role::category),
                  col("principle", "matrix.col.principle", Role::category),
                  col("label", "matrix.col.characteristic", Role::category),
                  col("level", "matrix.col.level", Role::category),
                  col("to_text", "matrix.col.to_text", Role::category),
                  col("to_sources", "matrix.col.to_sources", Role::category),
                  col("remark", "matrix.col.remark", Role::category),
                  col("filled_by_design", "matrix.col.filled_by_design", Role::category)};
  for (size_t c = 0; c < m.nc(); ++c) {
    if (!m.row_on[c]) continue;
    const Characteristic& ch = m.chars[c];
    rows.rows.push_back({Value::str(ch.id), Value::str(ch.group), Value::str(ch.principle), Value::str(ch.label),
                         Value::str(ch.level), Value::str(ch.to_text), Value::str(ch.to_sources),
                         Value::str(ch.remark), Value::str(ch.filled_by_design)});
  }
  Table forms = make_table("forms", "matrix.table.forms");
  forms.columns = {col("support_form_id", "matrix.col.support_form_id", Role::category),
                   col("label", "matrix.col.form", Role::category), col("regie", "matrix.col.regie", Role::category),
                   col("region", "matrix.col.region", Role::category)};
  for (size_t f = 0; f < m.nf(); ++f)
    if (m.form_on[f])
      forms.rows.push_back({Value::str(m.forms[f].id), Value::str(m.forms[f].label), Value::str(m.forms[f].regie),
                            Value::str(m.forms[f].region)});
  Table cells = make_table("cells", "matrix.table.cells");
  cells.columns = {col("characteristic_id", "matrix.col.characteristic_id", Role::category),
                   col("row_label", "matrix.col.characteristic", Role::category),
                   col("group", "matrix.col.group", Role::category),
                   col("support_form_id", "matrix.col.support_form_id", Role::category),
                   col("column_label", "matrix.col.form", Role::category),
                   col("class", "matrix.col.class", Role::category),
                   col("class_label", "matrix.col.class_label", Role::category),
                   col("note", "matrix.col.note", Role::category),
                   col("reference", "matrix.col.reference", Role::category),
                   col("reference_text", "matrix.col.reference_text", Role::category),
                   col("reference_problem", "matrix.col.reference_problem", Role::category),
                   col("uncertain", "matrix.col.uncertain", Role::category),
                   col("origin", "matrix.col.origin", Role::category),
                   col("recoded", "matrix.col.recoded", Role::category),
                   col("citations", "matrix.col.citations", Role::category)};
  for (size_t c = 0; c < m.nc(); ++c) {
    if (!m.row_on[c]) continue;
    for (size_t f = 0; f < m.nf(); ++f) {
      if (!m.form_on[f]) continue;
      const Cell& cell = m.cell(f, c);
      const Cell* target = ref_cell(m, cell);
      const bool uncertain = cell.uncertain || !uncertainty_marker(cell.note).empty();
      cells.rows.push_back({Value::str(m.chars[c].id), Value::str(m.chars[c].label), Value::str(m.chars[c].group),
                            Value::str(m.forms[f].id), Value::str(m.forms[f].label), Value::str(state_code(cell.state)),
                            state_label(cell.state, m), Value::str(cell.note), Value::str(ref_label(m, cell)),
                            Value::str(target ? target->note : std::string()), Value::str(cell.ref_problem),
                            yes_no(uncertain), Value::str(cell.origin), yes_no(cell.recoded),
                            Value::str(cell.citations)});
    }
  }
  // The legend, once for the report's chart and the page's grid: each state's label (the loaded legend's words) and
  // the colour it is drawn in (the user's legend colour, else the palette's class colour).
  Table legend = make_table("legend", "matrix.table.legend");
  legend.columns = {col("class", "matrix.col.class", Role::category),
                    col("class_label", "matrix.col.class_label", Role::category),
                    col("colour", "matrix.col.colour", Role::category)};
  for (int s = 0; s < kStates; ++s) {
    const State st = static_cast<State>(s);
    auto user = o.colours.find(state_code(st));
    legend.rows.push_back({Value::str(state_code(st)), state_label(st, m),
                           Value::str(user != o.colours.end() ? user->second : std::string("class.") + state_code(st))});
  }
  r.tables = table_list(std::move(cells), std::move(rows), std::move(forms), legend);
  View v;
  v.kind = ViewKind::heatmap;
  v.table = "cells";
  v.x = "column_label";
  v.x_key = "support_form_id";
  v.series = "class";
  v.columns = {"characteristic_id", "row_label", "group", "class_label", "note"};
  for (const auto& row : legend.rows) v.colour_keys.push_back({row[0].s, row[2].s});
  const Text legend_title = Text::key("matrix.col.class_label");
  v.of_nl = legend_title.nl;
  v.of_en = legend_title.en;
  r.views.push_back(v);
  r.notes.push_back(Text::key("matrix.note.indicative"));
  if (m.fictitious) r.notes.push_back(Text::key("matrix.note.fictitious"));
  if (m.builtin_chars) r.notes.push_back(Text::key("matrix.note.builtin_dictionary"));
  return r;
}

Result compare_result(const Model& m, const Options& o) {
  Result r = make_result("matrix.compare", "matrix.result.compare", "matrix.unit.characteristics");
  std::vector<size_t> chosen;
  for (const auto& id : o.compare_forms) {
    const int f = m.form_index(id);
    if (f >= 0 && chosen.size() < 3 &&
        std::find(chosen.begin(), chosen.end(), size_t(f)) == chosen.end())
      chosen.push_back(size_t(f));
  }
  if (chosen.size() < 2) {  // default: the first overlap the authors name (CAW ↔ JAC)
    chosen.clear();
    for (const char* id : {"caw_trajecten", "jac_trajecten"})
      if (m.form_index(id) >= 0) chosen.push_back(size_t(m.form_index(id)));
    for (size_t f = 0; chosen.size() < 2 && f < m.nf(); ++f)
      if (std::find(chosen.begin(), chosen.end(), f) == chosen.end()) chosen.push_back(f);
  }
  // The classes next to the characteristic (what the eye compares), then the texts, then the decree's wording.
  Table t = make_table("compare", "matrix.table.compare");
  t.columns = {col("characteristic_id", "matrix.col.characteristic_id", Role::category),
               col("label", "matrix.col.characteristic", Role::category)};
  for (size_t f : chosen) t.columns.push_back(Column{"class_" + m.forms[f].id, Text::same(m.forms[f].label), Role::category, -1});
  t.columns.push_back(col("differs", "matrix.col.differs", Role::category));
  const Text text_of = Text::key("matrix.col.text_of");
  for (size_t f : chosen)
    t.columns.push_back(Column{"text_" + m.forms[f].id,
                               Text{i18n::format(text_of.nl, {m.forms[f].label}), i18n::format(text_of.en, {m.forms[f].label})},
                               Role::category, -1});
  t.columns.push_back(col("group", "matrix.col.group", Role::category));
  t.columns.push_back(col("to_text", "matrix.col.to_text", Role::category));
  std::string names;
  for (size_t f : chosen) names += (names.empty() ? "" : " ↔ ") + m.forms[f].label;
  std::vector<std::vector<Value>> differ, same;
  for (size_t c = 0; c < m.nc(); ++c) {
    if (!m.row_on[c]) continue;
    bool differs = false;
    for (size_t k = 1; k < chosen.size(); ++k)
      differs = differs || m.cell(chosen[k], c).state != m.cell(chosen[0], c).state;
    std::vector<Value> row{Value::str(m.chars[c].id), Value::str(m.chars[c].label)};
    for (size_t f : chosen) row.push_back(state_label(m.cell(f, c).state, m));
    row.push_back(yes_no(differs));
    for (size_t f : chosen) {
      const Cell& cell = m.cell(f, c);
      const Cell* target = ref_cell(m, cell);
      row.push_back(Value::str(target && !target->note.empty() ? cell.note + " → " + target->note : cell.note));
    }
    row.push_back(Value::str(m.chars[c].group));
    row.push_back(Value::str(m.chars[c].to_text));
    (differs ? differ : same).push_back(std::move(row));
  }
  for (auto& row : differ) t.rows.push_back(std::move(row));
  for (auto& row : same) t.rows.push_back(std::move(row));
  r.tables = table_list(std::move(t));
  const Text compared = Text::key("matrix.note.compared");
  r.notes.push_back(Text{i18n::format(compared.nl, {names}), i18n::format(compared.en, {names})});
  r.notes.push_back(Text::key("matrix.note.compare_order"));
  return r;
}

Result uncertainty_result(const Model& m, const Options&) {
  Result r = make_result("matrix.uncertainty", "matrix.result.uncertainty", "matrix.unit.cells");
  Table t = make_table("cells", "matrix.table.uncertain_cells");
  t.columns = {col("form", "matrix.col.form", Role::category),
               col("characteristic_id", "matrix.col.characteristic_id", Role::category),
               col("class_label", "matrix.col.class_label", Role::category),
               col("marker", "matrix.col.marker", Role::category), col("note", "matrix.col.note", Role::category)};
  Table per = make_table("per_form", "matrix.table.uncertain_per_form");
  per.columns = {col("form", "matrix.col.form", Role::category), col("n", "matrix.col.n_uncertain", Role::count, 0),
                 col("denom_all", "matrix.col.denom_all", Role::denominator, 0),
                 col("pct_all", "matrix.col.pct_all", Role::percent, 1)};
  for (size_t f = 0; f < m.nf(); ++f) {
    if (!m.form_on[f]) continue;
    long n = 0, all = 0;
    for (size_t c = 0; c < m.nc(); ++c) {
      if (!m.row_on[c]) continue;
      ++all;
      const Cell& cell = m.cell(f, c);
      const std::string marker = uncertainty_marker(cell.note);
      if (marker.empty() && !cell.uncertain) continue;
      ++n;
      t.rows.push_back({Value::str(m.forms[f].label), Value::str(m.chars[c].id), state_label(cell.state, m),
                        marker.empty() ? Value::label(Text::key("matrix.marker.flagged")) : Value::str(marker),
                        Value::str(cell.note)});
    }
    per.rows.push_back({Value::str(m.forms[f].label), Value::of(n), Value::of(all), pct(n, all)});
  }
  r.tables = table_list(per, std::move(t));
  View v = count_view(per, "form", "n", Text::key("matrix.of.uncertain_cells"));
  v.orientation = Orientation::horizontal;
  r.views.push_back(v);
  r.notes.push_back(Text::key("matrix.note.uncertainty"));
  return r;
}

Result quality_result(const Model& m, const Options&) {
  Result r = make_result("matrix.quality", "matrix.result.quality", "matrix.unit.findings");
  Table t = make_table("rules", "matrix.table.quality");
  t.columns = {col("rule", "matrix.col.rule", Role::category), col("n", "matrix.col.n_findings", Role::count, 0)};
  for (const auto& rule : m.rules)
    t.rows.push_back({Value::label(Text::key("matrix.rule." + rule.id)), Value::of(rule.n)});
  Table rows = make_table("rows", "matrix.table.rows_in");
  rows.columns = {col("what", "matrix.col.what", Role::category), col("n", "matrix.col.n", Role::count, 0)};
  rows.rows = {{Value::label(Text::key("matrix.rows.in")), Value::of(m.rows_in)},
               {Value::label(Text::key("matrix.rows.used")), Value::of(m.rows_used)},
               {Value::label(Text::key("matrix.rows.flagged")), Value::of(m.rows_flagged)}};
  r.tables = table_list(t, std::move(rows));
  r.flags = m.flags;
  if (!t.rows.empty()) r.views.push_back(quality_view(t, "rule"));
  if (t.rows.empty()) r.notes.push_back(Text::key("matrix.note.no_findings"));
  return r;
}

}  // namespace detail

Catalog catalog(const Inputs& in, const Options& o) {
  const d::Model m = d::build_model(in, o);
  Catalog out;
  auto add = [](std::vector<std::string>& list, const std::string& v) {
    if (!v.empty() && std::find(list.begin(), list.end(), v) == list.end()) list.push_back(v);
  };
  for (const auto& v : m.versions) out.versions.push_back(v.name);
  for (const auto& c : m.chars) {
    add(out.groups, c.group);
    size_t p = 0;
    while (p < c.level.size()) {
      size_t q = c.level.find(';', p);
      if (q == std::string::npos) q = c.level.size();
      add(out.levels, c.level.substr(p, q - p));
      p = q + 1;
    }
  }
  for (const auto& f : m.forms) {
    out.forms.push_back({f.id, f.label});
    add(out.regies, f.regie);
    add(out.regions, f.region);
    add(out.insteek, f.insteek);
  }
  return out;
}

std::vector<Result> results(const Inputs& in, const Options& o) {
  const d::Model m = d::build_model(in, o);
  std::vector<Result> out;
  out.push_back(d::heatmap_result(m, o));
  for (auto& r : d::coverage_results(m, o)) out.push_back(std::move(r));
  out.push_back(d::similarity_result(m, o));
  out.push_back(d::compare_result(m, o));
  out.push_back(d::facets_result(m, o));
  out.push_back(d::uncertainty_result(m, o));
  out.push_back(d::versions_result(m, o));
  out.push_back(d::quality_result(m, o));
  for (auto& r : out) r.client_unit = false;  // matrix cells are support forms × characteristics, not clients
  return out;
}

}  // namespace zicht::analysis::matrix
