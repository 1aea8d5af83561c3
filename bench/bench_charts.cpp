// Native benchmark of the chart kit: lays out every gallery chart over 1,000,000 underlying points (the long line
// series, the values behind the histogram, the subjects behind the Kaplan–Meier curves) and builds their ImGui
// draw lists — Dear ImGui without a renderer (font atlas built, NewFrame / draw / Render, draw data read back).
// Prints per-chart vertex counts and milliseconds per frame, for drawing cached scenes (what the app does every
// frame) and for laying out and drawing (what happens when the window is resized or the theme changes).
// Usage: bench_charts [points] [frames]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "imgui.h"
#include "report/gallery.h"
#include "ui/charts/draw.h"

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace zicht::report::charts;
  const size_t points = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
  const int frames = argc > 2 ? std::atoi(argv[2]) : 20;
  const float width = 900;

  auto t0 = std::chrono::steady_clock::now();
  const auto charts = gallery(zicht::i18n::Lang::nl, points);
  const double data_ms = ms_since(t0);
  const Style style = Style::light();

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  // Tall enough for the whole gallery: nothing is culled, every label is in the draw lists.
  io.DisplaySize = ImVec2(1920, 8000);
  io.DeltaTime = 1.0f / 60;
  const char* font = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
  if (!io.Fonts->AddFontFromFileTTF(font, 17.0f)) io.Fonts->AddFontDefault();
  unsigned char* pixels = nullptr;
  int tw = 0, th = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(1));

  std::vector<Scene> scenes;
  std::vector<size_t> vtx(charts.size(), 0);
  auto frame = [&](bool relayout) {
    if (relayout) {
      scenes.clear();
      for (const auto& c : charts) scenes.push_back(draw(c.spec, width, c.height, style));
    }
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("gallery", nullptr, ImGuiWindowFlags_NoDecoration);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (size_t i = 0; i < scenes.size(); ++i) {
      const int before = dl->VtxBuffer.Size;
      ImGui::PushID(static_cast<int>(i));
      zicht::ui::charts::draw_scene(scenes[i], style);
      ImGui::PopID();
      vtx[i] = static_cast<size_t>(dl->VtxBuffer.Size - before);
    }
    ImGui::End();
    ImGui::Render();
    return ImGui::GetDrawData()->TotalVtxCount;
  };

  frame(true);  // warm-up
  t0 = std::chrono::steady_clock::now();
  int total_vtx = 0;
  for (int f = 0; f < frames; ++f) total_vtx = frame(false);
  const double draw_ms = ms_since(t0) / frames;
  t0 = std::chrono::steady_clock::now();
  for (int f = 0; f < frames; ++f) frame(true);
  const double layout_ms = ms_since(t0) / frames;

  std::printf("Chart gallery over %zu underlying points (%zu charts, %.0f px wide)\n", points, charts.size(),
              static_cast<double>(width));
  std::printf("  %-24s %10s %10s\n", "chart", "prims", "vertices");
  size_t max_vtx = 0;
  for (size_t i = 0; i < charts.size(); ++i) {
    std::printf("  %-24s %10zu %10zu\n", charts[i].id.c_str(), scenes[i].prims.size(), vtx[i]);
    max_vtx = std::max(max_vtx, vtx[i]);
  }
  std::printf("  data generation (once)          %8.1f ms\n", data_ms);
  std::printf("  draw lists from laid-out scenes %8.2f ms/frame  (%d vertices in the frame, max %zu per chart)\n",
              draw_ms, total_vtx, max_vtx);
  std::printf("  layout + draw lists             %8.2f ms/frame\n", layout_ms);
  std::printf("  layout per chart:");
  for (const auto& c : charts) {
    t0 = std::chrono::steady_clock::now();
    for (int f = 0; f < 5; ++f) (void)draw(c.spec, width, c.height, style);
    std::printf(" %s %.2f ms%s", c.id.c_str(), ms_since(t0) / 5, &c == &charts.back() ? "\n" : ",");
  }
  ImGui::DestroyContext();
  return max_vtx <= 100000 ? 0 : 1;
}
