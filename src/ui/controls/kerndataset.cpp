// The kerndataset pages' controls: the perspective-gap switch (off until a team wants it), the subscale threshold,
// the re-referral grouping and McNemar's two moments, the denominator. Options in the werkmap
// (analysis::kerndataset::Options); shown on the pages they change.
#include <algorithm>
#include <cmath>

#include "analysis/kerndataset.h"
#include "imgui.h"
#include "ui/controls/controls.h"
#include "ui/controls/kit.h"

namespace zicht::ui::controls {

void kerndataset_controls(const ProfilePageArgs& a) {
  namespace kd = analysis::kerndataset;
  const ResultViewContext& rv = a.rv;
  auto o = options<kd::Options>(a.workspace);
  bool changed = false;
  const std::string& page = a.page.id;
  if (page == "schalen" || page == "modelgetrouwheid") {
    int pct = static_cast<int>(std::lround(o.scale_min_answered * 100));
    ImGui::SetNextItemWidth(200);
    if (ImGui::SliderInt((tr(rv, "page.kerndataset.setting.scale_min") + "###scalemin").c_str(), &pct, 50, 100, "%d %%")) {
      o.scale_min_answered = pct / 100.0;
      changed = true;
    }
    rv.anchor("kerndataset.scale_min");
  }
  if (page == "schalen") {
    ImGui::SameLine(0, 24);
    if (ImGui::Checkbox((tr(rv, "page.kerndataset.setting.perspective_gap") + "###gap").c_str(), &o.perspective_gap))
      changed = true;
    rv.anchor("kerndataset.perspective_gap");
  }
  if (page == "heraanmelding") {
    static const char* const kGroups[3][2] = {{"", "page.kerndataset.setting.group_none"},
                                             {"all_steps", "page.kerndataset.setting.group_all_steps"},
                                             {"plan_b", "page.kerndataset.setting.group_plan_b"}};
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(rv, "page.kerndataset.setting.group").c_str());
    for (const auto& g : kGroups) {
      ImGui::SameLine();
      if (ImGui::RadioButton(tr(rv, g[1]).c_str(), o.rereferral_group == g[0])) {
        o.rereferral_group = g[0];
        changed = true;
      }
      rv.anchor(std::string("kerndataset.group.") + (g[0][0] ? g[0] : "none"));
    }
  }
  if (page == "duurzaamheid") {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(rv, "page.kerndataset.setting.mcnemar").c_str());
    for (int side = 0; side < 2; ++side) {
      std::string& value = side == 0 ? o.sustainability_from : o.sustainability_to;
      ImGui::SameLine();
      ImGui::SetNextItemWidth(150);
      const std::string label = tr(rv, ("kerndataset.moment." + value).c_str());
      if (ImGui::BeginCombo(side == 0 ? "###mcfrom" : "###mcto", label.c_str())) {
        for (int k = 1; k < kd::kMoments; ++k) {
          const std::string code = kd::kMomentCodes[k];
          const std::string& other = side == 0 ? o.sustainability_to : o.sustainability_from;
          if (code == other) continue;
          if (ImGui::Selectable(tr(rv, ("kerndataset.moment." + code).c_str()).c_str(), code == value)) {
            value = code;
            changed = true;
          }
        }
        ImGui::EndCombo();
      }
      rv.anchor(side == 0 ? "kerndataset.mcnemar.from" : "kerndataset.mcnemar.to");
    }
  }
  if (page == "opvolging" || page == "heraanmelding" || page == "plaatsing" || page == "duurzaamheid")
    denominator_combo(a.workspace, rv);
  if (changed) store(a.workspace, o);
}

}  // namespace zicht::ui::controls
