// The app's dialogs: the shareable aggregate, About (with the licences), load errors, and the busy overlay.
#include "ui/app.h"

#include <nlohmann/json.hpp>

#include "core/build_info.h"
#include "platform/platform.h"
#include "privacy/aggregate.h"
#include "privacy/privacy.h"
#include "misc/cpp/imgui_stdlib.h"
#include "ui/anchors.h"

namespace zicht::ui {

void App::draw_aggregate_dialog() {
  const std::string id = i18n::tr("aggregate.title", lang_) + "###aggregate";
  if (show_aggregate_) {
    ImGui::OpenPopup(id.c_str());
    show_aggregate_ = false;
    aggregate_open_ = true;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(680.0f, vp->Size.x - 40), 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    aggregate_open_ = false;
    return;
  }
  const auto tr = [&](const char* key) { return i18n::tr(key, lang_); };
  ImGui::TextWrapped("%s", i18n::format(tr("aggregate.intro"), {std::to_string(suppress_k_)}).c_str());
  ImGui::Spacing();
  ImGui::SetNextItemWidth(280);
  ImGui::InputTextWithHint(tr("aggregate.organisation").c_str(), tr("aggregate.organisation_hint").c_str(),
                           &aggregate_org_);
  record_anchor(anchors_, "aggregate.organisation");
  ImGui::SetNextItemWidth(280);
  ImGui::InputTextWithHint(tr("aggregate.period").c_str(), tr("aggregate.period_hint").c_str(), &aggregate_period_);
  ImGui::Spacing();
  // Built once per change of data, mode, k, organisation or period (suppression is not free), then shown.
  const std::string key = std::to_string(workspace_.results_key()) + "|" + std::to_string(suppress_k_) + "|" +
                          aggregate_org_ + "|" + aggregate_period_ + "|" + i18n::code(lang_).data();
  if (key != aggregate_key_) {
    aggregate_key_ = key;
    aggregates_out_.clear();
    for (const auto& spec : session::profiles()) {
      const analysis::ResultSet* raw = &workspace_.raw_results(spec.id);
      if (raw->results.empty()) continue;
      analysis::ResultSet shared = *raw;
      std::vector<analysis::Input> inputs;
      for (const auto& f : workspace_.files())
        for (const auto& pf : raw->provenance.files)
          if (pf.name == f.name) inputs.push_back({f.name, &f.result});
      privacy::share(shared, inputs, suppress_k_, workspace_.pseudonymiser(), false);
      const std::string period = aggregate_period_.empty() ? tr("aggregate.until") + " " + raw->provenance.as_of
                                                           : aggregate_period_;
      const std::string org = aggregate_org_.empty() ? tr("aggregate.organisation_default") : aggregate_org_;
      AggregateOut out;
      out.profile = raw->provenance.profile;
      out.text = privacy::make_aggregate(shared, suppress_k_, period, org).dump(2) + "\n";
      out.lines = privacy::describe_aggregate(nlohmann::json::parse(out.text), lang_);
      aggregates_out_.push_back(std::move(out));
    }
  }
  for (const auto& out : aggregates_out_) {
    ImGui::PushID(out.profile.c_str());
    ImGui::PushFont(fonts_.bold);
    ImGui::TextUnformatted(tr(("aggregate.profile." + out.profile).c_str()).c_str());
    ImGui::PopFont();
    for (const auto& line : out.lines) ImGui::BulletText("%s", line.c_str());
    if (primary_button(theme_, tr("aggregate.save").c_str()))
      platform::download("zicht-aggregaat-" + out.profile + ".json", "application/json", out.text.data(),
                         out.text.size());
    record_anchor(anchors_, "aggregate.save." + out.profile);
    ImGui::Spacing();
    ImGui::PopID();
  }
  const bool any = !aggregates_out_.empty();
  if (!any) ImGui::TextWrapped("%s", tr("aggregate.nothing").c_str());
  ImGui::Separator();
  if (ImGui::Button(tr("common.close").c_str()) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  record_anchor(anchors_, "aggregate.close");
  ImGui::EndPopup();
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
  ImGui::TextUnformatted(i18n::format(i18n::tr("about.build", lang_), {core::build_id()}).c_str());
  ImGui::TextWrapped("%s", i18n::tr("about.purpose", lang_).c_str());
  ImGui::Separator();
  ImGui::TextUnformatted(i18n::tr("about.licences", lang_).c_str());
  static std::string licences = [] {
    std::string out;
    for (const char* path : {"/licenses/dear-imgui.txt", "/licenses/noto-fonts.txt", "/licenses/dejavu-fonts.txt"}) {
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
  if (workspace_.loading().empty() && !demo_pending_) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::GetForegroundDrawList()->AddRectFilled(vp->Pos, ImVec2(vp->Pos.x + vp->Size.x, vp->Pos.y + vp->Size.y),
                                                IM_COL32(0, 0, 0, 60));
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(480.0f, vp->Size.x - 40), 0));
  ImGui::SetNextWindowFocus();
  ImGui::Begin("##busy", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
  if (demo_pending_) ImGui::TextUnformatted(i18n::tr("busy.demo", lang_).c_str());
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
    ImGui::TextWrapped("%s", core::render_status(e.status, e.file, lang_).c_str());
    ImGui::PopStyleColor();
    ImGui::Spacing();
  }
  if (ImGui::Button(i18n::tr("common.ok", lang_).c_str())) {
    workspace_.dismiss_errors();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace zicht::ui
