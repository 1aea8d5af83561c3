// Workshop mode: big, calm "+1" buttons per labelled option and per card colour, the labelled sorted result beside
// them (procesflow.priorities / .statements from the session), undo of the last tap (button and Ctrl+Z), and saving
// the records as stemming / stelling files that stay on this machine unless downloaded.
#include "ui/pages/page_workshop.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "platform/platform.h"
#include "ui/pages/page_kit.h"

namespace zicht::ui {
namespace {

constexpr int kKeyZ = 'Z', kKeyY = 'Y';  // GLFW key codes equal ASCII for letters

std::string tr(const char* key, const ResultViewContext& rv) { return i18n::tr(key, rv.lang); }

// Card colours of the positions (Okabe–Ito: bluish green = agree, vermillion = disagree, grey in between), always
// with the position's name on the button, so colour is never the only cue.
ImVec4 card_colour(size_t position, size_t n) {
  if (position == 0) return ImVec4(0.0f, 0.52f, 0.38f, 1);
  if (position + 1 == n) return ImVec4(0.80f, 0.33f, 0.0f, 1);
  return ImVec4(0.42f, 0.45f, 0.50f, 1);
}

bool big_button(const char* label, ImVec4 colour, float width, float height) {
  ImGui::PushStyleColor(ImGuiCol_Button, colour);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(colour.x * 0.85f, colour.y * 0.85f, colour.z * 0.85f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(colour.x * 0.7f, colour.y * 0.7f, colour.z * 0.7f, 1));
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
  const bool pressed = ImGui::Button(label, ImVec2(width, height));
  ImGui::PopStyleColor(4);
  return pressed;
}

void muted(const std::string& text, const ResultViewContext& rv) {
  ImGui::PushStyleColor(ImGuiCol_Text, palette(rv.theme).text_muted);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

void section_title(const std::string& text, const ResultViewContext& rv) {
  ImGui::Spacing();
  ImGui::PushFont(rv.fonts.large);
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopFont();
}

void draw_toolbar(session::Session& ws, const ResultViewContext& rv, WorkshopPageState& state) {
  session::Workshop& w = ws.workshop();
  const float h = ImGui::GetFrameHeight() * 1.5f;
  ImGui::BeginDisabled(!w.can_undo());
  if (ImGui::Button((tr("workshop.undo", rv) + " (Ctrl+Z)").c_str(), ImVec2(0, h))) w.undo();
  ImGui::EndDisabled();
  rv.anchor("workshop.undo");
  ImGui::SameLine();
  ImGui::BeginDisabled(!w.can_redo());
  if (ImGui::Button(tr("workshop.redo", rv).c_str(), ImVec2(0, h))) w.redo();
  ImGui::EndDisabled();
  rv.anchor("workshop.redo");
  ImGui::SameLine(0, 24);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(ImGui::GetStyle().FramePadding.x, (h - ImGui::GetFontSize()) * 0.5f));
  if (primary_button(rv.theme, tr("workshop.save", rv).c_str())) {
    for (const auto& [name, csv] : ws.save_workshop())
      platform::download(name, "text/csv;charset=utf-8", csv.data(), csv.size());
  }
  ImGui::PopStyleVar();
  rv.anchor("workshop.save");
  ImGui::SameLine(0, 24);
  if (ImGui::Button(tr("workshop.reset", rv).c_str(), ImVec2(0, h))) state.confirm_reset = true;
  rv.anchor("workshop.reset");
  if (state.confirm_reset) ImGui::OpenPopup("###workshop.reset");
  if (ImGui::BeginPopupModal((tr("workshop.reset_title", rv) + "###workshop.reset").c_str(), nullptr,
                             ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted(tr("workshop.reset_question", rv).c_str());
    if (ImGui::Button(tr("workshop.reset_yes", rv).c_str())) {
      w.reset_counts();
      state.confirm_reset = false;
      ImGui::CloseCurrentPopup();
    }
    rv.anchor("workshop.reset_yes");
    ImGui::SameLine();
    if (ImGui::Button(tr("workshop.reset_no", rv).c_str())) {
      state.confirm_reset = false;
      ImGui::CloseCurrentPopup();
    }
    rv.anchor("workshop.reset_no");
    ImGui::EndPopup();
  }
  // The meeting the records belong to (overleg_id).
  ImGui::SameLine(0, 24);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("workshop.overleg", rv).c_str());
  ImGui::SameLine();
  std::string id = w.overleg_id();
  ImGui::SetNextItemWidth(std::max(160.0f, ImGui::GetContentRegionAvail().x));
  if (ImGui::InputText("##overleg", &id)) w.set_overleg_id(id);
  rv.anchor("workshop.overleg");
}

void draw_vote_controls(session::Workshop& w, const ResultViewContext& rv) {
  std::string title = w.vote_title();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputTextWithHint("##vote_title", tr("workshop.vote_title_hint", rv).c_str(), &title))
    w.set_vote_title(title);
  rv.anchor("workshop.vote_title");
  ImGui::Spacing();
  const float h = ImGui::GetFrameHeight() * 1.9f;
  const float button_w = ImGui::CalcTextSize("+1").x + ImGui::GetFontSize() * 3.0f;
  const float count_w = ImGui::CalcTextSize("0000").x;
  int remove = -1;
  for (size_t i = 0; i < w.options().size(); ++i) {
    const auto& o = w.options()[i];
    const std::string n = std::to_string(i);
    ImGui::PushID(o.id);
    // The label typed in place, then the big button that records one dot for it, then its count.
    std::string label = o.label;
    ImGui::SetNextItemWidth(std::max(120.0f, ImGui::GetContentRegionAvail().x - button_w - count_w -
                                                 ImGui::GetFrameHeight() - 4 * ImGui::GetStyle().ItemSpacing.x));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(ImGui::GetStyle().FramePadding.x, (h - ImGui::GetFontSize()) * 0.5f));
    if (ImGui::InputTextWithHint("##label", tr("workshop.option_hint", rv).c_str(), &label))
      w.rename_option(i, label);
    ImGui::PopStyleVar();
    rv.anchor("workshop.option." + n);
    ImGui::SameLine();
    if (big_button("+1", palette(rv.theme).accent, button_w, h)) w.vote(i);
    rv.anchor("workshop.vote." + n);
    ImGui::SameLine();
    ImGui::PushFont(rv.fonts.large);
    const std::string count = std::to_string(o.votes);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (h - ImGui::GetTextLineHeight()) * 0.5f);
    ImGui::TextUnformatted(count.c_str());
    ImGui::PopFont();
    ImGui::SameLine(0, count_w - ImGui::CalcTextSize(count.c_str()).x + ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button("×", ImVec2(ImGui::GetFrameHeight(), h))) remove = static_cast<int>(i);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("workshop.option_remove", rv).c_str());
    rv.anchor("workshop.option_remove." + n);
    ImGui::PopID();
  }
  if (remove >= 0) w.remove_option(static_cast<size_t>(remove));
  if (ImGui::Button(tr("workshop.option_add", rv).c_str())) w.add_option("");
  rv.anchor("workshop.option_add");
  ImGui::Spacing();
  ImGui::PushFont(rv.fonts.bold);
  ImGui::TextUnformatted(
      i18n::format(tr("workshop.votes_total", rv), {std::to_string(w.total_votes())}).c_str());
  ImGui::PopFont();
  rv.anchor("workshop.votes_total");
}

