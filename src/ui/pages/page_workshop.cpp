// Workshop mode: big, calm "+1" buttons per labelled option and per card colour, the labelled sorted result beside
// them (procesflow.priorities / .statements from the session), undo of the last tap (button and Ctrl+Z), and saving
// the records as stemming / stelling files that stay on this machine unless downloaded.
#include "ui/pages/page_workshop.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "platform/platform.h"
#include "report/palette.h"
#include "ui/pages/page_kit.h"

namespace zicht::ui {
namespace {

constexpr int kKeyZ = 'Z', kKeyY = 'Y';  // GLFW key codes equal ASCII for letters

std::string tr(const char* key, const ResultViewContext& rv) { return i18n::tr(key, rv.lang); }

// The card buttons wear the colours the statements chart draws their positions in (vote.agree / vote.half /
// vote.disagree in this theme), so a tap and its bar are the same colour; the position's name is always on the button.
ImVec4 to_imgui(report::charts::Rgba c) { return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, 1); }

ImVec4 semantic(const char* key, Theme theme) {
  const report::charts::Style style =
      theme == Theme::dark ? report::charts::Style::dark_theme() : report::charts::Style::light();
  report::charts::Rgba c;
  if (!report::charts::semantic_colour(key, style, c)) c = {110, 115, 128, 255};
  return to_imgui(c);
}

ImVec4 card_colour(size_t position, size_t n, Theme theme) {
  if (position == 0) return semantic("vote.agree", theme);
  if (position + 1 == n) return semantic("vote.disagree", theme);
  return semantic("vote.half", theme);
}

// Black or white text, whichever reads better on the button.
ImVec4 text_on(ImVec4 bg) {
  const report::charts::Rgba b{uint8_t(bg.x * 255), uint8_t(bg.y * 255), uint8_t(bg.z * 255), 255};
  return report::charts::contrast_ratio(b, {255, 255, 255, 255}) >= report::charts::contrast_ratio(b, {0, 0, 0, 255})
             ? ImVec4(1, 1, 1, 1)
             : ImVec4(0, 0, 0, 1);
}

bool big_button(const char* label, ImVec4 colour, float width, float height) {
  ImGui::PushStyleColor(ImGuiCol_Button, colour);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(colour.x * 0.85f, colour.y * 0.85f, colour.z * 0.85f, 1));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImVec4(colour.x * 0.7f, colour.y * 0.7f, colour.z * 0.7f, 1));
  ImGui::PushStyleColor(ImGuiCol_Text, text_on(colour));
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

