#include "ui/result_view.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "imgui.h"
#include "platform/platform.h"
#include "report/chart.h"
#include "report/csv_export.h"
#include "report/format.h"
#include "ui/charts/draw.h"
#include "ui/charts/export.h"

namespace zicht::ui {
namespace {

uint64_t g_generation = 0;

// One cached chart: the built view (depends on the result, language, theme, presentation, marks) and its scene
// at one width.
struct CachedView {
  uint64_t generation = ~uint64_t(0);
  i18n::Lang lang = i18n::Lang::nl;
  Theme theme = Theme::light;
  bool presentation = false;
  report::views::Marks marks;
  std::vector<report::views::Built> built;
  report::charts::Style style;
  float width = -1, room = -1;
  std::vector<report::charts::Scene> scenes;
  int picked = 0;  // the group picker's choice
};

std::map<std::pair<const void*, std::string>, CachedView>& cache() {
  static std::map<std::pair<const void*, std::string>, CachedView> c;
  return c;
}

CachedView& views_of(const analysis::Result& r, const ResultViewContext& ctx, float width, float room) {
  CachedView& c = cache()[{&ctx.provenance, r.id}];
  if (c.generation != g_generation || c.lang != ctx.lang || c.theme != ctx.theme ||
      c.presentation != ctx.presentation || !(c.marks == ctx.marks)) {
    c.generation = g_generation;
    c.lang = ctx.lang;
    c.theme = ctx.theme;
    c.presentation = ctx.presentation;
    c.marks = ctx.marks;
    c.style = ctx.theme == Theme::dark ? report::charts::Style::dark_theme() : report::charts::Style::light();
    c.style.lang = ctx.lang;
    c.style.font = 14;
    if (ctx.presentation) c.style = c.style.scaled_for_presentation();
    c.built = report::views::build(r, ctx.lang, ctx.marks, c.style);
    c.width = -1;
    if (c.picked >= static_cast<int>(c.built.size())) c.picked = 0;
  }
  if (c.width != width || c.room != room) {
    c.width = width;
    c.room = room;
    c.scenes.clear();
    for (const auto& b : c.built) {
      // A chart that needs more room than the reading width (b.wide) takes what the page has, up to that.
      const float w = b.wide > width ? std::floor(std::min(room, b.wide * (ctx.presentation ? 1.3f : 1.0f))) : width;
      c.scenes.push_back(report::views::layout(b, std::max(w, width), report::views::preferred_height(b, std::max(w, width), c.style), c.style));
    }
  }
  return c;
}

void draw_one(const analysis::Result& r, CachedView& c, size_t i, const ResultViewContext& ctx) {
  const auto& b = c.built[i];
  const std::string stem = r.id + (b.view_id == "main" ? "" : "." + b.view_id);
  if (!b.title.empty()) {
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(b.title.c_str());
    ImGui::PopFont();
  }
  charts::export_buttons(c.scenes[i], c.style, stem, ctx.lang,
                         [&](const std::string& suffix) { ctx.anchor(stem + ".chart" + suffix); });
  charts::draw_scene(c.scenes[i], c.style);
  ctx.anchor(stem + ".chart");
  ImGui::Spacing();
}

}  // namespace

void bump_results_generation() { ++g_generation; }
uint64_t results_generation() { return g_generation; }

void draw_result_table(const analysis::Result& r, const analysis::Table& t, const ResultViewContext& ctx) {
  const Palette& pal = palette(ctx.theme);
  ImGui::PushID(t.id.c_str());
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted(t.title.in(ctx.lang).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  if (ImGui::SmallButton(i18n::tr("result.copy", ctx.lang).c_str()))
    platform::copy_to_clipboard(report::table_tsv(t, ctx.lang));
  ctx.anchor(r.id + "." + t.id + ".copy");
  ImGui::SameLine();
  if (ImGui::SmallButton("CSV")) {
    const report::CsvOptions opt =
        ctx.lang == i18n::Lang::nl ? report::CsvOptions::excel_be() : report::CsvOptions{};
    const std::string csv = report::table_csv(r, t, ctx.provenance, ctx.lang, opt);
    platform::download(r.id + "." + t.id + ".csv", "text/csv;charset=utf-8", csv.data(), csv.size());
  }
  ctx.anchor(r.id + "." + t.id + ".csv");

  const int ncols = static_cast<int>(t.columns.size());
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY;
  const float row_h = ImGui::GetTextLineHeightWithSpacing() + 2;
  const float h = std::min(row_h * (static_cast<float>(t.rows.size()) + 1.6f), 420.0f);
  if (ncols > 0 && ImGui::BeginTable("##t", ncols, flags, ImVec2(0, h))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    for (const auto& c : t.columns) ImGui::TableSetupColumn(c.label.in(ctx.lang).c_str());
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(t.rows.size()));
    while (clip.Step()) {
      for (int ri = clip.DisplayStart; ri < clip.DisplayEnd; ++ri) {
        const auto& row = t.rows[static_cast<size_t>(ri)];
        ImGui::TableNextRow();
        for (int ci = 0; ci < ncols && ci < static_cast<int>(row.size()); ++ci) {
          ImGui::TableNextColumn();
          const auto& v = row[static_cast<size_t>(ci)];
          std::string text = report::format_value(v, t.columns[static_cast<size_t>(ci)].decimals, ctx.lang);
          if (text.size() > 200) text = text.substr(0, 200) + "…";
          if (v.is_number()) {  // right-aligned numbers
            const float w = ImGui::CalcTextSize(text.c_str()).x;
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetColumnWidth() - w));
          }
          if (v.kind == analysis::Value::Kind::missing) ImGui::PushStyleColor(ImGuiCol_Text, pal.text_muted);
          ImGui::TextUnformatted(text.c_str());
          if (v.kind == analysis::Value::Kind::missing) ImGui::PopStyleColor();
        }
      }
    }
    ImGui::EndTable();
  }
  ImGui::PopID();
}

