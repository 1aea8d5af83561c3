#pragma once
// Result tables as CSV files, one per table, named "<result id>.<table id>.csv"; full precision numbers (the same
// as the JSON), provenance in header comment lines.
#include <string>
#include <vector>

#include "analysis/result.h"
#include "report/csv_writer.h"

namespace zicht::report {

struct ExportFile {
  std::string name;
  std::string content;
};

std::string table_csv(const analysis::Result& r, const analysis::Table& t, const analysis::Provenance& p,
                      i18n::Lang lang, const CsvOptions& options);
std::vector<ExportFile> results_csv(const analysis::ResultSet& set, i18n::Lang lang, const CsvOptions& options);

// A table as tab-separated text for pasting into a spreadsheet: header row, full-precision numbers with the
// language's decimal separator, no comments.
std::string table_tsv(const analysis::Table& t, i18n::Lang lang);

// One line of provenance: tool, inputs with hashes, settings hash, as-of date, mode, k.
std::string provenance_line(const analysis::Provenance& p);

}  // namespace zicht::report
