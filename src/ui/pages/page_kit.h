#pragma once
// The parts every analysis page shares: headline figures, the report/JSON/accessible-twin actions, the page note
// ("het verhaal achter de cijfers") and the empty state. They only draw what the analyses produced.
#include <functional>
#include <string>
#include <vector>

#include "analysis/result.h"
#include "core/werkmap.h"
#include "report/html_export.h"
#include "ui/result_view.h"

namespace zicht::ui {

struct ReportActionsState {
  bool accessible_html = false;
  std::string accessible_html_shown;  // what the page's HTML twin holds now (replaced only on change)
  std::string twin_key;               // what it was built from (results generation, language, page, marks, note)
};

// "Rapport van deze pagina", "Rapport van alle pagina's", "Resultaten (JSON)" and the accessible-twin switch.
// Anchors: <prefix>.report_page, <prefix>.report_all, <prefix>.json, <prefix>.a11y.
void draw_report_actions(const analysis::ResultSet& all, const std::vector<const analysis::Result*>& on_screen,
                         const ResultViewContext& ctx, const std::string& prefix, const std::string& file_stem,
                         ReportActionsState& state, const report::HtmlOptions& html = {});

// Headline figures: each row of the result's first table as a card — the figure large (its statistic, else the
// percentage under the chosen denominator policy), its label, and "n van N" underneath when the row has a numerator
// and a denominator. Returns false when there is nothing to show.
bool draw_headlines(const analysis::Result& r, const ResultViewContext& ctx, core::Denominator policy);

// The page note, edited in place; `on_change` receives the new text (saved in the werkmap, never data).
void draw_page_note(const std::string& text, const ResultViewContext& ctx, const std::string& anchor,
                    const std::function<void(const std::string&)>& on_change);

// A page title in the large font, with an optional muted subtitle.
void draw_page_title(const std::string& title, const std::string& subtitle, const ResultViewContext& ctx);

}  // namespace zicht::ui
