#pragma once
// The app shell: menu bar, left navigation of pages, status bar, dialogs and the busy overlay. Pages draw what the
// core and the analyses produced; they compute nothing themselves.
#include <map>
#include <string>

#include "analysis/result.h"
#include "analysis/settings.h"
#include "core/i18n.h"
#include "imgui.h"
#include "ui/fonts.h"
#include "ui/pages/page_explore.h"
#include "ui/pages/page_kit.h"
#include "ui/pages/page_profile.h"
#include "privacy/pseudonym.h"
#include "ui/theme.h"
#include "ui/tour.h"
#include "ui/workspace.h"

namespace zicht::ui {

enum class Page { start, data, explore, mapping, quality, region, sofs, binc, gallery };

// What a page needs from the shell.
struct PageContext {
  i18n::Lang lang;
  Theme theme;
  const Fonts& fonts;
  Workspace& workspace;
  // Records the last item's screen rectangle under name, for the test hook (tests click real widgets).
  void anchor(const char* name);
  const std::string& tr(const char* key) const { return i18n::tr(key, lang); }
  std::map<std::string, ImVec4>* anchors;
  bool* request_open_file;
  // Intern mode (SPEC §5): original row numbers and ids may be shown so errors can be fixed at the source.
  bool* intern_mode;
  // Presentation mode: large type, high contrast, row-level views hidden (pages check this).
  bool presentation = false;
};

void draw_start_page(PageContext& ctx);
void draw_data_page(PageContext& ctx);
void draw_mapping_page(PageContext& ctx);
void draw_quality_page(PageContext& ctx);
// Ontwikkelaar → Grafiekengalerij: every chart type on fixed data.
void draw_gallery_page(PageContext& ctx);

class App {
 public:
  explicit App(const std::string& lang_code);

  // Rebuilds the font atlas when the device pixel ratio or the text size changed; true if the GPU texture must
  // be re-uploaded.
  bool prepare_fonts(float dpr);
  void frame();
  ImVec4 background() const { return palette(theme_).background; }
  // The JSON behind window.zichtState(): loaded files, row counts, active page, widget anchors, and per file its
  // profile, column mapping and validation counts (the same JSON as `zicht inspect --profile`).
  std::string state_json() const;

 private:
  void handle_file_events();
  void draw_menu_bar();
  void draw_navigation(float width, float height);
  void draw_status_bar(float height);
  void draw_page();
  void draw_about();
  void draw_busy_overlay();
  void load_pending_demo();
  void draw_errors();
  void set_theme(Theme t);
  // Recomputes the Verkennen results when the loaded files changed, and the SofS and Binc results when files or
  // the werkmap's options (filters, norms, clusters, …) changed (the pages only draw them).
  void refresh_results();
  void refresh_profile_results();
  // The context result pages draw with: language, theme, fonts, the set's provenance, anchors, presentation.
  ResultViewContext result_view(const analysis::Provenance& provenance);
  void ensure_sofs();
  void ensure_binc();
  void ensure_region();
  void draw_profile_nav(const std::string& profile, const char* section_key);

  i18n::Lang lang_;
  Theme theme_ = Theme::light;
  Page page_ = Page::start;
  Fonts fonts_;
  float font_dpr_ = 0;
  float font_px_ = 17.0f;
  float font_built_px_ = 0;
  bool presentation_ = false;
  void set_presentation(bool on);
  bool theme_dirty_ = true;
  bool show_about_ = false;
  bool request_open_file_ = false;
  bool intern_mode_ = true;
  int frames_ = 0;
  bool demo_pending_ = true;  // the built-in demo, read in the second frame
  Workspace workspace_;
  std::map<std::string, ImVec4> anchors_;
  analysis::ResultSet results_;
  uint64_t results_version_ = ~uint64_t(0);
  ExplorePageState explore_;
  ReportActionsState actions_;  // one accessible twin for whichever page is shown
  std::string sofs_page_ = "overzicht", binc_page_ = "profiel";
  std::string nav_open_ = "sofs";  // the profile whose pages the navigation lists
  analysis::ResultSet sofs_set_, binc_set_;
  const core::MappedDataset* sofs_data_ = nullptr;
  const core::MappedDataset* binc_data_ = nullptr;
  const core::MappedDataset* binc_clients_ = nullptr;
  uint64_t profile_version_ = ~uint64_t(0);
  const LoadedFile* sofs_file_ = nullptr;
  const LoadedFile* binc_file_ = nullptr;
  const LoadedFile* clients_file_ = nullptr;
  bool sofs_done_ = false, binc_done_ = false, region_done_ = false, aggregate_open_ = false;
  Tour tour_;
  // Privacy (SPEC §5): the output mode, k, one pseudonymiser per session (its salt never leaves memory).
  void set_mode(bool intern);
  // In delen mode, suppresses a result set (unless it comes from the built-in demo, which is exempt).
  void share(analysis::ResultSet& set, const std::vector<analysis::Input>& inputs) const;
  bool demo_loaded() const;
  void draw_aggregate_dialog();
  int suppress_k_ = 5;
  uint64_t mode_stamp_ = 0;
  uint64_t results_stamp_ = ~uint64_t(0);
  std::unique_ptr<privacy::Pseudonymiser> pseudo_;
  analysis::ResultSet sofs_raw_, binc_raw_;  // unsuppressed, for shareable aggregates
  analysis::ResultSet region_set_;
  std::string region_error_;
  bool show_aggregate_ = false;
  std::string aggregate_org_, aggregate_period_;
  struct AggregateOut {
    std::string profile, text;
    std::vector<std::string> lines;
  };
  std::string aggregate_key_;
  std::vector<AggregateOut> aggregates_out_;
  std::vector<const analysis::Result*> on_screen_;
  std::string scrolled_page_;  // the page the body was last scrolled to the top for  // results drawn this frame (state hook)
};

}  // namespace zicht::ui
