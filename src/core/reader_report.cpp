// Zicht core — the reader's words: names of encodings, formats and error codes; notes, errors and sniff reasons
// rendered from assets/i18n/<lang>/reader.json; the `zicht inspect` JSON.
#include <cstdio>

#include "core/build_info.h"
#include "core/reader_impl.h"

namespace zicht::core {

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::Utf8: return "utf-8";
    case Encoding::Utf8Bom: return "utf-8-bom";
    case Encoding::Utf16LE: return "utf-16le";
    case Encoding::Utf16BE: return "utf-16be";
    case Encoding::Windows1252: return "windows-1252";
  }
  return "utf-8";
}

bool parse_encoding(const std::string& s0, Encoding& out) {
  std::string s;
  for (char c : s0) s.push_back(char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  if (s == "utf-8" || s == "utf8") out = Encoding::Utf8;
  else if (s == "utf-8-bom" || s == "utf-8-sig") out = Encoding::Utf8Bom;
  else if (s == "utf-16le" || s == "utf16le" || s == "utf-16") out = Encoding::Utf16LE;
  else if (s == "utf-16be" || s == "utf16be") out = Encoding::Utf16BE;
  else if (s == "windows-1252" || s == "cp1252" || s == "latin1" || s == "iso-8859-1" || s == "ansi")
    out = Encoding::Windows1252;
  else return false;
  return true;
}

const char* format_name(Format f) {
  switch (f) {
    case Format::Unknown: return "unknown";
    case Format::Csv: return "csv";
    case Format::JsonRecords: return "json-records";
    case Format::JsonColumnar: return "json-columnar";
    case Format::NdJson: return "ndjson";
    case Format::Xlsx: return "xlsx";
    case Format::Xls: return "xls";
    case Format::Sav: return "sav";
    case Format::Zip: return "zip";
    case Format::Pdf: return "pdf";
    case Format::Gzip: return "gzip";
    case Format::Ods: return "ods";
    case Format::Zsav: return "zsav";
    case Format::Por: return "por";
    case Format::Dta: return "dta";
    case Format::Sas7bdat: return "sas7bdat";
    case Format::Xpt: return "xpt";
  }
  return "unknown";
}

const char* error_code_name(ErrorCode c) {
  switch (c) {
    case ErrorCode::Ok: return "ok";
    case ErrorCode::Io: return "io_error";
    case ErrorCode::EmptyFile: return "empty_file";
    case ErrorCode::UnsupportedFormat: return "unsupported_format";
    case ErrorCode::TooLarge: return "too_large";
    case ErrorCode::MalformedJson: return "malformed_json";
    case ErrorCode::NestingTooDeep: return "nesting_too_deep";
    case ErrorCode::TooManyColumns: return "too_many_columns";
    case ErrorCode::Finished: return "finished";
    case ErrorCode::Usage: return "usage";
    case ErrorCode::BrokenWorkbook: return "broken_workbook";
    case ErrorCode::NoSuchSheet: return "no_such_sheet";
    case ErrorCode::MalformedFile: return "malformed_file";
  }
  return "unknown";
}

std::string render_note(const Note& note, i18n::Lang lang) {
  return i18n::format(i18n::tr("reader." + note.code, lang), note.args);
}

std::string render_reason(std::string_view what, const SniffDecision& d, i18n::Lang lang) {
  if (d.reason.empty()) return {};
  return i18n::format(i18n::tr("reader.sniff." + std::string(what) + "." + d.reason, lang), d.evidence);
}

std::string render_status(const Status& s, const std::string& file_name, i18n::Lang lang) {
  if (s.detail.empty()) return s.message;
  std::string out = file_name;
  if (s.row > 0) out += ", " + i18n::format(i18n::tr("reader.where.row", lang), {std::to_string(s.row)});
  if (!s.column.empty()) out += ", " + i18n::format(i18n::tr("reader.where.column", lang), {s.column});
  out += ": " + render_note(s.detail, lang) + " [" + s.rule + "]";
  return out;
}

Status make_error(ErrorCode code, const std::string& file, Note detail, int64_t row, const std::string& column,
                  const std::string& rule) {
  Status s;
  s.code = code;
  s.row = row;
  s.column = column;
  s.rule = rule.empty() ? error_code_name(code) : rule;
  s.detail = std::move(detail);
  s.message = render_status(s, file, i18n::Lang::en);
  return s;
}

// Invalid UTF-8 cannot go into nlohmann::json::dump(); all our text is UTF-8 already, but be safe.
namespace {
std::string safe(const std::string& s) {
  if (count_invalid_utf8(reinterpret_cast<const uint8_t*>(s.data()), s.size(), true) == 0) return s;
  std::string out;
  Decoder d(Encoding::Utf8);
  d.decode(reinterpret_cast<const uint8_t*>(s.data()), s.size(), out);
  d.flush(out);
  return out;
}
}  // namespace

nlohmann::json status_json(const Status& s, const std::string& file_name) {
  nlohmann::json j;
  j["error"] = error_code_name(s.code);
  j["message"] = safe(s.message);
  j["file"] = safe(file_name);
  j["row"] = s.row;
  j["column"] = safe(s.column);
  j["rule"] = safe(s.rule);
  if (!s.detail.empty()) {
    nlohmann::json args = nlohmann::json::array();
    for (auto& a : s.detail.args) args.push_back(safe(a));
    j["detail"] = {{"code", s.detail.code}, {"args", args}};
  }
  return j;
}

namespace {
std::string delim_name(char c) {
  if (c == '\t') return "\\t";
  if (c == 0) return "";
  return std::string(1, c);
}

nlohmann::json decision_json(std::string_view what, const SniffDecision& d) {
  nlohmann::json ev = nlohmann::json::array();
  for (auto& e : d.evidence) ev.push_back(safe(e));
  std::string value = what == "delimiter" && d.value.size() == 1 ? delim_name(d.value[0]) : d.value;
  return {{"value", safe(value)}, {"reason", d.reason}, {"evidence", ev},
          {"text", safe(render_reason(what, d, i18n::Lang::en))}};
}

nlohmann::json workbook_json(const WorkbookInfo& wb) {
  nlohmann::json sheets = nlohmann::json::array();
  for (auto& s : wb.sheets) {
    nlohmann::json sj = {{"name", safe(s.name)}, {"hidden", s.hidden}, {"rows", s.rows}, {"columns", s.cols},
                         {"cells", s.cells}};
    if (!s.declared.empty()) sj["declared_dimension"] = safe(s.declared);
    sheets.push_back(sj);
  }
  nlohmann::json j = {{"sheets", sheets}, {"date_system", wb.date1904 ? 1904 : 1900}};
  if (wb.chosen >= 0) {
    j["sheet"] = {{"name", safe(wb.sheets[size_t(wb.chosen)].name)}, {"number", wb.chosen + 1},
                  {"reason", wb.chosen_reason}};
  } else {
    j["sheet"] = nullptr;
  }
  j["header"] = {{"row", wb.header_row}, {"rows", wb.header_rows}, {"reason", wb.header_reason}};
  return j;
}

// What a statistical file declares about a column (stat_reader.h): only present when the file declares it.
void add_declared_json(const ColumnInfo& c, nlohmann::json& cj) {
  if (!c.label.empty()) cj["label"] = safe(c.label);
  if (!c.source_format.empty()) cj["source_format"] = safe(c.source_format);
  if (!c.type_from.empty()) cj["type_from"] = c.type_from;
  if (!c.value_labels.empty()) {
    nlohmann::json vl = nlohmann::json::array();
    for (auto& [code, label] : c.value_labels) vl.push_back({{"code", safe(code)}, {"label", safe(label)}});
    cj["value_labels"] = vl;
  }
  if (!c.user_missing.empty()) {
    nlohmann::json um = nlohmann::json::array();
    for (auto& m : c.user_missing) um.push_back(safe(m));
    cj["user_missing"] = um;
  }
  if (!c.missing_codes.empty()) cj["missing_codes"] = c.missing_codes;
}

nlohmann::json sniff_json(const Sniff& s) {
  nlohmann::json j = {{"format", decision_json("format", s.format)},
                      {"encoding", decision_json("encoding", s.encoding)},
                      {"delimiter", decision_json("delimiter", s.delimiter)},
                      {"quote", decision_json("quote", s.quote)},
                      {"header", decision_json("header", s.header)}};
  nlohmann::json cands = nlohmann::json::array();
  for (auto& c : s.delimiter_candidates)
    cands.push_back({{"delimiter", delim_name(c.delimiter)}, {"rows", c.rows}, {"fields", c.fields},
                     {"consistent_rows", c.consistent}});
  j["delimiter_candidates"] = cands;
  return j;
}
}  // namespace

nlohmann::json inspect_json(const ReadResult& r) {
  using nlohmann::json;
  const ReadReport& rep = r.report;
  json j;
  j["schema"] = "zicht.inspect/1";
  j["tool"] = {{"version", ZICHT_VERSION}, {"build", build_id()}};
  j["file"] = {{"name", safe(rep.file_name)}, {"sha256", rep.sha256}, {"bytes", rep.bytes}};
  j["format"] = format_name(rep.format);
  j["encoding"] = {{"name", encoding_name(rep.encoding)}, {"detected", !rep.encoding_overridden},
                   {"reason", rep.encoding_reason}};
  if (rep.format == Format::Csv)
    j["dialect"] = {{"delimiter", delim_name(rep.dialect.delimiter)},
                    {"quote", std::string(1, rep.dialect.quote)},
                    {"header", rep.dialect.header},
                    {"line_endings", rep.dialect.line_endings}};
  else
    j["dialect"] = nullptr;
  j["sniff"] = sniff_json(rep.sniff);
  if (!rep.workbook.sheets.empty()) j["workbook"] = workbook_json(rep.workbook);
  if (!r.status.ok()) j["error"] = status_json(r.status, rep.file_name);
  j["rows"] = rep.rows_in;
  json cols = json::array();
  for (auto& c : rep.columns) {
    json cj = {{"name", safe(c.name)},
               {"type", column_type_name(c.type)},
               {"type_overridden", c.type_overridden},
               {"values", c.values},
               {"missing", c.missing},
               {"nvt", c.nvt},
               {"invalid", c.invalid},
               {"distinct", c.distinct}};
    json ex = json::array();
    for (auto& e : c.examples) ex.push_back(safe(e.size() > 80 ? e.substr(0, 80) : e));
    cj["examples"] = ex;
    if (c.original_name != c.name) cj["original_name"] = safe(c.original_name);
    if (c.type == ColumnType::Decimal || c.type == ColumnType::Integer)
      if (c.decimal_separator) cj["decimal_separator"] = std::string(1, c.decimal_separator);
    if (c.type == ColumnType::Date) {
      cj["date_order"] = c.date_order == DateOrder::MDY ? "mm/dd/yyyy" : "dd/mm/yyyy";
      cj["date_order_ambiguous"] = c.date_order_ambiguous;
    }
    // Where the type came from: the user, a workbook's cell format, a statistical file's declarations, or the text.
    cj["type_source"] = c.type_overridden      ? json{{"kind", "user"}}
                        : !c.type_source.empty() ? json{{"kind", c.type_source}, {"detail", safe(c.type_source_detail)}}
                        : !c.type_from.empty()   ? json{{"kind", c.type_from.front()}}
                                                 : json{{"kind", "cell_text"}};
    if (!c.cell_range.empty()) cj["cells"] = safe(c.cell_range);
    add_declared_json(c, cj);
    cols.push_back(cj);
  }
  j["columns"] = cols;
  json fl;
  fl["total"] = rep.flags_total;
  fl["by_rule"] = json::object();
  for (auto& [k, v] : rep.flags_by_rule) fl["by_rule"][k] = v;
  json first = json::array();
  for (size_t i = 0; i < rep.flags.size() && i < 20; ++i) {
    auto& f = rep.flags[i];
    first.push_back({{"row", f.row}, {"column", safe(f.column)}, {"value", safe(f.value)}, {"rule", f.rule}});
    if (!f.cell.empty()) first.back()["cell"] = safe(f.cell);
  }
  fl["first"] = first;
  j["flags"] = fl;
  json notes = json::array(), codes = json::array();
  for (auto& n : rep.notes) {
    notes.push_back(safe(render_note(n, i18n::Lang::en)));
    json args = json::array();
    for (auto& a : n.args) args.push_back(safe(a));
    codes.push_back({{"code", n.code}, {"args", args}});
  }
  j["notes"] = notes;
  j["note_codes"] = codes;
  return j;
}

}  // namespace zicht::core
