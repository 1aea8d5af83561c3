// Zicht core — .xlsx / .xlsm (Office Open XML): workbook.xml (sheets, hidden state, date1904), its relationships,
// sharedStrings.xml (stored once: one arena), styles.xml (which cell styles are dates), then every sheet once for
// its size and merges, the chosen sheet into the table in that same pass. Macros (vbaProject.bin) are never read.
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <memory>

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

// One worksheet, measured (extent, cells with a value, merges, declared dimension) and, with an assembler, read into
// the table in the same pass. Parsed without expat's namespace processing (XmlSax::Namespaces::Prefixes): the cell
// tags are most of the workbook.
struct SheetSax : XmlSax {
  const SharedStringsSax& sst;
  const std::vector<CellStyle>& styles;
  bool date1904;
  SheetAssembler* out;  // null when only measuring, and after the table outgrew the memory budget
  SheetScan scan;
  std::set<int32_t> hidden_cols;
  Status err;
  Status too_large;  // the table outgrew the budget: measuring goes on (a later broken cell is the error to give)
  const std::string& file;
  std::string sheet;
  int64_t row = 0, last_row = 0;
  int32_t col = 0;
  enum class Type : uint8_t { Number, Shared, Inline, Str, Bool, Error, Date };  // t="" (anything else: n)
  Type type = Type::Number;
  std::string v, is;
  int64_t style = 0;
  bool in_c = false, in_v = false, in_is = false, in_sheetdata = false;
  int in_t = 0, in_rph = 0;
  std::string num_text, dmy_text;

  SheetSax(const SharedStringsSax& s, const std::vector<CellStyle>& st, bool d1904, SheetAssembler* o,
           const std::string& f, std::string name)
      : XmlSax(Namespaces::Prefixes), sst(s), styles(st), date1904(d1904), out(o), file(f), sheet(std::move(name)) {}

  void fail(Note n) {
    err = make_error(ErrorCode::BrokenWorkbook, file, std::move(n), 0, "", "corrupt");
    stop("sheet");
  }

  // The names tested on every tag, without a call (one letter, or size and bytes).
  static bool is1(std::string_view n, char c) { return n.size() == 1 && n[0] == c; }
  static bool is2(std::string_view n, const char (&s)[3]) { return n.size() == 2 && n[0] == s[0] && n[1] == s[1]; }
  static bool is3(std::string_view n, const char (&s)[4]) {
    return n.size() == 3 && n[0] == s[0] && n[1] == s[1] && n[2] == s[2];
  }
  static Type type_of(const char* t) {
    if (t[0] && !t[1]) {
      switch (t[0]) {
        case 's': return Type::Shared;
        case 'b': return Type::Bool;
        case 'e': return Type::Error;
        case 'd': return Type::Date;
        default: return Type::Number;
      }
    }
    if (!std::strcmp(t, "inlineStr")) return Type::Inline;
    if (!std::strcmp(t, "str")) return Type::Str;
    return Type::Number;
  }

