#include "ui/fonts.h"

namespace zicht::ui {
namespace {

// Latin with diacritics (ë ï é ç ü), Greek (χ, η), punctuation (— … ‘ ’), arrows, ≤ ≥ and €.
const ImWchar kRanges[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x2000, 0x206F, 0x20AC, 0x20AC,
                           0x2190, 0x21FF, 0x2200, 0x22FF, 0x25A0, 0x25FF, 0};

}  // namespace

Fonts build_fonts(float base_px, float dpr) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig cfg;
  cfg.OversampleH = 1;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  Fonts f;
  f.regular = io.Fonts->AddFontFromFileTTF("/fonts/NotoSans-Regular.ttf", base_px * dpr, &cfg, kRanges);
  f.bold = io.Fonts->AddFontFromFileTTF("/fonts/NotoSans-Bold.ttf", base_px * dpr, &cfg, kRanges);
  f.large = io.Fonts->AddFontFromFileTTF("/fonts/NotoSans-Bold.ttf", base_px * 1.9f * dpr, &cfg, kRanges);
  if (!f.regular) f.regular = io.Fonts->AddFontDefault();
  if (!f.bold) f.bold = f.regular;
  if (!f.large) f.large = f.bold;
  io.FontDefault = f.regular;
  io.FontGlobalScale = 1.0f / dpr;
  io.Fonts->Build();
  return f;
}

}  // namespace zicht::ui