void draw_statement_controls(session::Workshop& w, const ResultViewContext& rv) {
  if (w.statements().empty()) return;
  const size_t cur = w.current();
  const session::WorkshopStatement& s = w.statements()[cur];
  // Which statement is being voted on.
  auto name = [&](const session::WorkshopStatement& x) {
    return i18n::format(tr("workshop.statement_n", rv), {std::to_string(x.nummer)}) +
           (x.tekst.empty() ? std::string() : ": " + x.tekst);
  };
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x * 0.6f, 420.0f));
  if (ImGui::BeginCombo("##pick", name(s).c_str())) {
    for (size_t i = 0; i < w.statements().size(); ++i)
      if (ImGui::Selectable((name(w.statements()[i]) + "##" + std::to_string(i)).c_str(), i == cur))
        w.set_current(i);
    ImGui::EndCombo();
  }
  rv.anchor("workshop.statement.pick");
  ImGui::SameLine();
  if (ImGui::Button(tr("workshop.statement_add", rv).c_str())) w.add_statement();
  rv.anchor("workshop.statement.add");
  ImGui::SameLine();
  ImGui::BeginDisabled(w.statements().size() < 2);
  if (ImGui::Button(tr("workshop.statement_remove", rv).c_str())) w.remove_statement(cur);
  ImGui::EndDisabled();
  rv.anchor("workshop.statement.remove");
  if (w.current() != cur) return;  // drawn with the new one next frame

  ImGui::PushID(s.id);
  int nummer = s.nummer;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("workshop.statement_number", rv).c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  if (ImGui::InputInt("##nummer", &nummer) && nummer > 0) w.set_statement_number(cur, nummer);
  rv.anchor("workshop.statement.number");
  ImGui::SameLine(0, 24);
  ImGui::TextUnformatted(tr("workshop.scale", rv).c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  int64_t tallied = 0;
  for (int64_t t : s.tallies) tallied += t;
  ImGui::BeginDisabled(tallied > 0);  // the cards already held up keep their meaning
  if (ImGui::BeginCombo("##scale", s.schaal.c_str())) {
    for (const auto& sc : session::workshop_scales())
      if (ImGui::Selectable(sc.c_str(), sc == s.schaal)) w.set_statement_scale(cur, sc);
    ImGui::EndCombo();
  }
  ImGui::EndDisabled();
  rv.anchor("workshop.statement.scale");
  std::string tekst = s.tekst;
  if (ImGui::InputTextMultiline("##tekst", &tekst, ImVec2(-1, ImGui::GetTextLineHeight() * 2.6f)))
    w.set_statement_text(cur, tekst);
  rv.anchor("workshop.statement.text");
  if (tekst.empty()) {  // a hint over the empty field
    const ImVec2 a = ImGui::GetItemRectMin();
    ImGui::GetWindowDrawList()->AddText(ImVec2(a.x + ImGui::GetStyle().FramePadding.x, a.y + ImGui::GetStyle().FramePadding.y),
                                        ImGui::GetColorU32(ImGuiCol_TextDisabled),
                                        tr("workshop.statement_hint", rv).c_str());
  }
  ImGui::Spacing();
  // One big button per position, in the card's colour and with its name and count.
  const std::vector<std::string> positions = session::workshop_positions(s.schaal);
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float bw = std::floor((ImGui::GetContentRegionAvail().x - gap * float(positions.size() - 1)) /
                              float(std::max<size_t>(1, positions.size())));
  const float bh = ImGui::GetFrameHeight() * 2.4f;
  for (size_t p = 0; p < positions.size(); ++p) {
    if (p) ImGui::SameLine();
    const std::string label = "+1 " + positions[p] + "   " + std::to_string(s.tallies[p]) + "###card" +
                              std::to_string(p);
    if (big_button(label.c_str(), card_colour(p, positions.size()), bw, bh)) w.card(cur, p);
    rv.anchor("workshop.card." + positions[p]);
  }
  // Arguments per position, optional (the inspiration day kept them, spec §3.6).
  for (size_t p = 0; p < positions.size(); ++p) {
    if (p) ImGui::SameLine();
    std::string arg = s.arguments[p];
    ImGui::SetNextItemWidth(bw);
    ImGui::PushID(static_cast<int>(p));
    if (ImGui::InputTextWithHint("##arg", tr("workshop.argument_hint", rv).c_str(), &arg)) w.set_argument(cur, p, arg);
    ImGui::PopID();
    rv.anchor("workshop.argument." + positions[p]);
  }
  std::string uitkomst = s.uitkomst;
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputTextWithHint("##uitkomst", tr("workshop.outcome_hint", rv).c_str(), &uitkomst))
    w.set_statement_outcome(cur, uitkomst);
  rv.anchor("workshop.statement.outcome");
  ImGui::PopID();
}

