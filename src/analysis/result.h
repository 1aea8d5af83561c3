#pragma once
// The result model: what every analysis produces and every output renders (screen, CLI JSON, CSV, HTML report,
// the browser state hook). A number is computed once, here, so it is the same number everywhere.
//
// A Result has a stable id ("verkennen.overview", later "sofs.steps"), a title and counting unit in Dutch and
// English, one or more typed tables, test results from the statistics engine with their method metadata, notes,
// data-quality flags and its views (how it is drawn). Percentages are 0–100 and always sit next to their numerator and
// denominator columns (SPEC §4).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/build_info.h"
#include "core/i18n.h"
#include "analysis/view.h"

namespace zicht::analysis {

// A text in both languages.
struct Text {
  std::string nl, en;
  const std::string& in(i18n::Lang lang) const { return lang == i18n::Lang::en ? en : nl; }
  static Text key(std::string_view k);  // both languages from assets/i18n
  static Text same(std::string s) { return Text{s, s}; }  // data values: verbatim codes
};

// One table cell. Missing renders as null / empty; suppressed as "<k" (privacy issue).
struct Value {
  enum class Kind : uint8_t { missing, suppressed, integer, number, text };
  Kind kind = Kind::missing;
  int64_t i = 0;
  double d = 0;
  std::string s;   // text, or the "<k" label of a suppressed cell
  std::string en;  // English form of a label row ("Missing"); empty for verbatim data values

  static Value na() { return Value{}; }
  static Value of(int64_t v) { Value x; x.kind = Kind::integer; x.i = v; return x; }
  static Value num(double v);  // NaN → missing
  static Value str(std::string v) { Value x; x.kind = Kind::text; x.s = std::move(v); return x; }
  static Value label(const Text& t) { Value x; x.kind = Kind::text; x.s = t.nl; x.en = t.en; return x; }
  const std::string& text_in(i18n::Lang lang) const { return lang == i18n::Lang::en && !en.empty() ? en : s; }
  static Value suppressed(int k) { Value x; x.kind = Kind::suppressed; x.s = "<" + std::to_string(k); return x; }
  bool is_number() const { return kind == Kind::integer || kind == Kind::number; }
  double as_double() const { return kind == Kind::integer ? static_cast<double>(i) : d; }
};

enum class Role : uint8_t {
  category,     // the row's category (verbatim code) or label
  count,        // a numerator
  denominator,  // the denominator next to a percentage
  percent,      // 0–100
  statistic,    // a mean, median, SD, …
  lower,        // confidence bound
  upper,
};
const char* role_name(Role r);

struct Column {
  std::string id;
  Text label;
  Role role = Role::statistic;
  int decimals = -1;  // display decimals (screen, HTML); -1 = as needed. JSON and CSV keep full precision.
};

struct Table {
  std::string id;
  Text title;
  std::vector<Column> columns;
  std::vector<std::vector<Value>> rows;
  // Shown in Intern only (a list of families to contact): delen mode and every shareable aggregate leave it out.
  bool intern_only = false;
  int column_index(std::string_view id) const;  // -1 when absent
};

// A statistical test as the JSON contract names it (SPEC §7).
struct TestResult {
  std::string name, variant;
  long n = 0;
  double df = -1;  // -1 = not applicable; may be fractional (Welch)
  double statistic = 0;
  std::string statistic_name;  // "X-squared", "W", "F", …
  double p = -1;
  std::string effect_name;  // "Cramér's V", "r", "η²", "odds ratio"
  double effect = -1;
  std::vector<std::string> warnings;  // stable codes from the statistics engine
};

struct Flag {
  std::string file;
  int64_t row = 0;  // original row in the file, header = 1
  std::string column, value, rule;
};


struct Result {
  std::string id;
  Text title;
  Text unit;  // "rijen", "trajecten", "modules", "kinderen", …
  std::vector<Table> tables;
  std::vector<TestResult> tests;
  std::vector<Text> notes;
  std::vector<Flag> flags;
  std::vector<View> views;  // how it is drawn (spec/charts.md §1); empty: a table says it better
  // Small-cell suppression protects clients (spec/shared-rules.md): false when the counting unit is not a client
  // (matrix cells, votes, organisations), which delen mode then shares unsuppressed and says so.
  bool client_unit = true;
};

// Helpers for building views (analysis/view.cpp).
std::string view_key(const Value& v);       // a cell as views name it: verbatim text, integers without decimals
bool is_non_category(const Value& v);       // a Totaal / Ontbrekend / Niet van toepassing / Ongeldig label row
RowCondition category_rows(const Table& t, const std::string& column);  // except every non-category row
// Bars of pct_<policy> per x, numerator n, denominator denom_<policy>, non-category rows left out.
View percent_view(const Table& t, const std::string& x, const std::string& policy, const Text& of);
View count_view(const Table& t, const std::string& x, const std::string& y, const Text& of);
ReferenceMark reference(std::string id, const Text& label, MarkKind mark, RefSource source);
// Data-quality findings per rule: horizontal bars of counts, in the findings colour.
View quality_view(const Table& t, const std::string& x);
// Kaplan–Meier small multiples, one panel per facet value, from the standard survival columns (time, survival,
// lower, upper, n_risk, n_event, n_censor) with times in months.
View km_view(const std::string& table, const std::string& facet, const Text& of);

struct InputFile {
  std::string name, sha256;
  int64_t rows_in = 0, rows_used = 0, rows_excluded = 0;
  std::string link;  // the profile this file is when a profile links to it (ProfileSpec::links); empty otherwise
};

// Where a result set came from: enough to reproduce it (SPEC §7 provenance).
struct Provenance {
  std::string tool_version = ZICHT_VERSION, tool_build = core::build_id();
  std::vector<InputFile> files;
  std::string profile = "generic";
  std::string settings_json = "{}";  // canonical (sorted keys) settings
  std::string settings_sha256;
  std::string as_of;  // YYYY-MM-DD
  std::string mode = "intern";
  int suppress_k = 0;  // 0 = no suppression
};

struct ResultSet {
  Provenance provenance;
  std::vector<Result> results;
  const Result* find(std::string_view id) const;
};

// A vector of the given elements in order, each moved in (or copied when given as an lvalue). A braced list would
// copy every element once more — results and table rows are large.
template <class T, class... A>
std::vector<T> list_of(A&&... a) {
  std::vector<T> out;
  out.reserve(sizeof...(a));
  (out.push_back(std::forward<A>(a)), ...);
  return out;
}

}  // namespace zicht::analysis
