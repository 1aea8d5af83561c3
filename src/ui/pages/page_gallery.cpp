// Ontwikkelaar → Grafiekengalerij: every chart type on fixed, fictitious data (report::charts::gallery), drawn with
// the same Scenes the HTML report writes as SVG, each with its PNG and SVG export.
#include <cmath>
#include <map>

#include "report/gallery.h"
#include "ui/app.h"
#include "ui/charts/draw.h"
#include "ui/charts/export.h"

namespace zicht::ui {
namespace {

struct GalleryCache {
  i18n::Lang lang = i18n::Lang::nl;
  bool built = false;
  int theme = -1;
  std::vector<report::charts::GalleryChart> charts;
  // Scenes are laid out once per width and style, not every frame.
  std::string key;
  std::vector<report::charts::Scene> scenes;
};

}  // namespace

void draw_gallery_page(PageContext& ctx) {
  static GalleryCache cache;
  // The charts that carry semantic colours (the phase ramp) are built for the theme they are shown in.
  report::charts::Style theme_style =
      ctx.theme == Theme::dark ? report::charts::Style::dark_theme() : report::charts::Style::light();
  theme_style.lang = ctx.lang;
  if (ctx.presentation) theme_style = theme_style.scaled_for_presentation();
  const int theme_key = (theme_style.dark ? 1 : 0) + (theme_style.presentation ? 2 : 0);
  if (!cache.built || cache.lang != ctx.lang || cache.theme != theme_key) {
    cache.charts = report::charts::gallery(ctx.lang, 20000, &theme_style);
    cache.lang = ctx.lang;
    cache.theme = theme_key;
    cache.built = true;
    cache.key.clear();
  }
  ImGui::PushFont(ctx.fonts.large);
  ImGui::TextUnformatted(ctx.tr("gallery.title").c_str());
  ImGui::PopFont();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(760.0f, ImGui::GetContentRegionAvail().x));
  ImGui::TextWrapped("%s", ctx.tr("gallery.intro").c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  // A table of contents: jump to a chart (scrolls it to the top of the page).
  static int jump_to = -1;
  ImGui::SetNextItemWidth(std::min(420.0f, ImGui::GetContentRegionAvail().x));
  if (ImGui::BeginCombo("##jump", ctx.tr("gallery.jump").c_str(), ImGuiComboFlags_HeightLargest)) {
    for (size_t i = 0; i < cache.charts.size(); ++i) {
      if (ImGui::Selectable(cache.charts[i].title.c_str())) jump_to = static_cast<int>(i);
      const std::string name = "gallery.jump." + cache.charts[i].id;
      ctx.anchor(name.c_str());
    }
    ImGui::EndCombo();
  }
  ctx.anchor("gallery.jump");
  // The charts scroll under the heading, so the list stays at hand.
  ImGui::BeginChild("##gallery_charts", ImVec2(0, 0), false);

  report::charts::Style style =
      ctx.theme == Theme::dark ? report::charts::Style::dark_theme() : report::charts::Style::light();
  style.lang = ctx.lang;
  style.font = 14;
  if (ctx.presentation) style = style.scaled_for_presentation();
  const float width = std::floor(std::max(320.0f, std::min(ImGui::GetContentRegionAvail().x - 4, 960.0f)));
  const std::string key = std::to_string(static_cast<int>(width)) + (style.dark ? "d" : "l") +
                          (style.presentation ? "p" : "") + std::string(i18n::code(ctx.lang));
  if (key != cache.key) {
    cache.scenes.clear();
    for (const auto& c : cache.charts)
      cache.scenes.push_back(report::charts::draw(c.spec, width, c.height * (style.presentation ? 1.3f : 1.0f), style));
    cache.key = key;
  }
  for (size_t i = 0; i < cache.charts.size(); ++i) {
    const auto& c = cache.charts[i];
    const auto& scene = cache.scenes[i];
    ImGui::PushID(c.id.c_str());
    ImGui::Spacing();
    if (jump_to == static_cast<int>(i)) {
      ImGui::SetScrollHereY(0.0f);
      jump_to = -1;
    }
    ImGui::PushFont(ctx.fonts.bold);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c.title.c_str());
    ImGui::PopFont();
    const std::string title_anchor = "gallery." + c.id + ".title";
    ctx.anchor(title_anchor.c_str());
    ImGui::SameLine(0, 16);
    charts::export_buttons(scene, style, "zicht-" + c.id, ctx.lang, [&](const std::string& suffix) {
      const std::string name = "gallery." + c.id + suffix;
      ctx.anchor(name.c_str());
    });
    charts::draw_scene(scene, style);
    const std::string chart_anchor = "gallery." + c.id;
    ctx.anchor(chart_anchor.c_str());
    ImGui::PopID();
  }
  // Room below the last chart, so "go to" can bring every chart to the top.
  ImGui::Dummy(ImVec2(1, std::max(0.0f, ImGui::GetWindowHeight() - 480.0f)));
  ImGui::EndChild();
}

}  // namespace zicht::ui
