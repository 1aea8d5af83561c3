// Start: what Zicht is, which files it reads, and how to open one.
#include "ui/app.h"

namespace zicht::ui {

void draw_start_page(PageContext& ctx) {
  ImGui::PushFont(ctx.fonts.large);
  ImGui::TextUnformatted(ctx.tr("start.title").c_str());
  ImGui::PopFont();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(720.0f, ImGui::GetContentRegionAvail().x));
  ImGui::TextWrapped("%s", ctx.tr("start.intro").c_str());
  ImGui::Spacing();
  ImGui::TextWrapped("%s", ctx.tr("start.reads").c_str());
  ImGui::BulletText("%s", ctx.tr("start.reads_csv").c_str());
  ImGui::BulletText("%s", ctx.tr("start.reads_json").c_str());
  ImGui::BulletText("%s", ctx.tr("start.reads_not").c_str());
  ImGui::Spacing();
  if (primary_button(ctx.theme, ctx.tr("start.open").c_str())) *ctx.request_open_file = true;
  ctx.anchor("start.open");
  ImGui::SameLine();
  ImGui::TextDisabled("%s", ctx.tr("start.drop_hint").c_str());
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextWrapped("%s", ctx.tr("start.privacy").c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace zicht::ui
