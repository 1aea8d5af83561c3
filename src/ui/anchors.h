#pragma once
// Test anchors: the screen rectangle of the last ImGui item, recorded under a name and published in
// window.zichtState().anchors, so the browser tests click real widgets instead of guessed coordinates.
#include <map>
#include <string>

#include "imgui.h"

namespace zicht::ui {

using Anchors = std::map<std::string, ImVec4>;  // name → (x, y, width, height) in CSS pixels

inline void record_anchor(Anchors& anchors, const std::string& name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  anchors[name] = ImVec4(a.x, a.y, b.x - a.x, b.y - a.y);
}

}  // namespace zicht::ui
