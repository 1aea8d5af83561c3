// Regionaal overzicht: shareable aggregates of several organisations, merged (privacy/aggregate.h). Each file is
// listed with what it holds; the merged results are suppressed again with k. No record of any organisation is
// ever here: only their suppressed aggregates.
#include "ui/pages/page_region.h"

#include "imgui.h"
#include "privacy/aggregate.h"

namespace zicht::ui {

void draw_region_page(const RegionPageArgs& a, std::vector<const analysis::Result*>& on_screen) {
  const ResultViewContext& rv = a.rv;
  const auto tr = [&](const char* key) { return i18n::tr(key, rv.lang); };
  on_screen.clear();
  draw_page_title(tr("region.title"), tr("region.intro"), rv);
  ImGui::Spacing();
  if (a.workspace.aggregates().empty()) {
    ImGui::TextWrapped("%s", tr("region.empty").c_str());
    if (primary_button(rv.theme, tr("region.open").c_str()) && a.request_open_file) *a.request_open_file = true;
    rv.anchor("region.open");
    return;
  }
  int remove = -1;
  for (size_t i = 0; i < a.workspace.aggregates().size(); ++i) {
    const auto& f = a.workspace.aggregates()[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushFont(rv.fonts.bold);
    ImGui::TextUnformatted(f.name.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("region.remove").c_str())) remove = static_cast<int>(i);
    rv.anchor("region.remove." + std::to_string(i));
    ImGui::PushStyleColor(ImGuiCol_Text, palette(rv.theme).text_muted);
    for (const auto& line : privacy::describe_aggregate(f.doc, rv.lang)) ImGui::BulletText("%s", line.c_str());
    ImGui::PopStyleColor();
    ImGui::PopID();
  }
  if (remove >= 0) a.workspace.remove_aggregate(static_cast<size_t>(remove));
  ImGui::Separator();
  if (!a.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette(rv.theme).warning);
    ImGui::TextWrapped("%s", a.error.c_str());
    ImGui::PopStyleColor();
    return;
  }
  for (const auto& r : a.set.results) on_screen.push_back(&r);
  draw_report_actions(a.set, on_screen, rv, "region", "regio", a.actions);
  ImGui::Spacing();
  for (const auto* r : on_screen) {
    draw_result(*r, rv);
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
  }
}

}  // namespace zicht::ui
