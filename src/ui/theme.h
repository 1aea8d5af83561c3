#pragma once
// Colours and spacing of the app chrome. Light by default (projectors), dark on request. Chart colours (the
// colour-blind-safe Okabe–Ito palette) live in report/chart.h, shared by screen and SVG.
#include "imgui.h"

namespace zicht::ui {

enum class Theme { light, dark };

struct Palette {
  ImVec4 background, panel, text, text_muted, accent, accent_soft, border, warning, good;
};

const Palette& palette(Theme t);
void apply_theme(Theme t, float scale);
// The page's main action, in the accent colour.
bool primary_button(Theme t, const char* label);

}  // namespace zicht::ui
