#include "ui/theme.h"

namespace zicht::ui {
namespace {

ImVec4 rgb(int r, int g, int b, float a = 1.0f) { return ImVec4(r / 255.0f, g / 255.0f, b / 255.0f, a); }

Palette make_light() {
  Palette p{};
  p.background = rgb(244, 244, 241);
  p.panel = rgb(255, 255, 255);
  p.text = rgb(29, 37, 48);
  p.text_muted = rgb(92, 101, 114);
  p.accent = rgb(0, 94, 150);
  p.accent_soft = rgb(214, 230, 242);
  p.border = rgb(208, 212, 216);
  p.warning = rgb(166, 86, 0);
  p.good = rgb(0, 118, 84);
  return p;
}

Palette make_dark() {
  Palette p{};
  p.background = rgb(24, 27, 32);
  p.panel = rgb(33, 37, 44);
  p.text = rgb(230, 233, 237);
  p.text_muted = rgb(160, 168, 178);
  p.accent = rgb(102, 178, 230);
  p.accent_soft = rgb(40, 62, 84);
  p.border = rgb(64, 70, 80);
  p.warning = rgb(240, 170, 80);
  p.good = rgb(80, 200, 150);
  return p;
}

}  // namespace

const Palette& palette(Theme t) {
  static const Palette light = make_light();
  static const Palette dark = make_dark();
  return t == Theme::dark ? dark : light;
}

void apply_theme(Theme t, float scale) {
  const Palette& p = palette(t);
  ImGuiStyle style;
  if (t == Theme::dark)
    ImGui::StyleColorsDark(&style);
  else
    ImGui::StyleColorsLight(&style);
  style.WindowRounding = 0;
  style.ChildRounding = 4;
  style.FrameRounding = 4;
  style.PopupRounding = 4;
  style.GrabRounding = 4;
  style.TabRounding = 4;
  style.ScrollbarRounding = 6;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 1;
  // Input frames carry a border: an unticked checkbox or radio button on a white panel must still be seen.
  style.FrameBorderSize = 1;
  style.WindowPadding = ImVec2(16, 14);
  style.FramePadding = ImVec2(10, 6);
  style.ItemSpacing = ImVec2(10, 8);
  style.CellPadding = ImVec2(8, 5);
  style.ScrollbarSize = 14;

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = p.text;
  c[ImGuiCol_TextDisabled] = p.text_muted;
  c[ImGuiCol_WindowBg] = p.background;
  c[ImGuiCol_ChildBg] = p.panel;
  c[ImGuiCol_PopupBg] = p.panel;
  c[ImGuiCol_Border] = p.border;
  c[ImGuiCol_MenuBarBg] = p.panel;
  c[ImGuiCol_Header] = p.accent_soft;
  c[ImGuiCol_HeaderHovered] = p.accent_soft;
  c[ImGuiCol_HeaderActive] = p.accent_soft;
  // Ordinary buttons are quiet (soft fill, normal text); primary_button() draws the one main action in accent.
  c[ImGuiCol_Button] = p.accent_soft;
  c[ImGuiCol_ButtonHovered] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.35f);
  c[ImGuiCol_ButtonActive] = ImVec4(p.accent.x, p.accent.y, p.accent.z, 0.5f);
  c[ImGuiCol_CheckMark] = p.accent;
  c[ImGuiCol_FrameBg] = t == Theme::dark ? rgb(44, 50, 58) : rgb(238, 241, 244);
  c[ImGuiCol_FrameBgHovered] = p.accent_soft;
  c[ImGuiCol_FrameBgActive] = p.accent_soft;
  c[ImGuiCol_Border] = t == Theme::dark ? rgb(96, 104, 116) : rgb(150, 158, 168);
  c[ImGuiCol_PlotHistogram] = p.accent;
  c[ImGuiCol_TableHeaderBg] = p.accent_soft;
  c[ImGuiCol_TableBorderLight] = p.border;
  c[ImGuiCol_TableBorderStrong] = p.border;
  c[ImGuiCol_NavHighlight] = p.accent;
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

bool primary_button(Theme t, const char* label) {
  const Palette& p = palette(t);
  ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                        ImVec4(p.accent.x * 0.85f, p.accent.y * 0.85f, p.accent.z * 0.85f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(p.accent.x * 0.7f, p.accent.y * 0.7f, p.accent.z * 0.7f, 1));
  ImGui::PushStyleColor(ImGuiCol_Text, t == Theme::dark ? p.background : ImVec4(1, 1, 1, 1));
  const bool pressed = ImGui::Button(label);
  ImGui::PopStyleColor(4);
  return pressed;
}

}  // namespace zicht::ui
