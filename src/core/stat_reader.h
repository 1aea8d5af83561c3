// Zicht core — statistical files through ReadStat: SPSS (.sav, .zsav, .por), Stata (.dta), SAS (.sas7bdat, .xpt)
// into the same typed table as CSV (spec/formats.md §3).
//
// The reader's driver keeps the file's bytes (IncrementalReader, Mode::Whole) and calls read_stat() at finish();
// ReadStat reads them through memory I/O handlers (no temporary file, so the browser build works the same way).
// What the file declares shapes the table:
//   - variable labels are kept beside the names (ColumnInfo::label);
//   - value labels make a column categorical, the label being the category; a value without a label stays as it
//     is and is flagged ("value_without_label");
//   - user-defined missing values (discrete and ranges) and system missing are Missing, keeping their code as the
//     raw text; Stata/SAS tagged missing (.a …) likewise;
//   - SPSS, Stata and SAS date and datetime formats become dates;
//   - strings become UTF-8 (ReadStat converts declared encodings; undeclared old files are read as Windows-1252).
// Everything else goes through the same typing rules as CSV text, so a .sav and the CSV it came from type alike.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/reader.h"
#include "core/table.h"

namespace zicht::core {

bool is_stat_format(Format f);   // sav, zsav, por, dta, sas7bdat, xpt
bool reads_whole_file(Format f);  // formats the driver hands over whole at finish()

// A file named like a statistical file (.sav, .dta, …) whose first bytes are not that format: the error that says
// so ("not an SPSS file: it starts with …"). Success for any other name.
Status check_named_stat_file(const std::string& file, const uint8_t* p, size_t n);

// Parses the whole file; fills `rep` (columns, flags, notes) and `out`. Errors name the file (and variable or row).
Status read_stat(Format f, const std::string& file, const uint8_t* data, size_t n, const ReadOptions& opt,
                 ReadReport& rep, Table& out);

// Whether this build reads `f` (the browser build may leave a library out; reader.stat.unavailable says so).
bool stat_format_available(Format f);

}  // namespace zicht::core
