// The matrix pages' controls: the version analysed and the one compared with (workshop versions are named and kept
// in the werkmap), the facets (groups, level, TO citation, regie, region, insteek, voert zelf uit, age), the
// similarity's groups, the forms side by side, the denominator and the legend colours. Options in the werkmap
// (analysis::matrix::Options); the choices come from analysis::matrix::catalog, computed once per change.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "analysis/matrix.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "ui/controls/controls.h"
#include "ui/controls/kit.h"

namespace zicht::ui::controls {

analysis::matrix::Options options_of_matrix(const ProfilePageArgs& a);

namespace {

namespace mx = analysis::matrix;

mx::Inputs inputs_of(const ProfilePageArgs& a) {
  mx::Inputs in;
  auto at = [&](size_t i) { return i < a.tables.size() ? a.tables[i] : nullptr; };
  in.cells = at(0);
  in.characteristics = at(1);
  in.support_forms = at(2);
  in.legend = at(3);
  return in;
}

const mx::Catalog& catalog_of(const ProfilePageArgs& a) {
  static mx::Catalog cached;
  static uint64_t options = ~uint64_t(0), results = ~uint64_t(0);
  if (options != a.workspace.options_version() || results != results_generation()) {
    options = a.workspace.options_version();
    results = results_generation();
    const mx::Inputs in = inputs_of(a);
    cached = in.cells ? mx::catalog(in, options_of_matrix(a)) : mx::Catalog{};
  }
  return cached;
}

bool version_combo(const char* id, const std::string& label, std::string& chosen, const std::vector<std::string>& names,
                   const ResultViewContext& rv, const std::string& none_label = {}) {
  bool changed = false;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label.c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetTextLineHeight() * 12);
  const std::string preview = chosen.empty() ? (none_label.empty() && !names.empty() ? names.front() : none_label) : chosen;
  if (ImGui::BeginCombo((std::string("###") + id).c_str(), preview.c_str())) {
    for (const auto& n : names)
      if (ImGui::Selectable(n.c_str(), n == preview)) {
        chosen = n;
        changed = true;
      }
    ImGui::EndCombo();
  }
  rv.anchor(std::string("matrix.") + id);
  return changed;
}

}  // namespace

analysis::matrix::Options options_of_matrix(const ProfilePageArgs& a) { return options<mx::Options>(a.workspace); }

const std::vector<std::string>& matrix_versions(const ProfilePageArgs& a) { return catalog_of(a).versions; }

