#include "ui/pages/page_profile.h"

#include <algorithm>
#include <map>

#include "analysis/binc.h"
#include "analysis/choices.h"
#include "analysis/sofs.h"
#include "core/werkmap.h"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "privacy/compare.h"

namespace zicht::ui {

namespace {

// Text buffers of date fields, kept between frames while the user types.
std::map<std::string, std::string>& buffers() {
  static std::map<std::string, std::string> b;
  return b;
}

std::string tr(const ResultViewContext& rv, const char* key) { return i18n::tr(key, rv.lang); }

// A combo listing choices with check marks; the preview says how many are chosen ("alle" when none).
bool multi_select(const char* id, const std::string& label, const std::vector<std::string>& choices,
                  std::vector<std::string>& chosen, const ResultViewContext& rv) {
  bool changed = false;
  const std::string preview =
      chosen.empty() ? tr(rv, "filter.all")
                     : (chosen.size() == 1 ? chosen.front()
                                           : i18n::format(tr(rv, "filter.n_chosen"), {std::to_string(chosen.size())}));
  ImGui::SetNextItemWidth(220);
  if (ImGui::BeginCombo((label + "###" + id).c_str(), preview.c_str(), ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable(tr(rv, "filter.all").c_str(), chosen.empty())) {
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

// A YYYY-MM-DD field bound to an optional date; applies when the text is a valid date or empty.
bool date_field(const char* id, const std::string& label, std::optional<int32_t>& value,
                const ResultViewContext& rv) {
  std::string& buf = buffers()[id];
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

bool denominator_combo(session::Session& ws, const ResultViewContext& rv) {
  static const char* kDen[] = {"valid", "applicable", "all"};
  const std::string current = ws.werkmap().denominator();
  ImGui::SetNextItemWidth(200);
  bool changed = false;
  if (ImGui::BeginCombo((tr(rv, "filter.denominator") + "###den").c_str(),
                        tr(rv, ("denominator." + current).c_str()).c_str())) {
    for (const char* d : kDen) {
      if (ImGui::Selectable(tr(rv, (std::string("denominator.") + d).c_str()).c_str(), current == d)) {
        ws.patch_werkmap_options({{"denominator", d}});
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  rv.anchor("filter.denominator");
  return changed;
}

// What a filter can choose from (analysis::field_values), recomputed only when the loaded files change.
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

bool is_row_level(const analysis::Table& t);

// The reference marks on the charts: published Flemish figures and the werkmap's norms, each switchable.
void marks_switches(const ProfilePageArgs& a) {
  const ResultViewContext& rv = a.rv;
  bool published = rv.marks.published, norms = rv.marks.norms;
  if (ImGui::Checkbox(tr(rv, "marks.published").c_str(), &published))
    a.workspace.patch_werkmap_options({{"marks", {{"published", published}}}});
  rv.anchor("marks.published");
  ImGui::SameLine();
  if (ImGui::Checkbox(tr(rv, "marks.norms").c_str(), &norms))
    a.workspace.patch_werkmap_options({{"marks", {{"norms", norms}}}});
  rv.anchor("marks.norms");
}

// Presentation mode hides row-level lists; the trimmed copy is made once per result set, not per frame.
const analysis::Result& presented(const analysis::Result& r) {
  static std::map<const void*, std::pair<uint64_t, analysis::Result>> copies;
  static uint64_t generation = ~uint64_t(0);
  if (generation != results_generation()) {  // new result sets: the old copies (and their addresses) are gone
    copies.clear();
    generation = results_generation();
  }
  auto& slot = copies[&r];
  if (slot.first != generation || slot.second.id != r.id) {
    analysis::Result shown = r;
    shown.tables.erase(std::remove_if(shown.tables.begin(), shown.tables.end(), is_row_level), shown.tables.end());
    shown.flags.clear();
    slot = {results_generation(), std::move(shown)};
  }
  return slot.second;
}

void sofs_controls(const ProfilePageArgs& a) {
  const ResultViewContext& rv = a.rv;
  auto o = analysis::sofs::Options::from_werkmap(a.workspace.werkmap().doc());
  bool changed = false;
  const std::vector<std::string>& orgs = choices(a, "organisatie");
  const std::vector<std::string>& types = choices(a, "typering");
  if (ImGui::CollapsingHeader((tr(rv, "filter.title") + "###filters").c_str())) {
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
    changed |= multi_select("consent", tr(rv, "page.consent"), orgs, o.consent, rv);
  }
  if (changed) a.workspace.patch_werkmap_options(o.to_json());
}

void binc_controls(const ProfilePageArgs& a) {
  const ResultViewContext& rv = a.rv;
  auto o = analysis::binc::Options::from_werkmap(a.workspace.werkmap().doc());
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
  if (ImGui::CollapsingHeader((tr(rv, "filter.title") + "###filters").c_str())) {
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
    if (ImGui::CollapsingHeader((tr(rv, "page.binc.clusters.title") + "###clusters").c_str())) {
      ImGui::TextWrapped("%s", tr(rv, "page.binc.clusters.help").c_str());
      if (!o.clusters.empty()) {
        if (ImGui::Button(tr(rv, "page.binc.clusters.reset").c_str())) {
          a.workspace.patch_werkmap_options({{"clusters", {{"binc", nullptr}}}});
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
          std::string& buf = buffers()["cluster:" + t];
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
  if (changed) a.workspace.patch_werkmap_options(o.to_json());
}

bool is_row_level(const analysis::Table& t) {
  // Row-level lists (data-quality flags with row numbers and ids) are hidden in presentation mode.
  for (const auto& c : t.columns)
    if (c.id == "row" || c.id == "traject_id" || c.id == "kind_id") return true;
  return false;
}

}  // namespace

void draw_profile_page(const ProfilePageArgs& a, std::vector<const analysis::Result*>& on_screen) {
  const ResultViewContext& rv = a.rv;
  on_screen.clear();
  const std::string title = tr(rv, a.page.title_key.c_str());
  if (!a.data) {
    draw_page_title(title, tr(rv, ("page." + a.profile + ".empty").c_str()), rv);
    ImGui::Spacing();
    if (primary_button(rv.theme, tr(rv, "start.open").c_str()) && a.request_open_file) *a.request_open_file = true;
    rv.anchor(a.profile + ".empty.open");
    ImGui::SameLine();
    if (ImGui::Button(tr(rv, "page.load_demo").c_str())) a.workspace.load_builtin_sample();
    rv.anchor(a.profile + ".empty.demo");
    return;
  }
  const std::string sub = i18n::format(tr(rv, ("page." + a.profile + ".subtitle").c_str()),
                                       {a.data->file, std::to_string(a.data->validation.rows_used),
                                        a.set.provenance.as_of});
  draw_page_title(title, sub, rv);
  for (const std::string& id : a.page.results)
    if (const analysis::Result* r = a.set.find(id)) on_screen.push_back(r);

  const std::string note_key = a.profile + "." + a.page.id;
  const auto& notes = a.workspace.werkmap().doc().value("notes", nlohmann::json::object());
  const std::string note = notes.is_object() ? notes.value(note_key, std::string()) : std::string();
  report::HtmlOptions html;
  html.title = tr(rv, "app.title") + " — " + title;
  html.story.push_back({title, note});
  html.marks = rv.marks;  // the report shows the reference marks the page shows
  draw_report_actions(a.set, on_screen, rv, a.profile + "." + a.page.id, a.profile + "-" + a.page.id, a.actions,
                      html);
  ImGui::Spacing();
  if (a.profile == "sofs") {
    sofs_controls(a);
    marks_switches(a);
  } else {
    binc_controls(a);
  }
  ImGui::Separator();
  ImGui::Spacing();

  if (on_screen.empty()) {
    ImGui::TextWrapped("%s", tr(rv, "page.no_results").c_str());
  }
  for (const analysis::Result* r : on_screen) {
    const bool overview = r->id.size() > 9 && r->id.compare(r->id.size() - 9, 9, ".overview") == 0;
    if (overview && draw_headlines(*r, rv, a.workspace.werkmap().denominator())) {
      ImGui::Spacing();
      continue;
    }
    if (a.presentation) {
      draw_result(presented(*r), rv);
    } else {
      draw_result(*r, rv);
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
  }
  if (a.page.id == "organisaties") {
    // The evaluation group's four reflection questions sit next to every comparison (seed 003 L5147–5155).
    ImGui::PushFont(rv.fonts.bold);
    ImGui::TextUnformatted(tr(rv, "page.reflection").c_str());
    ImGui::PopFont();
    for (const auto& q : privacy::reflection_questions()) ImGui::BulletText("%s", q.in(rv.lang).c_str());
    ImGui::Spacing();
  }
  draw_page_note(note, rv, "note." + note_key, [&](const std::string& text) {
    a.workspace.patch_werkmap_options({{"notes", {{note_key, text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text)}}}});
  });
}

}  // namespace zicht::ui
