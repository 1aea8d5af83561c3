// The Binc pages' controls: the counting unit (always in view), the organisation filter, the SofS module type, the
// organisation-type rule, the Sankey's minimum path, the denominator, and the clusters on the pre/post and
// transition pages. Options in the werkmap (analysis::binc::Options).
#include <algorithm>

#include "analysis/binc.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "ui/controls/controls.h"
#include "ui/controls/kit.h"

namespace zicht::ui::controls {

void binc_controls(const ProfilePageArgs& a) {
  const ResultViewContext& rv = a.rv;
  auto o = options<analysis::binc::Options>(a.workspace);
  bool changed = false;
  const std::vector<std::string>& orgs = choices(a, "organisatie");
  const std::vector<std::string>& types = choices(a, "module_type");
  // The counting unit is always in view: it changes the numbers and every title.
  static const analysis::binc::Unit kUnits[] = {analysis::binc::Unit::kinderen, analysis::binc::Unit::modules,
                                                analysis::binc::Unit::schakelingen, analysis::binc::Unit::kind_jaar,
                                                analysis::binc::Unit::gezinnen};
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(rv, "page.unit.switch").c_str());
  ImGui::SameLine();
  if (ImGui::RadioButton(tr(rv, "page.unit.natural").c_str(), !o.unit_chosen)) {
    o.unit_chosen = false;
    changed = true;
  }
  rv.anchor("binc.unit.natural");
  ImGui::SameLine();
  for (auto u : kUnits) {
    const std::string key = std::string("page.unit.") + analysis::binc::unit_id(u);
    if (u == analysis::binc::Unit::gezinnen) {
      const core::MappedField* g = a.data->field("gezin_id");
      if (!g || !g->mapped()) continue;
    }
    if (ImGui::RadioButton(tr(rv, key.c_str()).c_str(), o.unit_chosen && o.unit == u)) {
      o.unit = u;
      o.unit_chosen = true;
      changed = true;
    }
    rv.anchor(std::string("binc.unit.") + analysis::binc::unit_id(u));
    ImGui::SameLine();
  }
  ImGui::NewLine();
  const bool filters_open = ImGui::CollapsingHeader((tr(rv, "filter.title") + "###filters").c_str());
  rv.anchor("filters.header");
  if (filters_open) {
    ImGui::Indent();
    changed |= multi_select("organisatie", tr(rv, "filter.organisation"), orgs, o.organisations, rv);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(360);
    if (ImGui::BeginCombo((tr(rv, "page.binc.setting.sofs_module") + "###sofsmod").c_str(), o.sofs_module_type.c_str())) {
      for (const auto& t : types)
        if (ImGui::Selectable(t.c_str(), t == o.sofs_module_type)) {
          o.sofs_module_type = t;
          changed = true;
        }
      ImGui::EndCombo();
    }
    int rule = o.orgtype_from_last_sofs ? 1 : 0;
    if (ImGui::RadioButton(tr(rv, "page.binc.setting.orgtype_latest").c_str(), &rule, 0)) changed = true;
    ImGui::SameLine();
    if (ImGui::RadioButton(tr(rv, "page.binc.setting.orgtype_last_sofs").c_str(), &rule, 1)) changed = true;
    o.orgtype_from_last_sofs = rule == 1;
    ImGui::SetNextItemWidth(110);
    changed |= ImGui::InputInt((tr(rv, "page.binc.setting.min_path") + "###minpath").c_str(), &o.min_path);
    o.min_path = std::max(1, o.min_path);
    denominator_combo(a.workspace, rv);
    ImGui::Unindent();
  }
  if (a.page.id == "voor_na" || a.page.id == "overgangen") {
    const bool clusters_open = ImGui::CollapsingHeader((tr(rv, "page.binc.clusters.title") + "###clusters").c_str());
    rv.anchor("binc.clusters.header");
    if (clusters_open) {
      ImGui::TextWrapped("%s", tr(rv, "page.binc.clusters.help").c_str());
      if (!o.clusters.empty()) {
        if (ImGui::Button(tr(rv, "page.binc.clusters.reset").c_str())) {
          o.clusters.clear();
          store(a.workspace, o);
          return;
        }
        rv.anchor("binc.clusters.reset");
      }
      const float rows_h = ImGui::GetTextLineHeightWithSpacing() * (static_cast<float>(types.size()) + 2.0f);
      if (ImGui::BeginTable("##clusters", 2, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                            ImVec2(0, std::min(360.0f, rows_h)))) {
        ImGui::TableSetupColumn(tr(rv, "page.binc.clusters.module").c_str());
        ImGui::TableSetupColumn(tr(rv, "page.binc.clusters.cluster").c_str());
        ImGui::TableHeadersRow();
        for (const auto& t : types) {
          if (t == o.sofs_module_type) continue;
          ImGui::TableNextRow();
          ImGui::TableNextColumn();
          ImGui::TextUnformatted(t.c_str());
          ImGui::TableNextColumn();
          // The cluster in effect: the user's map when there is one (it replaces the default as a whole).
          auto it = o.clusters.find(t);
          const std::string current = o.clusters.empty() ? analysis::binc::default_cluster(t)
                                      : it == o.clusters.end() ? std::string("Overige") : it->second;
          std::string& buf = buffer("cluster:" + t);
          ImGui::PushID(t.c_str());
          ImGui::SetNextItemWidth(-1);
          bool edited = false;
          if (ImGui::InputText("##c", &buf, ImGuiInputTextFlags_EnterReturnsTrue)) {
            if (o.clusters.empty())  // first edit: start from the default map of every type present
              for (const auto& other : types)
                if (other != o.sofs_module_type) o.clusters[other] = analysis::binc::default_cluster(other);
            o.clusters[t] = buf.empty() ? std::string("Overige") : buf;
            changed = edited = true;
          }
          if (!ImGui::IsItemActive() && !edited) buf = current;
          ImGui::PopID();
        }
        ImGui::EndTable();
      }
    }
  }
  if (changed) store(a.workspace, o);
}

}  // namespace zicht::ui::controls
