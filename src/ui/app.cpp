#include "ui/app.h"

#include <nlohmann/json.hpp>

#include "analysis/explore.h"
#include "platform/platform.h"
#include "report/json_export.h"

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
};

const char* page_id(Page p) {
  switch (p) {
    case Page::start: return "start";
    case Page::data: return "data";
    case Page::explore: return "explore";
    case Page::mapping: return "mapping";
    case Page::quality: return "quality";
    case Page::gallery: return "gallery";
  }
  return "start";
}

}  // namespace

void PageContext::anchor(const char* name) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  (*anchors)[name] = ImVec4(a.x, a.y, b.x - a.x, b.y - a.y);
}

App::App(const std::string& lang_code) : lang_(i18n::parse_lang(lang_code)) { workspace_.load_builtin_sample(); }

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
  if (on) intern_mode_ = false;   // what is shown to a room is "delen" (SPEC §5): no row-level detail
  theme_dirty_ = true;
}

void App::set_theme(Theme t) {
  theme_ = t;
  theme_dirty_ = true;
}

void App::handle_file_events() {
  for (auto& e : platform::take_file_events()) {
    switch (e.kind) {
      case platform::FileEvent::Kind::opened:
        workspace_.begin(e.id, e.name, static_cast<uint64_t>(e.size));
        break;
      case platform::FileEvent::Kind::chunk:
        if (workspace_.feed(e.id, e.bytes.data.get(), e.bytes.size, e.last)) {
          platform::close_file(e.id);
          page_ = workspace_.take_werkmap_opened() ? Page::mapping : Page::data;
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
      platform::request_chunk(l.id, Workspace::kChunkBytes);
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
  draw_page();
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::End();

  draw_status_bar(status_h);
  draw_about();
  draw_errors();
  draw_busy_overlay();

  if (request_open_file_) {
    request_open_file_ = false;
    platform::open_file_picker();
  }
  if (++frames_ == 3) platform::mark_ready();
}

void App::draw_menu_bar() {
  if (!ImGui::BeginMainMenuBar()) return;
  ImGui::PushFont(fonts_.bold);
  ImGui::TextUnformatted(i18n::tr("app.title", lang_).c_str());
  ImGui::PopFont();
  ImGui::Spacing();
  if (ImGui::BeginMenu(i18n::tr("menu.file", lang_).c_str())) {
    if (ImGui::MenuItem(i18n::tr("menu.open", lang_).c_str(), "Ctrl+O")) request_open_file_ = true;
    ImGui::EndMenu();
  }
  anchors_["menu.file"] = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                  ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y);
  if (ImGui::BeginMenu(i18n::tr("menu.view", lang_).c_str())) {
    if (ImGui::MenuItem(i18n::tr("menu.theme_light", lang_).c_str(), nullptr, theme_ == Theme::light))
      set_theme(Theme::light);
    anchors_["menu.theme_light"] = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                          ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y);
    if (ImGui::MenuItem(i18n::tr("menu.theme_dark", lang_).c_str(), nullptr, theme_ == Theme::dark))
      set_theme(Theme::dark);
    anchors_["menu.theme_dark"] = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                         ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y);
    ImGui::Separator();
    if (ImGui::MenuItem("Nederlands", nullptr, lang_ == i18n::Lang::nl)) lang_ = i18n::Lang::nl;
    if (ImGui::MenuItem("English", nullptr, lang_ == i18n::Lang::en)) lang_ = i18n::Lang::en;
    ImGui::Separator();
    if (ImGui::MenuItem(i18n::tr("menu.presentation", lang_).c_str(), "F9", presentation_))
      set_presentation(!presentation_);
    anchors_["menu.presentation"] = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                           ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y);
    ImGui::EndMenu();
  }
  anchors_["menu.view"] = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                 ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y);
  if (ImGui::BeginMenu(i18n::tr("menu.developer", lang_).c_str())) {
    if (ImGui::MenuItem(i18n::tr("menu.gallery", lang_).c_str(), nullptr, page_ == Page::gallery)) page_ = Page::gallery;
    anchors_["menu.gallery"] = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                      ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y);
    ImGui::EndMenu();
  }
  anchors_["menu.developer"] = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                      ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y);
  if (ImGui::BeginMenu(i18n::tr("menu.help", lang_).c_str())) {
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
    anchors_[item.anchor] = ImVec4(ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                   ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y);
  }
  ImGui::PopStyleVar();
  ImGui::EndChild();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
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
  bool demo = false;
  for (const auto& f : workspace_.files()) demo = demo || f.builtin;
  if (demo) {
    // The demo is fictitious and exempt from suppression: say so wherever it is shown.
    ImGui::SameLine(0, 24);
    ImGui::PushStyleColor(ImGuiCol_Text, pal.warning);
    ImGui::TextUnformatted(i18n::tr("status.demo", lang_).c_str());
    ImGui::PopStyleColor();
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
      const ResultViewContext rv{lang_, theme_, fonts_, results_.provenance, [this](const std::string& name) {
                                   const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
                                   anchors_[name] = ImVec4(a.x, a.y, b.x - a.x, b.y - a.y);
                                 },
                                 presentation_};
      draw_explore_page(results_, rv, explore_, on_screen_);
      break;
    }
    case Page::mapping: draw_mapping_page(ctx); break;
    case Page::quality: draw_quality_page(ctx); break;
    case Page::gallery: draw_gallery_page(ctx); break;
  }
}

