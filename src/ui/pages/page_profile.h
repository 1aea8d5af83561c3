#pragma once
// The pages of a registered profile (session/registry.h). Each page shows its result ids (SPEC §3.1, §3.2) with
// its headline figures, filters and norms (saved in the werkmap), the page note, and report actions. The results
// are computed by the profile's analyses through the session; the page draws them.
#include <string>
#include <vector>

#include "analysis/result.h"
#include "core/mapped_dataset.h"
#include "ui/pages/page_kit.h"
#include "session/registry.h"
#include "ui/result_view.h"
#include "session/session.h"

namespace zicht::ui {

struct ProfilePageArgs {
  std::string profile;  // a registered profile id
  const session::PageSpec& page;
  const analysis::ResultSet& set;
  const core::MappedDataset* data;  // the profile's primary table; null = none loaded
  std::vector<const core::MappedDataset*> tables;  // all its tables in TableSpec order (null = not loaded)
  const ResultViewContext& rv;
  session::Session& workspace;
  ReportActionsState& actions;
  bool presentation = false;  // row-level views hidden
  bool* request_open_file = nullptr;
};

// Draws the page; fills on_screen with the results shown (state hook, reports).
void draw_profile_page(const ProfilePageArgs& a, std::vector<const analysis::Result*>& on_screen);

}  // namespace zicht::ui
