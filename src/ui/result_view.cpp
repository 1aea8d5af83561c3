#include "ui/result_view.h"

#include <cmath>

#include "imgui.h"
#include "platform/platform.h"
#include "report/chart.h"
#include "report/csv_export.h"
#include "report/format.h"
#include "ui/charts/draw.h"
#include "ui/charts/export.h"

namespace zicht::ui {

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
  report::charts::Scene scene;
  report::charts::Style style =
      ctx.theme == Theme::dark ? report::charts::Style::dark_theme() : report::charts::Style::light();
  style.lang = ctx.lang;
  style.font = 14;
  if (ctx.presentation) style = style.scaled_for_presentation();
  const float w = std::floor(std::min(ImGui::GetContentRegionAvail().x, ctx.presentation ? 1200.0f : 900.0f));
  const float h = std::max(240.0f, std::min(380.0f, w * 0.45f)) * (ctx.presentation ? 1.3f : 1.0f);
  if (report::charts::chart_for_result(r, ctx.lang, w, h, style, scene)) {
    ImGui::Spacing();
    charts::export_buttons(scene, style, r.id, ctx.lang, [&](const std::string& suffix) { ctx.anchor(r.id + ".chart" + suffix); });
    charts::draw_scene(scene, style);
    ctx.anchor(r.id + ".chart");
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
