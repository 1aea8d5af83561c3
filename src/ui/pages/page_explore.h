#pragma once
// Verkennen: the generic analysis of the loaded files — the overview of every column, then one column's result
// at a time. Report, JSON and the accessible HTML twin render exactly the results on screen.
#include <string>
#include <vector>

#include "analysis/result.h"
#include "ui/result_view.h"

namespace zicht::ui {

struct ExplorePageState {
  std::string selected;  // result id of the column shown
};
struct ReportActionsState;

// Draws the page; fills on_screen with the results it showed (for the state hook and the reports).
void draw_explore_page(const analysis::ResultSet& set, const ResultViewContext& ctx, ExplorePageState& state,
                       ReportActionsState& actions, std::vector<const analysis::Result*>& on_screen);

// The results on screen as their own result set (same provenance), for the page's report and the state hook.
analysis::ResultSet subset(const analysis::ResultSet& set, const std::vector<const analysis::Result*>& results);

}  // namespace zicht::ui
