// The SofS pages' controls: period, organisation, typering and status filters, the norms, the denominator, consent
// on the organisations page, and the reference-mark switches. Options in the werkmap (analysis::sofs::Options).
#include <algorithm>

#include "analysis/sofs.h"
#include "imgui.h"
#include "ui/controls/controls.h"
#include "ui/controls/kit.h"

namespace zicht::ui::controls {

void sofs_controls(const ProfilePageArgs& a) {
  const ResultViewContext& rv = a.rv;
  auto o = options<analysis::sofs::Options>(a.workspace);
  bool changed = false;
  const std::vector<std::string>& orgs = choices(a, "organisatie");
  const std::vector<std::string>& types = choices(a, "typering");
  const bool filters_open = ImGui::CollapsingHeader((tr(rv, "filter.title") + "###filters").c_str());
  rv.anchor("filters.header");
  if (filters_open) {
    ImGui::Indent();
    changed |= date_field("from", tr(rv, "filter.from"), o.period_from, rv);
    ImGui::SameLine();
    changed |= date_field("to", tr(rv, "filter.to"), o.period_to, rv);
    ImGui::SameLine();
    int by = o.period_by_end ? 1 : 0;
    if (ImGui::RadioButton(tr(rv, "filter.by_start").c_str(), &by, 0)) changed = true;
    ImGui::SameLine();
    if (ImGui::RadioButton(tr(rv, "filter.by_end").c_str(), &by, 1)) changed = true;
    o.period_by_end = by == 1;
    changed |= multi_select("organisatie", tr(rv, "filter.organisation"), orgs, o.organisations, rv);
    ImGui::SameLine();
    changed |= multi_select("typering", tr(rv, "filter.typering"), types, o.typering, rv);
    ImGui::SameLine();
    static const char* kStatus[] = {"", "open", "closed"};
    ImGui::SetNextItemWidth(150);
    if (ImGui::BeginCombo((tr(rv, "filter.status") + "###status").c_str(),
                          tr(rv, ("filter.status." + (o.status.empty() ? std::string("all") : o.status)).c_str())
                              .c_str())) {
      for (const char* s : kStatus) {
        const std::string key = std::string("filter.status.") + (*s ? s : "all");
        if (ImGui::Selectable(tr(rv, key.c_str()).c_str(), o.status == s)) {
          o.status = s;
          changed = true;
        }
        rv.anchor(key);
      }
      ImGui::EndCombo();
    }
    rv.anchor("filter.status");
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(rv, "norms.title").c_str());
    ImGui::SetNextItemWidth(110);
    changed |= ImGui::InputInt((tr(rv, "norms.meetings_low") + "###mlow").c_str(), &o.meetings_low);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    changed |= ImGui::InputInt((tr(rv, "norms.meetings_high") + "###mhigh").c_str(), &o.meetings_high);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    changed |= ImGui::InputInt((tr(rv, "norms.duration") + "###dur").c_str(), &o.duration_months);
    o.meetings_low = std::max(0, o.meetings_low);
    o.meetings_high = std::max(o.meetings_low, o.meetings_high);
    o.duration_months = std::max(1, std::min(120, o.duration_months));
    denominator_combo(a.workspace, rv);
    ImGui::Unindent();
  }
  if (a.page.id == "organisaties") {
    // Consent (a werkmap setting): only these organisations are shown by name, all others pooled (SPEC §5).
    ImGui::TextWrapped("%s", tr(rv, "page.consent.help").c_str());
    changed |= multi_select("consent", tr(rv, "page.consent"), orgs, o.consent, rv, "page.consent.none");
  }
  if (changed) store(a.workspace, o);
  marks_switches(a);
}

}  // namespace zicht::ui::controls