  void on_start(std::string_view name, const char** a) override {
    if (in_c) {
      if (is1(name, 'v')) { in_v = true; v.clear(); }
      else if (is2(name, "is")) { in_is = true; is.clear(); }
      else if (is3(name, "rPh")) ++in_rph;
      else if (is1(name, 't') && in_is && !in_rph) ++in_t;
      return;
    }
    if (is1(name, 'c') && in_sheetdata) {
      in_c = true;
      type = Type::Number;
      v.clear();
      is.clear();
      style = 0;
      const char *t = nullptr, *s = nullptr, *r = nullptr;  // the first attribute of each local name, as attr() finds
      for (size_t i = 0; a[i]; i += 2) {
        const char* an = a[i];
        char k = an[0] && !an[1] ? an[0] : 0;  // unprefixed one-letter names: the usual case
        if (!k && !is_xmlns(an)) {
          std::string_view local = std::string_view(an).substr(std::string_view(an).rfind(':') + 1);
          if (local.size() == 1) k = local[0];
        }
        if (k == 't' && !t) t = a[i + 1];
        else if (k == 's' && !s) s = a[i + 1];
        else if (k == 'r' && !r) r = a[i + 1];
      }
      if (t) type = type_of(t);
      if (s) to_int(s, style);
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
    } else if (is3(name, "row") && in_sheetdata) {
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
      if (is1(name, 'v')) in_v = false;
      else if (is2(name, "is")) in_is = false;
      else if (is3(name, "rPh")) --in_rph;
      else if (is1(name, 't') && in_t) --in_t;
      else if (is1(name, 'c')) { in_c = false; end_cell(); }
      return;
    }
    if (is3(name, "row") && in_sheetdata) {
      if (out) {
        out->end_row();
        if (out->too_large()) {
          too_large = make_error(ErrorCode::TooLarge, file, {"error.workbook_rows_too_large", {sheet, std::to_string(row)}},
                                 row, "", "memory_budget");
          out = nullptr;
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
    if (type == Type::Shared) {
      int64_t k;
      std::string_view t;
      if (!v.empty()) {
        auto r = std::from_chars(v.data(), v.data() + v.size(), k);
        if (r.ec != std::errc() || r.ptr != v.data() + v.size() || k < 0 || size_t(k) >= sst.size())
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
    if (type == Type::Inline) {
      count(!is.empty());
      if (out) out->cell(col, is, CellKind::Text);
      return;
    }
    if (v.empty()) return;
    count(true);
    if (!out) return;
    if (type == Type::Str) return out->cell(col, v, CellKind::Text);
    if (type == Type::Bool) return out->cell(col, v == "1" || v == "true" ? "TRUE" : "FALSE", CellKind::Bool);
    if (type == Type::Error) return out->cell(col, v, CellKind::Error);
    if (type == Type::Date) return out->cell(col, v, CellKind::Date, "ISO 8601");
    // A number; a date when its style's number format is a date format.
    const CellStyle* cs = style >= 0 && size_t(style) < styles.size() ? &styles[size_t(style)] : nullptr;
    if (cs && cs->kind != NumFmtKind::Number) {
      double d;
      const char* b = v.c_str();
      char* e = nullptr;
      d = std::strtod(b, &e);
      if (e && *e == 0 && serial_to_text(d, date1904, cs->kind, num_text)) {
        if (cs->dmy_sep && num_text.size() >= 10) {  // "2021-05-24" → "24/05/2021"
          dmy_text.assign(num_text, 8, 2);
          dmy_text += cs->dmy_sep;
          dmy_text.append(num_text, 5, 2);
          dmy_text += cs->dmy_sep;
          dmy_text.append(num_text, 0, 4);
          dmy_text.append(num_text, 10, std::string::npos);
          num_text.swap(dmy_text);
        }
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

  // One pass over every sheet: each is measured (size, merges), and the sheet that will be read is filled into the
  // table while it is measured — the one the user asked for, else each visible sheet in turn until one holds data.
  // Only when that guess fails (no visible sheet holds data) is the chosen sheet read again.
  if (bs.sheets.empty())
    return make_error(ErrorCode::BrokenWorkbook, cx.file, {"error.workbook_no_sheets", {}}, 0, "", "corrupt");
  int asked = -1;
  if (!cx.opt.sheet.empty()) {  // by name or number: the names are enough (an unknown one is refused further on)
    std::vector<SheetInfo> names(bs.sheets.size());
    for (size_t i = 0; i < names.size(); ++i) names[i].name = bs.sheets[i].name;
    std::string reason;
    Status ignored;
    asked = choose_sheet(names, cx.opt, cx.file, reason, ignored);
  }
  const ReadReport before = rep;  // what the report was before any sheet was filled
  auto unread = [&](ReadReport& r) {  // the report as if no sheet had been filled (the sheet list stays)
    std::vector<SheetInfo> sheets = std::move(r.workbook.sheets);
    r = before;
    r.workbook.sheets = std::move(sheets);
  };
  std::vector<const ZipEntry*> parts;
  std::vector<SheetScan> scans;
  std::vector<std::unique_ptr<SheetAssembler>> filled(bs.sheets.size());
  std::vector<std::set<int32_t>> hidden_cols(bs.sheets.size());
  Status too_large;
  bool found = false;
  for (size_t i = 0; i < bs.sheets.size(); ++i) {
    const auto& sh = bs.sheets[i];
    std::string path;
    for (auto& r : rels.rels)
      if (r.id == sh.rid) path = resolve(dir, r.target);
    const ZipEntry* e = path.empty() ? nullptr : cx.zip.find(path);
    SheetScan scan;
    scan.info.name = sh.name;
    scan.info.hidden = sh.hidden;
    bool fill = cx.opt.sheet.empty() ? !found && !sh.hidden : int(i) == asked;
    if (fill) filled[i] = std::make_unique<SheetAssembler>(cx.builder, rep, cx.opt, sh.name, "excel_date_format");
    if (e) {  // a chart sheet or a missing part is listed as empty
      SheetSax sx(sst, styles, bs.date1904, filled[i].get(), cx.file, sh.name);
      if (Status s = parse_part(cx, *e, sx, &sx.err); !s.ok()) {
        unread(rep);  // a broken sheet is found before anything is read, as when every sheet was measured first
        return s;
      }
      sx.scan.info.name = sh.name;
      sx.scan.info.hidden = sh.hidden;
      scan = std::move(sx.scan);
      hidden_cols[i] = std::move(sx.hidden_cols);
      if (!sx.too_large.ok() && too_large.ok()) too_large = sx.too_large;
    }
    if (fill && cx.opt.sheet.empty() && scan.info.cells > 0) found = true;
    parts.push_back(e);
    rep.workbook.sheets.push_back(scan.info);
    scans.push_back(std::move(scan));
  }
  Status err;
  int k = choose_sheet(rep.workbook.sheets, cx.opt, cx.file, rep.workbook.chosen_reason, err);
  if (k < 0) return err;
  rep.workbook.chosen = k;
  if (!too_large.ok()) return too_large;

  const std::string& name = bs.sheets[size_t(k)].name;
  std::unique_ptr<SheetAssembler> as = std::move(filled[size_t(k)]);
  // A sheet that held no data touched neither the table nor the report; the chosen one must be read again when
  // it was not filled, or when its merges (listed after the cells) would have changed the header it settled on.
  bool again = !as || as->set_merges_late(scans[size_t(k)].merges);
  TableBuilder second(cx.opt, rep);
  if (again) {
    if (as) {  // the rows read so far: their memory back, their notes and flags out of the report
      Table scrap;
      cx.builder.finish(scrap, true);
      std::string reason = rep.workbook.chosen_reason;
      unread(rep);
      rep.workbook.chosen = k;
      rep.workbook.chosen_reason = reason;
    }
    as = std::make_unique<SheetAssembler>(as ? second : cx.builder, rep, cx.opt, name, scans[size_t(k)].merges,
                                          "excel_date_format");
    if (parts[size_t(k)]) {
      SheetSax sx(sst, styles, bs.date1904, as.get(), cx.file, name);
      if (Status s = parse_part(cx, *parts[size_t(k)], sx, &sx.err); !s.ok()) return s;
      if (!sx.too_large.ok()) return sx.too_large;
    }
  }
  as->set_hidden_columns(std::move(hidden_cols[size_t(k)]));
  as->complete(cx.table);
  note_sheets(rep);
  return Status::success();
}

}  // namespace zicht::core