void draw_result(const analysis::Result& r, const ResultViewContext& ctx) {
  const Palette& pal = palette(ctx.theme);
  ImGui::PushID(r.id.c_str());
  ImGui::PushFont(ctx.fonts.bold);
  ImGui::TextUnformatted(r.title.in(ctx.lang).c_str());
  ImGui::PopFont();
  ImGui::SameLine();
  ImGui::PushStyleColor(ImGuiCol_Text, pal.text_muted);
  ImGui::TextUnformatted(("(" + i18n::tr("report.unit", ctx.lang) + ": " + r.unit.in(ctx.lang) + ")").c_str());
  ImGui::PopStyleColor();
  if (!r.views.empty()) {
    const float room = std::floor(ImGui::GetContentRegionAvail().x);
    const float w = std::floor(std::min(room, ctx.presentation ? 1400.0f : 980.0f));
    CachedView& c = views_of(r, ctx, w, room);
    ImGui::Spacing();
    // Views of one group (Binc profile: one per characteristic) share the place of one chart, with a picker.
    for (size_t i = 0; i < c.built.size(); ++i) {
      const std::string& g = c.built[i].group;
      if (g.empty()) {
        draw_one(r, c, i, ctx);
        continue;
      }
      size_t end = i;
      while (end < c.built.size() && c.built[end].group == g) ++end;
      ImGui::SetNextItemWidth(std::min(420.0f, w));
      const int first = static_cast<int>(i);
      int pick = std::clamp(c.picked, 0, static_cast<int>(end - i) - 1);
      // The picker names what it picks: "chart.pick.<group>" when the strings have it ("Stemronde"), else
      // "Kenmerk" (Binc's characteristics).
      std::string pick_label = i18n::tr("chart.pick." + g, ctx.lang);
      if (pick_label == "chart.pick." + g) pick_label = i18n::tr("chart.pick", ctx.lang);
      if (ImGui::BeginCombo((pick_label + "###pick").c_str(),
                            c.built[i + static_cast<size_t>(pick)].title.c_str())) {
        for (size_t k = i; k < end; ++k)
          if (ImGui::Selectable(c.built[k].title.c_str(), static_cast<int>(k) - first == pick)) pick = static_cast<int>(k) - first;
        ImGui::EndCombo();
      }
      ctx.anchor(r.id + ".pick");
      c.picked = pick;
      draw_one(r, c, i + static_cast<size_t>(pick), ctx);
      i = end - 1;
    }
  }
  for (const auto& t : r.tables) {
    ImGui::Spacing();
    draw_result_table(r, t, ctx);
  }
  for (const auto& t : r.tests) ImGui::TextWrapped("%s", report::format_test(t, ctx.lang).c_str());
  if (!r.notes.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, pal.text_muted);
    for (const auto& n : r.notes) ImGui::TextWrapped("%s", n.in(ctx.lang).c_str());
    ImGui::PopStyleColor();
  }
  ImGui::PopID();
}

}  // namespace zicht::ui
