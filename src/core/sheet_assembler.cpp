// SheetAssembler (workbook.h): a sheet's cells → TableBuilder rows. The first rows are held back until the header is
// known (at most kHoldRows non-empty rows or kHoldBytes of text); every later row goes straight into the builder.
#include <algorithm>
#include <map>

#include "core/values.h"
#include "core/workbook.h"

namespace zicht::core {
namespace {

constexpr size_t kHoldRows = 30;
constexpr size_t kHoldBytes = size_t(4) << 20;

// A header cell is text that does not read as a number, a date or a boolean word.
bool label_like(CellKind k, std::string_view t) {
  if (k != CellKind::Text) return false;
  t = trim_ws(t);
  double v;
  DateParts p;
  return !(parse_number(t, '.', v) || parse_number(t, ',', v) || date_shape(t, p));
}

}  // namespace

SheetAssembler::SheetAssembler(TableBuilder& b, ReadReport& rep, const ReadOptions& opt, std::string sheet,
                               std::vector<MergeRange> merges, const char* date_source)
    : b_(b), rep_(rep), opt_(opt), sheet_(std::move(sheet)), merges_(std::move(merges)), date_source_(date_source) {}

void SheetAssembler::flag_at(int64_t row, const std::string& column, std::string_view value, const char* rule,
                             std::string cell) {
  size_t before = rep_.flags.size();
  b_.flag(row, column, value, rule);
  if (rep_.flags.size() > before) rep_.flags.back().cell = std::move(cell);
}

void SheetAssembler::begin_row(int64_t row, bool hidden) {
  cur_.row = row;
  cur_.hidden = hidden;
  cur_.cells.clear();
  in_row_ = true;
}

void SheetAssembler::cell(int32_t col, std::string_view text, CellKind kind, const std::string& fmt, int64_t key) {
  if (!in_row_ || col < 1 || col > kMaxSheetCols) return;
  if (text.empty() && kind != CellKind::Error) return;
  std::string capped;
  if (kind == CellKind::Text && text.size() > kMaxCellChars) {
    capped.assign(text);
    if (cap_cell_text(capped)) {
      flag_at(cur_.row, "", capped.substr(0, 60), "text_truncated", where(cur_.row, col));
      text = capped;
      key = -1;
    }
  }
  if (!header_decided_) {
    buffered_bytes_ += text.size() + sizeof(Cell);
    cur_.cells.push_back(Cell{col, kind, std::string(text), fmt});
    return;
  }
  if (opt_.header_row > 0 && cur_.row <= opt_.header_row) return;
  if (cur_.cells.empty()) {  // first cell of a streamed row: the row starts in the builder
    cur_.cells.push_back(Cell{col, kind, {}, {}});
    b_.begin_row(cur_.row);
    if (cur_.hidden) {
      flag_at(cur_.row, "", "", "hidden_row", sheet_ + "!" + std::to_string(cur_.row) + ":" + std::to_string(cur_.row));
    }
    last_data_row_ = cur_.row;
    if (!first_data_row_) first_data_row_ = cur_.row;
    if ((b_.rows() & 1023) == 0 && b_.memory_bytes() + b_.memory_bytes() / 2 > opt_.memory_budget_bytes)
      too_large_ = true;
  }
  put(cur_.row, col, text, kind, fmt, key);
}

void SheetAssembler::flag_truncated(int32_t col, std::string_view text) {
  flag_at(cur_.row, "", text.substr(0, 60), "text_truncated", where(cur_.row, col));
}

void SheetAssembler::end_row() {
  if (!in_row_) return;
  in_row_ = false;
  if (cur_.cells.empty()) return;
  ++rows_seen_;
  if (header_decided_) return;
  if (opt_.header_row > 0 && cur_.row < opt_.header_row) {  // above the header the user named
    rep_.workbook.header_reason = "user";
    cur_.cells.clear();
    return;
  }
  buffered_.push_back(std::move(cur_));
  cur_ = Row{};
  if (buffered_.size() >= kHoldRows || buffered_bytes_ >= kHoldBytes) decide_header();
}

void SheetAssembler::set_columns(const std::vector<std::pair<int32_t, std::string>>& names) {
  for (auto& [col, name] : names) {
    if (col_of_sheet_.size() <= size_t(col)) col_of_sheet_.resize(size_t(col) + 1, 0);
    size_t j = b_.add_column(name);
    col_of_sheet_[size_t(col)] = int32_t(j + 1);
    sheet_of_col_.push_back(col);
    date_cells_.push_back(0);
    date_fmt_.emplace_back();
    key_codes_.emplace_back();
  }
}

size_t SheetAssembler::column_for(int32_t col) {
  if (col_of_sheet_.size() <= size_t(col)) col_of_sheet_.resize(size_t(col) + 1, 0);
  if (!col_of_sheet_[size_t(col)]) set_columns({{col, ""}});
  return size_t(col_of_sheet_[size_t(col)] - 1);
}

void SheetAssembler::put(int64_t row, int32_t col, std::string_view text, CellKind kind, const std::string& fmt,
                         int64_t key) {
  size_t j = column_for(col);
  if (kind == CellKind::Error || kind == CellKind::Unread) {  // Missing, with a flag naming the error and the cell
    flag_at(row, b_.column_name(j), text, kind == CellKind::Error ? "excel_error" : "formula_unread", where(row, col));
    return;
  }
  if (kind == CellKind::Date) {
    if (!date_cells_[j]++) date_fmt_[j] = fmt;
  }
  if (key >= 0) {
    // Small keys in a flat table (code + 1, 0: not yet), grown only as far as the keys the column has met allow,
    // so a hostile key far out costs a map entry, not a table of that size.
    KeyCodes& kc = key_codes_[j];
    if (uint64_t(key) < kc.flat.size() && kc.flat[size_t(key)]) return b_.set_code(j, kc.flat[size_t(key)] - 1);
    if (uint64_t(key) >= kc.flat.size()) {
      uint64_t limit = 8 * kc.count + 64;  // at most 8 slots per key met (and 64 to start)
      if (uint64_t(key) < limit) kc.flat.resize(size_t(std::min<uint64_t>(limit, std::max<uint64_t>(key + 1, 2 * kc.flat.size()))), 0);
    }
    uint32_t code;
    auto it = kc.far.empty() ? kc.far.end() : kc.far.find(key);  // met while the table was smaller
    if (it != kc.far.end()) {
      code = it->second;
    } else {
      code = b_.intern(j, text);
      ++kc.count;
      if (uint64_t(key) < kc.flat.size()) kc.flat[size_t(key)] = code + 1;
      else kc.far[key] = code;
    }
    b_.set_code(j, code);
  } else {
    b_.set(j, text);
  }
}

void SheetAssembler::emit(const Row& r) {
  b_.begin_row(r.row);
  if (!first_data_row_) first_data_row_ = r.row;
  last_data_row_ = r.row;
  if (r.hidden) {
    flag_at(r.row, "", "", "hidden_row", sheet_ + "!" + std::to_string(r.row) + ":" + std::to_string(r.row));
  }
  for (const Cell& c : r.cells) put(r.row, c.col, c.text, c.kind, c.fmt, -1);
}

void SheetAssembler::decide_header() {
  header_decided_ = true;
  WorkbookInfo& wb = rep_.workbook;
  const size_t n = buffered_.size();
  int h = -1, hrows = 1;
  if (opt_.header && !*opt_.header) {
    wb.header_reason = "user_no_header";
  } else if (opt_.header_row > 0) {
    wb.header_reason = "user";
    wb.header_row = opt_.header_row;
    if (n && buffered_[0].row == opt_.header_row) h = 0;
  } else if (n) {
    std::vector<size_t> w(n), lab(n);
    std::map<size_t, size_t> freq;
    for (size_t i = 0; i < n; ++i) {
      w[i] = buffered_[i].cells.size();
      for (auto& c : buffered_[i].cells) lab[i] += label_like(c.kind, c.text);
      if (w[i] >= 2) ++freq[w[i]];
    }
    size_t W = 1, best = 0;
    for (auto& [width, k] : freq)
      if (k >= best) { best = k; W = width; }
    for (size_t i = 0; i < n && h < 0; ++i) {
      bool wide = W >= 2 ? (w[i] >= 2 && w[i] * 10 >= W * 6) : true;
      if (wide && lab[i] * 10 >= w[i] * 8 && (i + 1 < n || n == 1)) h = int(i);
    }
    if (h < 0 && lab[0] * 10 >= w[0] * 8) h = 0;
    if (h < 0) {
      wb.header_reason = "no_header";
      rep_.notes.push_back({"note.no_header", {}});
    } else {
      wb.header_reason = h == 0 && buffered_[0].row == 1 ? "first_row" : "detected";
      // Two header rows: the next row is labels too, and the header has cells merged across columns or rows.
      size_t nx = size_t(h) + 1;
      if (nx < n && buffered_[nx].row == buffered_[size_t(h)].row + 1 && w[nx] >= 2 && lab[nx] == w[nx]) {
        int64_t hr = buffered_[size_t(h)].row;
        for (auto& m : merges_)
          if (m.r1 == hr && (m.c2 > m.c1 || m.r2 > m.r1)) { hrows = 2; break; }
      }
    }
  }
  std::vector<std::pair<int32_t, std::string>> names;
  if (h >= 0) {
    const Row& top = buffered_[size_t(h)];
    std::map<int32_t, std::string> t, btm;
    for (auto& c : top.cells) t[c.col] = c.text;
    for (auto& m : merges_)
      if (m.r1 == top.row && t.count(m.c1))
        for (int32_t c = m.c1 + 1; c <= m.c2; ++c) t[c] = t[m.c1];
    if (hrows == 2) {
      for (auto& c : buffered_[size_t(h) + 1].cells) btm[c.col] = c.text;
      for (auto& m : merges_)
        if (m.r1 == top.row + 1 && btm.count(m.c1))
          for (int32_t c = m.c1 + 1; c <= m.c2; ++c) btm[c] = btm[m.c1];
    }
    int32_t lo = kMaxSheetCols, hi = 0;
    for (auto* mp : {&t, &btm})
      for (auto& [c, s] : *mp) { lo = std::min(lo, c); hi = std::max(hi, c); }
    for (int32_t c = lo; c <= hi; ++c) {
      std::string a = t.count(c) ? t[c] : "", z = btm.count(c) ? btm[c] : "";
      std::string nm = a.empty() ? z : z.empty() || z == a ? a : a + " \u2013 " + z;
      names.emplace_back(c, nm);
    }
    wb.header_row = int(top.row);
    wb.header_rows = hrows;
    if (h > 0 || top.row > 1) {
      std::string first;
      for (int i = 0; i < h && first.empty(); ++i)
        if (!buffered_[size_t(i)].cells.empty()) first = buffered_[size_t(i)].cells[0].text.substr(0, 60);
      rep_.notes.push_back({"note.header_below_titles", {std::to_string(top.row), std::to_string(h), first}});
    }
    if (hrows == 2)
      rep_.notes.push_back({"note.two_row_header", {std::to_string(top.row), std::to_string(top.row + 1)}});
  } else {
    // No header row: columns by position over the rows held back.
    int32_t lo = kMaxSheetCols, hi = 0;
    for (auto& r : buffered_)
      for (auto& c : r.cells) { lo = std::min(lo, c.col); hi = std::max(hi, c.col); }
    for (int32_t c = lo; c <= hi; ++c) names.emplace_back(c, "");
  }
  if (!merges_known_) early_header_row_ = h >= 0 ? buffered_[size_t(h)].row : 0;
  set_columns(names);
  size_t from = h >= 0 ? size_t(h + hrows) : 0;
  for (size_t i = from; i < n; ++i) emit(buffered_[i]);
  std::vector<Row>().swap(buffered_);
  buffered_bytes_ = 0;
}

bool SheetAssembler::set_merges_late(std::vector<MergeRange> merges) {
  merges_ = std::move(merges);
  merges_known_ = true;
  // decide_header() reads merges only where they start in the header row (a second header row needs one there).
  if (early_header_row_ > 0)
    for (auto& m : merges_)
      if (m.r1 == early_header_row_) return true;
  return false;
}

void SheetAssembler::finish() {
  end_row();
  if (!header_decided_) decide_header();
  // Merged cells among the data keep the value of their top-left cell: flagged once per range.
  int64_t data_from = rep_.workbook.header_row ? rep_.workbook.header_row + std::max(1, rep_.workbook.header_rows) : 1;
  for (auto& m : merges_) {
    if (m.r1 < data_from || (last_data_row_ && m.r1 > last_data_row_) || !last_data_row_) continue;
    size_t j = column_for(m.c1);
    flag_at(m.r1, b_.column_name(j), cell_ref(m.r1, m.c1) + ":" + cell_ref(m.r2, m.c2), "merged_cell",
            where(m.r1, m.c1));
  }
  for (int32_t c : hidden_cols_) {
    if (size_t(c) >= col_of_sheet_.size() || !col_of_sheet_[size_t(c)]) continue;
    size_t j = size_t(col_of_sheet_[size_t(c)] - 1);
    flag_at(0, b_.column_name(j), "", "hidden_column", sheet_ + "!" + column_letters(c) + ":" + column_letters(c));
  }
  // What the report needs once the builder has typed and renamed nothing further: name → sheet column.
  for (size_t j = 0; j < sheet_of_col_.size(); ++j) {
    SheetColumn sc;
    sc.col = sheet_of_col_[j];
    sc.date_cells = date_cells_[j];
    sc.date_fmt = date_fmt_[j];
    columns_[b_.column_name(j)] = sc;
  }
}

void SheetAssembler::complete(Table& table) {
  finish();
  b_.finish(table, true);
  annotate();
}

void SheetAssembler::annotate() {
  for (auto& f : rep_.flags) {
    if (!f.cell.empty() || f.column.empty()) continue;
    auto it = columns_.find(f.column);
    if (it != columns_.end() && f.row > 0) f.cell = where(f.row, it->second.col);
  }
  for (auto& ci : rep_.columns) {
    auto it = columns_.find(ci.name);
    if (it == columns_.end()) continue;
    const SheetColumn& sc = it->second;
    if (first_data_row_)
      ci.cell_range = sheet_ + "!" + cell_ref(first_data_row_, sc.col) + ":" + cell_ref(last_data_row_, sc.col);
    if (sc.date_cells > 0 && ci.type == ColumnType::Date && !ci.type_overridden) {
      ci.type_source = date_source_;
      ci.type_source_detail = sc.date_fmt;
    }
  }
}

}  // namespace zicht::core
