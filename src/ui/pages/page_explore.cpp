#include "ui/pages/page_explore.h"

#include "ui/pages/page_kit.h"

#include "imgui.h"

namespace zicht::ui {

analysis::ResultSet subset(const analysis::ResultSet& set, const std::vector<const analysis::Result*>& results) {
  analysis::ResultSet out;
  out.provenance = set.provenance;
  for (const auto* r : results) out.results.push_back(*r);
  return out;
}

void draw_explore_page(const analysis::ResultSet& set, const ResultViewContext& ctx, ExplorePageState& state,
                       ReportActionsState& actions, std::vector<const analysis::Result*>& on_screen) {
  const auto tr = [&](const char* key) { return i18n::tr(key, ctx.lang); };
  on_screen.clear();
  ImGui::PushFont(ctx.fonts.large);
  ImGui::TextUnformatted(tr("explore.title").c_str());
  ImGui::PopFont();
  if (set.results.empty()) {
    ImGui::TextWrapped("%s", tr("explore.empty").c_str());
    return;
  }
  const analysis::Result* overview = set.find("verkennen.overview");
  std::vector<const analysis::Result*> columns;
  for (const auto& r : set.results)
    if (&r != overview) columns.push_back(&r);
  const analysis::Result* chosen = nullptr;
  for (const auto* r : columns)
    if (r->id == state.selected) chosen = r;
  if (!chosen && !columns.empty()) chosen = columns.front();
  if (overview) on_screen.push_back(overview);
  if (chosen) on_screen.push_back(chosen);

  // Page actions: reports render the same result objects as the screen.
  draw_report_actions(set, on_screen, ctx, "explore", "verkennen", actions);

  ImGui::Spacing();
  if (overview) {
    draw_result(*overview, ctx);
    ImGui::Spacing();
    ImGui::Separator();
  }
  if (!columns.empty()) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("explore.pick").c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(420.0f, ImGui::GetContentRegionAvail().x));
    if (ImGui::BeginCombo("##column", chosen->title.in(ctx.lang).c_str())) {
      for (const auto* r : columns) {
        if (ImGui::Selectable(r->title.in(ctx.lang).c_str(), r == chosen)) state.selected = r->id;
        ctx.anchor("explore.column." + r->id);
      }
      ImGui::EndCombo();
    }
    ctx.anchor("explore.column");
    ImGui::Spacing();
    draw_result(*chosen, ctx);
  }
}

}  // namespace zicht::ui
