// The matrix model: the dictionary (loaded files, else the built-in Odisee dictionary), the codings from the long
// or wide file, the werkmap's recodings, cross-references resolved, the facets' selection.
#include "analysis/matrix/model.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>

#include "core/assets.h"
#include "core/reader.h"
#include "core/schema.h"

namespace zicht::analysis::matrix::detail {

namespace {

using core::CellKind;
using core::MappedDataset;

// The built-in dictionary files (assets/matrix/*.csv), read and mapped once.
struct Builtin {
  core::ReadResult read;
  MappedDataset ds;
};

const MappedDataset* builtin(const char* kind) {
  static std::map<std::string, std::unique_ptr<Builtin>> cache;
  auto it = cache.find(kind);
  if (it != cache.end()) return it->second ? &it->second->ds : nullptr;
  std::unique_ptr<Builtin> b;
  const core::Schema* schema = core::find_schema("matrix");
  auto text = assets::find(std::string("matrix/") + kind + ".csv");
  if (schema && text) {
    b = std::make_unique<Builtin>();
    b->read = core::read_bytes(std::string(kind) + ".csv", reinterpret_cast<const uint8_t*>(text->data()), text->size());
    if (b->read.ok()) b->ds = core::map_file(b->read, *schema, {}, kind);
    else b.reset();
  }
  const MappedDataset* out = b ? &b->ds : nullptr;
  cache[kind] = std::move(b);
  return out;
}

struct Reader {
  const MappedDataset& ds;
  std::string text(const char* field, size_t row) const {
    const core::MappedField* f = ds.field(field);
    if (!f || !f->mapped() || f->kind[row] == CellKind::Missing) return {};
    std::string s = ds.text(*f, row);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    return s.substr(i);
  }
  // The cell's text whatever its kind ("missing" is a classification_origin code, not a Missing token there).
  std::string raw(const char* field, size_t row) const {
    const core::MappedField* f = ds.field(field);
    return f && f->mapped() ? ds.text(*f, row) : std::string();
  }
  int yes_no(const char* field, size_t row) const {
    const core::MappedField* f = ds.field(field);
    if (!f || !f->mapped()) return -1;
    return f->kind[row] == CellKind::Yes ? 1 : f->kind[row] == CellKind::No ? 0 : -1;
  }
  double number(const char* field, size_t row) const {
    std::string s = text(field, row);
    if (s.empty()) return NAN;
    std::replace(s.begin(), s.end(), ',', '.');
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    return end && *end == 0 ? v : NAN;
  }
};

const MappedDataset* pick(const MappedDataset* loaded, const char* kind, bool& builtin_used) {
  builtin_used = !loaded;
  return loaded ? loaded : builtin(kind);
}

void load_dictionary(Model& m, const Inputs& in) {
  if (const MappedDataset* ds = pick(in.characteristics, "characteristics", m.builtin_chars)) {
    Reader r{*ds};
    for (size_t i = 0; i < ds->rows(); ++i) {
      if (!ds->used[i]) continue;
      Characteristic c;
      c.id = r.text("characteristic_id", i);
      if (c.id.empty() || m.char_index(c.id) >= 0) continue;
      c.group = r.text("group_nl", i);
      c.group_type = r.text("group_type", i);
      c.principle = r.text("principle_nl", i);
      c.label = r.text("label_nl", i);
      c.level = r.text("level", i);
      c.to_text = r.text("to_reference_text", i);
      c.to_sources = r.text("to_sources", i);
      c.remark = r.text("remark_nl", i);
      c.filled_by_design = r.text("filled_by_design", i);
      if (c.filled_by_design.empty()) c.filled_by_design = "true";
      c.moved_to = r.text("moved_to", i);
      c.has_citation = r.yes_no("has_to_citation", i) == 1 || (!c.to_sources.empty() && r.yes_no("has_to_citation", i) < 0);
      m.chars.push_back(std::move(c));
    }
  }
  if (const MappedDataset* ds = pick(in.support_forms, "support_forms", m.builtin_forms)) {
    Reader r{*ds};
    for (size_t i = 0; i < ds->rows(); ++i) {
      if (!ds->used[i]) continue;
      Form f;
      f.id = r.text("support_form_id", i);
      if (f.id.empty() || m.form_index(f.id) >= 0) continue;
      f.label = r.text("label_nl", i);
      if (f.label.empty()) f.label = f.id;
      f.full_name = r.text("full_name_nl", i);
      f.regie = r.text("regie_authority_nl", i);
      f.region = r.text("region", i);
      f.insteek = r.text("insteek", i);
      f.synonyms = r.text("synonyms", i);
      f.age_min = r.number("age_min_years", i);
      f.age_max = r.number("age_max_years", i);
      f.executes = r.yes_no("voert_zelf_uit", i);
      m.forms.push_back(std::move(f));
    }
  }
  if (const MappedDataset* ds = pick(in.legend, "legend", m.builtin_legend)) {
    Reader r{*ds};
    for (size_t i = 0; i < ds->rows(); ++i) {
      if (!ds->used[i]) continue;
      LegendEntry e{r.text("code", i), r.text("label_nl", i), r.text("label_en", i), r.text("colour_hex", i)};
      State s;
      if (parse_state(e.code, s)) {
        e.code = state_code(s);
        m.legend.push_back(std::move(e));
      }
    }
  }
}

// A form named by id, label or one of its synonyms (folded), or −1.
int find_form(const Model& m, const std::string& name) {
  int i = m.form_index(name);
  if (i >= 0) return i;
  const std::string f = fold(name);
  for (size_t k = 0; k < m.forms.size(); ++k) {
    if (fold(m.forms[k].label) == f || fold(m.forms[k].id) == f) return static_cast<int>(k);
    size_t p = 0;
    const std::string& syn = m.forms[k].synonyms;
    while (p <= syn.size()) {
      size_t q = syn.find(';', p);
      if (q == std::string::npos) q = syn.size();
      if (q > p && fold(syn.substr(p, q - p)) == f) return static_cast<int>(k);
      p = q + 1;
    }
  }
  return -1;
}

int find_char(const Model& m, const std::string& id, const std::string& label) {
  if (!id.empty()) {
    int i = m.char_index(id);
    if (i >= 0) return i;
  }
  const std::string f = fold(label.empty() ? id : label);
  if (f.empty()) return -1;
  for (size_t k = 0; k < m.chars.size(); ++k)
    if (fold(m.chars[k].label) == f) return static_cast<int>(k);
  return -1;
}

Coding& version(Model& m, const std::string& name) {
  for (auto& v : m.versions)
    if (v.name == name) return v;
  m.versions.push_back({name, std::vector<Cell>(m.nf() * m.nc())});
  return m.versions.back();
}

// A wide cell: "P", "P | tekst", "P: tekst", "gedeeltelijk parallel", or only text.
void parse_wide_cell(const std::string& raw, const core::FieldSpec* classification, Cell& c) {
  std::string code = raw, text;
  size_t bar = raw.find('|');
  if (bar == std::string::npos) {
    size_t colon = raw.find(':');
    if (colon != std::string::npos && colon <= 4) bar = colon;
  }
  if (bar != std::string::npos) {
    code = raw.substr(0, bar);
    text = raw.substr(bar + 1);
  }
  auto trim = [](std::string& s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    s.erase(0, i);
  };
  trim(code);
  trim(text);
  State s;
  std::optional<std::string> found = classification ? classification->find_code(code) : std::nullopt;
  if (found && parse_state(*found, s)) {
    c.state = s;
    c.note = text;
  } else {
    c.state = State::EMPTY;
    c.note = raw;
    trim(c.note);
  }
}

void load_long(Model& m, const MappedDataset& ds, const Options&) {
  Reader r{ds};
  const core::MappedField* cls = ds.field("classification");
  std::set<std::pair<std::string, size_t>> seen;
  for (size_t i = 0; i < ds.rows(); ++i) {
    ++m.rows_in;
    const int64_t row = ds.row_number(i);
    if (!ds.used[i]) {
      m.flag("row_unusable", ds.file, row, "", "");
      continue;
    }
    const std::string form_name = r.text("support_form_id", i), char_id = r.text("characteristic_id", i);
    const int f = find_form(m, form_name), c = find_char(m, char_id, {});
    if (f < 0) {
      m.flag("unknown_form", ds.file, row, ds.field("support_form_id")->column_name, form_name);
      continue;
    }
    if (c < 0) {
      m.flag("unknown_row", ds.file, row, ds.field("characteristic_id")->column_name, char_id);
      continue;
    }
    std::string vname = r.text("version", i);
    if (vname.empty()) vname = ds.file;
    Coding& v = version(m, vname);
    const size_t idx = static_cast<size_t>(f) * m.nc() + static_cast<size_t>(c);
    if (!seen.insert({vname, idx}).second) {
      m.flag("duplicate_cell", ds.file, row, ds.field("characteristic_id")->column_name,
             m.forms[f].id + "|" + m.chars[c].id);
      continue;
    }
    Cell& cell = v.cells[idx];
    cell.present = true;
    cell.file = ds.file;
    cell.row = row;
    cell.state = State::EMPTY;
    if (cls && cls->mapped()) {
      if (cls->kind[i] == CellKind::Value) {
        State s;
        if (parse_state(cls->values[static_cast<size_t>(cls->value[i])], s)) cell.state = s;
      } else if (cls->kind[i] == CellKind::Invalid) {
        m.flag("unknown_code", ds.file, row, cls->column_name, ds.text(*cls, i));
      }
    }
    cell.origin = r.raw("classification_origin", i);
    if (cell.origin == "fictief") m.fictitious = true;
    cell.text_style = r.text("text_style", i);
    cell.note = r.text("note_nl", i);
    cell.ref_type = r.text("cross_ref_type", i);
    cell.ref_target = r.text("cross_ref_target", i);
    cell.uncertain = r.yes_no("uncertain", i) == 1;
    cell.citations = r.text("citations", i);
    cell.num_min = r.number("numeric_min", i);
    cell.num_max = r.number("numeric_max", i);
    cell.unit = r.text("numeric_unit", i);
    ++m.rows_used;
  }
}

void load_wide(Model& m, const MappedDataset& ds) {
  Reader r{ds};
  const core::FieldSpec* cls = ds.schema ? ds.schema->field("classification") : nullptr;
  Coding& v = version(m, ds.file);
  std::vector<std::pair<int, const core::MappedField*>> columns;  // form index, field
  for (const auto& f : ds.fields) {
    if (!f.mapped() || f.spec->id.rfind("form.", 0) != 0) continue;
    const int fi = find_form(m, f.spec->id.substr(5));
    if (fi < 0) continue;
    // A header naming two forms ("Brugfiguren Buddy's", two columns merged by a PDF copy) is never split or
    // guessed: the column is left out and said.
    const std::string header = " " + fold(f.column_name) + " ";
    int named = 0;
    for (const auto& form : m.forms)
      if (header.find(" " + fold(form.label) + " ") != std::string::npos) ++named;
    if (named >= 2) {
      m.flag("merged_form_header", ds.file, 1, f.column_name, f.column_name);
      continue;
    }
    columns.push_back({fi, &f});
  }
  // Columns that are neither a known form nor a dictionary column: said once, never guessed.
  std::set<int> mapped_cols;
  for (const auto& f : ds.fields)
    if (f.mapped()) mapped_cols.insert(f.column);
  for (size_t k = 0; k < ds.table->columns.size(); ++k)
    if (!mapped_cols.count(static_cast<int>(k)))
      m.flag("unknown_form_column", ds.file, 1, ds.table->columns[k].name, ds.table->columns[k].name);
  for (size_t i = 0; i < ds.rows(); ++i) {
    ++m.rows_in;
    const int64_t row = ds.row_number(i);
    const std::string id = r.text("characteristic_id", i), label = r.text("label_nl", i);
    const int c = find_char(m, id, label);
    if (c < 0) {
      bool empty = true;
      for (const auto& [fi, f] : columns) empty = empty && r.text(f->spec->id.c_str(), i).empty();
      if (id.empty() && label.empty() && empty) {
        m.flag("empty_row", ds.file, row, "", "");
      } else {
        m.flag("unknown_row", ds.file, row, ds.field(id.empty() ? "label_nl" : "characteristic_id")->column_name,
               id.empty() ? label : id);
      }
      continue;
    }
    for (const auto& [fi, f] : columns) {
      Cell& cell = v.cells[static_cast<size_t>(fi) * m.nc() + static_cast<size_t>(c)];
      const std::string raw = r.text(f->spec->id.c_str(), i);
      if (cell.present) continue;
      cell.present = true;
      cell.file = ds.file;
      cell.row = row;
      if (raw.empty()) continue;
      parse_wide_cell(raw, cls, cell);
      cell.origin = "manual";
    }
    ++m.rows_used;
  }
}

void apply_recodings(Model& m, const Options& o) {
  for (const auto& rc : o.recodings) {
    if (rc.name.empty()) continue;
    size_t base = 0;
    for (size_t k = 0; k < m.versions.size(); ++k)
      if (m.versions[k].name == rc.base) base = k;
    Coding v{rc.name, m.versions[base].cells};
    for (const auto& [key, code] : rc.cells) {
      const size_t bar = key.find('|');
      if (bar == std::string::npos) continue;
      const int f = m.form_index(key.substr(0, bar)), c = m.char_index(key.substr(bar + 1));
      State s;
      if (f < 0 || c < 0 || !parse_state(code, s)) continue;
      Cell& cell = v.cells[static_cast<size_t>(f) * m.nc() + static_cast<size_t>(c)];
      cell.state = s;
      cell.origin = "manual";
      cell.recoded = true;
    }
    bool replaced = false;
    for (auto& existing : m.versions)
      if (existing.name == rc.name) {
        existing = v;
        replaced = true;
      }
    if (!replaced) m.versions.push_back(std::move(v));
  }
}

}  // namespace

int Model::char_index(const std::string& id) const {
  for (size_t i = 0; i < chars.size(); ++i)
    if (chars[i].id == id) return static_cast<int>(i);
  return -1;
}

int Model::form_index(const std::string& id) const {
  for (size_t i = 0; i < forms.size(); ++i)
    if (forms[i].id == id) return static_cast<int>(i);
  return -1;
}

const LegendEntry* Model::legend_entry(State s) const {
  for (const auto& e : legend)
    if (e.code == state_code(s)) return &e;
  return nullptr;
}

void Model::flag(const std::string& rule, const std::string& file, int64_t row, const std::string& column,
                 const std::string& value) {
  bool found = false;
  for (auto& r : rules)
    if (r.id == rule) {
      ++r.n;
      found = true;
    }
  if (!found) rules.push_back({rule, 1});
  if (flags.size() < 2000) flags.push_back(Flag{file, row, column, value, rule});
}

void resolve_references(Model& m);   // refs.cpp
void check_quality(Model& m);        // refs.cpp
void select(Model& m, const Options& o);  // refs.cpp

Model build_model(const Inputs& in, const Options& o) {
  Model m;
  load_dictionary(m, in);
  if (in.cells) {
    m.cells_file = in.cells->file;
    m.wide = in.cells->mapping.kind == "wide";
    if (m.wide) load_wide(m, *in.cells);
    else load_long(m, *in.cells, o);
    m.rows_flagged = m.rows_in - m.rows_used;
  }
  // A later version that lists only some cells overrides the first one there and keeps the rest.
  for (size_t k = 1; k < m.versions.size(); ++k)
    for (size_t i = 0; i < m.versions[k].cells.size(); ++i)
      if (!m.versions[k].cells[i].present) m.versions[k].cells[i] = m.versions[0].cells[i];
  if (m.versions.empty()) m.versions.push_back({m.cells_file, std::vector<Cell>(m.nf() * m.nc())});
  apply_recodings(m, o);
  resolve_references(m);
  check_quality(m);
  select(m, o);
  m.active = 0;
  for (size_t k = 0; k < m.versions.size(); ++k)
    if (m.versions[k].name == o.active) m.active = k;
  m.other = m.versions.size() > 1 ? (m.active == 0 ? 1 : 0) : m.active;
  for (size_t k = 0; k < m.versions.size(); ++k)
    if (k != m.active && m.versions[k].name == o.compare_with) m.other = k;
  return m;
}

}  // namespace zicht::analysis::matrix::detail
