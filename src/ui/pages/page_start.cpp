// Start: what Zicht is, which files it reads, and how to open one.
#include "core/assets.h"
#include "platform/platform.h"
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
  // Templates: a header row and two fictitious example rows per export, which map without changes.
  ImGui::TextWrapped("%s", ctx.tr("start.templates").c_str());
  struct Template {
    const char* file;
    const char* label;
  };
  const Template templates[] = {{"sofs.csv", "start.template_sofs"},
                                {"binc_modules.csv", "start.template_binc_modules"},
                                {"binc_clients.csv", "start.template_binc_clients"}};
  for (const auto& t : templates) {
    if (ImGui::Button(ctx.tr(t.label).c_str())) {
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
