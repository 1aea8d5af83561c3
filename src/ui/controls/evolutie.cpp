// The evolutie pages' controls: the instrument and domain analysed (from the series result's list of what has
// scores), the two moments of `change`, the nested model, the class threshold δ, the denominator, and the person of
// the one-page sheet and its print button. Options in the werkmap (analysis::evolutie::Options); shown on the pages
// they change.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "analysis/evolutie.h"
#include "imgui.h"
#include "platform/platform.h"
#include "report/person_sheet.h"
#include "ui/controls/controls.h"
#include "ui/controls/kit.h"

namespace zicht::ui::controls {

namespace {

// A combo over `values` (codes) shown as `labels`; returns true when the user picked another.
bool pick(const char* id, const std::string& label, std::string& value, const std::vector<std::string>& values,
          const std::vector<std::string>& labels, float width) {
  bool changed = false;
  ImGui::SetNextItemWidth(width);
  std::string shown = value;
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i] == value) shown = labels[i];
  if (ImGui::BeginCombo((label + "###" + id).c_str(), shown.c_str())) {
    for (size_t i = 0; i < values.size(); ++i)
      if (ImGui::Selectable(labels[i].c_str(), values[i] == value)) {
        value = values[i];
        changed = true;
      }
    ImGui::EndCombo();
  }
  return changed;
}

// "Eén pagina afdrukken": the person's sheet as one A4 HTML page, built on click (never per frame). Only while the
// result has its Intern-only tables: in Delen there is no sheet, and a short disabled text says so.
void print_sheet_button(const analysis::ResultSet& set, const ResultViewContext& rv) {
  const analysis::Result* sheet = set.find("evolutie.person");
  const analysis::Table* who = nullptr;
  bool printable = false;
  if (sheet)
    for (const auto& t : sheet->tables) {
      if (t.id == "summary") printable = true;
      if (t.id == "who" && !t.rows.empty()) who = &t;
    }
  if (!printable) {
    ImGui::TextDisabled("%s", tr(rv, "sheet.print_unavailable").c_str());
    return;
  }
  if (ImGui::Button((tr(rv, "sheet.print") + "###print_sheet").c_str())) {
    // The file is named after the (pseudonymous) id, kept to characters every file system takes.
    std::string id = who ? who->rows.front().front().s : std::string();
    for (char& c : id)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
    const std::string doc = report::person_sheet_html(*sheet, set.provenance, rv.lang);
    platform::download("zicht-evolutie-" + (id.empty() ? std::string("persoon") : id) + ".html",
                       "text/html;charset=utf-8", doc.data(), doc.size());
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(rv, "sheet.print_tip").c_str());
  rv.anchor("evolutie.print");
}

}  // namespace

