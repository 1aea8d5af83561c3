#pragma once
// The HTML report: one self-contained, well-formed (polyglot XHTML) file with print-friendly CSS, real <table>
// markup with captions and header scopes, a place per result for its chart, provenance in the footer, and every
// user-supplied string escaped. No scripts, no external resources; its own CSP forbids both.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/result.h"
#include "report/views.h"

namespace zicht::report {

struct HtmlOptions {
  std::string title;       // document title; default "Zicht — rapport"
  bool standalone = true;  // false: only the <main> fragment (the app's accessible twin of a page)
  // "Het verhaal achter de cijfers": the user's notes per page (heading, text), printed before the results.
  std::vector<std::pair<std::string, std::string>> story;
  // Extra charts after the results, each as its own section (the chart gallery; svg from charts::to_svg).
  struct Figure {
    std::string id, caption, svg;
  };
  std::vector<Figure> figures;
  views::Marks marks;  // the reference marks the page shows (all by default)
};

std::string results_html(const analysis::ResultSet& set, i18n::Lang lang, const HtmlOptions& options = {});
// Escapes & < > " ' and drops characters XML forbids (C0 controls other than TAB, LF, CR).
std::string html_escape(std::string_view s);

}  // namespace zicht::report
