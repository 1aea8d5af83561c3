#pragma once
// The regional overview page: merged shareable aggregates (SPEC §5).
#include <string>
#include <vector>

#include "analysis/result.h"
#include "ui/pages/page_kit.h"
#include "ui/result_view.h"
#include "session/session.h"

namespace zicht::ui {

struct RegionPageArgs {
  const analysis::ResultSet& set;  // privacy::merge_aggregates of the opened files
  const std::string& error;        // why they could not be merged (different profiles, not an aggregate, …)
  const ResultViewContext& rv;
  session::Session& workspace;
  ReportActionsState& actions;
  bool* request_open_file = nullptr;
};

void draw_region_page(const RegionPageArgs& a, std::vector<const analysis::Result*>& on_screen);

}  // namespace zicht::ui