void App::draw_about() {
  const char* title_key = "about.title";
  std::string id = i18n::tr(title_key, lang_) + "###about";
  if (show_about_) {
    ImGui::OpenPopup(id.c_str());
    show_about_ = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(640.0f, vp->Size.x - 40), std::min(520.0f, vp->Size.y - 40)),
                           ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  ImGui::PushFont(fonts_.bold);
  ImGui::Text("Zicht %s", ZICHT_VERSION);
  ImGui::PopFont();
  ImGui::TextUnformatted(i18n::format(i18n::tr("about.build", lang_), {ZICHT_BUILD}).c_str());
  ImGui::TextWrapped("%s", i18n::tr("about.purpose", lang_).c_str());
  ImGui::Separator();
  ImGui::TextUnformatted(i18n::tr("about.licences", lang_).c_str());
  static std::string licences = [] {
    std::string out;
    for (const char* path : {"/licenses/dear-imgui.txt", "/licenses/noto-fonts.txt"}) {
      if (FILE* f = std::fopen(path, "rb")) {
        out += std::string("== ") + path + " ==\n";
        char buf[4096];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
        std::fclose(f);
        out += "\n";
      }
    }
    return out;
  }();
  ImGui::BeginChild("##licences", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() - 4), true);
  ImGui::TextUnformatted(licences.c_str(), licences.c_str() + licences.size());
  ImGui::EndChild();
  if (ImGui::Button(i18n::tr("common.close", lang_).c_str()) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void App::draw_busy_overlay() {
  if (workspace_.loading().empty()) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::GetForegroundDrawList()->AddRectFilled(vp->Pos, ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y),
                                                IM_COL32(0, 0, 0, 60));
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(480.0f, vp->Size.x - 40), 0));
  ImGui::SetNextWindowFocus();
  ImGui::Begin("##busy", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
  int cancel_id = 0;
  for (const auto& l : workspace_.loading()) {
    ImGui::TextUnformatted(i18n::format(i18n::tr("busy.reading", lang_), {l.name}).c_str());
    const double mb_done = l.progress() * static_cast<double>(l.size) / 1e6;
    char label[64];
    std::snprintf(label, sizeof label, "%.1f / %.1f MB", mb_done, static_cast<double>(l.size) / 1e6);
    ImGui::ProgressBar(static_cast<float>(l.progress()), ImVec2(-1, 0), label);
    ImGui::PushID(l.id);
    if (ImGui::Button(i18n::tr("common.cancel", lang_).c_str())) cancel_id = l.id;
    ImGui::PopID();
  }
  ImGui::End();
  if (cancel_id) {
    workspace_.cancel(cancel_id);
    platform::close_file(cancel_id);
  }
}

