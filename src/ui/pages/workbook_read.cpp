// Workbooks: the sheet and header row a file is read with (see workbook_read.h). Everything shown comes from the
// reader's WorkbookInfo; a choice goes to Session::set_file_read, which reads again and updates the werkmap.
#include "ui/pages/workbook_read.h"

#include <algorithm>

#include "ui/anchors.h"

namespace zicht::ui {
namespace {

std::string sheet_label(i18n::Lang lang, const core::SheetInfo& s) {
  std::string label = s.cells == 0 ? i18n::format(i18n::tr("workbook.sheet_empty", lang), {s.name})
                                   : i18n::format(i18n::tr("workbook.sheet_item", lang),
                                                  {s.name, std::to_string(s.rows), std::to_string(s.cols)});
  if (s.hidden) label += " · " + i18n::tr("workbook.sheet_hidden", lang);
  return label;
}

// The header row explained: "rij 3 — gevonden onder de titelrijen", "rij 1 — de eerste rij", "door u gekozen".
std::string header_text(i18n::Lang lang, const core::WorkbookInfo& wb) {
  const std::string reason = wb.header_reason.empty() ? "first_row" : wb.header_reason;
  return i18n::format(i18n::tr(("workbook.header." + reason).c_str(), lang),
                      {std::to_string(wb.header_row), std::to_string(wb.header_row + 1)});
}

}  // namespace

std::function<void()> draw_workbook_read(PageContext& ctx, size_t index, const LoadedFile& f) {
  const core::WorkbookInfo& wb = f.result.report.workbook;
  if (wb.sheets.empty() || f.source.empty()) return nullptr;
  std::function<void()> action;
  session::Session* w = &ctx.workspace;
  const std::string prefix = "workbook." + std::to_string(index);
  ImGui::PushID("workbook");
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(ctx.tr("workbook.sheet").c_str());
  ImGui::SameLine();
  float widest = 0;
  for (const auto& s : wb.sheets) widest = std::max(widest, ImGui::CalcTextSize(sheet_label(ctx.lang, s).c_str()).x);
  ImGui::SetNextItemWidth(std::min(widest + 50, std::max(200.0f, ImGui::GetContentRegionAvail().x)));
  const std::string current = wb.chosen >= 0 ? sheet_label(ctx.lang, wb.sheets[size_t(wb.chosen)]) : "";
  if (ImGui::BeginCombo("##sheet", current.c_str())) {
    for (size_t k = 0; k < wb.sheets.size(); ++k) {
      const core::SheetInfo& s = wb.sheets[k];
      if (ImGui::Selectable(sheet_label(ctx.lang, s).c_str(), int(k) == wb.chosen) && int(k) != wb.chosen) {
        core::FileRead r;
        r.sheet = s.name;  // a new sheet: its own header row is detected
        action = [w, index, r] { w->set_file_read(index, r); };
      }
      ctx.anchor((prefix + ".sheet_item." + std::to_string(k)).c_str());
    }
    ImGui::EndCombo();
  }
  ctx.anchor((prefix + ".sheet").c_str());
  if (!f.read.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", ctx.tr("workbook.remembered").c_str());
  }

  // The header row: the reader's choice explained, a field to set another, and back to automatic.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(ctx.tr("workbook.header_row").c_str());
  ImGui::SameLine();
  int row = std::max(1, wb.header_row);
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("0000000").x + ImGui::GetFrameHeight() * 2 + 16);
  if (ImGui::InputInt("##header_row", &row, 1, 5, ImGuiInputTextFlags_EnterReturnsTrue)) {
    row = std::clamp(row, 1, 1048576);
    if (row != wb.header_row) {
      core::FileRead r = f.read;
      if (wb.chosen >= 0) r.sheet = wb.sheets[size_t(wb.chosen)].name;
      r.header_row = row;
      action = [w, index, r] { w->set_file_read(index, r); };
    }
  }
  ctx.anchor((prefix + ".header_row").c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("%s", header_text(ctx.lang, wb).c_str());
  if (f.read.header_row > 0) {
    ImGui::SameLine();
    if (ImGui::SmallButton(ctx.tr("workbook.header_auto").c_str())) {
      core::FileRead r = f.read;
      r.header_row = 0;
      action = [w, index, r] { w->set_file_read(index, r); };
    }
    ctx.anchor((prefix + ".header_auto").c_str());
  }
  ImGui::PopID();
  return action;
}

void draw_sheet_question(session::Session& workspace, i18n::Lang lang, std::string& question, Anchors& anchors) {
  const std::string id = i18n::tr("workbook.question_title", lang) + "###sheet_question";
  if (question.empty()) {
    question = workspace.take_sheet_question();
    if (question.empty()) return;
    ImGui::OpenPopup(id.c_str());
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(620.0f, vp->Size.x - 40), 0), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    question.clear();
    return;
  }
  const auto& files = workspace.files();
  size_t index = files.size();
  for (size_t i = 0; i < files.size(); ++i)
    if (files[i].name == question) index = i;
  if (index == files.size()) {  // the file went away meanwhile
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    question.clear();
    return;
  }
  const core::WorkbookInfo& wb = files[index].result.report.workbook;
  int with_data = 0;
  for (const auto& s : wb.sheets) with_data += s.cells > 0;
  const std::string chosen = wb.chosen >= 0 ? wb.sheets[size_t(wb.chosen)].name : "";
  ImGui::TextWrapped("%s", i18n::format(i18n::tr("workbook.question_intro", lang),
                                        {question, std::to_string(with_data), chosen})
                               .c_str());
  ImGui::Spacing();
  std::function<void()> action;
  for (size_t k = 0; k < wb.sheets.size(); ++k) {
    const core::SheetInfo& s = wb.sheets[k];
    ImGui::BeginDisabled(s.cells == 0);
    if (ImGui::Selectable(sheet_label(lang, s).c_str(), int(k) == wb.chosen)) {
      core::FileRead r;
      r.sheet = s.name;
      session::Session* w = &workspace;
      // The choice is remembered even for the sheet already read, so the werkmap reopens it the same way.
      action = [w, index, r] { w->set_file_read(index, r); };
    }
    record_anchor(anchors, "workbook.question.sheet." + std::to_string(k));
    ImGui::EndDisabled();
  }
  ImGui::Spacing();
  ImGui::TextDisabled("%s", i18n::tr("workbook.question_later", lang).c_str());
  if (ImGui::Button(i18n::tr("workbook.keep", lang).c_str())) {
    ImGui::CloseCurrentPopup();
    question.clear();
  }
  record_anchor(anchors, "workbook.question.keep");
  if (action) {
    ImGui::CloseCurrentPopup();
    question.clear();
  }
  ImGui::EndPopup();
  if (action) action();
}

}  // namespace zicht::ui