void evolutie_controls(const ProfilePageArgs& a) {
  namespace ev = analysis::evolutie;
  const ResultViewContext& rv = a.rv;
  auto o = options<ev::Options>(a.workspace);
  bool changed = false;
  const std::string& page = a.page.id;
  const analysis::Result* series = a.set.find("evolutie.series");
  const analysis::Table* inst = nullptr;
  if (series)
    for (const auto& t : series->tables)
      if (t.id == "instruments") inst = &t;
  // Instrument · domain, as one choice.
  if (inst && !inst->rows.empty() && page != "fasen" && page != "kwaliteit" && page != "persoon" && page != "domeinen") {
    std::vector<std::string> values, labels;
    std::string current;
    // Columns by id, never by position (the analysis owns the table's layout).
    const int ci = inst->column_index("instrument"), cn = inst->column_index("name"), cd = inst->column_index("domain"),
              ca = inst->column_index("analysed");
    for (const auto& row : inst->rows) {
      if (ci < 0 || cn < 0 || cd < 0 || ca < 0) break;
      const std::string& domain = row[size_t(cd)].s;
      const std::string id = row[size_t(ci)].s + "\x1f" + domain;
      values.push_back(id);
      labels.push_back(row[size_t(cn)].text_in(rv.lang) + (domain.empty() ? "" : " · " + domain));
      if (!row[size_t(ca)].s.empty()) current = id;
    }
    if (values.size() > 1) {
      if (pick("instrument", tr(rv, "page.evolutie.setting.instrument"), current, values, labels, 20 * ImGui::GetFontSize())) {
        const size_t cut = current.find('\x1f');
        o.instrument = current.substr(0, cut);
        o.domain = current.substr(cut + 1);
        changed = true;
      }
      rv.anchor("evolutie.instrument");
      ImGui::SameLine(0, 24);
    }
  }
  static const char* const kMoments[] = {"0m", "3m", "6m", "9m", "12m", "18m", "24m", "einde"};
  if (page == "verandering") {
    std::vector<std::string> values, labels;
    for (const char* m : kMoments) {
      values.push_back(m);
      labels.push_back(tr(rv, (std::string("evolutie.moment.") + m).c_str()));
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(rv, "page.evolutie.setting.change").c_str());
    for (int side = 0; side < 2; ++side) {
      std::string& value = side == 0 ? o.change_from : o.change_to;
      const std::string& other = side == 0 ? o.change_to : o.change_from;
      std::string v = value;
      ImGui::SameLine();
      if (pick(side == 0 ? "from" : "to", "", v, values, labels, 7 * ImGui::GetFontSize()) && v != other) {
        value = v;
        changed = true;
      }
      rv.anchor(side == 0 ? "evolutie.change.from" : "evolutie.change.to");
    }
  }
  if (page == "herhaald") {
    if (ImGui::Checkbox((tr(rv, "page.evolutie.setting.nested") + "###nested").c_str(), &o.nested)) changed = true;
    rv.anchor("evolutie.nested");
  }
  if (page == "patronen") {
    float d = static_cast<float>(o.delta);
    ImGui::SetNextItemWidth(12 * ImGui::GetFontSize());
    if (ImGui::SliderFloat((tr(rv, "page.evolutie.setting.delta") + "###delta").c_str(), &d, 0.5f, 3.0f, "%.1f")) {
      o.delta = std::round(d * 2.0) / 2.0;  // half points
      changed = true;
    }
    rv.anchor("evolutie.delta");
  }
  if (page == "volledigheid") denominator_combo(a.workspace, rv);
  if (page == "persoon") {
    // Everyone with a measurement, and the person the sheet shows now — both from the analysis (evolutie.person's
    // "people" and "who" tables), so the picker never names someone else than the sheet below it.
    std::vector<std::string> values, labels;
    std::string shown;
    if (const analysis::Result* sheet = a.set.find("evolutie.person"))
      for (const auto& t : sheet->tables) {
        const int cp = t.column_index("person"), cw = t.column_index("who");
        if (cp < 0) continue;
        if (t.id == "people")
          for (const auto& row : t.rows) {
            values.push_back(row[size_t(cp)].s);
            const std::string who = cw >= 0 ? row[size_t(cw)].s : std::string();
            labels.push_back(row[size_t(cp)].s + (who.empty() ? "" : " · " + who));
          }
        if (t.id == "who" && !t.rows.empty()) shown = t.rows[0][size_t(cp)].s;
      }
    if (values.empty()) {
      ImGui::TextWrapped("%s", tr(rv, "page.evolutie.setting.person_none").c_str());
      print_sheet_button(a.set, rv);
    } else {
      std::string v = shown.empty() ? values.front() : shown;
      if (pick("person", tr(rv, "page.evolutie.setting.person"), v, values, labels, 16 * ImGui::GetFontSize())) {
        o.person = v;
        changed = true;
      }
      rv.anchor("evolutie.person");
      ImGui::SameLine(0, 24);
      print_sheet_button(a.set, rv);
    }
  }
  if (changed) store(a.workspace, o);
}

}  // namespace zicht::ui::controls
