// Zicht core — .ods (OpenDocument spreadsheet): content.xml holds every sheet (table:table) after the automatic
// styles that say which sheets are hidden. Cells carry their value as attributes (office:value, office:date-value
// as ISO text, office:boolean-value); repeated rows and columns (number-rows-repeated, number-columns-repeated) are
// counted, never expanded, unless they hold values. Read twice: every sheet measured, then the chosen one built.
#include <charconv>
#include <cstdio>
#include <cstring>

#include "core/reader_impl.h"
#include "core/workbook.h"

namespace zicht::core {
namespace {

constexpr size_t kMaxAccum = kMaxCellChars * 4 + 16;

int64_t int_attr(const char* s, int64_t dflt) {
  if (!s) return dflt;
  int64_t v = dflt;
  auto r = std::from_chars(s, s + std::strlen(s), v);
  return r.ec == std::errc() ? v : dflt;
}

bool is_error_text(std::string_view t) {
  static const char* errs[] = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"};
  for (const char* e : errs)
    if (t == e) return true;
  return t.rfind("Err:", 0) == 0 && t.size() <= 8;
}

// "PT10H30M05S" → "10:30:05" (hours may exceed 24).
std::string iso_duration(const char* d) {
  long long h = 0, m = 0;
  double s = 0;
  const char* p = std::strchr(d, 'T');
  if (!p) return d;
  ++p;
  while (*p) {
    char* e;
    double v = std::strtod(p, &e);
    if (e == p) break;
    if (*e == 'H') h = (long long)v;
    else if (*e == 'M') m = (long long)v;
    else if (*e == 'S') s = v;
    else break;
    p = e + 1;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02d", h, m, int(s + 0.5));
  return buf;
}

// "24/05/2021" or "24/05/21" (d/m/yyyy or d/m/yy with / - or .) that is the same day as the ISO "2021-05-24".
bool dmy_matches(const std::string& shown, const std::string& iso) {
  int d = 0, m = 0, y = 0, used = 0;
  char s1 = 0, s2 = 0;
  if (std::sscanf(shown.c_str(), "%2d%c%2d%c%4d%n", &d, &s1, &m, &s2, &y, &used) != 5 || size_t(used) != shown.size())
    return false;
  if (s1 != s2 || (s1 != '/' && s1 != '-' && s1 != '.')) return false;
  size_t ylen = shown.size() - shown.rfind(s1) - 1;
  if (ylen != 4 && ylen != 2) return false;
  int iy = 0, im = 0, id = 0;
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2d", &iy, &im, &id) != 3) return false;
  return d == id && m == im && (ylen == 4 ? y == iy : y == iy % 100);
}

struct PendingCell {
  int32_t col;
  CellKind kind;
  std::string text;
};

struct OdsSax : XmlSax {
  // Which tables to build: index in document order (-1 = measure only).
  int build = -1;
  SheetAssembler* out = nullptr;
  const std::string& file;
  Status err;
  std::set<std::string> hidden_table_styles;
  std::vector<SheetScan> scans;
  std::set<int32_t> hidden_cols;  // of the built table
  std::string style_name;
  bool in_table_style = false;
  int table = -1;
  int64_t row = 0;
  int64_t row_repeat = 1;
  bool row_hidden = false;
  int32_t col = 0, col_def = 0;
  // the current cell
  bool in_cell = false;
  int64_t cell_repeat = 1;
  CellKind kind = CellKind::Text;
  std::string value, text;
  bool has_formula = false, value_attr = false, calc_error = false;
  int in_p = 0, in_annotation = 0, paragraphs = 0;
  std::vector<PendingCell> row_cells;

  explicit OdsSax(const std::string& f) : file(f) {}
  bool building() const { return table == build && out; }
  SheetScan& scan() { return scans.back(); }

  void fail(Note n) {
    err = make_error(ErrorCode::BrokenWorkbook, file, std::move(n), 0, "", "corrupt");
    stop("ods");
  }

  void on_start(std::string_view name, const char** a) override {
    if (in_cell) {
      if (name == "annotation") ++in_annotation;
      if (in_annotation) return;
      if (name == "p" || name == "h") {
        if (paragraphs++ && text.size() < kMaxAccum) text += '\n';
        ++in_p;
      } else if (name == "s" && in_p) {
        int64_t k = std::min<int64_t>(int_attr(attr(a, "c"), 1), 1000);
        if (text.size() < kMaxAccum) text.append(size_t(std::max<int64_t>(k, 0)), ' ');
      } else if (name == "tab" && in_p) {
        text += '\t';
      } else if (name == "line-break" && in_p) {
        text += '\n';
      }
      return;
    }
    if (name == "style" ) {
      const char* fam = attr(a, "family");
      in_table_style = fam && !std::strcmp(fam, "table");
      if (const char* n = attr(a, "name")) style_name = n;
    } else if (name == "table-properties" && in_table_style) {
      const char* d = attr(a, "display");
      if (d && !std::strcmp(d, "false")) hidden_table_styles.insert(style_name);
    } else if (name == "table") {
      ++table;
      scans.emplace_back();
      if (const char* n = attr(a, "name")) scan().info.name = n;
      const char* st = attr(a, "style-name");
      scan().info.hidden = st && hidden_table_styles.count(st);
      row = 0;
      col_def = 0;
    } else if (name == "table-column" && table >= 0) {
      int64_t k = std::max<int64_t>(1, int_attr(attr(a, "number-columns-repeated"), 1));
      const char* v = attr(a, "visibility");
      bool hid = v && std::strcmp(v, "visible") != 0;
      if (hid && building())
        for (int64_t c = col_def + 1; c <= std::min<int64_t>(col_def + k, kMaxSheetCols); ++c) hidden_cols.insert(int32_t(c));
      col_def = int32_t(std::min<int64_t>(col_def + k, kMaxSheetCols));
    } else if (name == "table-row" && table >= 0) {
      row_repeat = std::max<int64_t>(1, int_attr(attr(a, "number-rows-repeated"), 1));
      const char* v = attr(a, "visibility");
      row_hidden = v && std::strcmp(v, "visible") != 0;
      col = 0;
      row_cells.clear();
    } else if ((name == "table-cell" || name == "covered-table-cell") && table >= 0) {
      in_cell = true;
      cell_repeat = std::max<int64_t>(1, int_attr(attr(a, "number-columns-repeated"), 1));
      text.clear();
      value.clear();
      paragraphs = 0;
      has_formula = attr(a, "formula") != nullptr;
      value_attr = false;
      kind = CellKind::Text;
      // office:value-type, and LibreOffice's calcext:value-type ("error" for a formula's error value).
      const char* vt = nullptr;
      calc_error = false;
      for (size_t i = 0; a[i]; i += 2) {
        std::string_view n(a[i]);
        if (n.size() < 11 || n.substr(n.size() - 11) != "|value-type") continue;
        if (n.find("calcext") != std::string_view::npos) calc_error = !std::strcmp(a[i + 1], "error");
        else vt = a[i + 1];
      }
      if (vt) {
        value_attr = true;
        if (!std::strcmp(vt, "float") || !std::strcmp(vt, "percentage") || !std::strcmp(vt, "currency")) {
          kind = CellKind::Number;
          if (const char* v = attr(a, "value")) value = v;
        } else if (!std::strcmp(vt, "date")) {
          kind = CellKind::Date;
          if (const char* v = attr(a, "date-value")) value = v;
          size_t t = value.find('T');
          if (t != std::string::npos) {
            std::string tm = value.substr(t + 1, 8);
            value = value.substr(0, t);
            if (tm != "00:00:00") value += " " + tm;
          }
        } else if (!std::strcmp(vt, "time")) {
          kind = CellKind::Text;
          if (const char* v = attr(a, "time-value")) value = iso_duration(v);
        } else if (!std::strcmp(vt, "boolean")) {
          kind = CellKind::Bool;
          const char* v = attr(a, "boolean-value");
          value = v && !std::strcmp(v, "true") ? "TRUE" : "FALSE";
        } else {  // string
          value_attr = false;
          if (const char* v = attr(a, "string-value")) { value = v; value_attr = true; }
        }
      }
      int64_t span_c = int_attr(attr(a, "number-columns-spanned"), 1), span_r = int_attr(attr(a, "number-rows-spanned"), 1);
      if ((span_c > 1 || span_r > 1) && scan().merges.size() < 100000) {
        MergeRange m;
        m.r1 = row + 1;
        m.c1 = col + 1;
        m.r2 = std::min<int64_t>(m.r1 + span_r - 1, kMaxSheetRows);
        m.c2 = int32_t(std::min<int64_t>(m.c1 + span_c - 1, kMaxSheetCols));
        scan().merges.push_back(m);
      }
    }
  }

  void on_text(const char* s, size_t n) override {
    if (in_cell && in_p && !in_annotation && text.size() < kMaxAccum)
      text.append(s, std::min(n, kMaxAccum - text.size()));
  }

  void on_end(std::string_view name) override {
    if (in_cell) {
      if (name == "annotation") { --in_annotation; return; }
      if (in_annotation) return;
      if (name == "p" || name == "h") { --in_p; return; }
      if (name != "table-cell" && name != "covered-table-cell") return;
      in_cell = false;
      end_cell();
      return;
    }
    if (name == "table-row" && table >= 0) {
      end_row();
    } else if (name == "style") {
      in_table_style = false;
    }
  }

  void end_cell() {
    std::string t = value_attr ? value : text;
    CellKind k = value_attr ? kind : CellKind::Text;
    if ((calc_error || (!value_attr && has_formula)) && is_error_text(text)) {
      k = CellKind::Error;
      t = text;
    }
    // A date shown as d/m/yyyy keeps that order (as dd/mm/yyyy, the text a CSV export of it holds), when it is the
    // same date.
    if (k == CellKind::Date && t.size() == 10 && dmy_matches(text, t)) {
      char sep = text[text.find_first_of("/-.")];
      t = t.substr(8, 2) + sep + t.substr(5, 2) + sep + t.substr(0, 4);
    }
    int64_t first = col + 1;
    col = int32_t(std::min<int64_t>(col + cell_repeat, kMaxSheetCols + 1));
    if (t.empty()) return;
    for (int64_t c = first; c <= std::min<int64_t>(first + cell_repeat - 1, kMaxSheetCols); ++c)
      row_cells.push_back({int32_t(c), k, t});
  }

  void end_row() {
    int64_t first = row + 1;
    if (first + row_repeat - 1 > kMaxSheetRows) {
      if (!row_cells.empty())
        return fail({"error.ods_too_many_rows", {scan().info.name}});
      row = kMaxSheetRows;  // trailing empty repeats: counted, never expanded
      return;
    }
    row += row_repeat;
    if (row_cells.empty()) return;
    SheetInfo& info = scan().info;
    info.cells += int64_t(row_cells.size()) * row_repeat;
    info.rows = row;
    for (auto& c : row_cells) info.cols = std::max<int64_t>(info.cols, c.col);
    if (!scan().first_row) scan().first_row = first;
    if (!building()) return;
    for (int64_t r = first; r <= row; ++r) {
      out->begin_row(r, row_hidden);
      for (auto& c : row_cells) out->cell(c.col, c.text, c.kind, c.kind == CellKind::Date ? "ISO 8601" : "");
      out->end_row();
      if (out->too_large()) {
        err = make_error(ErrorCode::TooLarge, file, {"error.workbook_rows_too_large", {scan().info.name, std::to_string(r)}},
                         r, "", "memory_budget");
        return stop("memory");
      }
    }
  }
};

}  // namespace

Status read_ods(WorkbookContext& cx) {
  ReadReport& rep = cx.rep;
  const ZipEntry* content = cx.zip.find("content.xml");
  if (!content) return make_error(ErrorCode::BrokenWorkbook, cx.file, {"error.workbook_missing_part", {"content.xml"}}, 0, "", "corrupt");
  OdsSax measure(cx.file);
  if (Status s = parse_part(cx, *content, measure, &measure.err); !s.ok()) return s;
  if (measure.scans.empty())
    return make_error(ErrorCode::BrokenWorkbook, cx.file, {"error.workbook_no_sheets", {}}, 0, "", "corrupt");
  for (auto& sc : measure.scans) rep.workbook.sheets.push_back(sc.info);
  Status err;
  int k = choose_sheet(rep.workbook.sheets, cx.opt, cx.file, rep.workbook.chosen_reason, err);
  if (k < 0) return err;
  rep.workbook.chosen = k;
  SheetAssembler as(cx.builder, rep, cx.opt, rep.workbook.sheets[size_t(k)].name, measure.scans[size_t(k)].merges,
                    "ods_date");
  OdsSax build(cx.file);
  build.build = k;
  build.out = &as;
  if (Status s = parse_part(cx, *content, build, &build.err); !s.ok()) return s;
  as.set_hidden_columns(std::move(build.hidden_cols));
  as.complete(cx.table);
  note_sheets(rep);
  return Status::success();
}

}  // namespace zicht::core
