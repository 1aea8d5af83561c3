// The trajecten pages' controls: on the profile and privacy pages the Delen coarsening options of shared-rules
// "Tiny n" (age bands, referrer level 1 only, merged regions) and the k the coarsening result counts against — the
// result `trajecten.coarsening` shows, per option, the cells below k without and with it; on the "geen opstart" page
// the days after which an empty start is Missing; on the duration page the minimum in months. Options in the werkmap
// (analysis::trajecten::Options); the analysis applies them, the page only stores them.
#include "analysis/trajecten.h"
#include "imgui.h"
#include "ui/controls/controls.h"
#include "ui/controls/kit.h"

namespace zicht::ui::controls {

void trajecten_controls(const ProfilePageArgs& a) {
  namespace tj = analysis::trajecten;
  const ResultViewContext& rv = a.rv;
  auto o = options<tj::Options>(a.workspace);
  bool changed = false;
  const std::string& page = a.page.id;
  if (page == "privacy" || page == "profiel") {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(rv, "page.trajecten.setting.coarsen").c_str());
    struct Switch { const char* key; const char* anchor; bool* value; };
    const Switch switches[3] = {{"trajecten.option.coarsen_age", "trajecten.coarsen_age", &o.coarsen_age},
                                {"trajecten.option.coarsen_region", "trajecten.coarsen_region", &o.coarsen_region},
                                {"trajecten.option.coarsen_referrer", "trajecten.coarsen_referrer", &o.coarsen_referrer}};
    for (const auto& s : switches) {
      ImGui::SameLine(0, 16);
      if (ImGui::Checkbox((tr(rv, s.key) + "###" + s.anchor).c_str(), s.value)) changed = true;
      rv.anchor(s.anchor);
    }
    if (page == "privacy") {
      ImGui::SameLine(0, 24);
      ImGui::SetNextItemWidth(120);
      if (ImGui::SliderInt((tr(rv, "page.trajecten.setting.k") + "###trajk").c_str(), &o.k, 2, 11)) changed = true;
      rv.anchor("trajecten.k");
    }
  }
  if (page == "opstart") {
    ImGui::SetNextItemWidth(200);
    if (ImGui::SliderInt((tr(rv, "page.trajecten.setting.pending_days") + "###trajpending").c_str(),
                         &o.pending_missing_days, 30, 365))
      changed = true;
    rv.anchor("trajecten.pending_missing_days");
  }
  if (page == "duur") {
    ImGui::SetNextItemWidth(160);
    if (ImGui::SliderInt((tr(rv, "page.trajecten.setting.minimum_months") + "###trajmin").c_str(), &o.minimum_months, 1, 12))
      changed = true;
    rv.anchor("trajecten.minimum_months");
  }
  if (changed) store(a.workspace, o);
}

}  // namespace zicht::ui::controls
