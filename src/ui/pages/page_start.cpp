// Start: what Zicht is, which files it reads, and how to open one.
#include "core/assets.h"
#include "platform/platform.h"
#include "session/registry.h"
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
  // Bullet + wrapped text: BulletText does not wrap, and presentation mode's large type would cut the lines.
  for (const char* key : {"start.reads_csv", "start.reads_json", "start.reads_workbooks", "start.reads_stat"}) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", ctx.tr(key).c_str());
  }
  ImGui::Spacing();
  if (primary_button(ctx.theme, ctx.tr("start.open").c_str())) *ctx.request_open_file = true;
  ctx.anchor("start.open");
  ImGui::SameLine();
  ImGui::TextDisabled("%s", ctx.tr("start.drop_hint").c_str());
  ImGui::Spacing();
  // Templates: a header row and two fictitious example rows per export, which map without changes.
  ImGui::TextWrapped("%s", ctx.tr("start.templates").c_str());
  for (const auto& spec : session::profiles())
  for (const auto& t : spec.templates) {
    if (ImGui::Button(ctx.tr(t.title_key.c_str()).c_str())) {
      if (auto text = assets::find(std::string("templates/") + t.file))
        platform::download(std::string("zicht-sjabloon-") + t.file, "text/csv;charset=utf-8", text->data(), text->size());
    }
    ctx.anchor((std::string("start.template.") + t.file).c_str());
    ImGui::SameLine();
  }
  ImGui::NewLine();
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::TextWrapped("%s", ctx.tr("start.privacy").c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace zicht::ui
