#include "ui/fonts.h"

#include <vector>

#include "core/glyphs.h"

namespace zicht::ui {
namespace {

// core/glyphs.h's ranges as ImGui wants them: pairs, zero-terminated. The atlas keeps the pointer until it is
// built, so the array lives as long as the program.
const ImWchar* glyph_ranges() {
  static const std::vector<ImWchar> r = [] {
    std::vector<ImWchar> v;
    for (const glyphs::Range& g : glyphs::ranges()) {
      v.push_back(static_cast<ImWchar>(g.first));
      v.push_back(static_cast<ImWchar>(g.last));
    }
    v.push_back(0);
    return v;
  }();
  return r.data();
}

// The base file of `weight`, then each fallback merged in for the code points the files before it lack.
ImFont* add_font(glyphs::Weight weight, float px) {
  ImGuiIO& io = ImGui::GetIO();
  ImFont* font = nullptr;
  for (const glyphs::FontFile& file : glyphs::font_files(weight)) {
    ImFontConfig cfg;
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    cfg.MergeMode = font != nullptr;
    ImFont* added = io.Fonts->AddFontFromFileTTF(file.app_path, px, &cfg, glyph_ranges());
    if (!font) {
      if (!added) return nullptr;  // no base font: do not merge fallbacks into someone else's
      font = added;
    }
  }
  return font;
}

}  // namespace

Fonts build_fonts(float base_px, float dpr) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  Fonts f;
  f.regular = add_font(glyphs::Weight::regular, base_px * dpr);
  f.bold = add_font(glyphs::Weight::bold, base_px * dpr);
  f.large = add_font(glyphs::Weight::bold, base_px * 1.9f * dpr);
  if (!f.regular) f.regular = io.Fonts->AddFontDefault();
  if (!f.bold) f.bold = f.regular;
  if (!f.large) f.large = f.bold;
  io.FontDefault = f.regular;
  io.FontGlobalScale = 1.0f / dpr;
  io.Fonts->Build();
  return f;
}

}  // namespace zicht::ui
