#pragma once
// Workbooks (.xlsx, .xlsm, .ods, .xls): which sheet and header row a loaded file is read with — shown on the
// Gegevens and Koppeling pages, and asked in a dialog right after a workbook with several data sheets is opened.
// The session reads the file again from its kept bytes and the werkmap remembers the choice by file name.
#include <functional>
#include <string>

#include "ui/app.h"

namespace zicht::ui {

// The sheet combo and header-row field of file `index` (nothing for a CSV or JSON file). A change is returned as an
// action to run after the page is drawn (it replaces the file's table); null when nothing changed.
std::function<void()> draw_workbook_read(PageContext& ctx, size_t index, const LoadedFile& f);

// "Which sheet?": a modal, opened when the session reports a workbook with several data sheets (take_sheet_question).
// `question` holds the file's name while the dialog is open. Records anchors for the browser tests.
void draw_sheet_question(session::Session& workspace, i18n::Lang lang, std::string& question,
                         std::map<std::string, ImVec4>& anchors);

}  // namespace zicht::ui
