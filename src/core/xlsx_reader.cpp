// Zicht core — .xlsx / .xlsm (Office Open XML): workbook.xml (sheets, hidden state, date1904), its relationships,
// sharedStrings.xml (stored once: one arena), styles.xml (which cell styles are dates), then every sheet once for
// its size and merges and the chosen sheet again into the table. Macros (vbaProject.bin) are never read.
#include <charconv>
#include <cstdlib>
#include <cstring>

#include "core/reader_impl.h"
#include "core/values.h"
#include "core/workbook.h"

namespace zicht::core {
namespace {

constexpr size_t kMaxAccum = kMaxCellChars * 4 + 16;  // bytes of one cell's text held while parsing
constexpr size_t kMaxMerges = 100000;

bool to_int(const char* s, int64_t& v) {
  if (!s) return false;
  auto r = std::from_chars(s, s + std::strlen(s), v);
  return r.ec == std::errc() && *r.ptr == 0;
}

void append_capped(std::string& acc, const char* s, size_t n) {
  if (acc.size() < kMaxAccum) acc.append(s, std::min(n, kMaxAccum - acc.size()));
}

// Relationship targets are relative to the part's folder, or absolute from the package root.
std::string resolve(const std::string& base_dir, const std::string& target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string path = base_dir + target;
  std::vector<std::string> parts;
  size_t b = 0;
  while (b <= path.size()) {
    size_t e = path.find('/', b);
    if (e == std::string::npos) e = path.size();
    std::string seg = path.substr(b, e - b);
    if (seg == "..") { if (!parts.empty()) parts.pop_back(); }
    else if (!seg.empty() && seg != ".") parts.push_back(seg);
    b = e + 1;
  }
  std::string out;
  for (auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

struct Rel {
  std::string id, type, target;
};
struct RelsSax : XmlSax {
  std::vector<Rel> rels;
  void on_start(std::string_view name, const char** a) override {
    if (name != "Relationship") return;
    const char *id = attr(a, "Id"), *type = attr(a, "Type"), *target = attr(a, "Target");
    if (id && target) rels.push_back({id, type ? type : "", target});
  }
  void on_end(std::string_view) override {}
};

struct BookSax : XmlSax {
  struct Sheet {
    std::string name, rid;
    bool hidden = false;
  };
  std::vector<Sheet> sheets;
  bool date1904 = false;
  void on_start(std::string_view name, const char** a) override {
    if (name == "sheet") {
      Sheet s;
      if (const char* v = attr(a, "name")) s.name = v;
      if (const char* v = attr(a, "id")) s.rid = v;
      if (const char* v = attr(a, "state")) s.hidden = std::strcmp(v, "visible") != 0;
      sheets.push_back(std::move(s));
    } else if (name == "workbookPr") {
      if (const char* v = attr(a, "date1904")) date1904 = !std::strcmp(v, "1") || !std::strcmp(v, "true");
    }
  }
  void on_end(std::string_view) override {}
};

// Shared strings: one arena, offsets per string; rich-text runs joined, phonetic runs (rPh) left out.
struct SharedStringsSax : XmlSax {
  std::string arena, cur;
  std::vector<uint64_t> offsets{0};
  std::vector<uint8_t> truncated;  // per string: cut at 32,767 characters (flagged in every cell using it)
  int in_t = 0, in_rph = 0;
  bool in_si = false;
  uint64_t budget;
  Status* err;
  const std::string* file;
  SharedStringsSax(uint64_t b, Status* e, const std::string* f) : budget(b), err(e), file(f) {}
  void on_start(std::string_view name, const char**) override {
    if (name == "si") { in_si = true; cur.clear(); }
    else if (name == "rPh") ++in_rph;
    else if (name == "t" && in_si && !in_rph) ++in_t;
  }
  void on_end(std::string_view name) override {
    if (name == "si") {
      in_si = false;
      truncated.push_back(cur.size() >= kMaxAccum || cap_cell_text(cur));
      if (truncated.back()) cap_cell_text(cur);
      arena += cur;
      offsets.push_back(arena.size());
      if (arena.size() + offsets.size() * 8 > budget) {
        *err = make_error(ErrorCode::TooLarge, *file, {"error.shared_strings_too_large", {std::to_string(offsets.size() - 1)}},
                          0, "", "memory_budget");
        stop("shared strings");
      }
    } else if (name == "rPh") --in_rph;
    else if (name == "t" && in_t) --in_t;
  }
  void on_text(const char* s, size_t n) override {
    if (in_t) append_capped(cur, s, n);
  }
  std::string_view at(size_t i) const { return std::string_view(arena).substr(offsets[i], offsets[i + 1] - offsets[i]); }
  size_t size() const { return offsets.size() - 1; }
};

struct StylesSax : XmlSax {
  std::map<int64_t, std::string> custom;  // numFmtId → formatCode
  std::vector<int64_t> xf_fmt;            // cellXfs index → numFmtId
  bool in_cellxfs = false;
  void on_start(std::string_view name, const char** a) override {
    if (name == "numFmt") {
      int64_t id;
      const char* code = attr(a, "formatCode");
      if (to_int(attr(a, "numFmtId"), id) && code) custom[id] = code;
    } else if (name == "cellXfs") {
      in_cellxfs = true;
    } else if (name == "xf" && in_cellxfs) {
      int64_t id = 0;
      to_int(attr(a, "numFmtId"), id);
      xf_fmt.push_back(id);
    }
  }
  void on_end(std::string_view name) override {
    if (name == "cellXfs") in_cellxfs = false;
  }
};

struct CellStyle {
  NumFmtKind kind = NumFmtKind::Number;
  std::string code;
  char dmy_sep = 0;  // a d/m/yyyy format (Belgian): dates keep that text, as a CSV export of the sheet would
};

// One worksheet. Without an assembler it only measures (extent, cells with a value, merges, declared dimension).
struct SheetSax : XmlSax {
  const SharedStringsSax& sst;
  const std::vector<CellStyle>& styles;
  bool date1904;
  SheetAssembler* out;  // null in the measuring pass
  SheetScan scan;
  std::set<int32_t> hidden_cols;
  Status err;
  const std::string& file;
  std::string sheet;
  int64_t row = 0, last_row = 0;
  int32_t col = 0;
  std::string type, v, is;
  int64_t style = 0;
  bool in_c = false, in_v = false, in_is = false, in_sheetdata = false;
  int in_t = 0, in_rph = 0;
  std::string num_text;

  SheetSax(const SharedStringsSax& s, const std::vector<CellStyle>& st, bool d1904, SheetAssembler* o,
           const std::string& f, std::string name)
      : sst(s), styles(st), date1904(d1904), out(o), file(f), sheet(std::move(name)) {}

  void fail(Note n) {
    err = make_error(ErrorCode::BrokenWorkbook, file, std::move(n), 0, "", "corrupt");
    stop("sheet");
  }

  void on_start(std::string_view name, const char** a) override {
    if (in_c) {
      if (name == "v") { in_v = true; v.clear(); }
      else if (name == "is") { in_is = true; is.clear(); }
      else if (name == "rPh") ++in_rph;
      else if (name == "t" && in_is && !in_rph) ++in_t;
      return;
    }
    if (name == "c" && in_sheetdata) {
      in_c = true;
      type.clear();
      v.clear();
      is.clear();
      style = 0;
      if (const char* t = attr(a, "t")) type = t;
      if (const char* s = attr(a, "s")) to_int(s, style);
      const char* r = attr(a, "r");
      int64_t rr;
      int32_t cc;
      if (r && parse_cell_ref(r, rr, cc)) {
        if (rr != row) return fail({"error.xlsx_cell_outside_row", {sheet, r, std::to_string(row)}});
        col = cc;
      } else if (r) {
        return fail({"error.xlsx_bad_cell_ref", {sheet, std::string(r).substr(0, 40)}});
      } else {
        if (++col > kMaxSheetCols) return fail({"error.xlsx_bad_cell_ref", {sheet, "column > XFD"}});
      }
    } else if (name == "row" && in_sheetdata) {
      int64_t r;
      if (to_int(attr(a, "r"), r)) {
        if (r < 1 || r > kMaxSheetRows || r <= last_row)
          return fail({"error.xlsx_row_order", {sheet, std::to_string(r), std::to_string(last_row)}});
        row = r;
      } else {
        row = last_row + 1;
        if (row > kMaxSheetRows) return fail({"error.xlsx_row_order", {sheet, std::to_string(row), std::to_string(last_row)}});
      }
      last_row = row;
      col = 0;
      const char* h = attr(a, "hidden");
      if (out) out->begin_row(row, h && (!std::strcmp(h, "1") || !std::strcmp(h, "true")));
    } else if (name == "sheetData") {
      in_sheetdata = true;
    } else if (name == "dimension") {
      if (const char* r = attr(a, "ref")) scan.info.declared = std::string(r).substr(0, 40);
    } else if (name == "col") {
      const char* h = attr(a, "hidden");
      int64_t lo, hi;
      if (h && (!std::strcmp(h, "1") || !std::strcmp(h, "true")) && to_int(attr(a, "min"), lo) && to_int(attr(a, "max"), hi))
        for (int64_t c = std::max<int64_t>(lo, 1); c <= std::min<int64_t>(hi, kMaxSheetCols); ++c) hidden_cols.insert(int32_t(c));
    } else if (name == "mergeCell" && scan.merges.size() < kMaxMerges) {
      const char* r = attr(a, "ref");
      if (!r) return;
      std::string ref = r;
      size_t colon = ref.find(':');
      MergeRange m;
      if (colon != std::string::npos && parse_cell_ref(ref.substr(0, colon), m.r1, m.c1) &&
          parse_cell_ref(ref.substr(colon + 1), m.r2, m.c2) && m.r2 >= m.r1 && m.c2 >= m.c1)
        scan.merges.push_back(m);
    }
  }

  void on_text(const char* s, size_t n) override {
    if (in_v) append_capped(v, s, n);
    else if (in_t) append_capped(is, s, n);
  }

  void on_end(std::string_view name) override {
    if (in_c) {
      if (name == "v") in_v = false;
      else if (name == "is") in_is = false;
      else if (name == "rPh") --in_rph;
      else if (name == "t" && in_t) --in_t;
      else if (name == "c") { in_c = false; end_cell(); }
      return;
    }
    if (name == "row" && in_sheetdata) {
      if (out) {
        out->end_row();
        if (out->too_large()) {
          err = make_error(ErrorCode::TooLarge, file, {"error.workbook_rows_too_large", {sheet, std::to_string(row)}},
                           row, "", "memory_budget");
          stop("memory");
        }
      }
    } else if (name == "sheetData") {
      in_sheetdata = false;
    }
  }

  void count(bool has_value) {
    if (!has_value) return;
    ++scan.info.cells;
    scan.info.rows = std::max(scan.info.rows, row);
    scan.info.cols = std::max<int64_t>(scan.info.cols, col);
    if (!scan.first_row) scan.first_row = row;
  }

  void end_cell() {
    if (type == "s") {
      int64_t k;
      std::string_view t;
      if (!v.empty()) {
        if (!to_int(v.c_str(), k) || k < 0 || size_t(k) >= sst.size())
          return fail({"error.xlsx_bad_shared_string", {sheet + "!" + cell_ref(row, col), v.substr(0, 20),
                                                        std::to_string(sst.size())}});
        t = sst.at(size_t(k));
      }
      count(!t.empty());
      if (out && !t.empty()) {
        out->cell(col, t, CellKind::Text, {}, k);
        if (sst.truncated[size_t(k)]) out->flag_truncated(col, t);
      }
      return;
    }
    if (type == "inlineStr") {
      count(!is.empty());
      if (out) out->cell(col, is, CellKind::Text);
      return;
    }
    if (v.empty()) return;
    count(true);
    if (!out) return;
    if (type == "str") return out->cell(col, v, CellKind::Text);
    if (type == "b") return out->cell(col, v == "1" || v == "true" ? "TRUE" : "FALSE", CellKind::Bool);
    if (type == "e") return out->cell(col, v, CellKind::Error);
    if (type == "d") return out->cell(col, v, CellKind::Date, "ISO 8601");
    // A number; a date when its style's number format is a date format.
    const CellStyle* cs = style >= 0 && size_t(style) < styles.size() ? &styles[size_t(style)] : nullptr;
    if (cs && cs->kind != NumFmtKind::Number) {
      double d;
      const char* b = v.c_str();
      char* e = nullptr;
      d = std::strtod(b, &e);
      if (e && *e == 0 && serial_to_text(d, date1904, cs->kind, num_text)) {
        if (cs->dmy_sep && num_text.size() >= 10)  // "2021-05-24" → "24/05/2021"
          num_text = num_text.substr(8, 2) + cs->dmy_sep + num_text.substr(5, 2) + cs->dmy_sep + num_text.substr(0, 4) +
                     num_text.substr(10);
        return out->cell(col, num_text, cs->kind == NumFmtKind::Time ? CellKind::Text : CellKind::Date, cs->code);
      }
    }
    out->cell(col, v, CellKind::Number);
  }
};

}  // namespace

Status read_xlsx(WorkbookContext& cx) {
  ReadReport& rep = cx.rep;
  // The workbook part: from the package relationships, else the usual place.
  std::string book_path = "xl/workbook.xml";
  {
    RelsSax rels;
    if (const ZipEntry* e = cx.zip.find("_rels/.rels")) {
      if (Status s = parse_part(cx, *e, rels); !s.ok()) return s;
      for (auto& r : rels.rels)
        if (r.type.size() >= 14 && r.type.compare(r.type.size() - 14, 14, "officeDocument") == 0)
          book_path = resolve("", r.target);
    }
  }
  const ZipEntry* book = cx.zip.find(book_path);
  if (!book) return make_error(ErrorCode::BrokenWorkbook, cx.file, {"error.workbook_missing_part", {book_path}}, 0, "", "corrupt");
  BookSax bs;
  if (Status s = parse_part(cx, *book, bs); !s.ok()) return s;
  rep.workbook.date1904 = bs.date1904;
  std::string dir = book_path.substr(0, book_path.rfind('/') + 1);
  std::string rels_path = dir + "_rels/" + book_path.substr(dir.size()) + ".rels";
  RelsSax rels;
  if (const ZipEntry* e = cx.zip.find(rels_path))
    if (Status s = parse_part(cx, *e, rels); !s.ok()) return s;
  auto target_of_type = [&](const char* suffix, const char* fallback) {
    size_t n = std::strlen(suffix);
    for (auto& r : rels.rels)
      if (r.type.size() >= n && r.type.compare(r.type.size() - n, n, suffix) == 0) return resolve(dir, r.target);
    return std::string(dir) + fallback;
  };

  Status sst_err;
  SharedStringsSax sst(cx.opt.memory_budget_bytes / 2, &sst_err, &cx.file);
  if (const ZipEntry* e = cx.zip.find(target_of_type("/sharedStrings", "sharedStrings.xml")))
    if (Status s = parse_part(cx, *e, sst, &sst_err); !s.ok()) return s;

  std::vector<CellStyle> styles;
  {
    StylesSax ss;
    if (const ZipEntry* e = cx.zip.find(target_of_type("/styles", "styles.xml")))
      if (Status s = parse_part(cx, *e, ss); !s.ok()) return s;
    styles.reserve(ss.xf_fmt.size());
    for (int64_t id : ss.xf_fmt) {
      CellStyle c;
      auto it = ss.custom.find(id);
      c.code = it != ss.custom.end() ? it->second : builtin_number_format(int(id));
      c.kind = classify_number_format(int(id), it != ss.custom.end() ? std::string_view(it->second) : std::string_view());
      if (c.kind == NumFmtKind::Date || c.kind == NumFmtKind::DateTime) c.dmy_sep = dmy_separator(c.code);
      styles.push_back(std::move(c));
    }
  }

  // Pass 1: every sheet measured (size, merges).
  std::vector<const ZipEntry*> parts;
  std::vector<SheetScan> scans;
  for (auto& sh : bs.sheets) {
    std::string path;
    for (auto& r : rels.rels)
      if (r.id == sh.rid) path = resolve(dir, r.target);
    const ZipEntry* e = path.empty() ? nullptr : cx.zip.find(path);
    SheetScan scan;
    scan.info.name = sh.name;
    scan.info.hidden = sh.hidden;
    if (e) {  // a chart sheet or a missing part is listed as empty
      SheetSax sx(sst, styles, bs.date1904, nullptr, cx.file, sh.name);
      if (Status s = parse_part(cx, *e, sx, &sx.err); !s.ok()) return s;
      sx.scan.info.name = sh.name;
      sx.scan.info.hidden = sh.hidden;
      scan = std::move(sx.scan);
    }
    parts.push_back(e);
    rep.workbook.sheets.push_back(scan.info);
    scans.push_back(std::move(scan));
  }
  if (bs.sheets.empty())
    return make_error(ErrorCode::BrokenWorkbook, cx.file, {"error.workbook_no_sheets", {}}, 0, "", "corrupt");
  Status err;
  int k = choose_sheet(rep.workbook.sheets, cx.opt, cx.file, rep.workbook.chosen_reason, err);
  if (k < 0) return err;
  rep.workbook.chosen = k;

  // Pass 2: the chosen sheet into the table.
  const std::string& name = bs.sheets[size_t(k)].name;
  SheetAssembler as(cx.builder, rep, cx.opt, name, scans[size_t(k)].merges, "excel_date_format");
  if (parts[size_t(k)]) {
    SheetSax sx(sst, styles, bs.date1904, &as, cx.file, name);
    if (Status s = parse_part(cx, *parts[size_t(k)], sx, &sx.err); !s.ok()) return s;
    as.set_hidden_columns(std::move(sx.hidden_cols));
  }
  as.complete(cx.table);
  note_sheets(rep);
  return Status::success();
}

}  // namespace zicht::core
