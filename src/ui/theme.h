#pragma once
// Colours and spacing of the app. Light by default (projectors), dark on request; both keep the same
// colour-blind-safe data palette (Okabe–Ito), adjusted for contrast on the background.
#include "imgui.h"

namespace zicht::ui {

enum class Theme { light, dark };

struct Palette {
  ImVec4 background, panel, text, text_muted, accent, accent_soft, border, warning, good;
  ImU32 series[8];
};

const Palette& palette(Theme t);
void apply_theme(Theme t, float scale);
// The page's main action, in the accent colour.
bool primary_button(Theme t, const char* label);

}  // namespace zicht::ui
