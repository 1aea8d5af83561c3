#include "core/table_builder.h"

#include <algorithm>
#include <cmath>

#include "core/values.h"

namespace zicht::core {

std::string TableBuilder::unique_name(const std::string& want) {
  std::string base = want;
  auto it = used_names_.find(base);
  if (it == used_names_.end()) {
    used_names_[base] = 1;
    return base;
  }
  int k = it->second;
  std::string cand;
  do {
    ++k;
    cand = base + "_" + std::to_string(k);
  } while (used_names_.count(cand));
  it->second = k;
  used_names_[cand] = 1;
  return cand;
}

size_t TableBuilder::add_column(const std::string& raw_name) {
  Col c;
  std::string nm(trim_ws(raw_name));
  c.original = raw_name;
  if (nm.empty()) {
    c.unnamed = true;
    nm = "column_" + std::to_string(cols_.size() + 1);
  }
  c.name = unique_name(nm);
  if (c.name != nm)
    rep_.notes.push_back({"note.duplicate_name", {nm, c.name}});
  c.codes.assign(row_numbers_.size(), 0);
  by_name_[c.name] = cols_.size();
  cols_.push_back(std::move(c));
  return cols_.size() - 1;
}

void TableBuilder::set_header(const std::vector<std::string>& names) {
  for (auto& n : names) add_column(n);
}

size_t TableBuilder::column_by_name(std::string_view name) {
  auto it = by_name_.find(std::string(name));
  if (it != by_name_.end()) return it->second;
  Col c;
  c.name = std::string(name);
  c.original = c.name;
  used_names_[c.name] = 1;
  c.codes.assign(row_numbers_.size() > 0 ? row_numbers_.size() : 0, 0);
  // begin_row already pushed a slot for the current row in existing columns; do the same here
  by_name_[c.name] = cols_.size();
  cols_.push_back(std::move(c));
  return cols_.size() - 1;
}

void TableBuilder::begin_row(int64_t row_number) {
  row_numbers_.push_back(row_number);
  for (auto& c : cols_) c.codes.push_back(0);
}

void TableBuilder::append_row(int64_t row_number, const std::string_view* fields, size_t n) {
  row_numbers_.push_back(row_number);
  size_t nc = cols_.size();
  size_t m = n < nc ? n : nc;
  for (size_t j = 0; j < m; ++j) {
    Col& c = cols_[j];
    c.codes.push_back(c.code_of(fields[j]));
  }
  for (size_t j = m; j < nc; ++j) cols_[j].codes.push_back(0);
}

uint64_t TableBuilder::memory_bytes() const {
  uint64_t m = row_numbers_.capacity() * 8;
  for (auto& c : cols_) m += c.codes.capacity() * 4 + c.dict.memory_bytes() + sizeof(Col);
  return m;
}

void TableBuilder::flag(int64_t row, const std::string& column, std::string_view value, const char* rule) {
  ++rep_.flags_total;
  ++rep_.flags_by_rule[rule];
  if (rep_.flags.size() < opt_.max_stored_flags) {
    CellFlag f;
    f.file = rep_.file_name;
    f.row = row;
    f.column = column;
    size_t cut = std::min<size_t>(value.size(), 200);
    while (cut < value.size() && cut > 0 && (uint8_t(value[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
    f.value = std::string(value.substr(0, cut));
    f.rule = rule;
    rep_.flags.push_back(std::move(f));
  }
}

namespace {
// A missing-value policy's token list, trimmed once per column: every distinct value of the column is looked up in it,
// and a high-cardinality column (identifiers, free text) has as many distinct values as rows.
struct Tokens {
  std::vector<std::string_view> list;
  explicit Tokens(const std::vector<std::string>& tokens) {
    list.reserve(tokens.size());
    for (const auto& x : tokens) list.push_back(trim_ws(x));
  }
  bool has(std::string_view t) const {
    for (const auto& x : list)
      if (x.size() == t.size() && iequals(t, x)) return true;
    return false;
  }
};
}  // namespace

void TableBuilder::type_column(Col& c, Column& out, ColumnInfo& info, bool json_numbers) {
  const MissingPolicy* pol = &opt_.default_missing;
  if (auto it = opt_.missing.find(c.name); it != opt_.missing.end()) pol = &it->second;
  const uint32_t nd = c.dict.size();
  std::vector<uint32_t> cnt(nd, 0);
  for (uint32_t k : c.codes) ++cnt[k];
  std::vector<uint8_t> kind(nd, 0);  // 0 value, 1 missing, 2 nvt
  int64_t n = 0, n_int = 0, n_comma = 0, n_point = 0, n_ambig_num = 0, n_lead0 = 0;
  int64_t n_date = 0, dmy_ev = 0, mdy_ev = 0, n_ambig_date = 0, n_bool = 0, n_boolword = 0, distinct = 0;
  std::string dmy_example, mdy_example;
  const Tokens missing_tokens(pol->missing), nvt_tokens(pol->nvt);
  for (uint32_t k = 0; k < nd; ++k) {
    if (!cnt[k]) continue;
    std::string_view t = trim_ws(c.dict.at(k));
    if (missing_tokens.has(t)) { kind[k] = 1; info.missing += cnt[k]; continue; }
    if (nvt_tokens.has(t)) { kind[k] = 2; info.nvt += cnt[k]; continue; }
    ++distinct;
    const int64_t w = cnt[k];
    n += w;
    if (info.examples.size() < opt_.examples_per_column) info.examples.emplace_back(c.dict.at(k));
    if (t.size() > 60) continue;  // long text: not a number/date/bool
    int64_t iv;
    if (parse_plain_int(t, iv)) {
      n_int += w;
      size_t s0 = (t[0] == '-' || t[0] == '+') ? 1 : 0;
      if (t.size() - s0 > 1 && t[s0] == '0') n_lead0 += w;
    }
    double dc, dp;
    bool ic = parse_number(t, ',', dc), ip = parse_number(t, '.', dp);
    if (ic) n_comma += w;
    if (ip) n_point += w;
    if (ic && ip && dc != dp) n_ambig_num += w;
    bool bv;
    if (parse_bool(t, bv)) { n_bool += w; if (is_bool_word(t)) n_boolword += w; }
    DateParts p;
    if (date_shape(t, p)) {
      n_date += w;
      if (!p.iso) {
        if (p.a > 12 && p.b <= 12) { dmy_ev += w; if (dmy_example.empty()) dmy_example = std::string(t); }
        else if (p.b > 12 && p.a <= 12) { mdy_ev += w; if (mdy_example.empty()) mdy_example = std::string(t); }
        else if (p.a != p.b) n_ambig_date += w;
      }
    }
  }
  info.distinct = distinct;
  auto fits = [&](int64_t k) { return n > 0 && (k == n || (n >= 50 && k * 100 >= n * 98)); };

  ColumnType type = ColumnType::Text;
  auto ov = opt_.type_overrides.find(c.name);
  char dec = '.';
  // decimal separator preference
  if (n_comma > n_point) dec = ',';
  else if (n_point > n_comma) dec = '.';
  else dec = json_numbers ? '.' : (rep_.dialect.delimiter == ';' ? ',' : '.');
  if (ov != opt_.type_overrides.end()) {
    type = ov->second;
    info.type_overridden = true;
  } else if (n == 0) {
    type = ColumnType::Text;
  } else if (fits(n_bool) && n_boolword > 0) {
    type = ColumnType::Boolean;
  } else if (n_lead0 == 0 && fits(n_int)) {
    type = ColumnType::Integer;
  } else if (n_lead0 == 0 && fits(std::max(n_comma, n_point))) {
    type = ColumnType::Decimal;  // may become Integer below when every value is integral
    if (n_comma == n_point && n_ambig_num > 0)
      rep_.notes.push_back({"note.ambiguous_decimal", {c.name, std::string(1, dec)}});
  } else if (fits(n_date)) {
    type = ColumnType::Date;
  } else {
    type = (distinct <= 200 && (distinct <= 10 || distinct * 2 <= n)) ? ColumnType::Categorical : ColumnType::Text;
  }

  DateOrder order = DateOrder::DMY;
  if (type == ColumnType::Date) {
    if (opt_.date_order) order = *opt_.date_order;
    else if (mdy_ev > 0 && dmy_ev == 0) {
      order = DateOrder::MDY;
      rep_.notes.push_back({"note.dates_mdy", {c.name, std::string(mdy_example.substr(0, 60))}});
    } else if (dmy_ev == 0 && mdy_ev == 0 && n_ambig_date > 0) {
      info.date_order_ambiguous = true;
      rep_.notes.push_back({"note.dates_ambiguous", {c.name}});
    }
    info.date_order = order;
  }

  // Per distinct code: state + typed value.
  const size_t rows = c.codes.size();
  out.name = c.name;
  out.type = type;
  out.state.resize(rows);
  std::vector<CellState> cst(nd, CellState::Missing);
  const char* rule = nullptr;
  if (type == ColumnType::Categorical || type == ColumnType::Text) {
    for (uint32_t k = 0; k < nd; ++k)
      cst[k] = kind[k] == 1 ? CellState::Missing : kind[k] == 2 ? CellState::NotApplicable : CellState::Value;
    for (size_t r = 0; r < rows; ++r) out.state[r] = cst[c.codes[r]];
    out.codes = std::move(c.codes);
    out.dict = std::move(c.dict);
    info.values = n;
    return;
  }
  std::vector<int64_t> vi;
  std::vector<double> vd;
  std::vector<int32_t> vt;
  std::vector<uint8_t> vb;
  bool all_integral = true;
  if (type == ColumnType::Decimal || type == ColumnType::Integer) {
    info.decimal_separator = dec;
    vd.assign(nd, 0.0);
    for (uint32_t k = 0; k < nd; ++k) {
      if (!cnt[k]) continue;
      if (kind[k]) { cst[k] = kind[k] == 1 ? CellState::Missing : CellState::NotApplicable; continue; }
      std::string_view t = trim_ws(c.dict.at(k));
      double v;
      bool integral = false;
      int64_t iv;
      if (parse_plain_int(t, iv)) { v = double(iv); integral = true; }
      else if (!parse_number(t, dec, v, &integral)) { cst[k] = CellState::Invalid; continue; }
      cst[k] = CellState::Value;
      vd[k] = v;
      if (!integral || std::fabs(v) > 9.0e15) all_integral = false;
    }
    if (type == ColumnType::Decimal && all_integral && ov == opt_.type_overrides.end()) {
      type = ColumnType::Integer;
      out.type = type;
    }
    if (type == ColumnType::Integer) {
      vi.assign(nd, 0);
      for (uint32_t k = 0; k < nd; ++k) {
        if (cst[k] != CellState::Value) continue;
        if (vd[k] != std::floor(vd[k]) || std::fabs(vd[k]) > 9.0e15) { cst[k] = CellState::Invalid; continue; }
        int64_t iv;
        std::string_view t = trim_ws(c.dict.at(k));
        vi[k] = parse_plain_int(t, iv) ? iv : int64_t(vd[k]);
      }
      rule = "not_an_integer";
    } else {
      rule = "not_a_number";
    }
  } else if (type == ColumnType::Date) {
    info.date_order = order;
    vt.assign(nd, 0);
    rule = "invalid_date";
    for (uint32_t k = 0; k < nd; ++k) {
      if (!cnt[k]) continue;
      if (kind[k]) { cst[k] = kind[k] == 1 ? CellState::Missing : CellState::NotApplicable; continue; }
      std::string_view t = trim_ws(c.dict.at(k));
      DateParts p;
      int32_t d;
      double serial;
      if (date_shape(t, p) && date_from_parts(p, order, d)) { cst[k] = CellState::Value; vt[k] = d; }
      else if (info.type_overridden && (parse_number(t, '.', serial) || parse_number(t, ',', serial)) &&
               excel_serial_to_days(serial, d)) {
        cst[k] = CellState::Value;
        vt[k] = d;
      } else cst[k] = CellState::Invalid;
    }
  } else if (type == ColumnType::Boolean) {
    vb.assign(nd, 0);
    rule = "not_a_boolean";
    for (uint32_t k = 0; k < nd; ++k) {
      if (!cnt[k]) continue;
      if (kind[k]) { cst[k] = kind[k] == 1 ? CellState::Missing : CellState::NotApplicable; continue; }
      bool b;
      if (parse_bool(c.dict.at(k), b)) { cst[k] = CellState::Value; vb[k] = b; }
      else cst[k] = CellState::Invalid;
    }
  }
  // Typed payload + raw text of non-value cells.
  switch (type) {
    case ColumnType::Integer: out.ints.resize(rows); break;
    case ColumnType::Decimal: out.reals.resize(rows); break;
    case ColumnType::Date: out.days.resize(rows); break;
    case ColumnType::Boolean: out.bools.resize(rows); break;
    default: break;
  }
  std::vector<uint32_t> raw_code(nd, UINT32_MAX);
  // Every cell: its state, and its typed value or (non-empty) raw text; one loop per type, so the per-cell work has
  // no branch on the type.
  auto fill = [&](auto& dst, const auto& values) {
    for (size_t r = 0; r < rows; ++r) {
      const uint32_t k = c.codes[r];
      const CellState s = cst[k];
      out.state[r] = s;
      if (s == CellState::Value) {
        dst[r] = values[k];
      } else if (k != 0) {  // keep non-empty raw text
        if (raw_code[k] == UINT32_MAX) raw_code[k] = out.dict.intern(c.dict.at(k));
        out.raw.emplace_back(uint32_t(r), raw_code[k]);
        if (s == CellState::Invalid) {
          ++info.invalid;
          flag(row_numbers_[r], c.name, c.dict.at(k), rule);
        }
      }
    }
  };
  switch (type) {
    case ColumnType::Integer: fill(out.ints, vi); break;
    case ColumnType::Decimal: fill(out.reals, vd); break;
    case ColumnType::Date: fill(out.days, vt); break;
    case ColumnType::Boolean: fill(out.bools, vb); break;
    default: break;
  }
  info.values = n - info.invalid;
  if (type == ColumnType::Decimal) info.decimal_separator = dec;
  std::vector<uint32_t>().swap(c.codes);
  c.dict.clear();
}

void TableBuilder::finish(Table& out, bool json_numbers) {
  out.columns.clear();
  out.row_number = std::move(row_numbers_);
  row_numbers_ = out.row_number;  // flags need row numbers while typing (copy; freed below)
  rep_.columns.clear();
  // Drop unnamed columns without any value (trailing delimiter on every line).
  std::vector<Col> keep;
  keep.reserve(cols_.size());
  for (auto& c : cols_) {
    if (c.unnamed && c.dict.size() == 1) {
      rep_.notes.push_back({"note.empty_column_dropped", {c.name}});
      continue;
    }
    keep.push_back(std::move(c));
  }
  cols_.swap(keep);
  out.columns.resize(cols_.size());
  for (size_t j = 0; j < cols_.size(); ++j) {
    ColumnInfo info;
    info.name = cols_[j].name;
    info.original_name = cols_[j].original;
    type_column(cols_[j], out.columns[j], info, json_numbers);
    info.type = out.columns[j].type;
    rep_.columns.push_back(std::move(info));
  }
  cols_.clear();
  std::vector<int64_t>().swap(row_numbers_);
  rep_.rows_in = int64_t(out.row_number.size());
}

}  // namespace zicht::core
