#include "ui/charts/draw.h"

#include <cmath>

namespace zicht::ui::charts {
namespace {

using report::charts::Anchor;
using report::charts::Prim;

ImU32 col(report::charts::Rgba c) { return IM_COL32(c.r, c.g, c.b, c.a); }

// Text at a font size in CSS pixels (the atlas is rasterised at the screen's pixel ratio), anchored like SVG:
// (x, y) is the anchor point at the line's vertical middle; rotate in degrees, clockwise (SVG convention).
void draw_text(ImDrawList* dl, ImVec2 origin, const Prim& p) {
  ImFont* font = ImGui::GetFont();
  const float size = p.size;
  const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, p.text.c_str());
  float dx = 0;
  if (p.anchor == Anchor::middle) dx = -ts.x / 2;
  if (p.anchor == Anchor::end) dx = -ts.x;
  const ImVec2 pivot(origin.x + p.x0, origin.y + p.y0);
  const ImVec2 pos(pivot.x + dx, pivot.y - ts.y / 2);
  if (p.rotate == 0) {
    dl->AddText(font, size, pos, col(p.color), p.text.c_str());
    return;
  }
  rotated_text(dl, font, size, pivot, pos, col(p.color), p.text.c_str(), p.rotate);
}

}  // namespace

void rotated_text(ImDrawList* dl, ImFont* font, float size, ImVec2 pivot, ImVec2 pos, ImU32 colour, const char* text,
                  float degrees) {
  // AddText culls glyphs against the clip rectangle before we rotate them (a vertical axis title would lose its
  // start): render the glyphs unculled; the draw command keeps the current scissor for the rotated result.
  const int first = dl->VtxBuffer.Size;
  const ImVec4 everything(-1e6f, -1e6f, 1e6f, 1e6f);
  font->RenderText(dl, size, pos, colour, everything, text, nullptr, 0, false);
  const float a = degrees * 3.14159265f / 180.0f;
  const float c = std::cos(a), s = std::sin(a);
  for (int i = first; i < dl->VtxBuffer.Size; ++i) {
    ImVec2& v = dl->VtxBuffer[i].pos;
    const float x = v.x - pivot.x, y = v.y - pivot.y;
    v = ImVec2(pivot.x + x * c - y * s, pivot.y + x * s + y * c);
  }
}

void paint_scene(ImDrawList* dl, ImVec2 origin, const report::charts::Scene& scene,
                 const report::charts::Style& style, float rounding) {
  dl->AddRectFilled(origin, ImVec2(origin.x + scene.width, origin.y + scene.height), col(style.background), rounding);
  dl->PushClipRect(origin, ImVec2(origin.x + scene.width, origin.y + scene.height), true);
  std::vector<ImVec2> pts;
  for (const auto& p : scene.prims) {
    const ImVec2 a(origin.x + p.x0, origin.y + p.y0), b(origin.x + p.x1, origin.y + p.y1);
    switch (p.kind) {
      case Prim::Kind::rect:
        if (p.filled)
          dl->AddRectFilled(a, b, col(p.color));
        else
          dl->AddRect(a, b, col(p.color), 0, 0, p.width);
        break;
      case Prim::Kind::line: dl->AddLine(a, b, col(p.color), p.width); break;
      case Prim::Kind::polyline:
      case Prim::Kind::polygon:
        pts.clear();
        for (size_t i = 0; i + 1 < p.pts.size(); i += 2) pts.emplace_back(origin.x + p.pts[i], origin.y + p.pts[i + 1]);
        if (p.kind == Prim::Kind::polyline)
          dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col(p.color), 0, p.width);
        else
          // Step-shaped bands are not convex: fill as vertical strips between consecutive points.
          for (size_t i = 0; i + 1 < pts.size() / 2; ++i) {
            const ImVec2& u0 = pts[i];
            const ImVec2& u1 = pts[i + 1];
            const ImVec2& l0 = pts[pts.size() - 1 - i];
            const ImVec2& l1 = pts[pts.size() - 2 - i];
            dl->AddQuadFilled(u0, u1, l1, l0, col(p.color));
          }
        break;
      case Prim::Kind::circle: dl->AddCircleFilled(a, p.x1, col(p.color), 12); break;
      case Prim::Kind::text: draw_text(dl, origin, p); break;
    }
  }
  dl->PopClipRect();
}

void draw_scene(const report::charts::Scene& scene, const report::charts::Style& style) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  paint_scene(dl, origin, scene, style, 4);
  ImGui::InvisibleButton("##chart", ImVec2(scene.width, scene.height));
  if (ImGui::IsItemHovered()) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const float x = m.x - origin.x, y = m.y - origin.y;
    for (const auto& h : scene.hits) {
      if (x >= h.x0 && x <= h.x1 && y >= h.y0 && y <= h.y1) {
        dl->AddRect(ImVec2(origin.x + h.x0 - 1, origin.y + h.y0 - 1), ImVec2(origin.x + h.x1 + 1, origin.y + h.y1 + 1),
                    col(style.text), 0, 0, 2);
        ImGui::SetTooltip("%s", h.tip.c_str());
        break;
      }
    }
  }
}

}  // namespace zicht::ui::charts
