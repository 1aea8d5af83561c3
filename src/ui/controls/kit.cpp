#include "ui/controls/kit.h"

#include <algorithm>

#include "analysis/choices.h"
#include "core/werkmap.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"

namespace zicht::ui::controls {

std::string& buffer(const std::string& id) {
  static std::map<std::string, std::string> b;
  return b[id];
}

std::string tr(const ResultViewContext& rv, const char* key) { return i18n::tr(key, rv.lang); }

bool multi_select(const char* id, const std::string& label, const std::vector<std::string>& choices,
                  std::vector<std::string>& chosen, const ResultViewContext& rv, const char* none_key) {
  bool changed = false;
  const std::string preview =
      chosen.empty() ? tr(rv, none_key)
                     : (chosen.size() == 1 ? chosen.front()
                                           : i18n::format(tr(rv, "filter.n_chosen"), {std::to_string(chosen.size())}));
  ImGui::SetNextItemWidth(220);
  if (ImGui::BeginCombo((label + "###" + id).c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable(tr(rv, none_key).c_str(), chosen.empty())) {
      chosen.clear();
      changed = true;
    }
    for (const auto& c : choices) {
      const bool on = std::find(chosen.begin(), chosen.end(), c) != chosen.end();
      if (ImGui::Selectable(c.c_str(), on, ImGuiSelectableFlags_DontClosePopups)) {
        if (on) chosen.erase(std::find(chosen.begin(), chosen.end(), c));
        else chosen.push_back(c);
        std::sort(chosen.begin(), chosen.end());
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  rv.anchor(std::string("filter.") + id);
  return changed;
}

bool date_field(const char* id, const std::string& label, std::optional<int32_t>& value,
                const ResultViewContext& rv) {
  std::string& buf = buffer(id);
  ImGui::SetNextItemWidth(130);
  bool changed = false;
  if (ImGui::InputTextWithHint((label + "###" + id).c_str(), tr(rv, "filter.date_hint").c_str(), &buf)) {
    int32_t d = 0;
    if (buf.empty()) {
      value.reset();
      changed = true;
    } else if (buf.size() == 10 && core::parse_iso_date(buf, d)) {
      value = d;
      changed = true;
    }
  }
  // While not being edited the field shows the date in effect (an invalid entry is dropped on leaving).
  if (!ImGui::IsItemActive()) buf = value ? core::format_iso_date(*value) : std::string();
  rv.anchor(std::string("filter.") + id);
  return changed;
}

void denominator_combo(session::Session& s, const ResultViewContext& rv) {
  const core::Denominator current = s.werkmap().denominator();
  // As wide as its longest choice at the current type size (presentation type cut "geldig (zonder ontbrekend)").
  float widest = 0;
  for (core::Denominator d : core::kDenominators)
    widest = std::max(widest, ImGui::CalcTextSize(tr(rv, (std::string("denominator.") + core::denominator_id(d)).c_str()).c_str()).x);
  ImGui::SetNextItemWidth(std::max(200.0f, widest + ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2));
  const std::string current_key = std::string("denominator.") + core::denominator_id(current);
  if (ImGui::BeginCombo((tr(rv, "filter.denominator") + "###den").c_str(), tr(rv, current_key.c_str()).c_str())) {
    for (core::Denominator d : core::kDenominators) {
      const std::string key = std::string("denominator.") + core::denominator_id(d);
      if (ImGui::Selectable(tr(rv, key.c_str()).c_str(), current == d))
        s.edit_options([d](core::Werkmap& w) { w.set_denominator(d); });
      rv.anchor(key);
    }
    ImGui::EndCombo();
  }
  rv.anchor("filter.denominator");
}

void marks_switches(const ProfilePageArgs& a) {
  const ResultViewContext& rv = a.rv;
  core::Marks m = a.workspace.werkmap().marks();
  bool changed = ImGui::Checkbox(tr(rv, "marks.published").c_str(), &m.published);
  rv.anchor("marks.published");
  ImGui::SameLine();
  changed |= ImGui::Checkbox(tr(rv, "marks.norms").c_str(), &m.norms);
  rv.anchor("marks.norms");
  if (changed) a.workspace.edit_options([m](core::Werkmap& w) { w.set_marks(m); });
}

const std::vector<std::string>& choices(const ProfilePageArgs& a, const char* field) {
  static std::map<std::string, std::vector<std::string>> cache;
  static uint64_t version = ~uint64_t(0);
  if (version != a.workspace.version()) {
    cache.clear();
    version = a.workspace.version();
  }
  const std::string key = a.profile + "." + field;
  auto it = cache.find(key);
  if (it == cache.end()) it = cache.emplace(key, analysis::field_values(*a.data, field)).first;
  return it->second;
}

}  // namespace zicht::ui::controls
