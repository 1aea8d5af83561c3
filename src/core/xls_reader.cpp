// Zicht core — .xls (Excel 97–2003, BIFF5/BIFF8) through libfreexl, into the same SheetAssembler as .xlsx/.ods.
// freexl opens a path: the bytes go to a private temporary file (mkstemp; removed afterwards, also on error), which
// in the browser build lives in Emscripten's in-memory file system. What freexl leaves out comes from xls_scan.cpp:
// formula cells (their cached result; a result it cannot read is Missing and flagged "formula_unread" by cell),
// error and boolean cells, hidden sheets/rows/columns, merged cells. Before freexl sees the file the scan has walked
// it whole (truncation, encryption, a declared size beyond the budget or cells outside it are refused with a
// message), so freexl never allocates what the budget does not allow.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>

#include "core/reader_impl.h"
#include "core/sniff.h"
#include "core/workbook.h"
#include "core/xls_scan.h"

#ifndef ZICHT_NO_FREEXL
#include <freexl.h>
#include <unistd.h>
#endif

namespace zicht::core {
namespace {

Status xls_error(const std::string& file, const char* code, std::vector<std::string> args, const char* rule,
                 ErrorCode ec = ErrorCode::BrokenWorkbook) {
  return make_error(ec, file, {code, std::move(args)}, 0, "", rule);
}

#ifndef ZICHT_NO_FREEXL
std::string number_text(double d) {  // the shortest text that reads back as the same double
  char buf[40];
  for (int prec = 1; prec <= 17; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*g", prec, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  return buf;
}

// The temporary copy freexl reads, and the freexl handle: both gone when this goes out of scope.
struct FreexlFile {
  std::string path;
  const void* h = nullptr;
  ~FreexlFile() {
    if (h) freexl_close(h);
    if (!path.empty()) std::remove(path.c_str());
  }
  bool write(const uint8_t* p, size_t n) {
    const char* dir = std::getenv("TMPDIR");
    std::string tmpl = std::string(dir && *dir ? dir : "/tmp") + "/zicht-xls-XXXXXX";
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back(0);
    int fd = mkstemp(name.data());
    if (fd < 0) return false;
    path = name.data();
    size_t done = 0;
    while (done < n) {
      ssize_t w = ::write(fd, p + done, n - done);
      if (w <= 0) break;
      done += size_t(w);
    }
    ::close(fd);
    return done == n;
  }
};

// What freexl holds in one cell, as the assembler takes it. False for an empty cell.
bool freexl_cell(const void* h, uint32_t r, uint32_t c, std::string& text, CellKind& kind) {
  FreeXL_CellValue v;
  if (freexl_get_cell_value(h, r, uint16_t(c), &v) != FREEXL_OK) return false;
  switch (v.type) {
    case FREEXL_CELL_INT: text = std::to_string(v.value.int_value); kind = CellKind::Number; return true;
    case FREEXL_CELL_DOUBLE: text = number_text(v.value.double_value); kind = CellKind::Number; return true;
    case FREEXL_CELL_TEXT: case FREEXL_CELL_SST_TEXT:
      text = v.value.text_value ? v.value.text_value : "";
      kind = CellKind::Text;
      return !text.empty();
    case FREEXL_CELL_DATE: case FREEXL_CELL_DATETIME:  // "YYYY-MM-DD[ HH:MM:SS]", in the workbook's date system
      text = v.value.text_value ? v.value.text_value : "";
      if (text.size() > 10 && text.compare(10, 9, " 00:00:00") == 0) text.resize(10);
      kind = CellKind::Date;
      return !text.empty();
    case FREEXL_CELL_TIME:
      text = v.value.text_value ? v.value.text_value : "";
      kind = CellKind::Text;
      return !text.empty();
    default: return false;
  }
}

// A date from freexl ("YYYY-MM-DD[ HH:MM:SS]") in a day-first format keeps that order, as for .xlsx.
void day_first(std::string& text, const XlsDateFormat* f) {
  char sep = f ? dmy_separator(f->code) : 0;
  if (sep && text.size() >= 10)
    text = text.substr(8, 2) + sep + text.substr(5, 2) + sep + text.substr(0, 4) + text.substr(10);
}

// A scanned FORMULA/BOOLERR cell as the assembler takes it; a number result in a date format is a date.
void special_cell(const XlsCell& c, const XlsScan& scan, std::string& text, CellKind& kind) {
  switch (c.kind) {
    case XlsCell::Number: text = number_text(c.num); kind = CellKind::Number; break;
    case XlsCell::Text: text = c.text; kind = CellKind::Text; break;
    case XlsCell::Bool: text = c.code ? "TRUE" : "FALSE"; kind = CellKind::Bool; break;
    case XlsCell::Error: text = xls_error_name(c.code); kind = CellKind::Error; break;
    default: text = "formula"; kind = CellKind::Unread; break;
  }
  if (c.kind == XlsCell::Number && !std::isfinite(c.num)) { text = "formula"; kind = CellKind::Unread; }
  const XlsDateFormat* f = c.formula && c.xf < scan.xf.size() ? &scan.xf[c.xf] : nullptr;
  if (kind == CellKind::Number && f && f->kind != NumFmtKind::Number && serial_to_text(c.num, scan.date1904, f->kind, text)) {
    kind = f->kind == NumFmtKind::Time ? CellKind::Text : CellKind::Date;
    if (kind == CellKind::Date) day_first(text, f);
  }
}
#endif

}  // namespace

Status read_xls(const std::string& file, const uint8_t* data, size_t n, const ReadOptions& opt, ReadReport& rep,
                TableBuilder& builder, Table& table) {
  rep.encoding = Encoding::Utf8;
  rep.sniff.encoding = {"utf-8", "xls_biff", {}};
  rep.encoding_reason = render_reason("encoding", rep.sniff.encoding, i18n::Lang::en);
  XlsScan scan;
  std::string detail;
  switch (scan_xls(data, n, opt.memory_budget_bytes / 4, scan, detail)) {
    case XlsScanError::None: break;
    case XlsScanError::Truncated: return xls_error(file, "error.workbook_truncated", {detail}, "truncated");
    case XlsScanError::NoWorkbookStream: return xls_error(file, "error.xls_no_workbook", {}, "unsupported_format",
                                                          ErrorCode::UnsupportedFormat);
    case XlsScanError::TooLarge:
      return xls_error(file, "error.xls_too_large", {detail, std::to_string(opt.memory_budget_bytes >> 20)},
                       "memory_budget", ErrorCode::TooLarge);
    default: return xls_error(file, "error.xls_corrupt", {detail}, "corrupt");
  }
  if (scan.filepass)
    return xls_error(file, "error.workbook_encrypted", {}, "encrypted", ErrorCode::UnsupportedFormat);
  // freexl keeps every sheet's declared grid in memory (16 bytes a cell) and fails on a cell outside it.
  for (auto& sh : scan.sheets) {
    std::string declared = sh.has_dim && sh.dim_rows && sh.dim_cols ? "A1:" + cell_ref(sh.dim_rows, int32_t(sh.dim_cols)) : "";
    if (sh.has_dim && (sh.max_row >= int64_t(sh.dim_rows) || sh.max_col >= int32_t(sh.dim_cols)))
      return xls_error(file, "error.xls_cell_outside_dimension",
                       {sh.name, declared.empty() ? "0" : declared, cell_ref(sh.max_row + 1, sh.max_col + 1)}, "corrupt");
  }
  if (scan.text_overrun)
    return xls_error(file, "error.xls_corrupt", {"a text is longer than the record holding it"}, "corrupt");
  if (scan.dimension_short)
    return xls_error(file, "error.xls_corrupt", {"a sheet's size record (DIMENSION) is shorter than the sizes it holds"},
                     "corrupt");
  if (scan.dimension_repeated)
    return xls_error(file, "error.xls_corrupt", {"a sheet declares its size (DIMENSION) twice"}, "corrupt");
  if (scan.dimension_beyond_limits)
    return xls_error(file, "error.xls_corrupt", {"a sheet declares more than 65,536 rows or 256 columns"}, "corrupt");
  const uint64_t grid = scan.declared_cells * 16;
  if (grid > opt.memory_budget_bytes / 2 || grid >= (uint64_t(256) << 20)) {
    std::string name = "?", declared = "?";  // the sheet declaring the largest grid
    uint64_t largest = 0;
    for (auto& sh : scan.sheets)
      if (sh.has_dim && uint64_t(sh.dim_rows) * sh.dim_cols > largest) {
        largest = uint64_t(sh.dim_rows) * sh.dim_cols;
        name = sh.name;
        declared = "A1:" + cell_ref(sh.dim_rows, int32_t(sh.dim_cols));
      }
    return xls_error(file, "error.xls_dimension_too_large",
                     {name, declared, std::to_string(opt.memory_budget_bytes >> 20)},
                     "memory_budget", ErrorCode::TooLarge);
  }
#ifdef ZICHT_NO_FREEXL
  (void)builder, (void)table;
  return xls_error(file, "error.xls_unavailable", {}, "unsupported_format", ErrorCode::UnsupportedFormat);
#else
  FreexlFile fx;
  if (!fx.write(data, n)) return make_error(ErrorCode::Io, file, {"error.xls_temp_file", {}}, 0, "", "io_error");
  int rc = freexl_open(fx.path.c_str(), &fx.h);
  if (rc != FREEXL_OK) {
    fx.h = nullptr;  // freexl frees what it opened when it fails
    if (rc == FREEXL_INSUFFICIENT_MEMORY)
      return xls_error(file, "error.xls_too_large", {"freexl", std::to_string(opt.memory_budget_bytes >> 20)},
                       "memory_budget", ErrorCode::TooLarge);
    return xls_error(file, "error.xls_corrupt", {"freexl error " + std::to_string(rc)}, "corrupt");
  }
  unsigned int info = 0;
  if (freexl_get_info(fx.h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK && info == FREEXL_BIFF_OBFUSCATED)
    return xls_error(file, "error.workbook_encrypted", {}, "encrypted", ErrorCode::UnsupportedFormat);
  if (freexl_get_info(fx.h, FREEXL_BIFF_DATEMODE, &info) == FREEXL_OK) rep.workbook.date1904 = info == FREEXL_BIFF_DATEMODE_1904;
  unsigned int count = 0;
  freexl_get_info(fx.h, FREEXL_BIFF_SHEET_COUNT, &count);
  if (count == 0) return xls_error(file, "error.workbook_no_sheets", {}, "corrupt");
  // freexl lists the BOUNDSHEET records in order, as the scan does; the scan's sheet by the same index.
  std::vector<const XlsSheet*> scanned(count, nullptr);
  for (unsigned i = 0; i < count && i < scan.sheets.size(); ++i) scanned[i] = &scan.sheets[i];
  auto date_format = [&](unsigned k, uint32_t r, uint32_t c) -> const XlsDateFormat* {
    if (!scanned[k] || c >= 256) return nullptr;
    auto it = scanned[k]->date_xf.find(r * 256 + c);
    return it != scanned[k]->date_xf.end() && it->second < scan.xf.size() ? &scan.xf[it->second] : nullptr;
  };
  // Pass 1: every sheet measured. Cells by row: freexl's, with the scanned formula/boolean/error cells over them.
  struct Val {
    std::string text;
    CellKind kind;
    const XlsDateFormat* fmt;  // a date's number format (null: not known)
  };
  using Cells = std::map<uint32_t, Val>;
  auto sheet_cells = [&](unsigned k, const std::function<bool(uint32_t, const Cells&)>& row_fn) -> Status {
    if (freexl_select_active_worksheet(fx.h, uint16_t(k)) != FREEXL_OK)
      return xls_error(file, "error.xls_corrupt", {"sheet " + std::to_string(k + 1)}, "corrupt");
    unsigned int rows = 0;
    unsigned short cols = 0;
    if (freexl_worksheet_dimensions(fx.h, &rows, &cols) != FREEXL_OK) rows = 0, cols = 0;
    std::map<uint32_t, std::vector<const XlsCell*>> special;
    if (scanned[k])
      for (auto& c : scanned[k]->cells) special[c.row].push_back(&c);
    auto sp = special.begin();
    Cells cells;
    std::string text;
    CellKind kind;
    // Only the rows the scan saw value cells in, from their first to their last column (never the declared grid).
    static const std::map<uint32_t, std::pair<uint16_t, uint16_t>> none;
    for (auto& [r, span] : scanned[k] ? scanned[k]->row_cols : none) {
      cells.clear();
      for (uint32_t c = span.first; r < rows && c <= span.second && c < cols; ++c)
        if (freexl_cell(fx.h, r, c, text, kind)) {
          const XlsDateFormat* f = kind == CellKind::Date ? date_format(k, r, c) : nullptr;
          day_first(text, f);
          cells[c] = {text, kind, f};
        }
      for (; sp != special.end() && sp->first < r; ++sp) {}
      if (sp != special.end() && sp->first == r)
        for (const XlsCell* c : sp->second) {
          special_cell(*c, scan, text, kind);
          if (kind == CellKind::Text && text.empty()) cells.erase(c->col);
          else cells[c->col] = {text, kind, c->xf < scan.xf.size() ? &scan.xf[c->xf] : nullptr};
        }
      if (!cells.empty() && !row_fn(r, cells)) break;
    }
    return Status::success();
  };
  std::vector<std::vector<MergeRange>> merges(count);
  for (unsigned k = 0; k < count; ++k) {
    SheetInfo si;
    const char* name = nullptr;
    if (freexl_get_worksheet_name(fx.h, uint16_t(k), &name) == FREEXL_OK && name) si.name = name;
    if (si.name.empty()) si.name = scanned[k] ? scanned[k]->name : "Sheet" + std::to_string(k + 1);
    if (scanned[k]) {
      si.hidden = scanned[k]->hidden;
      if (scanned[k]->has_dim && scanned[k]->dim_rows && scanned[k]->dim_cols)
        si.declared = "A1:" + cell_ref(scanned[k]->dim_rows, int32_t(scanned[k]->dim_cols));
      merges[k] = scanned[k]->merges;
    }
    Status s = sheet_cells(k, [&](uint32_t r, const Cells& cells) {
      si.cells += int64_t(cells.size());
      si.rows = std::max<int64_t>(si.rows, int64_t(r) + 1);
      si.cols = std::max<int64_t>(si.cols, int64_t(cells.rbegin()->first) + 1);
      return true;
    });
    if (!s.ok()) return s;
    rep.workbook.sheets.push_back(si);
  }
  Status err;
  int k = choose_sheet(rep.workbook.sheets, opt, file, rep.workbook.chosen_reason, err);
  if (k < 0) return err;
  rep.workbook.chosen = k;
  // Pass 2: the chosen sheet into the table.
  const std::string sheet = rep.workbook.sheets[size_t(k)].name;
  SheetAssembler as(builder, rep, opt, sheet, merges[size_t(k)], "excel_date_format");
  const XlsSheet* sc = scanned[size_t(k)];
  int64_t unread = 0;
  std::string first_unread;
  Status s = sheet_cells(unsigned(k), [&](uint32_t r, const Cells& cells) {
    const int64_t row = int64_t(r) + 1;
    as.begin_row(row, sc && sc->hidden_rows.count(row));
    for (auto& [c, v] : cells) {
      if (v.kind == CellKind::Unread && !unread++) first_unread = sheet + "!" + cell_ref(row, int32_t(c) + 1);
      as.cell(int32_t(c) + 1, v.text, v.kind, v.kind == CellKind::Date ? (v.fmt ? v.fmt->code : "date") : std::string());
    }
    as.end_row();
    if (as.too_large()) {
      err = make_error(ErrorCode::TooLarge, file, {"error.workbook_rows_too_large", {sheet, std::to_string(row)}}, row, "",
                       "memory_budget");
      return false;
    }
    return true;
  });
  if (!s.ok()) return s;
  if (!err.ok()) return err;
  if (sc) as.set_hidden_columns(sc->hidden_cols);
  as.complete(table);
  if (unread) rep.notes.push_back({"note.xls_formulas_unread", {std::to_string(unread), first_unread}});
  note_sheets(rep);
  return Status::success();
#endif
}

}  // namespace zicht::core
