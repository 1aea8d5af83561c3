#pragma once
// Draws a chart Scene (report/chart.h) with ImDrawList at the cursor, with hover highlight and tooltips — the same
// layout the HTML report writes as SVG.
#include "imgui.h"
#include "report/chart.h"

namespace zicht::ui::charts {

// Paints the scene at origin (screen coordinates) into a draw list with the current font; no interaction.
void paint_scene(ImDrawList* dl, ImVec2 origin, const report::charts::Scene& scene,
                 const report::charts::Style& style, float rounding = 0);

// Text turned `degrees` clockwise (SVG convention) about `pivot`, its line's left middle at the pivot before turning:
// −90 reads bottom to top. Glyphs are laid out unculled and turned; the current clip rectangle clips the result.
void rotated_text(ImDrawList* dl, ImFont* font, float size, ImVec2 pivot, ImVec2 pos, ImU32 colour, const char* text,
                  float degrees);

// Reserves scene.width × scene.height at the cursor and draws the scene there.
void draw_scene(const report::charts::Scene& scene, const report::charts::Style& style);

}  // namespace zicht::ui::charts