void draw_vote_controls(session::Workshop& w, const ResultViewContext& rv, float width) {
  std::string title = w.vote_title();
  ImGui::SetNextItemWidth(width);
  if (ImGui::InputTextWithHint("##vote_title", tr("workshop.vote_title_hint", rv).c_str(), &title))
    w.set_vote_title(title);
  rv.anchor("workshop.vote_title");
  ImGui::Spacing();
  // Presentation's type is large already: lower rows leave room for the bars on the projected screen.
  const float h = ImGui::GetFrameHeight() * (rv.presentation ? 1.25f : 1.6f);
  const float button_w = ImGui::CalcTextSize("+1").x + ImGui::GetFontSize() * 3.0f;
  const float count_w = rv.fonts.large->CalcTextSizeA(rv.fonts.large->FontSize, FLT_MAX, 0, "0000").x;
  int remove = -1;
  for (size_t i = 0; i < w.options().size(); ++i) {
    const auto& o = w.options()[i];
    const std::string n = std::to_string(i);
    ImGui::PushID(o.id);
    // The label typed in place, then the big button that records one dot for it, then its count.
    std::string label = o.label;
    ImGui::SetNextItemWidth(std::max(120.0f, width - button_w - count_w -
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
    // The count, large and centred on the row.
    ImGui::SameLine();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(count_w, h));
    const std::string count = std::to_string(o.votes);
    ImFont* large = rv.fonts.large;
    const ImVec2 size = large->CalcTextSizeA(large->FontSize, FLT_MAX, 0, count.c_str());
    ImGui::GetWindowDrawList()->AddText(large, large->FontSize,
                                        ImVec2(at.x + count_w - size.x, at.y + (h - size.y) * 0.5f),
                                        ImGui::GetColorU32(ImGuiCol_Text), count.c_str());
    rv.anchor("workshop.count." + n);
    ImGui::SameLine();
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

void draw_statement_controls(session::Workshop& w, const ResultViewContext& rv, float width) {
  if (w.statements().empty()) return;
  const size_t cur = w.current();
  const session::WorkshopStatement& s = w.statements()[cur];
  // Which statement is being voted on.
  auto name = [&](const session::WorkshopStatement& x) {
    return i18n::format(tr("workshop.statement_n", rv), {std::to_string(x.nummer)}) +
           (x.tekst.empty() ? std::string() : ": " + x.tekst);
  };
  const std::string add = tr("workshop.statement_add", rv), del = tr("workshop.statement_remove", rv);
  const ImGuiStyle& st = ImGui::GetStyle();
  const float buttons = ImGui::CalcTextSize(add.c_str()).x + ImGui::CalcTextSize(del.c_str()).x +
                        4 * st.FramePadding.x + 2 * st.ItemSpacing.x;
  ImGui::SetNextItemWidth(std::max(160.0f, width - buttons));
  if (ImGui::BeginCombo("##pick", name(s).c_str())) {
    for (size_t i = 0; i < w.statements().size(); ++i)
      if (ImGui::Selectable((name(w.statements()[i]) + "##" + std::to_string(i)).c_str(), i == cur))
        w.set_current(i);
    ImGui::EndCombo();
  }
  rv.anchor("workshop.statement.pick");
  ImGui::SameLine();
  if (ImGui::Button(add.c_str())) w.add_statement();
  rv.anchor("workshop.statement.add");
  ImGui::SameLine();
  ImGui::BeginDisabled(w.statements().size() < 2);
  if (ImGui::Button(del.c_str())) w.remove_statement(cur);
  ImGui::EndDisabled();
  rv.anchor("workshop.statement.remove");
  if (w.current() != cur) return;  // drawn with the new one next frame

  ImGui::PushID(s.id);
  int nummer = s.nummer;
  const float row_x = ImGui::GetCursorPosX();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("workshop.statement_number", rv).c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  if (ImGui::InputInt("##nummer", &nummer) && nummer > 0) w.set_statement_number(cur, nummer);
  rv.anchor("workshop.statement.number");
  ImGui::SameLine(0, 24);
  ImGui::TextUnformatted(tr("workshop.scale", rv).c_str());
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::max(120.0f, row_x + width - ImGui::GetCursorPosX()));
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
  if (ImGui::InputTextMultiline("##tekst", &tekst, ImVec2(width, ImGui::GetTextLineHeight() * 2.6f)))
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
  const float bw = std::floor((width - gap * float(positions.size() - 1)) /
                              float(std::max<size_t>(1, positions.size())));
  const float bh = ImGui::GetFrameHeight() * 2.4f;
  for (size_t p = 0; p < positions.size(); ++p) {
    if (p) ImGui::SameLine();
    const std::string label = "+1 " + positions[p] + "   " + std::to_string(s.tallies[p]) + "###card" +
                              std::to_string(p);
    if (big_button(label.c_str(), card_colour(p, positions.size(), rv.theme), bw, bh)) w.card(cur, p);
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
  ImGui::SetNextItemWidth(width);
  if (ImGui::InputTextWithHint("##uitkomst", tr("workshop.outcome_hint", rv).c_str(), &uitkomst))
    w.set_statement_outcome(cur, uitkomst);
  rv.anchor("workshop.statement.outcome");
  ImGui::PopID();
}

// Controls on the left and the result on the right on a wide screen; one under the other otherwise, so the bars get
// the full width and their labels are not cut (a projector at 1280 or 1400 pixels stacks).
template <typename Controls>
void block(const char* id, const analysis::Result* result, const ResultViewContext& rv, const std::string& empty,
           Controls controls) {
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail > 1500 && ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("controls", ImGuiTableColumnFlags_WidthStretch, 0.45f);
    ImGui::TableSetupColumn("result", ImGuiTableColumnFlags_WidthStretch, 0.55f);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    controls(ImGui::GetContentRegionAvail().x);
    ImGui::TableNextColumn();
    if (result) draw_result(*result, rv);
    else muted(empty, rv);
    ImGui::EndTable();
    return;
  }
  controls(std::min(avail, ImGui::GetFontSize() * 48));
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
  if (!ws.workshop_error().empty()) muted(ws.workshop_error().text(rv.lang), rv);
  ImGui::Separator();

  section_title(w.vote_title().empty() ? tr("workshop.vote_section", rv) : w.vote_title(), rv);
  block("##vote", priorities, rv, tr("workshop.vote_empty", rv), [&](float width) { draw_vote_controls(w, rv, width); });
  ImGui::Spacing();
  ImGui::Separator();
  section_title(tr("workshop.statement_section", rv), rv);
  block("##statement", statements, rv, tr("workshop.statement_empty", rv), [&](float width) { draw_statement_controls(w, rv, width); });
  ImGui::Spacing();
  ImGui::Separator();
  muted(tr("workshop.local", rv), rv);
}

}  // namespace zicht::ui
