// Datakwaliteit: every cell the reader flagged, with file, original row, column, value and rule.
#include "ui/app.h"

namespace zicht::ui {

void draw_quality_page(PageContext& ctx) {
  ImGui::PushFont(ctx.fonts.large);
  ImGui::TextUnformatted(ctx.tr("quality.title").c_str());
  ImGui::PopFont();
  int64_t total = 0;
  for (const auto& f : ctx.workspace.files()) total += f.result.report.flags_total;
  if (total == 0) {
    ImGui::TextWrapped("%s", ctx.tr("quality.none").c_str());
    return;
  }
  for (const auto& f : ctx.workspace.files()) {
    const auto& r = f.result.report;
    if (r.flags_total == 0) continue;
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::TextUnformatted(f.name.c_str());
    ImGui::PopFont();
    for (const auto& [rule, n] : r.flags_by_rule)
      ImGui::BulletText("%s: %lld", ctx.tr(("rule." + rule).c_str()).c_str(), static_cast<long long>(n));
    if (static_cast<int64_t>(r.flags.size()) < r.flags_total)
      ImGui::TextDisabled("%s", i18n::format(ctx.tr("quality.truncated"),
                                             {std::to_string(r.flags.size()), std::to_string(r.flags_total)})
                                    .c_str());
    ImGui::PushID(f.name.c_str());
    if (ImGui::BeginTable("##flags", 4,
                          ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                              ImGuiTableFlags_SizingStretchProp,
                          ImVec2(0, std::min(360.0f, ImGui::GetTextLineHeightWithSpacing() *
                                                         (static_cast<float>(r.flags.size()) + 2.5f))))) {
      ImGui::TableSetupScrollFreeze(0, 1);
      for (const char* key : {"quality.col_row", "quality.col_column", "quality.col_value", "quality.col_rule"})
        ImGui::TableSetupColumn(ctx.tr(key).c_str());
      ImGui::TableHeadersRow();
      ImGuiListClipper clip;
      clip.Begin(static_cast<int>(r.flags.size()));
      while (clip.Step()) {
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
          const auto& fl = r.flags[static_cast<size_t>(i)];
          ImGui::TableNextRow();
          ImGui::TableNextColumn();
          ImGui::Text("%lld", static_cast<long long>(fl.row));
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(fl.column.c_str());
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(fl.value.c_str());
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(ctx.tr(("rule." + fl.rule).c_str()).c_str());
        }
      }
      ImGui::EndTable();
    }
    ImGui::PopID();
  }
}

}  // namespace zicht::ui
