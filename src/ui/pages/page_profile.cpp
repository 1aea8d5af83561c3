#include "ui/pages/page_profile.h"

#include <algorithm>
#include <map>
#include <string>

#include "core/werkmap.h"
#include "imgui.h"
#include "privacy/compare.h"
#include "ui/controls/controls.h"

namespace zicht::ui {

namespace {

std::string tr(const ResultViewContext& rv, const char* key) { return i18n::tr(key, rv.lang); }

bool is_row_level(const analysis::Table& t);

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
  // The file, or with several record types loaded (kerndataset) the first one "+ N", and the rows of all of them.
  std::string files = a.data->file;
  int64_t rows = 0;
  size_t loaded = 0;
  for (const core::MappedDataset* t : a.tables)
    if (t) {
      ++loaded;
      rows += t->validation.rows_used;
    }
  if (loaded <= 1) rows = a.data->validation.rows_used;
  else files += " + " + std::to_string(loaded - 1);
  const std::string sub =
      i18n::format(tr(rv, ("page." + a.profile + ".subtitle").c_str()), {files, std::to_string(rows), a.set.provenance.as_of});
  draw_page_title(title, sub, rv);
  for (const std::string& id : a.page.results)
    if (const analysis::Result* r = a.set.find(id)) on_screen.push_back(r);

  const std::string note_key = a.profile + "." + a.page.id;
  const std::string note = a.workspace.werkmap().note(a.profile, a.page.id);
  report::HtmlOptions html;
  html.title = tr(rv, "app.title") + " — " + title;
  html.story.push_back({title, note});
  html.marks = rv.marks;  // the report shows the reference marks the page shows
  draw_report_actions(a.set, on_screen, rv, a.profile + "." + a.page.id, a.profile + "-" + a.page.id, a.actions,
                      html);
  ImGui::Spacing();
  if (controls::ControlsFn draw = controls::find(a.profile)) draw(a);
  ImGui::Separator();
  ImGui::Spacing();

  if (on_screen.empty()) {
    ImGui::TextWrapped("%s", tr(rv, "page.no_results").c_str());
  }
  for (const analysis::Result* r : on_screen) {
    const bool overview = r->id.size() > 9 && r->id.compare(r->id.size() - 9, 9, ".overview") == 0;
    if (overview && draw_headlines(*r, rv, a.workspace.werkmap().denominator())) {
      if (!r->views.empty()) {  // the cards are its first table; its charts (a funnel) follow with the rest
        analysis::Result rest = *r;
        rest.tables.erase(rest.tables.begin());
        ImGui::Spacing();
        draw_result(a.presentation ? presented(rest) : rest, rv);
      }
      ImGui::Spacing();
      continue;
    }
    if (controls::ResultFn own = controls::find_result_drawer(a.profile); own && own(a, *r)) {
      // drawn by the profile's own view
    } else if (a.presentation) {
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
    a.workspace.set_note(a.profile, a.page.id, text);
  });
}

}  // namespace zicht::ui
