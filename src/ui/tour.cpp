#include "ui/tour.h"

#include <algorithm>

#include "platform/platform.h"
#include "ui/anchors.h"

namespace zicht::ui {
namespace {

struct Step {
  const char* anchor;  // the widget the step points at
  const char* key;     // tour.<key>.title / tour.<key>.text
};
constexpr Step kStepList[Tour::kSteps] = {
    {"status.local", "local"}, {"nav.sofs.overzicht", "pages"}, {"menu.file", "open"},
    {"nav.explore", "numbers"}, {"menu.view", "view"},
};

}  // namespace

void Tour::init() {
  std::string v;
  step_ = platform::storage_get(kStorageKey, v) && v == "seen" ? -1 : 0;
}

void Tour::finish() {
  step_ = -1;
  if (remember_) platform::storage_set(kStorageKey, "seen");
}

void Tour::draw(std::map<std::string, ImVec4>& anchors, i18n::Lang lang, Theme theme, const Fonts& fonts) {
  if (step_ < 0) return;
  const Step& s = kStepList[step_];
  const Palette& pal = palette(theme);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const auto tr = [&](const std::string& key) -> const std::string& { return i18n::tr(key, lang); };

  // A ring around the widget the step is about.
  ImVec2 target(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y * 0.5f);
  auto it = anchors.find(s.anchor);
  if (it != anchors.end()) {
    const ImVec4 r = it->second;
    ImGui::GetForegroundDrawList()->AddRect(ImVec2(r.x - 4, r.y - 4), ImVec2(r.x + r.z + 4, r.y + r.w + 4),
                                            ImGui::ColorConvertFloat4ToU32(pal.accent), 6.0f, 0, 3.0f);
    target = ImVec2(r.x + r.z + 16, r.y);
  }
  const float w = std::min(400.0f, vp->Size.x - 40);
  // Beside the widget when there is room, else above it; always inside the window.
  ImVec2 pos = target;
  if (pos.x + w > vp->Pos.x + vp->Size.x - 20) pos.x = vp->Pos.x + vp->Size.x - 20 - w;
  const float est_h = 230;
  if (pos.y + est_h > vp->Pos.y + vp->Size.y - 20) pos.y = vp->Pos.y + vp->Size.y - 20 - est_h;
  pos.y = std::max(pos.y, vp->Pos.y + 40);
  ImGui::SetNextWindowPos(pos, ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, pal.background);
  ImGui::PushStyleColor(ImGuiCol_Border, pal.accent);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 14));
  ImGui::Begin("##tour", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
  ImGui::PushStyleColor(ImGuiCol_Text, pal.text_muted);
  ImGui::TextUnformatted(i18n::format(tr("tour.progress"), {std::to_string(step_ + 1), std::to_string(kSteps)}).c_str());
  ImGui::PopStyleColor();
  ImGui::PushFont(fonts.bold);
  ImGui::TextWrapped("%s", tr(std::string("tour.") + s.key + ".title").c_str());
  ImGui::PopFont();
  ImGui::TextWrapped("%s", tr(std::string("tour.") + s.key + ".text").c_str());
  ImGui::Spacing();
  ImGui::Checkbox(tr("tour.remember").c_str(), &remember_);
  record_anchor(anchors, "tour.remember");
  ImGui::Spacing();
  if (step_ > 0) {
    if (ImGui::Button(tr("tour.back").c_str())) --step_;
    record_anchor(anchors, "tour.back");
    ImGui::SameLine();
  }
  const bool last = step_ == kSteps - 1;
  if (primary_button(theme, tr(last ? "tour.done" : "tour.next").c_str())) {
    if (last) finish();
    else ++step_;
  }
  record_anchor(anchors, "tour.next");
  if (!last) {
    ImGui::SameLine();
    if (ImGui::Button(tr("tour.skip").c_str()) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) finish();
    record_anchor(anchors, "tour.skip");
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
}

}  // namespace zicht::ui
