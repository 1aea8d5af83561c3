#pragma once
// The pages of the SofS and Binc profiles. Each page shows a fixed list of result ids (SPEC §3.1, §3.2) with its
// headline figures, filters and norms (saved in the werkmap), the page note, and report actions. The results
// themselves are computed by src/analysis/sofs and src/analysis/binc; the page draws them.
#include <string>
#include <vector>

#include "analysis/result.h"
#include "core/mapped_dataset.h"
#include "ui/pages/page_kit.h"
#include "ui/result_view.h"
#include "ui/workspace.h"

namespace zicht::ui {

struct ProfilePage {
  const char* id;         // "overzicht" — nav anchor nav.<profile>.<id>, werkmap note key <profile>.<id>
  const char* title_key;  // i18n
  std::vector<const char*> results;
};

const std::vector<ProfilePage>& sofs_pages();
const std::vector<ProfilePage>& binc_pages();
const ProfilePage* find_profile_page(const std::string& profile, const std::string& id);

struct ProfilePageArgs {
  std::string profile;  // "sofs" | "binc"
  const ProfilePage& page;
  const analysis::ResultSet& set;
  const core::MappedDataset* data;     // the SofS export or the Binc module file; null = none loaded
  const core::MappedDataset* clients;  // Binc client file, if any
  const ResultViewContext& rv;
  Workspace& workspace;
  ReportActionsState& actions;
  bool presentation = false;  // row-level views hidden
  bool* request_open_file = nullptr;
};

// Draws the page; fills on_screen with the results shown (state hook, reports).
void draw_profile_page(const ProfilePageArgs& a, std::vector<const analysis::Result*>& on_screen);

}  // namespace zicht::ui
