#include "ui/app.h"
#include "ui/pages/workbook_read.h"

#include "ui/anchors.h"

#include <nlohmann/json.hpp>

#include "analysis/choices.h"
#include "core/build_info.h"
#include "core/csv_index.h"
#include "privacy/aggregate.h"
#include "privacy/privacy.h"
#include "platform/csv_kernel_web.h"
#include "platform/platform.h"
#include "report/json_export.h"
#include "misc/cpp/imgui_stdlib.h"
#include "ui/pages/page_region.h"

namespace zicht::ui {
namespace {

constexpr int kKeyO = 'O';  // GLFW key codes equal ASCII for letters
constexpr int kKeyF9 = 298;  // GLFW_KEY_F9

struct NavItem {
  Page page;
  const char* key;
  const char* anchor;
};
constexpr NavItem kNav[] = {
    {Page::start, "nav.start", "nav.start"},
    {Page::data, "nav.data", "nav.data"},
    {Page::explore, "nav.explore", "nav.explore"},
    {Page::mapping, "nav.mapping", "nav.mapping"},
    {Page::quality, "nav.quality", "nav.quality"},
    {Page::region, "nav.region", "nav.region"},
    {Page::workshop, "nav.workshop", "nav.workshop"},  // always reachable, also with no file loaded
};

}  // namespace

const char* page_id(Page p) {
  switch (p) {
    case Page::start: return "start";
    case Page::data: return "data";
    case Page::explore: return "explore";
    case Page::mapping: return "mapping";
    case Page::quality: return "quality";
    case Page::region: return "region";
    case Page::workshop: return "workshop";
    case Page::profile: return "profile";  // state_json names the profile itself
    case Page::gallery: return "gallery";
  }
  return "start";
}

void PageContext::anchor(const char* name) { record_anchor(*anchors, name); }

ResultViewContext App::result_view(const analysis::Provenance& provenance) {
  ResultViewContext rv{lang_, theme_, fonts_, provenance,
                       [this](const std::string& name) { record_anchor(anchors_, name); }, presentation_};
  // The page's switches for reference marks live in the werkmap (never data), so a saved werkmap keeps them.
  const core::Marks m = workspace_.werkmap().marks();
  rv.marks.published = m.published;
  rv.marks.norms = m.norms;
  return rv;
}

App::App(const std::string& lang_code) : lang_(i18n::parse_lang(lang_code)) {
  // The built-in demo is read in the second frame (load_pending_demo), so the first one is drawn at once.
  // CSV scanning with wasm SIMD where the browser has it (the kernel module of the page); natively this is a no-op.
  core::csv_index::install_wasm_kernel(&platform::install_csv_kernel);
  tour_.init();
  if (!session::profiles().empty()) nav_open_ = session::profiles().front().id;
}

bool App::prepare_fonts(float dpr) {
  if (dpr == font_dpr_ && font_px_ == font_built_px_ && fonts_.regular) return false;
  fonts_ = build_fonts(font_px_, dpr);
  font_dpr_ = dpr;
  font_built_px_ = font_px_;
  return true;
}

void App::set_presentation(bool on) {
  presentation_ = on;
  font_px_ = on ? 24.0f : 17.0f;  // the atlas is rebuilt before the next frame (prepare_fonts)
  if (on) set_mode(false);  // what is shown to a room is "delen" (SPEC §5): suppressed, no row-level detail
  theme_dirty_ = true;
}

void App::set_mode(bool intern) { intern_mode_ = intern; }

std::string& App::subpage(const std::string& profile) {
  std::string& id = profile_pages_[profile];
  const session::ProfileSpec* spec = session::find_profile(profile);
  if (spec && !spec->page(id) && !spec->pages.empty()) id = spec->pages.front().id;
  return id;
}

void App::set_theme(Theme t) {
  theme_ = t;
  theme_dirty_ = true;
}

void App::handle_file_events() {
  for (auto& e : platform::take_file_events()) {
    switch (e.kind) {
      case platform::FileEvent::Kind::opened:
        workspace_.begin(e.id, e.name, static_cast<uint64_t>(e.size), e.digest_outside);
        break;
      case platform::FileEvent::Kind::chunk:
        if (workspace_.feed(e.id, e.bytes.data.get(), e.bytes.size, e.last, e.sha256)) {
          platform::close_file(e.id);
          page_ = workspace_.take_werkmap_opened()     ? Page::mapping
                   : workspace_.take_aggregate_opened() ? Page::region
                                                        : Page::data;
        }
        break;
      case platform::FileEvent::Kind::error:
        workspace_.fail(e.id, e.message);
        platform::close_file(e.id);
        break;
    }
  }
  for (auto& l : workspace_.loading()) {
    if (!l.waiting) {
      l.waiting = true;
      platform::request_chunk(l.id, session::Session::kChunkBytes);
    }
  }
}

void App::frame() {
  if (theme_dirty_) {
    apply_theme(theme_, presentation_ ? 1.3f : 1.0f);
    if (presentation_) {  // high contrast: secondary text as strong as text
      ImVec4* c = ImGui::GetStyle().Colors;
      c[ImGuiCol_TextDisabled] = c[ImGuiCol_Text];
    }
    theme_dirty_ = false;
  }
  load_pending_demo();
  handle_file_events();
  on_screen_.clear();
  refresh_results();
  anchors_.clear();

  ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && ImGui::IsKeyPressed(kKeyO, false)) request_open_file_ = true;
  // Ctrl+1 … Ctrl+9: the pages of the navigation, in order (GLFW key codes equal ASCII for digits).
  for (int i = 0; i < 9 && i < static_cast<int>(std::size(kNav)); ++i)
    if (io.KeyCtrl && ImGui::IsKeyPressed('1' + i, false)) page_ = kNav[i].page;
  if (ImGui::IsKeyPressed(kKeyF9, false)) set_presentation(!presentation_);

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  draw_menu_bar();
  const float menu_h = ImGui::GetFrameHeight();
  const float status_h = ImGui::GetFrameHeight() + 8;
  const float nav_w = std::max(190.0f * font_px_ / 17.0f, std::min(260.0f * font_px_ / 17.0f, vp->Size.x * 0.18f));
  const float body_h = vp->Size.y - menu_h - status_h;

  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + menu_h));
  ImGui::SetNextWindowSize(ImVec2(vp->Size.x, body_h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##body", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleVar();
  draw_navigation(nav_w, body_h);
  ImGui::SameLine(0, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24, 18));
  ImGui::BeginChild("##page", ImVec2(0, body_h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  // Switching pages starts at the top of the new page.
  const std::string page_key =
      std::string(page_id(page_)) + (page_ == Page::profile ? "/" + profile_ + "/" + subpage(profile_) : "");
  if (page_key != scrolled_page_) {
    ImGui::SetScrollY(0);
    scrolled_page_ = page_key;
  }
  draw_page();
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::End();

  draw_status_bar(status_h);
  if (workspace_.loading().empty() && workspace_.errors().empty()) tour_.draw(anchors_, lang_, theme_, fonts_);
  draw_about();
  draw_aggregate_dialog();
  draw_sheet_question(workspace_, lang_, sheet_question_, anchors_);
  draw_errors();
  draw_busy_overlay();

  if (request_open_file_) {
    request_open_file_ = false;
    platform::open_file_picker();
  }
  ++frames_;
  // Ready (window.zichtReady, the tests' and the benchmark's "demo on screen") once the demo has been laid out
  // twice: ImGui sizes new windows and tables in the pass after the one that first shows them.
  if (!demo_pending_ && !ready_ && ++passes_since_demo_ == 2) {
    ready_ = true;
    platform::mark_ready();
  }
}

void App::draw_menu_bar() {
  if (!ImGui::BeginMainMenuBar()) return;
  ImGui::PushFont(fonts_.bold);
  ImGui::TextUnformatted(i18n::tr("app.title", lang_).c_str());
  ImGui::PopFont();
  ImGui::Spacing();
  if (ImGui::BeginMenu(i18n::tr("menu.file", lang_).c_str())) {
    if (ImGui::MenuItem(i18n::tr("menu.open", lang_).c_str(), "Ctrl+O")) request_open_file_ = true;
    if (ImGui::MenuItem(i18n::tr("menu.aggregate", lang_).c_str())) show_aggregate_ = true;
    record_anchor(anchors_, "menu.aggregate");
    ImGui::EndMenu();
  }
  record_anchor(anchors_, "menu.file");
  const bool view_open = ImGui::BeginMenu(i18n::tr("menu.view", lang_).c_str());
  record_anchor(anchors_, "menu.view");
  if (view_open) {
    if (ImGui::MenuItem(i18n::tr("menu.theme_light", lang_).c_str(), nullptr, theme_ == Theme::light))
      set_theme(Theme::light);
    record_anchor(anchors_, "menu.theme_light");
    if (ImGui::MenuItem(i18n::tr("menu.theme_dark", lang_).c_str(), nullptr, theme_ == Theme::dark))
      set_theme(Theme::dark);
    record_anchor(anchors_, "menu.theme_dark");
    ImGui::Separator();
    if (ImGui::MenuItem("Nederlands", nullptr, lang_ == i18n::Lang::nl)) lang_ = i18n::Lang::nl;
    if (ImGui::MenuItem("English", nullptr, lang_ == i18n::Lang::en)) lang_ = i18n::Lang::en;
    ImGui::Separator();
    if (ImGui::MenuItem(i18n::tr("menu.presentation", lang_).c_str(), "F9", presentation_))
      set_presentation(!presentation_);
    record_anchor(anchors_, "menu.presentation");
    ImGui::Separator();
    // The output mode (SPEC §5), always visible in the status bar too.
    if (ImGui::MenuItem(i18n::tr("menu.mode_intern", lang_).c_str(), nullptr, intern_mode_)) set_mode(true);
    record_anchor(anchors_, "menu.mode_intern");
    const std::string delen = i18n::format(i18n::tr("menu.mode_delen", lang_), {std::to_string(suppress_k_)});
    if (ImGui::MenuItem(delen.c_str(), nullptr, !intern_mode_)) set_mode(false);
    record_anchor(anchors_, "menu.mode_delen");
    ImGui::SetNextItemWidth(120);
    if (ImGui::InputInt(i18n::tr("menu.k", lang_).c_str(), &suppress_k_)) {
      suppress_k_ = std::max(2, std::min(50, suppress_k_));
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(i18n::tr("menu.developer", lang_).c_str())) {
    if (ImGui::MenuItem(i18n::tr("menu.gallery", lang_).c_str(), nullptr, page_ == Page::gallery)) page_ = Page::gallery;
    record_anchor(anchors_, "menu.gallery");
    ImGui::EndMenu();
  }
  record_anchor(anchors_, "menu.developer");
  if (ImGui::BeginMenu(i18n::tr("menu.help", lang_).c_str())) {
    if (ImGui::MenuItem(i18n::tr("menu.tour", lang_).c_str())) tour_.start();
    if (ImGui::MenuItem(i18n::tr("menu.about", lang_).c_str())) show_about_ = true;
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

void App::draw_navigation(float width, float height) {
  const Palette& pal = palette(theme_);
  ImGui::PushStyleColor(ImGuiCol_ChildBg, pal.panel);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 14));
  ImGui::BeginChild("##nav", ImVec2(width, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
  ImGui::PushStyleColor(ImGuiCol_Text, pal.text_muted);
  ImGui::TextUnformatted(i18n::tr("nav.section_general", lang_).c_str());
  ImGui::PopStyleColor();
  ImGui::Spacing();
  ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0, 0.5f));
  for (const auto& item : kNav) {
    if (ImGui::Selectable(i18n::tr(item.key, lang_).c_str(), page_ == item.page, 0,
                          ImVec2(0, ImGui::GetFrameHeight())))
      page_ = item.page;
    record_anchor(anchors_, item.anchor);
  }
  if (page_ != Page::profile) nav_shown_.clear();
  for (const auto& spec : session::profiles()) draw_profile_nav(spec);
  ImGui::PopStyleVar();
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

void App::draw_profile_nav(const session::ProfileSpec& spec) {
  // One profile's pages open at a time (an accordion), so the navigation fits a 1024×640 screen.
  const std::string& profile = spec.id;
  const bool shown = page_ == Page::profile && profile_ == profile;
  // A page shown from elsewhere (a shortcut, the tour) opens its section once; every frame would undo the user's
  // click on another section while this page stays on screen.
  if (shown && nav_shown_ != profile) {
    nav_open_ = profile;
    nav_shown_ = profile;
  }
  ImGui::Spacing();
  ImGui::SetNextItemOpen(nav_open_ == profile, ImGuiCond_Always);
  const std::string header = i18n::tr(spec.nav_key, lang_) + "###nav.section." + profile;
  const bool open = ImGui::TreeNodeEx(header.c_str(), ImGuiTreeNodeFlags_NoTreePushOnOpen |
                                                          ImGuiTreeNodeFlags_SpanAvailWidth |
                                                          ImGuiTreeNodeFlags_FramePadding);
  if (ImGui::IsItemClicked()) nav_open_ = open ? std::string() : profile;
  record_anchor(anchors_, "nav.section." + profile);
  if (!open) return;
  std::string& current = subpage(profile);
  ImGui::Indent(8);
  for (const auto& p : spec.pages) {
    const std::string label = i18n::tr(p.title_key, lang_) + "###nav." + profile + "." + p.id;
    if (ImGui::Selectable(label.c_str(), shown && current == p.id, 0, ImVec2(0, ImGui::GetFrameHeight()))) {
      page_ = Page::profile;
      profile_ = profile;
      current = p.id;
    }
    record_anchor(anchors_, "nav." + profile + "." + p.id);
  }
  ImGui::Unindent(8);
}

void App::draw_status_bar(float height) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const Palette& pal = palette(theme_);
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - height));
  ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, pal.panel);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 4));
  ImGui::Begin("##status", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::AlignTextToFramePadding();
  {
    // A small green dot: the data stays on this machine.
    const float r = ImGui::GetFontSize() * 0.28f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + r, p.y + ImGui::GetFrameHeight() * 0.5f), r,
                                                ImGui::ColorConvertFloat4ToU32(pal.good));
    ImGui::Dummy(ImVec2(r * 2, ImGui::GetFrameHeight()));
  }
  ImGui::SameLine();
  ImGui::TextUnformatted(i18n::tr("status.local", lang_).c_str());
  record_anchor(anchors_, "status.local");
  bool demo = false;
  for (const auto& f : workspace_.files()) demo = demo || f.builtin;
  if (demo) {
    // The demo is fictitious and exempt from suppression: say so wherever it is shown.
    ImGui::SameLine(0, 24);
    ImGui::PushStyleColor(ImGuiCol_Text, pal.warning);
    ImGui::TextUnformatted(i18n::tr("status.demo", lang_).c_str());
    ImGui::PopStyleColor();
  }
  {
    ImGui::SameLine(0, 24);
    std::string mode = intern_mode_ ? i18n::tr("status.mode_intern", lang_)
                                    : i18n::format(i18n::tr("status.mode_delen", lang_), {std::to_string(suppress_k_)});
    if (!intern_mode_ && demo) mode += " " + i18n::tr("status.demo_exempt", lang_);
    ImGui::PushStyleColor(ImGuiCol_Text, intern_mode_ ? pal.text : pal.accent);
    ImGui::TextUnformatted(mode.c_str());
    ImGui::PopStyleColor();
    record_anchor(anchors_, "status.mode");
  }
  if (presentation_) {
    ImGui::SameLine(0, 24);
    ImGui::PushStyleColor(ImGuiCol_Text, pal.good);
    ImGui::TextUnformatted(i18n::tr("status.presentation", lang_).c_str());
    ImGui::PopStyleColor();
  }
  ImGui::SameLine(0, 24);
  int64_t rows = 0;
  for (const auto& f : workspace_.files()) rows += f.result.report.rows_in;
  std::string loaded =
      workspace_.files().empty()
          ? i18n::tr("status.nothing_loaded", lang_)
          : i18n::format(i18n::tr("status.loaded", lang_),
                         {std::to_string(workspace_.files().size()), std::to_string(rows)});
  ImGui::PushStyleColor(ImGuiCol_Text, pal.text_muted);
  ImGui::TextUnformatted(loaded.c_str());
  ImGui::PopStyleColor();
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