// Controls on the left, the result on the right when the page is wide enough; one under the other otherwise.
template <typename Controls>
void block(const char* id, const analysis::Result* result, const ResultViewContext& rv, const std::string& empty,
           Controls controls) {
  const bool wide = ImGui::GetContentRegionAvail().x > 900;
  if (wide && ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("controls", ImGuiTableColumnFlags_WidthStretch, 0.45f);
    ImGui::TableSetupColumn("result", ImGuiTableColumnFlags_WidthStretch, 0.55f);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    controls();
    ImGui::TableNextColumn();
    if (result) draw_result(*result, rv);
    else muted(empty, rv);
    ImGui::EndTable();
    return;
  }
  controls();
  ImGui::Spacing();
  if (result) draw_result(*result, rv);
  else muted(empty, rv);
}

}  // namespace

void draw_workshop_page(session::Session& ws, const ResultViewContext& rv, WorkshopPageState& state,
                        std::vector<const analysis::Result*>& on_screen) {
  session::Workshop& w = ws.workshop();
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && !io.WantTextInput) {  // a text field keeps its own Ctrl+Z
    if (ImGui::IsKeyPressed(kKeyZ, false) && !io.KeyShift) w.undo();
    if (ImGui::IsKeyPressed(kKeyY, false) || (ImGui::IsKeyPressed(kKeyZ, false) && io.KeyShift)) w.redo();
  }
  const analysis::ResultSet& set = ws.workshop_results();
  on_screen.clear();
  const analysis::Result* priorities = set.find("procesflow.priorities");
  const analysis::Result* statements = set.find("procesflow.statements");
  for (const analysis::Result* r : {priorities, statements})
    if (r) on_screen.push_back(r);

  draw_page_title(tr("workshop.title", rv), tr("workshop.intro", rv), rv);
  ImGui::Spacing();
  draw_toolbar(ws, rv, state);
  if (!ws.workshop_error().empty()) muted(ws.workshop_error(), rv);
  ImGui::Separator();

  section_title(w.vote_title().empty() ? tr("workshop.vote_section", rv) : w.vote_title(), rv);
  block("##vote", priorities, rv, tr("workshop.vote_empty", rv), [&] { draw_vote_controls(w, rv); });
  ImGui::Spacing();
  ImGui::Separator();
  section_title(tr("workshop.statement_section", rv), rv);
  block("##statement", statements, rv, tr("workshop.statement_empty", rv), [&] { draw_statement_controls(w, rv); });
  ImGui::Spacing();
  ImGui::Separator();
  muted(tr("workshop.local", rv), rv);
}

}  // namespace zicht::ui