void App::draw_errors() {
  if (workspace_.errors().empty()) return;
  const std::string id = i18n::tr("error.title", lang_) + "###errors";
  if (!ImGui::IsPopupOpen(id.c_str())) ImGui::OpenPopup(id.c_str());
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(560.0f, vp->Size.x - 40), 0));
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  for (const auto& e : workspace_.errors()) {
    ImGui::PushFont(fonts_.bold);
    ImGui::TextUnformatted(e.file.c_str());
    ImGui::PopFont();
    const std::string key = e.key.empty() ? std::string("error.") + core::error_code_name(e.status.code) : e.key;
    ImGui::TextWrapped("%s", i18n::tr(key, lang_).c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, palette(theme_).text_muted);
    ImGui::TextWrapped("%s", e.status.message.c_str());
    ImGui::PopStyleColor();
    ImGui::Spacing();
  }
  if (ImGui::Button(i18n::tr("common.ok", lang_).c_str())) {
    workspace_.dismiss_errors();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void App::refresh_results() {
  if (workspace_.version() == results_version_) return;
  results_version_ = workspace_.version();
  std::vector<analysis::Input> inputs;
  for (const auto& f : workspace_.files()) inputs.push_back({f.name, &f.result});
  results_ = analysis::explore(inputs, analysis::Settings{});
}

std::string App::state_json() const {
  nlohmann::json j;
  j["app"] = {{"version", ZICHT_VERSION}, {"build", ZICHT_BUILD}, {"lang", i18n::code(lang_)},
              {"theme", theme_ == Theme::dark ? "dark" : "light"}, {"page", page_id(page_)}};
  j["files"] = nlohmann::json::array();
  for (const auto& f : workspace_.files()) {
    const auto& r = f.result.report;
    j["files"].push_back({{"name", f.name},
                          {"builtin", f.builtin},
                          {"sha256", r.sha256},
                          {"format", core::format_name(r.format)},
                          {"encoding", core::encoding_name(r.encoding)},
                          {"rows", r.rows_in},
                          {"columns", r.columns.size()},
                          {"flags", r.flags_total}});
  }
  // Per file: its profile, mapping and validation (core::profile_json, shared with `zicht inspect --profile`).
  j["profiles"] = nlohmann::json::array();
  for (size_t i = 0; i < workspace_.files().size(); ++i) {
    const auto& f = workspace_.files()[i];
    j["files"][i]["profile"] = f.profile;
    nlohmann::json p = f.mapped ? core::profile_json(*f.mapped, 50) : nlohmann::json{{"profile", "generic"}};
    p["file"] = f.name;
    p["auto"] = f.profile_auto;
    p["detect_score"] = f.detect_score;
    if (!f.mapped) {
      const auto& r = f.result.report;
      p["validation"] = {{"rows_in", r.rows_in}, {"rows_used", r.rows_in}, {"rows_excluded", 0},
                         {"flags_total", r.flags_total}, {"flags_by_rule", r.flags_by_rule}};
    }
    j["profiles"].push_back(std::move(p));
  }
  j["werkmap"] = {{"name", workspace_.werkmap_name()}, {"doc", workspace_.werkmap().doc()}};
  j["mode"] = intern_mode_ ? "intern" : "delen";
  j["presentation"] = presentation_;
  j["loading"] = nlohmann::json::array();
  for (const auto& l : workspace_.loading()) j["loading"].push_back({{"name", l.name}, {"progress", l.progress()}});
  j["errors"] = nlohmann::json::array();
  for (const auto& e : workspace_.errors())
    j["errors"].push_back({{"file", e.file}, {"code", core::error_code_name(e.status.code)}});
  j["anchors"] = nlohmann::json::object();
  for (const auto& [name, r] : anchors_) j["anchors"][name] = {r.x, r.y, r.z, r.w};
  // The results on screen, in the same zicht.results/1 form as the CLI's JSON.
  j["results"] = nlohmann::json::parse(report::results_json(subset(results_, on_screen_), lang_).dump());
  return j.dump();
}

}  // namespace zicht::ui
