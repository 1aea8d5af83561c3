#include "privacy/privacy.h"

#include <algorithm>
#include <optional>

#include <nlohmann/json.hpp>

#include "analysis/explore.h"
#include "core/i18n.h"
#include "core/sha256.h"
#include "stats/result.h"

namespace zicht::privacy {

using analysis::Result;
using analysis::Role;
using analysis::Table;
using analysis::Text;
using analysis::Value;

namespace {

Text formatted(const char* key, std::initializer_list<std::string_view> args) {
  return Text{i18n::format(i18n::tr(key, i18n::Lang::nl), args), i18n::format(i18n::tr(key, i18n::Lang::en), args)};
}

std::string last_segment(const std::string& id) {
  const size_t p = id.rfind('.');
  return p == std::string::npos ? id : id.substr(p + 1);
}

const ColumnClass* column_of(const Result& r, const ColumnPolicy& policy) {
  const std::string seg = last_segment(r.id);
  for (const auto& c : policy.columns)
    if (analysis::slug(c.column) == seg) return &c;
  return nullptr;
}

bool has_any_suppressed(const Result& r) {
  for (const auto& t : r.tables)
    for (const auto& row : t.rows)
      for (const auto& v : row)
        if (v.kind == Value::Kind::suppressed) return true;
  return false;
}

// Identifier values → pseudonyms, file names → "bestand N". Returns false when the table shows a personal value.
// In a result about an identifier column every category value is an id; elsewhere only text values of four or
// more characters are taken for ids (so an id column 1, 2, 3, … does not rename ages or years).
bool clean_table(Table& t, const ColumnPolicy& policy, const Pseudonymiser& pseudo, bool about_identifier) {
  for (auto& row : t.rows)
    for (size_t c = 0; c < row.size(); ++c) {
      Value& v = row[c];
      std::string text;
      if (v.kind == Value::Kind::text) text = v.s;
      else if (about_identifier && v.kind == Value::Kind::integer && c < t.columns.size() &&
               t.columns[c].role == Role::category)
        text = std::to_string(v.i);
      else continue;
      if (policy.personal_values.count(text) || (!v.en.empty() && policy.personal_values.count(v.en))) return false;
      if ((about_identifier || text.size() >= 4) && policy.identifier_values.count(text)) {
        v = Value::str(pseudo(text));
        continue;
      }
      for (size_t f = 0; f < policy.file_names.size(); ++f)
        if (v.kind == Value::Kind::text && v.s == policy.file_names[f]) {
          v = Value::label(formatted("privacy.file", {std::to_string(f + 1)}));
          break;
        }
    }
  return true;
}

bool is_number_summary(const Table& t) {
  for (const auto& c : t.columns)
    if (c.role == Role::statistic || c.role == Role::lower || c.role == Role::upper) return true;
  for (const auto& row : t.rows)
    for (size_t c = 0; c < row.size() && c < t.columns.size(); ++c)
      if (t.columns[c].role == Role::category && row[c].kind == Value::Kind::number) return true;
  return false;
}

}  // namespace

// The size of the group a result describes, when one of its tables says so: the first denominator of a
// frequency-like table (the valid n of a column). -1 = unknown.
int64_t result_group_n(const Result& r) {
  int64_t n = -1;
  for (const auto& t : r.tables)
    for (size_t c = 0; c < t.columns.size(); ++c)
      if (t.columns[c].role == Role::denominator) {
        for (const auto& row : t.rows)
          if (c < row.size() && is_count_value(row[c])) {
            n = std::max(n, count_value(row[c]));
            break;
          }
        break;
      }
  return n;
}

SuppressionSummary suppress_result(Result& r, int k) {
  SuppressionSummary s;
  // Tables without their own n (a first and last date next to counts per year) take the result's group size:
  // the minimum and maximum of fewer than k values are single records.
  const int64_t group_n = result_group_n(r);
  int small_group_cells = 0;
  if (group_n >= 1 && group_n < k)
    for (auto& t : r.tables)
      for (auto& row : t.rows)
        for (size_t c = 0; c < row.size() && c < t.columns.size(); ++c)
          if (t.columns[c].role == Role::statistic &&
              (row[c].kind == Value::Kind::text || row[c].kind == Value::Kind::number)) {
            row[c] = Value::suppressed(k);
            ++small_group_cells;
          }
  for (auto& t : r.tables) suppress(t, k, s, r.id);
  if (small_group_cells > 0) {
    if (s.tables.empty()) {
      TableSummary ts;
      ts.result_id = r.id;
      s.add(ts);
    }
    s.tables.back().dependent += small_group_cells;
    s.dependent += small_group_cells;
  }
  if (has_any_suppressed(r)) {
    for (auto& test : r.tests) {
      test.statistic = stats::kNaN;
      test.p = -1;
      test.effect = stats::kNaN;
      test.warnings.push_back("privacy_suppressed");
    }
    r.notes.push_back(formatted("privacy.note.suppressed", {std::to_string(k), std::to_string(k - 1)}));
    if (!r.tests.empty()) r.notes.push_back(Text::key("privacy.note.tests_reduced"));
  }
  if (s.unprotected > 0) r.notes.push_back(Text::key("privacy.note.unprotected"));
  return s;
}

SuppressionSummary apply(analysis::ResultSet& set, const PrivacyOptions& opt) {
  if (opt.k < 2) throw std::invalid_argument("the suppression threshold k must be at least 2");
  const int k = opt.k;
  auto& p = set.provenance;
  p.mode = "delen";
  p.suppress_k = k;
  try {
    nlohmann::json s = nlohmann::json::parse(p.settings_json);
    if (s.is_object()) {
      s["mode"] = "delen";
      s["suppress_k"] = k;
      // The one-page sheet's person (a pseudonymous id) is a choice of Intern: it never travels in delen settings.
      const nlohmann::json::json_pointer person("/werkmap/profiles/evolutie/settings/person");
      if (s.contains(person)) s.at(nlohmann::json::json_pointer("/werkmap/profiles/evolutie/settings")).erase("person");
      p.settings_json = s.dump();
      p.settings_sha256 = core::sha256_hex(p.settings_json);
    }
  } catch (const nlohmann::json::exception&) {
  }
  // File names can carry a person's or a team's name: in delen outputs a file is "bestand N" with its hash.
  for (size_t f = 0; f < p.files.size(); ++f)
    p.files[f].name = i18n::format(i18n::tr("privacy.file", i18n::Lang::nl), {std::to_string(f + 1)});
  std::optional<Pseudonymiser> own;
  const Pseudonymiser* pseudo = opt.pseudonymiser;
  if (!pseudo) {
    own.emplace(system_random());
    pseudo = &*own;
  }
  static const ColumnPolicy kEmpty;
  const ColumnPolicy& policy = opt.columns ? *opt.columns : kEmpty;

  SuppressionSummary summary;
  std::vector<Result> kept;
  for (auto& r : set.results) {
    if (r.id == kSummaryId) continue;
    const ColumnClass* col = column_of(r, policy);
    if (col && col->kind != ColumnKind::identifier) continue;  // a personal column: left out entirely
    if (!r.flags.empty()) {
      r.flags.clear();
      r.notes.push_back(Text::key("privacy.note.flags_dropped"));
    }
    if (!r.client_unit) {  // not about clients: nothing to suppress; an Intern-only table (free text not
      // released, per-person rows) still stays in the room
      r.notes.push_back(Text::key("privacy.note.not_client_unit"));
      const size_t before = r.tables.size();
      r.tables.erase(std::remove_if(r.tables.begin(), r.tables.end(), [](const Table& t) { return t.intern_only; }),
                     r.tables.end());
      if (r.tables.size() != before) r.notes.push_back(Text::key("privacy.note.table_left_out"));
      kept.push_back(std::move(r));
      continue;
    }
    std::vector<Table> tables;
    bool left_out = false;
    for (auto& t : r.tables) {
      if (t.intern_only) {
        left_out = true;
        continue;
      }
      if (col && is_number_summary(t)) continue;
      if (!clean_table(t, policy, *pseudo, col != nullptr)) {
        left_out = true;
        continue;
      }
      tables.push_back(std::move(t));
    }
    r.tables = std::move(tables);
    if (left_out) r.notes.push_back(Text::key("privacy.note.table_left_out"));
    if (col) r.notes.push_back(Text::key("privacy.note.pseudonymised"));
    // A view whose table was left out has nothing to draw.
    r.views.erase(std::remove_if(r.views.begin(), r.views.end(),
                                 [&](const analysis::View& v) {
                                   for (const auto& t : r.tables)
                                     if (t.id == v.table) return false;
                                   return true;
                                 }),
                  r.views.end());
    const SuppressionSummary rs = suppress_result(r, k);
    for (const auto& t : rs.tables) summary.add(t);
    summary.tables_seen += rs.tables_seen;
    kept.push_back(std::move(r));
  }
  set.results = std::move(kept);
  if (opt.add_summary) set.results.push_back(summary_result(summary, k, opt.columns));
  return summary;
}

Result summary_result(const SuppressionSummary& s, int k, const ColumnPolicy* columns) {
  Result r;
  r.id = kSummaryId;
  r.title = Text::key("privacy.summary");
  r.unit = Text::key("privacy.unit.cells");
  Table t;
  t.id = "suppression";
  t.title = Text::key("privacy.table.suppression");
  t.columns = {{"result", Text::key("privacy.col.result"), Role::category, -1},
               {"table", Text::key("privacy.col.table"), Role::category, -1},
               {"primary", Text::key("privacy.col.primary"), Role::statistic, 0},
               {"secondary", Text::key("privacy.col.secondary"), Role::statistic, 0},
               {"dependent", Text::key("privacy.col.dependent"), Role::statistic, 0},
               {"total", Text::key("privacy.col.total"), Role::statistic, 0}};
  for (const auto& ts : s.tables)
    t.rows.push_back({Value::str(ts.result_id), Value::str(ts.table_id), Value::of(ts.primary),
                      Value::of(ts.secondary), Value::of(ts.dependent), Value::of(ts.total())});
  t.rows.push_back({Value::label(Text::key("privacy.row.total")), Value::na(), Value::of(s.primary),
                    Value::of(s.secondary), Value::of(s.dependent), Value::of(s.primary + s.secondary + s.dependent)});
  r.tables.push_back(std::move(t));
  if (columns && !columns->columns.empty()) {
    Table c;
    c.id = "columns";
    c.title = Text::key("privacy.table.columns");
    c.columns = {{"column", Text::key("privacy.col.column"), Role::category, -1},
                 {"kind", Text::key("privacy.col.kind"), Role::category, -1},
                 {"treatment", Text::key("privacy.col.treatment"), Role::category, -1}};
    for (const auto& cc : columns->columns)
      c.rows.push_back({Value::str(cc.column),
                        Value::label(Text::key(std::string("privacy.kind.") + column_kind_name(cc.kind))),
                        Value::label(Text::key(cc.kind == ColumnKind::identifier ? "privacy.treatment.pseudonymised"
                                                                                 : "privacy.treatment.left_out"))});
    r.tables.push_back(std::move(c));
  }
  r.notes.push_back(formatted("privacy.note.summary", {std::to_string(k), std::to_string(s.primary),
                                                        std::to_string(s.secondary), std::to_string(s.dependent)}));
  if (s.unprotected > 0) r.notes.push_back(Text::key("privacy.note.unprotected"));
  return r;
}

SuppressionSummary share(analysis::ResultSet& set, const std::vector<analysis::Input>& inputs, int k,
                         const Pseudonymiser& pseudonymiser, bool add_summary) {
  const ColumnPolicy policy = column_policy(inputs);
  PrivacyOptions opt;
  opt.k = k;
  opt.columns = &policy;
  opt.pseudonymiser = &pseudonymiser;
  opt.add_summary = add_summary;
  return apply(set, opt);
}

}  // namespace zicht::privacy
