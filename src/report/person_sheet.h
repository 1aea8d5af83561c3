#pragma once
// The printable one-page sheet per youngster or parent (issue 23, spec/evolutie.md §5.1, §5.6): the Evoluator is
// paper the youngster keeps, and too wordy; this page puts icons first. Per domain one row: a large drawn icon
// (arrow up in the "better" colour, down in the "worse" colour, an equals sign, a dot for one measurement, an empty
// circle for none), the domain, a few words, the first and last score in big digits and a small line of the scores
// per moment on the instrument's range. Intern only: the id is pseudonymous and sits small in the footer.
//
// One self-contained, well-formed (polyglot XHTML) A4 page like the HTML report: no scripts, no external
// resources (its CSP forbids both), every string escaped, no file names.
#include <string>

#include "analysis/result.h"

namespace zicht::report {

// The page for an `evolutie.person` result. Without its "summary" table (Delen mode drops Intern-only tables, or no
// person has measurements) the page says there is nothing to show.
std::string person_sheet_html(const analysis::Result& sheet, const analysis::Provenance& prov, i18n::Lang lang);

}  // namespace zicht::report
