#pragma once
// Draws one analysis Result: title and counting unit, each table (with Copy and CSV buttons), test results and
// notes. It only renders; the numbers come formatted by the report layer, so the screen shows what the HTML
// report and the CSV carry.
#include <functional>
#include <string>

#include "analysis/result.h"
#include "report/views.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace zicht::ui {

struct ResultViewContext {
  i18n::Lang lang;
  Theme theme;
  const Fonts& fonts;
  const analysis::Provenance& provenance;
  // Records the last item's rectangle for the test hook.
  std::function<void(const std::string&)> anchor;
  bool presentation = false;  // large type and high contrast in charts
  report::views::Marks marks;  // which reference marks the page shows
};

// Chart scenes are built when their inputs change, never per frame: the shell bumps the generation whenever it
// replaces a result set; a cached scene is rebuilt when the generation, language, theme, presentation mode or the
// marks change, and only re-laid out when the width changes.
void bump_results_generation();
uint64_t results_generation();

void draw_result(const analysis::Result& r, const ResultViewContext& ctx);
void draw_result_table(const analysis::Result& r, const analysis::Table& t, const ResultViewContext& ctx);

}  // namespace zicht::ui