void matrix_controls(const ProfilePageArgs& a) {
  const ResultViewContext& rv = a.rv;
  mx::Options o = options<mx::Options>(a.workspace);
  const mx::Catalog& cat = catalog_of(a);
  bool changed = false;
  // The version analysed is always in view: it changes every number.
  changed |= version_combo("version", tr(rv, "matrix.page.version"), o.active, cat.versions, rv);
  std::vector<std::string> others;
  const std::string active = o.active.empty() && !cat.versions.empty() ? cat.versions.front() : o.active;
  for (const auto& v : cat.versions)
    if (v != active) others.push_back(v);
  if (!others.empty()) {
    ImGui::SameLine(0, ImGui::GetTextLineHeight() * 1.5f);
    changed |= version_combo("compare_with", tr(rv, "matrix.page.compare_with"), o.compare_with, others, rv,
                             others.front());
  }
  ImGui::SameLine(0, ImGui::GetTextLineHeight() * 1.5f);
  std::string& name = buffer("matrix.new_version");
  ImGui::SetNextItemWidth(ImGui::GetTextLineHeight() * 10);
  ImGui::InputTextWithHint("###newversion", tr(rv, "matrix.page.new_version_hint").c_str(), &name);
  rv.anchor("matrix.new_version.name");
  ImGui::SameLine();
  const bool taken = std::find(cat.versions.begin(), cat.versions.end(), name) != cat.versions.end();
  ImGui::BeginDisabled(name.empty() || taken);
  if (ImGui::Button(tr(rv, "matrix.page.new_version").c_str())) {
    o.recoding_for_edit(name, active);
    o.compare_with = active;
    o.active = name;
    name.clear();
    changed = true;
  }
  ImGui::EndDisabled();
  rv.anchor("matrix.new_version");
  if (const mx::Recoding* r = o.recoding(active)) {
    ImGui::TextWrapped("%s", i18n::format(tr(rv, "matrix.page.recoding_info"), {r->name, r->base, std::to_string(r->cells.size())}).c_str());
    rv.anchor("matrix.recoding_info");
  }

  const bool filters_open = ImGui::CollapsingHeader((tr(rv, "matrix.page.facets") + "###mfacets").c_str());
  rv.anchor("matrix.facets.header");
  if (filters_open) {
    ImGui::Indent();
    changed |= multi_select("m_groups", tr(rv, "matrix.col.group"), cat.groups, o.groups, rv);
    ImGui::SameLine();
    changed |= multi_select("m_levels", tr(rv, "matrix.col.level"), cat.levels, o.levels, rv);
    ImGui::SameLine();
    changed |= multi_select("m_regies", tr(rv, "matrix.col.regie"), cat.regies, o.regies, rv);
    changed |= multi_select("m_regions", tr(rv, "matrix.col.region"), cat.regions, o.regions, rv);
    ImGui::SameLine();
    changed |= multi_select("m_insteek", tr(rv, "matrix.col.insteek"), cat.insteek, o.insteek, rv);
    static const char* kTri[] = {"", "ja", "nee"};
    auto tri = [&](const char* id, const char* key, std::string& value) {
      ImGui::SetNextItemWidth(ImGui::GetTextLineHeight() * 6);
      const std::string preview = value.empty() ? tr(rv, "filter.all") : tr(rv, ("matrix." + std::string(value == "ja" ? "yes" : "no")).c_str());
      if (ImGui::BeginCombo((tr(rv, key) + "###" + id).c_str(), preview.c_str())) {
        for (const char* t : kTri) {
          const std::string l = *t ? tr(rv, (std::string("matrix.") + (std::string(t) == "ja" ? "yes" : "no")).c_str())
                                   : tr(rv, "filter.all");
          if (ImGui::Selectable(l.c_str(), value == t)) {
            value = t;
            changed = true;
          }
        }
        ImGui::EndCombo();
      }
      rv.anchor(std::string("matrix.") + id);
    };
    tri("citation", "matrix.page.citation", o.citation);
    ImGui::SameLine();
    tri("executes", "matrix.col.executes", o.executes);
    ImGui::SameLine();
    float age = std::isfinite(o.age) ? static_cast<float>(o.age) : -1.f;
    ImGui::SetNextItemWidth(ImGui::GetTextLineHeight() * 6);
    if (ImGui::InputFloat((tr(rv, "matrix.page.age") + "###mage").c_str(), &age, 1.f, 5.f, "%.1f",
                          ImGuiInputTextFlags_EnterReturnsTrue)) {
      o.age = age < -1.f ? NAN : static_cast<double>(age);
      if (age == -1.f) o.age = NAN;
      changed = true;
    }
    rv.anchor("matrix.age");
    ImGui::Unindent();
  }
  if (a.page.id == "gelijkenis")
    changed |= multi_select("m_simgroups", tr(rv, "matrix.page.similarity_groups"), cat.groups, o.similarity_groups, rv);
  if (a.page.id == "vergelijken") {
    std::vector<std::string> labels, chosen;
    for (const auto& [id, label] : cat.forms) labels.push_back(label);
    // Nothing chosen: the page compares the first overlap the authors name; show it as chosen.
    const std::vector<std::string> ids = o.compare_forms.size() >= 2 ? o.compare_forms
                                                                      : std::vector<std::string>{"caw_trajecten", "jac_trajecten"};
    for (const auto& id : ids)
      for (const auto& [fid, label] : cat.forms)
        if (fid == id) chosen.push_back(label);
    if (multi_select("m_compare", tr(rv, "matrix.page.compare_forms"), labels, chosen, rv)) {
      o.compare_forms.clear();
      for (const auto& l : chosen)
        for (const auto& [fid, label] : cat.forms)
          if (label == l && o.compare_forms.size() < 3) o.compare_forms.push_back(fid);
      changed = true;
    }
  }
  if (a.page.id == "kenmerken" || a.page.id == "vormen") denominator_combo(a.workspace, rv);
  if (a.page.id == "matrix" && !a.presentation) {  // a set-up control: not on the projector
    const bool colours_open = ImGui::CollapsingHeader((tr(rv, "matrix.page.colours") + "###mcolours").c_str());
    rv.anchor("matrix.colours.header");
    if (colours_open) {
      for (const char* code : {"P", "GP", "NP", "GI", "GB", "AK"}) {
        float c[3] = {0.5f, 0.5f, 0.5f};
        auto it = o.colours.find(code);
        unsigned v = 0;
        const bool set = it != o.colours.end() && std::sscanf(it->second.c_str(), "#%06x", &v) == 1;
        if (set) {
          c[0] = float((v >> 16) & 255) / 255.f;
          c[1] = float((v >> 8) & 255) / 255.f;
          c[2] = float(v & 255) / 255.f;
        }
        if (ImGui::ColorEdit3((std::string(code) + " " + tr(rv, (std::string("matrix.state.") + code).c_str())).c_str(), c,
                              ImGuiColorEditFlags_NoInputs)) {
          char hex[8];
          std::snprintf(hex, sizeof hex, "#%02x%02x%02x", int(c[0] * 255 + .5f), int(c[1] * 255 + .5f), int(c[2] * 255 + .5f));
          o.colours[code] = hex;
          changed = true;
        }
        rv.anchor(std::string("matrix.colour.") + code);
      }
      if (!o.colours.empty() && ImGui::Button(tr(rv, "matrix.page.colours_reset").c_str())) {
        o.colours.clear();
        changed = true;
      }
    }
  }
  if (changed) store(a.workspace, o);
}

}  // namespace zicht::ui::controls