void App::draw_page() {
  PageContext ctx{lang_, theme_, fonts_, workspace_, &anchors_, &request_open_file_, &intern_mode_};
  ctx.presentation = presentation_;
  switch (page_) {
    case Page::start: draw_start_page(ctx); break;
    case Page::data: draw_data_page(ctx); break;
    case Page::explore: {
      const analysis::ResultSet& set = workspace_.explore_results();
      const ResultViewContext rv = result_view(set.provenance);
      draw_explore_page(set, rv, explore_, actions_, on_screen_);
      break;
    }
    case Page::profile: {
      const session::ProfileSpec* spec = session::find_profile(profile_);
      if (!spec || spec->pages.empty()) {
        page_ = Page::start;
        break;
      }
      const analysis::ResultSet& set = workspace_.results(profile_);
      const ResultViewContext rv = result_view(set.provenance);
      const std::vector<const core::MappedDataset*> tables = workspace_.tables(profile_);
      // The primary table, or (a profile whose primary is optional) the first of its tables that is loaded.
      const core::MappedDataset* data = nullptr;
      for (const core::MappedDataset* t : tables)
        if (t) {
          data = t;
          break;
        }
      ProfilePageArgs args{profile_, *spec->page(subpage(profile_)), set, data, tables, rv, workspace_, actions_};
      args.request_open_file = &request_open_file_;
      args.presentation = presentation_;
      draw_profile_page(args, on_screen_);
      break;
    }
    case Page::mapping: draw_mapping_page(ctx); break;
    case Page::quality: draw_quality_page(ctx); break;
    case Page::region: {
      std::string error;
      const analysis::ResultSet& set = workspace_.region_results(error);
      const ResultViewContext rv = result_view(set.provenance);
      RegionPageArgs args{set, error, rv, workspace_, actions_, &request_open_file_};
      draw_region_page(args, on_screen_);
      break;
    }
    case Page::workshop: {
      const analysis::ResultSet& set = workspace_.workshop_results();
      draw_workshop_page(workspace_, result_view(set.provenance), workshop_, on_screen_);
      break;
    }
    case Page::gallery: draw_gallery_page(ctx); break;
  }
}

void App::load_pending_demo() {
  if (!demo_pending_ || frames_ == 0) return;
  demo_pending_ = false;
  if (!workspace_.files().empty() || !workspace_.loading().empty()) return;  // the user was quicker
  workspace_.load_builtin_sample();
  platform::mark_startup("demo");
  settle_ = true;
}

void App::refresh_results() {
  workspace_.set_privacy(intern_mode_, suppress_k_);
  if (workspace_.results_key() != results_key_) {
    results_key_ = workspace_.results_key();
    bump_results_generation();
  }
  if (workspace_.workshop().version() != workshop_version_) {  // a tap: the live charts are built again
    workshop_version_ = workspace_.workshop().version();
    bump_results_generation();
  }
}

}  // namespace zicht::ui
