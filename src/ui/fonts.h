#pragma once
// The bundled fonts (Noto Sans from Debian's fonts-noto-core, with DejaVu Sans merged in for what Noto lacks —
// − ≥ ≤ → ≈; core/glyphs.h lists ranges and files), embedded at build time and rasterised at the screen's
// device pixel ratio, so text is crisp on HiDPI screens while layout stays in CSS pixels.
#include "imgui.h"

namespace zicht::ui {

struct Fonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
  ImFont* large = nullptr;  // headline figures
};

// Rebuilds the atlas for base_px CSS pixels at dpr; returns the fonts. The caller re-uploads the texture.
Fonts build_fonts(float base_px, float dpr);

}  // namespace zicht::ui
