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
#include "ui/pages/page_workshop.h"
#include "privacy/pseudonym.h"
#include "ui/theme.h"
#include "ui/tour.h"
#include "session/session.h"
#include "session/session.h"

namespace zicht::ui {

using session::LoadedFile;

// `profile`: a page of the registered profile App::profile_ (session/registry.h).
enum class Page { start, data, explore, mapping, quality, region, workshop, profile, gallery };
const char* page_id(Page p);  // the state hook's page name ("profile" for any profile page)

// What a page needs from the shell.
struct PageContext {
  i18n::Lang lang;
  Theme theme;
  const Fonts& fonts;
  session::Session& workspace;
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
  std::string state_json();
  // True once after a frame that read the built-in demo: the page lays that frame out again before drawing it, so
  // the demo appears settled in the frame it was read in instead of one frame later.
  bool take_settle() {
    const bool b = settle_;
    settle_ = false;
    return b;
  }

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
  // Tells the session the privacy settings and marks cached drawings stale when its results changed.
  void refresh_results();
  // The context result pages draw with: language, theme, fonts, the set's provenance, anchors, presentation.
  ResultViewContext result_view(const analysis::Provenance& provenance);
  void draw_profile_nav(const session::ProfileSpec& spec);
  std::string& subpage(const std::string& profile);

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
  int passes_since_demo_ = 0;
  bool ready_ = false, settle_ = false;
  bool demo_pending_ = true;  // the built-in demo, read in the second frame
  session::Session workspace_;
  std::map<std::string, ImVec4> anchors_;
  uint64_t results_key_ = ~uint64_t(0);
  ExplorePageState explore_;
  ReportActionsState actions_;  // one accessible twin for whichever page is shown
  std::string profile_;                                // the profile whose page is shown (Page::profile)
  std::map<std::string, std::string> profile_pages_;   // per profile: its page last shown
  std::string nav_open_;  // the profile whose pages the navigation lists (the first one until the user chooses)
  std::string nav_shown_;  // the profile whose page was shown last: its section opens once when that changes
  bool aggregate_open_ = false;
  std::string sheet_question_;  // the workbook whose sheet the "which sheet?" dialog asks for
  Tour tour_;
  // Privacy (SPEC §5): the output mode and k, applied by the session.
  void set_mode(bool intern);
  void draw_aggregate_dialog();
  int suppress_k_ = 5;
  bool show_aggregate_ = false;
  std::string aggregate_org_, aggregate_period_;
  struct AggregateOut {
    std::string profile, text;
    std::vector<std::string> lines;
  };
  std::string aggregate_key_;
  std::vector<AggregateOut> aggregates_out_;
  std::vector<const analysis::Result*> on_screen_;  // results drawn this frame (state hook)
  WorkshopPageState workshop_;
  uint64_t workshop_version_ = 0;  // the workshop's version its drawn charts were built for
  std::string scrolled_page_;  // the page the body was last scrolled to the top for
};

}  // namespace zicht::ui
