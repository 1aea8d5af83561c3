// Zicht core — the typed table of a statistical file (stat_reader.h): every cell becomes the text a CSV export of
// the file would hold (the label of a labelled value, an ISO date for a date format, the shortest decimal of a
// number) and goes through the same TableBuilder as CSV, with the file's declarations as options: labelled
// variables are categorical, user-missing codes are Missing tokens of their column. Then the column report gets
// the declarations (label, format, value labels, missing values) and where the type came from.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <unordered_map>

#include "core/encoding.h"
#include "core/reader_impl.h"
#include "core/stat_data.h"

namespace zicht::core {

std::string stat_number_text(double v) {
  if (std::isnan(v)) return "";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[40];
  for (int prec = 15; prec <= 17; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*g", prec, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

double stat_float_value(float f) {
  if (!std::isfinite(f)) return double(f);
  char buf[32];
  for (int prec = 6; prec <= 9; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*g", prec, double(f));
    if (std::strtof(buf, nullptr) == f) break;
  }
  return std::strtod(buf, nullptr);
}

namespace {

enum class DateKind { None, Date, DateTime };

// The date formats of each family, by the letters of the format name ("DATE11" → "DATE", "%tdDD/NN/CCYY" → "%td").
DateKind date_kind(Format f, const std::string& format) {
  std::string letters;
  for (char ch : format) {
    if (ch >= '0' && ch <= '9') { if (f == Format::Dta) continue; break; }
    if (ch == '.') break;
    letters.push_back(char(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch));
  }
  if (f == Format::Dta) {
    if (letters.rfind("%TD", 0) == 0 || letters.rfind("%D", 0) == 0) return DateKind::Date;
    if (letters.rfind("%TC", 0) == 0) return DateKind::DateTime;
    return DateKind::None;
  }
  static const std::set<std::string> spss_dates = {"DATE", "ADATE", "EDATE", "SDATE", "JDATE", "QYR", "MOYR", "WKYR"};
  static const std::set<std::string> spss_datetimes = {"DATETIME", "YMDHMS"};
  static const std::set<std::string> sas_dates = {"DATE", "DDMMYY", "MMDDYY", "YYMMDD", "E8601DA", "B8601DA",
                                                  "MONYY", "WORDDATE", "WEEKDATE", "JULIAN", "NLDATE", "YYMMDDN",
                                                  "DDMMYYN", "MMDDYYN", "EURDFDD", "YYMON", "DAY", "DOWNAME"};
  static const std::set<std::string> sas_datetimes = {"DATETIME", "E8601DT", "B8601DT", "DATEAMPM", "NLDATM"};
  bool spss = f == Format::Sav || f == Format::Zsav || f == Format::Por;
  if ((spss ? spss_dates : sas_dates).count(letters)) return DateKind::Date;
  if ((spss ? spss_datetimes : sas_datetimes).count(letters)) return DateKind::DateTime;
  return DateKind::None;
}

// Days and seconds of a date value since 1970-01-01. SPSS counts seconds since 14 October 1582; Stata days (%td)
// or milliseconds (%tc) since 1 January 1960; SAS days or seconds since 1 January 1960.
bool date_text(Format f, DateKind k, double v, std::string& out) {
  if (!std::isfinite(v)) return false;
  double secs;
  if (f == Format::Sav || f == Format::Zsav || f == Format::Por) {
    secs = v + double(days_from_civil(1582, 10, 14)) * 86400.0;
  } else {
    double epoch = double(days_from_civil(1960, 1, 1)) * 86400.0;
    bool ms = f == Format::Dta && k == DateKind::DateTime;
    secs = epoch + (k == DateKind::Date ? v * 86400.0 : ms ? v / 1000.0 : v);
  }
  double days = std::floor(secs / 86400.0);
  if (std::fabs(days) > 3.0e6) return false;  // beyond year ±8000: not a date
  int32_t d = int32_t(days);
  int y;
  unsigned m, dd;
  civil_from_days(d, y, m, dd);
  if (y < 1 || y > 9999) return false;
  char buf[40];
  long tod = long(std::llround(secs - days * 86400.0));
  if (k == DateKind::DateTime && tod > 0 && tod < 86400)
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02ld:%02ld:%02ld", y, m, dd, tod / 3600, tod / 60 % 60, tod % 60);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, dd);
  out = buf;
  return true;
}

// Text of an undeclared encoding: UTF-8 when valid, else Windows-1252 (older SPSS and Stata files).
struct TextFixer {
  bool declared = false;
  int64_t converted = 0;
  std::string fix(const std::string& s) {
    if (declared || count_invalid_utf8(reinterpret_cast<const uint8_t*>(s.data()), s.size(), true) == 0) return s;
    ++converted;
    std::string out;
    Decoder dec(Encoding::Windows1252);
    dec.decode(reinterpret_cast<const uint8_t*>(s.data()), s.size(), out);
    dec.flush(out);
    return out;
  }
};

}  // namespace

Status build_stat_table(StatData& d, const ReadOptions& opt, ReadReport& rep, Table& out) {
  TextFixer fx;
  fx.declared = !d.encoding.empty();
  ReadOptions o = opt;
  TableBuilder b(o, rep);
  size_t rows = 0;
  for (auto& v : d.vars) rows = std::max(rows, v.kind.size());

  struct Plan {
    std::unordered_map<std::string, std::string> labels;  // code -> label (fixed to UTF-8)
    DateKind date = DateKind::None;
    std::set<std::string> missing_seen;
    int64_t labelled = 0;  // cells whose value has a label: the labels describe values, not only missing codes
    std::vector<std::pair<int64_t, std::string>> unlabelled;  // the first max_stored_flags of them
    int64_t unlabelled_total = 0;
  };
  std::vector<Plan> plans(d.vars.size());
  std::vector<size_t> col(d.vars.size());
  for (size_t j = 0; j < d.vars.size(); ++j) {
    StatVariable& v = d.vars[j];
    v.name = fx.fix(v.name);
    v.label = fx.fix(v.label);
    col[j] = b.add_column(v.name);
    if (auto it = d.label_sets.find(v.label_set); !v.label_set.empty() && it != d.label_sets.end())
      for (auto& [code, label] : it->second) plans[j].labels.emplace(code, fx.fix(label));
    if (!v.is_string) plans[j].date = date_kind(d.format, v.format);
  }

  std::string text;
  for (size_t r = 0; r < rows; ++r) {
    b.begin_row(int64_t(r) + 2);  // numbered as in a CSV export of the file: the header is row 1
    for (size_t j = 0; j < d.vars.size(); ++j) {
      StatVariable& v = d.vars[j];
      Plan& p = plans[j];
      uint8_t kind = r < v.kind.size() ? v.kind[r] : uint8_t(kStatSystemMissing);
      if (kind == kStatSystemMissing) continue;  // empty: Missing
      if (v.is_string) text = fx.fix(std::string(v.dict.at(v.strs[r])));
      else if (kind >= 'A') text = std::string(".") + char(kind);
      else text = stat_number_text(v.nums[r]);
      if (kind != kStatValue) {  // user-defined or tagged missing: Missing, keeping its code
        p.missing_seen.insert(text);
        b.set(col[j], text);
        continue;
      }
      if (!p.labels.empty()) {
        auto it = p.labels.find(text);
        if (it != p.labels.end()) {
          ++p.labelled;
          b.set(col[j], it->second);
          continue;
        }
        // Flagged only when the labels describe values (below): a label on a missing code alone does not count.
        if (p.unlabelled.size() < opt.max_stored_flags) p.unlabelled.emplace_back(int64_t(r) + 2, text);
        ++p.unlabelled_total;
      } else if (p.date != DateKind::None && !v.is_string) {
        std::string iso;
        if (date_text(d.format, p.date, v.nums[r], iso)) text = iso;
      }
      b.set(col[j], text);
    }
  }

  // The file's declarations as reading options: labelled columns are categorical, user-missing codes are Missing.
  for (size_t j = 0; j < d.vars.size(); ++j) {
    const std::string& name = d.vars[j].name;
    Plan& p = plans[j];
    if (p.labelled == 0) {
      p.labels.clear();  // labels of missing codes only (Stata .a "Onbekend", SPSS 99 "Weet niet")
    } else {
      for (auto& [row, text] : p.unlabelled) b.flag(row, name, text, "value_without_label");
      int64_t rest = p.unlabelled_total - int64_t(p.unlabelled.size());
      rep.flags_total += rest;
      if (p.unlabelled_total) rep.flags_by_rule["value_without_label"] += rest;
    }
    if (!p.labels.empty() && !opt.type_overrides.count(name)) o.type_overrides[name] = ColumnType::Categorical;
    if (!plans[j].missing_seen.empty()) {
      auto it = opt.missing.find(name);
      MissingPolicy pol = it != opt.missing.end() ? it->second : opt.default_missing;
      for (auto& code : plans[j].missing_seen) pol.missing.push_back(code);
      o.missing[name] = pol;
    }
  }
  b.finish(out, true);

  std::unordered_map<std::string, size_t> by_name;
  for (size_t j = 0; j < d.vars.size(); ++j) by_name[d.vars[j].name] = j;
  for (ColumnInfo& c : rep.columns) {
    auto it = by_name.find(c.original_name);
    if (it == by_name.end()) continue;
    const StatVariable& v = d.vars[it->second];
    const Plan& p = plans[it->second];
    c.label = v.label;
    c.source_format = v.format;
    if (!p.labels.empty()) {
      c.type_from.push_back("value_labels");
      if (!opt.type_overrides.count(c.name)) c.type_overridden = false;
    }
    if (auto set = d.label_sets.find(v.label_set); !v.label_set.empty() && set != d.label_sets.end())
      for (auto& [code, label] : set->second) c.value_labels.emplace_back(code, fx.fix(label));
    if (!v.user_missing.empty()) c.type_from.push_back("user_missing");
    c.missing_codes.assign(p.missing_seen.begin(), p.missing_seen.end());
    c.user_missing = v.user_missing;
    if (p.date != DateKind::None) c.type_from.push_back("date_format");
    if (p.unlabelled_total && !p.labels.empty()) rep.notes.push_back({"note.stat_values_without_label", {c.name}});
  }
  rep.encoding = fx.converted ? Encoding::Windows1252 : Encoding::Utf8;
  rep.sniff.encoding = fx.declared ? SniffDecision{"utf-8", "stat_declared", {d.encoding}}
                       : fx.converted ? SniffDecision{"windows-1252", "stat_undeclared_cp1252", {std::to_string(fx.converted)}}
                                      : SniffDecision{"utf-8", "stat_undeclared_utf8", {}};
  rep.encoding_reason = render_reason("encoding", rep.sniff.encoding, i18n::Lang::en);
  rep.notes.push_back({"note.stat_rows_numbered", {std::to_string(rows)}});
  if (d.declared_rows >= 0 && size_t(d.declared_rows) != rows)
    rep.notes.push_back({"note.stat_row_count_differs", {std::to_string(d.declared_rows), std::to_string(rows)}});
  return Status::success();
}

}  // namespace zicht::core
