#include "analysis/explore.h"

#include <algorithm>
#include <map>

#include "analysis/tables.h"
#include "stats/descriptives.h"

namespace zicht::analysis {
namespace {

using core::CellState;
using core::ColumnType;

Text type_label(ColumnType t) { return Text::key(std::string("type.") + core::column_type_name(t)); }

// Identifier-like: every value distinct (and enough of them to be meaningful), or a name that says "id" or
// "nummer" with many distinct values (a child id repeats over its modules). Such columns are never listed.
bool identifier_like(const core::ColumnInfo& info) {
  if (info.values >= 20 && info.distinct == info.values) return true;
  const std::string name = "_" + slug(info.name) + "_";
  static const char* kIdWords[] = {"_id_", "_nr_", "_nummer_", "_identificatie_", "_identificatiecode_", "_code_",
                                   "_dossier_", "_rijksregisternummer_", "_naam_", "_name_"};
  for (const char* w : kIdWords)
    if (name.find(w) != std::string::npos && info.distinct > 10) return true;
  return false;
}

void count_states(const core::Column& c, CategoryCounts& out) {
  for (CellState s : c.state) {
    if (s == CellState::NotApplicable) ++out.not_applicable;
    else if (s == CellState::Missing) ++out.missing;
    else if (s == CellState::Invalid) ++out.invalid;
  }
}

// Categories sorted by count (descending), ties by code, so the order is deterministic.
CategoryCounts categorical_counts(const core::Column& c) {
  std::map<std::string, long> by_code;
  for (size_t r = 0; r < c.size(); ++r)
    if (c.is_value(r)) ++by_code[std::string(c.str(r))];
  std::vector<std::pair<std::string, long>> v(by_code.begin(), by_code.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  CategoryCounts out;
  for (auto& [code, n] : v) {
    out.categories.push_back(Value::str(code));
    out.counts.push_back(n);
  }
  count_states(c, out);
  return out;
}

CategoryCounts boolean_counts(const core::Column& c) {
  long yes = 0, no = 0;
  for (size_t r = 0; r < c.size(); ++r)
    if (c.is_value(r)) (c.bools[r] ? yes : no)++;
  CategoryCounts out;
  out.categories = {Value::label(Text::key("value.yes")), Value::label(Text::key("value.no"))};
  out.counts = {yes, no};
  count_states(c, out);
  return out;
}

CategoryCounts integer_counts(const core::Column& c) {
  std::map<int64_t, long> by_value;
  for (size_t r = 0; r < c.size(); ++r)
    if (c.is_value(r)) ++by_value[c.ints[r]];
  CategoryCounts out;
  for (auto& [v, n] : by_value) {
    out.categories.push_back(Value::of(v));
    out.counts.push_back(n);
  }
  count_states(c, out);
  return out;
}

CategoryCounts year_counts(const core::Column& c) {
  std::map<int, long> by_year;
  for (size_t r = 0; r < c.size(); ++r) {
    if (!c.is_value(r)) continue;
    int y;
    unsigned m, d;
    core::civil_from_days(c.days[r], y, m, d);
    ++by_year[y];
  }
  CategoryCounts out;
  for (auto& [y, n] : by_year) {
    out.categories.push_back(Value::of(y));
    out.counts.push_back(n);
  }
  count_states(c, out);
  return out;
}

std::vector<double> numeric_values(const core::Column& c) {
  std::vector<double> v;
  v.reserve(c.size());
  for (size_t r = 0; r < c.size(); ++r) {
    if (!c.is_value(r)) continue;
    v.push_back(c.type == ColumnType::Integer ? static_cast<double>(c.ints[r]) : c.reals[r]);
  }
  return v;
}

// Bars of the row counts per category; Ontbrekend / Niet van toepassing rows go in the denominator line.
View bar(const Table& t, Scale scale) {
  View v = count_view(t, "category", "n", Text::key("unit.rows"));
  v.x_scale = scale;
  return v;
}

Result column_result(const std::string& id_prefix, const core::ColumnInfo& info,
                     const core::Column& c, const ExploreOptions& opt) {
  Result r;
  r.id = id_prefix + slug(info.name);
  r.title = Text{info.name, info.name};
  r.unit = Text::key("unit.rows");
  const std::string f = "frequencies";
  switch (c.type) {
    case ColumnType::Categorical:
    case ColumnType::Text:
      if (identifier_like(info) || info.distinct > opt.max_categories) {
        r.notes.push_back(Text::key(identifier_like(info) ? "note.identifier_not_listed" : "note.too_many_values"));
        CategoryCounts counts;
        count_states(c, counts);
        Table t;
        t.id = "counts";
        t.title = Text::key("table.counts");
        t.columns = {Column{"statistic", Text::key("col.statistic"), Role::category, -1},
                     Column{"value", Text::key("col.value"), Role::count, -1}};
        t.rows = {{Value::label(Text::key("stat.values")), Value::of(info.values)},
                  {Value::label(Text::key("stat.distinct")), Value::of(info.distinct)},
                  {Value::label(Text::key("row.nvt")), Value::of(counts.not_applicable)},
                  {Value::label(Text::key("row.missing")), Value::of(counts.missing)}};
        r.tables.push_back(std::move(t));
      } else {
        r.tables.push_back(frequency_table(f, categorical_counts(c)));
        r.views.push_back(bar(r.tables.back(), Scale::nominal));
      }
      break;
    case ColumnType::Boolean:
      r.tables.push_back(frequency_table(f, boolean_counts(c)));
      r.views.push_back(bar(r.tables.back(), Scale::nominal));
      break;
    case ColumnType::Integer:
    case ColumnType::Decimal: {
      const std::vector<double> v = numeric_values(c);
      std::vector<double> with_missing = v;
      const int64_t not_values = static_cast<int64_t>(c.size()) - static_cast<int64_t>(v.size());
      with_missing.insert(with_missing.end(), static_cast<size_t>(not_values), stats::kNaN);
      r.tables.push_back(descriptives_table("descriptives", stats::describe(with_missing), 2));
      if (c.type == ColumnType::Integer && info.distinct <= 20) {
        r.tables.push_back(frequency_table(f, integer_counts(c)));
        r.views.push_back(bar(r.tables.back(), Scale::ordinal));
      } else {
        r.tables.push_back(histogram_table("histogram", v, c.type == ColumnType::Integer));
        View h;
        h.kind = ViewKind::histogram;
        h.table = "histogram";
        h.x = "lower";
        h.x_scale = Scale::numeric;
        h.columns = {"lower", "upper"};
        h.y = {"n"};
        h.of_nl = Text::key("unit.rows").nl;
        h.of_en = Text::key("unit.rows").en;
        r.views.push_back(std::move(h));
      }
      break;
    }
    case ColumnType::Date: {
      r.tables.push_back(frequency_table("by_year", year_counts(c)));
      r.views.push_back(bar(r.tables.back(), Scale::ordinal));
      int32_t lo = 0, hi = 0;
      bool any = false;
      for (size_t i = 0; i < c.size(); ++i) {
        if (!c.is_value(i)) continue;
        lo = any ? std::min(lo, c.days[i]) : c.days[i];
        hi = any ? std::max(hi, c.days[i]) : c.days[i];
        any = true;
      }
      Table t;
      t.id = "range";
      t.title = Text::key("table.date_range");
      t.columns = {Column{"statistic", Text::key("col.statistic"), Role::category, -1},
                   Column{"value", Text::key("col.value"), Role::statistic, -1}};
      t.rows = {{Value::label(Text::key("stat.first")), any ? Value::str(core::format_iso_date(lo)) : Value::na()},
                {Value::label(Text::key("stat.last")), any ? Value::str(core::format_iso_date(hi)) : Value::na()}};
      r.tables.push_back(std::move(t));
      break;
    }
  }
  return r;
}

Result overview(const std::vector<Input>& inputs) {
  Result r;
  r.id = "verkennen.overview";
  r.title = Text::key("verkennen.overview");
  r.unit = Text::key("unit.columns");
  Table t;
  t.id = "columns";
  t.title = Text::key("table.columns");
  t.columns = {Column{"file", Text::key("col.file"), Role::category, -1},
               Column{"column", Text::key("col.column"), Role::category, -1},
               Column{"type", Text::key("col.type"), Role::category, -1},
               Column{"values", Text::key("col.values"), Role::count, -1},
               Column{"missing", Text::key("col.missing"), Role::count, -1},
               Column{"nvt", Text::key("col.nvt"), Role::count, -1},
               Column{"invalid", Text::key("col.invalid"), Role::count, -1},
               Column{"distinct", Text::key("col.distinct"), Role::count, -1}};
  for (const auto& in : inputs) {
    for (const auto& c : in.data->report.columns)
      t.rows.push_back({Value::str(in.name), Value::str(c.name), Value::label(type_label(c.type)),
                        Value::of(c.values), Value::of(c.missing), Value::of(c.nvt), Value::of(c.invalid),
                        Value::of(c.distinct)});
    for (const auto& fl : in.data->report.flags) r.flags.push_back(Flag{fl.file, fl.row, fl.column, fl.value, fl.rule});
    if (in.data->report.flags_total > static_cast<int64_t>(in.data->report.flags.size()))
      r.notes.push_back(Text::key("note.flags_truncated"));
  }
  r.tables.push_back(std::move(t));
  return r;
}

}  // namespace

std::string slug(std::string_view name) {
  // ASCII base letters for U+00C0..U+00FF (Latin-1 letters with diacritics), so "Ééntje" → "eentje".
  static const char kLatin1[] = "aaaaaaaceeeeiiiidnooooo_ouuuuyts" "aaaaaaaceeeeiiiidnooooo_ouuuuyty";
  std::string out;
  bool underscore = false;
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char ch = static_cast<unsigned char>(name[i]);
    char c = 0;
    if (ch >= 'A' && ch <= 'Z') c = static_cast<char>(ch - 'A' + 'a');
    else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) c = static_cast<char>(ch);
    else if (ch == 0xC3 && i + 1 < name.size()) {
      const unsigned char next = static_cast<unsigned char>(name[i + 1]);
      if (next >= 0x80 && next <= 0xBF) {
        c = kLatin1[next - 0x80];
        ++i;
      }
    } else if (ch >= 0x80) {
      while (i + 1 < name.size() && (static_cast<unsigned char>(name[i + 1]) & 0xC0) == 0x80) ++i;
    }
    if (c && c != '_') {
      out.push_back(c);
      underscore = false;
    } else if (!underscore && !out.empty()) {  // one '_' per run of separators or other characters
      out.push_back('_');
      underscore = true;
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out.empty() ? "x" : out;
}

ResultSet explore(const std::vector<Input>& inputs, const Settings& settings, const ExploreOptions& options) {
  ResultSet set;
  const std::string as_of = settings.as_of.empty() ? latest_date(inputs) : settings.as_of;
  set.provenance = make_provenance(inputs, settings, as_of);
  set.results.push_back(overview(inputs));
  for (const auto& in : inputs) {
    const std::string prefix =
        inputs.size() == 1 ? std::string("verkennen.") : "verkennen." + slug(in.name) + ".";
    const auto& cols = in.data->table.columns;
    for (size_t i = 0; i < cols.size() && i < in.data->report.columns.size(); ++i)
      set.results.push_back(column_result(prefix, in.data->report.columns[i], cols[i], options));
  }
  return set;
}

}  // namespace zicht::analysis
