// The matrix page's own view of matrix.heatmap: the heat map as a grid with the characteristic column frozen (the
// sheet's frozen columns), groups that fold, the class colours with NFD and UNC hatched, the permanent "De
// kleurcodes zijn indicatief" banner, a cell's detail (its verbatim text, the resolved cross-reference, the TO text
// of its row) and recoding with one click into a named workshop version kept in the werkmap, with undo. It draws
// the result's cells table; every number and state comes from the analysis.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "analysis/matrix.h"
#include "imgui.h"
#include "report/palette.h"
#include "ui/charts/draw.h"
#include "ui/controls/controls.h"
#include "ui/controls/kit.h"
#include "ui/result_view.h"

namespace zicht::ui::controls {

namespace {

namespace mx = analysis::matrix;

struct GridRow {
  bool header = false;
  std::string group, id, label;
  size_t first_cell = 0;  // index of this row's first cell in the cells table
  int count = 0;          // header: rows in the group
};

// A state as the result's legend table says it: code, label (both languages) and the colour it is drawn in.
struct LegendEntry {
  std::string code, key;
  analysis::Value label;
};

struct Grid {
  const analysis::Result* result = nullptr;
  std::vector<LegendEntry> legend;
  uint64_t generation = ~uint64_t(0);
  std::vector<std::pair<std::string, std::string>> forms;  // id, label (in cell order)
  std::vector<GridRow> rows;                                // headers and rows (all groups)
  std::map<std::string, std::string> to_text, to_sources;  // per characteristic id
  int c_class = -1, c_label = -1, c_note = -1, c_ref = -1, c_ref_text = -1, c_problem = -1, c_uncertain = -1,
      c_origin = -1, c_recoded = -1, c_citations = -1;
};

const analysis::Table* table(const analysis::Result& r, const char* id) {
  for (const auto& t : r.tables)
    if (t.id == id) return &t;
  return nullptr;
}

const Grid& grid_of(const analysis::Result& r) {
  static Grid g;
  if (g.result == &r && g.generation == results_generation()) return g;
  g = Grid{};
  g.result = &r;
  g.generation = results_generation();
  const analysis::Table* cells = table(r, "cells");
  const analysis::Table* rows = table(r, "rows");
  const analysis::Table* forms = table(r, "forms");
  const analysis::Table* legend = table(r, "legend");
  if (!cells || !rows || !forms || !legend) return g;
  for (const auto& l : legend->rows) g.legend.push_back({l[0].s, l[2].s, l[1]});
  for (const auto& f : forms->rows) g.forms.push_back({f[0].s, f[1].s});
  const int to = rows->column_index("to_text"), src = rows->column_index("to_sources");
  for (const auto& row : rows->rows) {
    g.to_text[row[0].s] = row[static_cast<size_t>(to)].s;
    g.to_sources[row[0].s] = row[static_cast<size_t>(src)].s;
  }
  g.c_class = cells->column_index("class");
  g.c_label = cells->column_index("class_label");
  g.c_note = cells->column_index("note");
  g.c_ref = cells->column_index("reference");
  g.c_ref_text = cells->column_index("reference_text");
  g.c_problem = cells->column_index("reference_problem");
  g.c_uncertain = cells->column_index("uncertain");
  g.c_origin = cells->column_index("origin");
  g.c_recoded = cells->column_index("recoded");
  g.c_citations = cells->column_index("citations");
  const size_t nf = g.forms.size();
  if (nf == 0) return g;
  for (size_t i = 0; i + nf <= cells->rows.size(); i += nf) {
    const auto& c = cells->rows[i];
    if (g.rows.empty() || g.rows.back().group != c[2].s) {
      GridRow h;
      h.header = true;
      h.group = c[2].s;
      g.rows.push_back(h);
    }
    size_t header = g.rows.size();
    while (header > 0 && !g.rows[header - 1].header) --header;
    ++g.rows[header - 1].count;
    g.rows.push_back({false, c[2].s, c[0].s, c[1].s, i, 0});
  }
  return g;
}

ImU32 to_u32(report::charts::Rgba c) { return IM_COL32(c.r, c.g, c.b, c.a); }

report::charts::Style style_of(const ResultViewContext& rv) {
  report::charts::Style s = rv.theme == Theme::dark ? report::charts::Style::dark_theme() : report::charts::Style::light();
  if (rv.presentation) s = s.scaled_for_presentation();
  return s;
}

const LegendEntry* legend_entry(const Grid& g, const std::string& code) {
  for (const auto& e : g.legend)
    if (e.code == code) return &e;
  return nullptr;
}

// The colour the result's legend names for a state (a user's "#rrggbb" or the palette's class key), read the way
// the report reads it, so the grid and the chart agree. An empty cell shows the page.
ImU32 class_colour(const Grid& g, const std::string& code, const report::charts::Style& s) {
  report::charts::Rgba c;
  const LegendEntry* e = legend_entry(g, code);
  if (code == "EMPTY" || !e || !report::charts::named_colour(e->key, s, c)) return ImGui::GetColorU32(ImGuiCol_WindowBg);
  return to_u32(c);
}

bool hatched(const Grid& g, const std::string& code) {
  const LegendEntry* e = legend_entry(g, code);
  const report::charts::Fill f = e ? report::charts::semantic_fill(e->key) : report::charts::Fill::solid;
  return f == report::charts::Fill::hatch || f == report::charts::Fill::hatch_outline;
}

ImU32 text_on(ImU32 bg) {
  const float r = float(bg & 255) / 255.f, g = float((bg >> 8) & 255) / 255.f, b = float((bg >> 16) & 255) / 255.f;
  return 0.2126f * r + 0.7152f * g + 0.0722f * b > 0.45f ? IM_COL32(20, 20, 20, 255) : IM_COL32(250, 250, 250, 255);
}

void hatch(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col) {
  dl->PushClipRect(a, b, true);
  const float step = 6.f;
  for (float x = a.x - (b.y - a.y); x < b.x; x += step)
    dl->AddLine(ImVec2(x, b.y), ImVec2(x + (b.y - a.y), a.y), col, 1.f);
  dl->PopClipRect();
}

struct Selection {
  std::string form, characteristic;
};
Selection g_selected;
bool g_open_detail = false;  // a cell was clicked this frame: its detail opens as a popup at the pointer
std::set<std::string> g_collapsed;
bool g_show_to = false;
struct Undo {
  std::string version, key;
  bool had = false;
  std::string previous;
};
std::vector<Undo> g_undo;

void legend_line(const ResultViewContext& rv, const Grid& g, const report::charts::Style& s) {
  const float h = ImGui::GetTextLineHeight();
  for (size_t i = 0; i < g.legend.size(); ++i) {
    const LegendEntry& e = g.legend[i];
    const std::string text = e.code + " " + tr(rv, ("matrix.state." + e.code).c_str());  // the short name
    if (i > 0) {
      ImGui::SameLine(0, h);
      if (ImGui::GetContentRegionAvail().x < h * 2.2f + ImGui::CalcTextSize(text.c_str()).x) ImGui::NewLine();
    }
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 c = class_colour(g, e.code, s);
    dl->AddRectFilled(p, ImVec2(p.x + h * 1.6f, p.y + h), c);
    if (hatched(g, e.code)) hatch(dl, p, ImVec2(p.x + h * 1.6f, p.y + h), text_on(c));
    dl->AddRect(p, ImVec2(p.x + h * 1.6f, p.y + h), ImGui::GetColorU32(ImGuiCol_Border));
    ImGui::Dummy(ImVec2(h * 1.6f, h));
    ImGui::SameLine();
    ImGui::TextUnformatted(text.c_str());
    rv.anchor("matrix.legend." + e.code);
  }
}

// Recodes one cell into the workshop version (made from the analysed version when that is not a recoding yet).
void recode(session::Session& s, const std::string& form, const std::string& ch, const std::string& code,
            const std::vector<std::string>& versions, const ResultViewContext& rv) {
  mx::Options o = options<mx::Options>(s);
  std::string active = o.active.empty() && !versions.empty() ? versions.front() : o.active;
  if (!o.recoding(active)) {
    std::string name = tr(rv, "matrix.page.workshop_name");
    for (int k = 2; std::find(versions.begin(), versions.end(), name) != versions.end(); ++k)
      name = tr(rv, "matrix.page.workshop_name") + " " + std::to_string(k);
    o.recoding_for_edit(name, active);
    o.compare_with = active;
    active = name;
    o.active = name;
  }
  mx::Recoding& r = o.recoding_for_edit(active, {});
  const std::string key = form + "|" + ch;
  auto it = r.cells.find(key);
  g_undo.push_back({active, key, it != r.cells.end(), it != r.cells.end() ? it->second : std::string()});
  r.cells[key] = code;
  store(s, o);
}

void undo_last(session::Session& s) {
  if (g_undo.empty()) return;
  const Undo u = g_undo.back();
  g_undo.pop_back();
  mx::Options o = options<mx::Options>(s);
  mx::Recoding* r = nullptr;
  for (auto& x : o.recodings)
    if (x.name == u.version) r = &x;
  if (!r) return;
  if (u.had) r->cells[u.key] = u.previous;
  else r->cells.erase(u.key);
  store(s, o);
}

void detail(const ProfilePageArgs& a, const Grid& g, const analysis::Table& cells,
            const report::charts::Style& s, const std::vector<std::string>& versions) {
  const ResultViewContext& rv = a.rv;
  size_t f = 0;
  while (f < g.forms.size() && g.forms[f].first != g_selected.form) ++f;
  const GridRow* row = nullptr;
  for (const auto& r : g.rows)
    if (!r.header && r.id == g_selected.characteristic) row = &r;
  if (!row || f == g.forms.size()) {
    ImGui::TextWrapped("%s", tr(rv, "matrix.page.pick_cell").c_str());
    return;
  }
  const auto& c = cells.rows[row->first_cell + f];
  auto cell = [&](int col) -> const std::string& { return c[static_cast<size_t>(col)].text_in(rv.lang); };
  ImGui::PushFont(rv.fonts.bold);
  ImGui::TextWrapped("%s · %s %s", g.forms[f].second.c_str(), row->id.c_str(), row->label.c_str());
  ImGui::PopFont();
  rv.anchor("matrix.detail.title");
  ImGui::TextWrapped("%s: %s (%s)", tr(rv, "matrix.col.class_label").c_str(), cell(g.c_label).c_str(),
                     cell(g.c_class).c_str());
  rv.anchor("matrix.detail.class");
  if (!cell(g.c_note).empty()) ImGui::TextWrapped("%s: %s", tr(rv, "matrix.col.note").c_str(), cell(g.c_note).c_str());
  if (!cell(g.c_ref).empty()) {
    ImGui::TextWrapped("%s %s: %s", tr(rv, "matrix.col.reference").c_str(), cell(g.c_ref).c_str(),
                       cell(g.c_ref_text).empty() ? "—" : cell(g.c_ref_text).c_str());
    rv.anchor("matrix.detail.reference");
  }
  if (!cell(g.c_problem).empty())
    ImGui::TextWrapped("%s: %s", tr(rv, "matrix.col.reference_problem").c_str(),
                       tr(rv, ("matrix.rule.reference_" + cell(g.c_problem)).c_str()).c_str());
  if (!cell(g.c_citations).empty())
    ImGui::TextWrapped("%s: %s", tr(rv, "matrix.col.citations").c_str(), cell(g.c_citations).c_str());
  ImGui::TextWrapped("%s: %s · %s: %s · %s: %s", tr(rv, "matrix.col.origin").c_str(), cell(g.c_origin).c_str(),
                     tr(rv, "matrix.col.uncertain").c_str(), cell(g.c_uncertain).c_str(),
                     tr(rv, "matrix.col.recoded").c_str(), cell(g.c_recoded).c_str());
  auto to = g.to_text.find(row->id);
  if (to != g.to_text.end() && !to->second.empty())
    ImGui::TextWrapped("%s (%s): %s", tr(rv, "matrix.col.to_text").c_str(), g.to_sources.at(row->id).c_str(),
                       to->second.c_str());
  ImGui::Spacing();
  ImGui::TextUnformatted(tr(rv, "matrix.page.recode").c_str());
  for (const LegendEntry& e : g.legend) {
    const std::string& code = e.code;
    // Next to the previous button while it fits, else on a new line (the popup has a fixed width).
    const float w = ImGui::CalcTextSize(code.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
    const ImU32 bg = class_colour(g, code, s);
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(bg));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(text_on(bg)));
    if (ImGui::Button(code.c_str())) {
      if (code != cell(g.c_class)) recode(a.workspace, g_selected.form, g_selected.characteristic, code, versions, rv);
      ImGui::CloseCurrentPopup();  // the grid shows the new class at once (marked *)
    }
    ImGui::PopStyleColor(2);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(rv, ("matrix.state." + code).c_str()).c_str());
    rv.anchor("matrix.recode." + code);
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(g_undo.empty());
  if (ImGui::Button(tr(rv, "matrix.page.undo").c_str())) undo_last(a.workspace);
  ImGui::EndDisabled();
  rv.anchor("matrix.recode.undo");
}

}  // namespace

