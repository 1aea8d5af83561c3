#pragma once
// The short guided tour for first use: five steps, each pointing at a real widget (by its test anchor), skippable
// at any step. Whether it was seen is remembered only when the user ticks "remember" (one localStorage key, never
// data); otherwise it shows again next time. Help → Rondleiding starts it again.
#include <map>
#include <string>

#include "core/i18n.h"
#include "imgui.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace zicht::ui {

class Tour {
 public:
  static constexpr const char* kStorageKey = "zicht.tour";
  static constexpr int kSteps = 5;

  // Reads the remembered choice; starts the tour when nothing is remembered.
  void init();
  void start() { step_ = 0; }
  bool active() const { return step_ >= 0; }
  int step() const { return step_; }
  bool remember() const { return remember_; }
  // Draws the current step next to its anchor (anchors of this frame); records tour.* anchors.
  void draw(std::map<std::string, ImVec4>& anchors, i18n::Lang lang, Theme theme, const Fonts& fonts);

 private:
  void finish();
  int step_ = -1;
  bool remember_ = false;
};

}  // namespace zicht::ui