// Shared with matrix.cpp (the version picker).
const std::vector<std::string>& matrix_versions(const ProfilePageArgs& a);

bool matrix_result(const ProfilePageArgs& a, const analysis::Result& r) {
  if (r.id != "matrix.heatmap") return false;
  const ResultViewContext& rv = a.rv;
  const Grid& g = grid_of(r);
  const analysis::Table* cells = table(r, "cells");
  if (!cells || g.forms.empty()) return false;
  const report::charts::Style s = style_of(rv);
  const std::vector<std::string>& versions = matrix_versions(a);
  // The banner, always, as one paragraph: the authors' own caveat ("De kleurcodes zijn indicatief.") and, on the
  // demo, that the codes are fictitious. Other notes follow in plain text (not while presenting).
  static const std::string fictitious = analysis::Text::key("matrix.note.fictitious").nl;
  std::string banner, other;
  for (size_t i = 0; i < r.notes.size(); ++i) {
    std::string& to = i == 0 || r.notes[i].nl == fictitious ? banner : other;
    to += (to.empty() ? "" : " ") + r.notes[i].in(rv.lang);
  }
  ImGui::PushStyleColor(ImGuiCol_Text, palette(rv.theme).warning);
  ImGui::PushFont(rv.fonts.bold);
  ImGui::TextWrapped("%s", banner.c_str());
  ImGui::PopFont();
  ImGui::PopStyleColor();
  rv.anchor("matrix.banner");
  if (!other.empty() && !rv.presentation) ImGui::TextWrapped("%s", other.c_str());
  legend_line(rv, g, s);
  ImGui::Checkbox(tr(rv, "matrix.page.show_to").c_str(), &g_show_to);
  rv.anchor("matrix.show_to");
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(rv, "matrix.page.fold_all").c_str()))
    for (const auto& row : g.rows)
      if (row.header) g_collapsed.insert(row.group);
  rv.anchor("matrix.fold_all");
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(rv, "matrix.page.unfold_all").c_str())) g_collapsed.clear();
  rv.anchor("matrix.unfold_all");
  if (!g_undo.empty()) {
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(rv, "matrix.page.undo").c_str())) undo_last(a.workspace);
    rv.anchor("matrix.undo");
  }
  ImGui::SameLine(0, ImGui::GetTextLineHeight() * 1.5f);
  ImGui::TextDisabled("%s", tr(rv, "matrix.page.pick_cell").c_str());

  const float line = ImGui::GetTextLineHeight();
  const float cell_w = line * 2.9f, label_w = line * (rv.presentation ? 14.f : 20.f), to_w = line * 22.f;
  const int ncols = 1 + (g_show_to ? 1 : 0) + static_cast<int>(g.forms.size());
  std::vector<const GridRow*> shown;
  for (const auto& row : g.rows)
    if (row.header || !g_collapsed.count(row.group)) shown.push_back(&row);
  const float height = std::min(line * 1.6f * (static_cast<float>(shown.size()) + 4.f), line * 1.6f * 24.f);
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInner |
                                ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("##matrix", ncols, flags, ImVec2(0, height))) {
    ImGui::TableSetupScrollFreeze(1 + (g_show_to ? 1 : 0), 1);
    ImGui::TableSetupColumn(tr(rv, "matrix.col.characteristic").c_str(), ImGuiTableColumnFlags_WidthFixed, label_w);
    if (g_show_to) ImGui::TableSetupColumn(tr(rv, "matrix.col.to_text").c_str(), ImGuiTableColumnFlags_WidthFixed, to_w);
    for (const auto& f : g.forms) ImGui::TableSetupColumn(f.second.c_str(), ImGuiTableColumnFlags_WidthFixed, cell_w);
    // Header: the form names turned upright (reading upwards), so all 24 columns fit side by side.
    float header_h = line * 2;
    for (const auto& f : g.forms) header_h = std::max(header_h, ImGui::CalcTextSize(f.second.c_str()).x + line);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers, header_h);
    const int first_form = ncols - static_cast<int>(g.forms.size());
    for (int col = 0; col < ncols; ++col) {
      if (!ImGui::TableSetColumnIndex(col)) continue;
      const char* name = ImGui::TableGetColumnName(col);
      if (col < first_form) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + header_h - line * 1.4f);
        ImGui::TextUnformatted(name);
        continue;
      }
      const ImVec2 p0 = ImGui::GetCursorScreenPos();
      const float w = ImGui::GetColumnWidth();
      ImGui::Dummy(ImVec2(w, header_h - line * 0.4f));
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", name);
      const ImVec2 pivot(p0.x + w / 2, p0.y + header_h - line * 0.6f);
      charts::rotated_text(ImGui::GetWindowDrawList(), ImGui::GetFont(), ImGui::GetFontSize(), pivot,
                           ImVec2(pivot.x, pivot.y - line / 2), ImGui::GetColorU32(ImGuiCol_Text), name, -90.f);
      rv.anchor("matrix.form." + g.forms[static_cast<size_t>(col - first_form)].first);
    }
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(shown.size()));
    while (clipper.Step())
      for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
        const GridRow& row = *shown[static_cast<size_t>(i)];
        ImGui::TableNextRow(0, line * 1.5f);
        ImGui::TableSetColumnIndex(0);
        if (row.header) {
          ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
          const bool folded = g_collapsed.count(row.group) > 0;
          ImGui::PushFont(rv.fonts.bold);
          const std::string label = std::string(folded ? "+ " : "− ") + row.group + " (" + std::to_string(row.count) + ")";
          if (ImGui::Selectable((label + "##g" + row.group).c_str(), false)) {
            if (folded) g_collapsed.erase(row.group);
            else g_collapsed.insert(row.group);
          }
          ImGui::PopFont();
          rv.anchor("matrix.group." + row.group);
          continue;
        }
        ImGui::TextUnformatted((row.id + "  " + row.label).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s %s", row.id.c_str(), row.label.c_str());
        rv.anchor("matrix.row." + row.id);
        if (g_show_to) {
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(g.to_text.count(row.id) ? g.to_text.at(row.id).c_str() : "");
        }
        for (size_t f = 0; f < g.forms.size(); ++f) {
          if (!ImGui::TableNextColumn()) continue;  // scrolled out of view
          const auto& c = cells->rows[row.first_cell + f];
          const std::string& code = c[static_cast<size_t>(g.c_class)].s;
          const ImU32 bg = class_colour(g, code, s);
          ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, bg);
          const ImVec2 p0 = ImGui::GetCursorScreenPos();
          const ImVec2 p1(p0.x + ImGui::GetColumnWidth(), p0.y + line * 1.5f);
          ImDrawList* dl = ImGui::GetWindowDrawList();
          if (hatched(g, code)) hatch(dl, ImVec2(p0.x - 4, p0.y - 2), ImVec2(p1.x + 4, p1.y), text_on(bg) & 0x80FFFFFF);
          std::string text = code == "EMPTY" ? "" : code;
          if (!c[static_cast<size_t>(g.c_ref)].s.empty()) text += " →";
          if (c[static_cast<size_t>(g.c_uncertain)].s == "ja") text += " ?";
          if (c[static_cast<size_t>(g.c_recoded)].s == "ja") text += " *";
          const bool selected = g_selected.form == g.forms[f].first && g_selected.characteristic == row.id;
          ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(text_on(bg)));
          ImGui::PushID(static_cast<int>(row.first_cell + f));
          if (ImGui::Selectable(text.empty() ? "##e" : text.c_str(), selected, 0, ImVec2(0, line * 1.2f))) {
            g_selected = {g.forms[f].first, row.id};
            g_open_detail = true;
          }
          ImGui::PopID();
          ImGui::PopStyleColor();
          if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s · %s\n%s", g.forms[f].second.c_str(), row.label.c_str(),
                              c[static_cast<size_t>(g.c_label)].text_in(rv.lang).c_str());
          if (selected) dl->AddRect(ImVec2(p0.x - 3, p0.y - 2), ImVec2(p1.x + 3, p1.y), text_on(bg), 0, 0, 2.5f);
          rv.anchor("matrix.cell." + g.forms[f].first + "." + row.id);
        }
      }
    ImGui::EndTable();
  }
  // The clicked cell's detail and its recoding, next to the pointer (where the facilitator is looking).
  if (g_open_detail) {
    ImGui::OpenPopup("matrix_cell");
    g_open_detail = false;
  }
  ImGui::SetNextWindowSize(ImVec2(line * (rv.presentation ? 30.f : 36.f), 0));
  if (ImGui::BeginPopup("matrix_cell")) {
    detail(a, g, *cells, s, versions);
    ImGui::EndPopup();
  }
  return true;
}

}  // namespace zicht::ui::controls
