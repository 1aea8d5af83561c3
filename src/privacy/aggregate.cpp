#include "privacy/aggregate.h"

#include "analysis/test_result.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "core/sha256.h"
#include "privacy/privacy.h"
#include "privacy/suppression.h"
#include "stats/contingency.h"

namespace zicht::privacy {

using analysis::Column;
using analysis::Result;
using analysis::ResultSet;
using analysis::Role;
using analysis::Table;
using analysis::Text;
using analysis::Value;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

ordered_json text_json(const Text& t) { return ordered_json{{"nl", t.nl}, {"en", t.en}}; }

Text text_of(const json& j) {
  if (j.is_object()) return Text{j.value("nl", std::string()), j.value("en", std::string())};
  if (j.is_string()) return Text::same(j.get<std::string>());
  return Text{};
}

ordered_json cell_json(const Value& v) {
  switch (v.kind) {
    case Value::Kind::missing: return nullptr;
    case Value::Kind::suppressed: return v.s;
    case Value::Kind::integer: return v.i;
    case Value::Kind::number: return std::isfinite(v.d) ? ordered_json(v.d) : ordered_json(nullptr);
    case Value::Kind::text: return v.en.empty() ? ordered_json(v.s) : ordered_json{{"nl", v.s}, {"en", v.en}};
  }
  return nullptr;
}

Value cell_value(const json& j, Role role) {
  if (j.is_null()) return Value::na();
  if (j.is_number_integer() || j.is_number_unsigned()) return Value::of(j.get<int64_t>());
  if (j.is_number()) return Value::num(j.get<double>());
  if (j.is_object()) return Value::label(text_of(j));
  if (j.is_string()) {
    std::string s = j.get<std::string>();
    if (role != Role::category && !s.empty() && s[0] == '<') {
      Value v;
      v.kind = Value::Kind::suppressed;
      v.s = std::move(s);
      return v;
    }
    return Value::str(std::move(s));
  }
  return Value::na();
}

bool parse_role(const std::string& s, Role& out) {
  for (Role r : {Role::category, Role::count, Role::denominator, Role::percent, Role::statistic, Role::lower,
                 Role::upper})
    if (s == analysis::role_name(r)) {
      out = r;
      return true;
    }
  return false;
}

bool shareable(const Table& t) {
  if (t.rows.empty()) return false;
  bool any_count = false;
  for (const auto& c : t.columns) {
    if (c.role != Role::category && c.role != Role::count && c.role != Role::denominator && c.role != Role::percent)
      return false;
    if (c.id == "file") return false;
    any_count = any_count || c.role == Role::count;
  }
  // Bins (number categories) follow each file's range; counts of distinct values do not add up across files.
  const std::string& distinct = i18n::tr("stat.distinct", i18n::Lang::nl);
  for (const auto& row : t.rows)
    for (size_t c = 0; c < row.size() && c < t.columns.size(); ++c) {
      if (t.columns[c].role != Role::category) continue;
      if (row[c].kind == Value::Kind::number) return false;
      if (row[c].kind == Value::Kind::text && row[c].s == distinct) return false;
    }
  return any_count;
}

Table table_from_json(const json& tj) {
  Table t;
  t.id = tj.at("id").get<std::string>();
  t.title = text_of(tj.value("title", json()));
  for (const auto& cj : tj.at("columns")) {
    Column c;
    c.id = cj.at("id").get<std::string>();
    c.label = text_of(cj.value("label", json()));
    if (!parse_role(cj.at("role").get<std::string>(), c.role))
      throw std::invalid_argument("unknown column role '" + cj.at("role").get<std::string>() + "'");
    if (c.role == Role::percent) c.decimals = 1;
    t.columns.push_back(c);
  }
  for (const auto& rj : tj.at("rows")) {
    std::vector<Value> row;
    for (size_t c = 0; c < t.columns.size(); ++c)
      row.push_back(c < rj.size() ? cell_value(rj[c], t.columns[c].role) : Value::na());
    t.rows.push_back(std::move(row));
  }
  return t;
}

std::string row_key(const Table& t, const std::vector<Value>& row) {
  json k = json::array();
  for (size_t c = 0; c < t.columns.size() && c < row.size(); ++c)
    if (t.columns[c].role == Role::category) {
      const Value& v = row[c];
      if (v.kind == Value::Kind::text) k.push_back(v.s);
      else if (v.kind == Value::Kind::integer) k.push_back(v.i);
      else if (v.kind == Value::Kind::number) k.push_back(v.d);
      else k.push_back(nullptr);
    }
  return k.dump();
}

// A denominator column that holds one value for the whole table (frequency tables): that value, or hidden.
struct Constant {
  bool constant = true, hidden = false, any = false;
  int64_t value = 0;
};

Constant column_constant(const Table& t, size_t c) {
  Constant k;
  for (const auto& row : t.rows) {
    const Value& v = row[c];
    if (v.kind == Value::Kind::suppressed) {
      k.hidden = true;
      k.any = true;
    } else if (is_count_value(v)) {
      if (k.any && !k.hidden && count_value(v) != k.value) k.constant = false;
      if (!k.any) k.value = count_value(v);
      k.any = true;
    }
  }
  return k;
}

struct Cell {
  int64_t sum = 0;
  bool hidden = false, present = false;
  void add(const Value& v) {
    if (v.kind == Value::Kind::suppressed) hidden = present = true;
    else if (is_count_value(v)) {
      sum += count_value(v);
      present = true;
    }
  }
  Value value(int k) const { return hidden ? Value::suppressed(k) : present ? Value::of(sum) : Value::na(); }
};

Table merge_tables(const std::vector<const Table*>& tables, int k, bool& mismatch) {
  const Table& first = *tables.front();
  Table out;
  out.id = first.id;
  out.title = first.title;
  out.columns = first.columns;
  std::vector<const Table*> use;
  for (const Table* t : tables) {
    bool same = t->columns.size() == first.columns.size();
    for (size_t c = 0; same && c < first.columns.size(); ++c)
      same = t->columns[c].id == first.columns[c].id && t->columns[c].role == first.columns[c].role;
    if (same) use.push_back(t);
    else mismatch = true;
  }
  const size_t nc = first.columns.size();
  std::vector<std::string> order;
  std::map<std::string, std::vector<Value>> categories;
  std::map<std::string, std::vector<Cell>> cells;
  std::map<std::string, std::vector<bool>> non_null;
  std::vector<bool> constant(nc, true);
  std::vector<Cell> constant_sum(nc);
  for (size_t c = 0; c < nc; ++c) {
    if (first.columns[c].role != Role::denominator) continue;
    for (const Table* t : use) {
      const Constant kc = column_constant(*t, c);
      if (!kc.constant) constant[c] = false;
      if (kc.hidden) constant_sum[c].hidden = true;
      else if (kc.any) constant_sum[c].add(Value::of(kc.value));
    }
  }
  for (const Table* t : use)
    for (const auto& row : t->rows) {
      const std::string key = row_key(*t, row);
      if (!cells.count(key)) {
        order.push_back(key);
        categories[key] = row;
        cells[key].assign(nc, Cell{});
        non_null[key].assign(nc, false);
      }
      for (size_t c = 0; c < nc && c < row.size(); ++c) {
        cells[key][c].add(row[c]);
        if (row[c].kind != Value::Kind::missing) non_null[key][c] = true;
      }
    }
  for (const auto& key : order) {
    std::vector<Value> row(nc, Value::na());
    for (size_t c = 0; c < nc; ++c) {
      const Role role = first.columns[c].role;
      if (role == Role::category) row[c] = categories[key][c];
      else if (role == Role::count) row[c] = cells[key][c].value(k);
      else if (role == Role::denominator) {
        if (!non_null[key][c]) continue;
        row[c] = constant[c] ? constant_sum[c].value(k) : cells[key][c].value(k);
      }
    }
    for (size_t c = 0; c < nc; ++c) {
      if (first.columns[c].role != Role::percent || !non_null[key][c]) continue;
      const PercentPairing p = percent_pairing(first, static_cast<int>(c));
      if (p.numerator < 0 || p.denominator < 0) continue;
      const Value& n = row[p.numerator];
      const Value& d = row[p.denominator];
      const bool also = p.also >= 0 && row[p.also].kind == Value::Kind::suppressed;
      if (n.kind == Value::Kind::suppressed || d.kind == Value::Kind::suppressed || also) row[c] = Value::suppressed(k);
      else if (n.is_number() && d.is_number() && d.as_double() > 0)
        row[c] = Value::num(100.0 * n.as_double() / d.as_double());
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

// Pearson's chi-square on the inner cells of a complete cross-table (two or more count columns and rows).
std::optional<analysis::TestResult> chi_square_of(const Table& t) {
  const InnerLayout l = inner_layout(t);
  if (l.rows.size() < 2 || l.columns.size() < 2) return std::nullopt;
  stats::CountTable m;
  for (int r : l.rows) {
    std::vector<long> row;
    for (int c : l.columns) {
      const Value& v = t.rows[r][c];
      if (!is_count_value(v)) return std::nullopt;
      row.push_back(static_cast<long>(count_value(v)));
    }
    m.push_back(std::move(row));
  }
  const stats::ChiSquareResult x = stats::chi_square(m);
  if (!std::isfinite(x.statistic)) return std::nullopt;
  analysis::TestResult tr = analysis::test_result(x);
  tr.warnings.push_back("merged_table:" + t.id);
  return tr;
}

std::string join_text(const std::string& key, i18n::Lang lang, std::initializer_list<std::string_view> args) {
  return i18n::format(i18n::tr(key, lang), args);
}

}  // namespace

ordered_json make_aggregate(const ResultSet& in, int k, const std::string& period, const std::string& organisation) {
  if (k < 2) throw std::invalid_argument("the suppression threshold k must be at least 2");
  ResultSet set = in;
  if (set.provenance.mode == "delen") {
    if (set.provenance.suppress_k != k)
      throw std::invalid_argument("these results were suppressed with k = " +
                                  std::to_string(set.provenance.suppress_k) + ", not " + std::to_string(k));
  } else {
    PrivacyOptions opt;
    opt.k = k;
    opt.add_summary = false;
    apply(set, opt);
  }
  const auto& p = set.provenance;
  ordered_json j;
  j["schema"] = kAggregateSchema;
  j["organisation"] = organisation;
  j["period"] = period.empty() ? p.as_of : period;
  j["k"] = k;
  j["profile"] = p.profile;
  ordered_json hashes = ordered_json::array();
  for (const auto& f : p.files) hashes.push_back(f.sha256);
  j["provenance"] = {{"tool", {{"version", p.tool_version}, {"build", p.tool_build}}},
                     {"input_sha256", hashes},
                     {"settings_sha256", p.settings_sha256},
                     {"as_of", p.as_of},
                     {"mode", "delen"},
                     {"suppress_k", k}};
  j["results"] = ordered_json::array();
  for (const auto& r : set.results) {
    if (r.id.rfind("privacy.", 0) == 0) continue;
    ordered_json rj;
    rj["id"] = r.id;
    rj["title"] = text_json(r.title);
    rj["unit"] = text_json(r.unit);
    rj["tables"] = ordered_json::array();
    for (const auto& t : r.tables) {
      if (!shareable(t)) continue;
      ordered_json tj;
      tj["id"] = t.id;
      tj["title"] = text_json(t.title);
      tj["columns"] = ordered_json::array();
      for (const auto& c : t.columns)
        tj["columns"].push_back({{"id", c.id}, {"label", text_json(c.label)}, {"role", analysis::role_name(c.role)}});
      tj["rows"] = ordered_json::array();
      for (const auto& row : t.rows) {
        ordered_json rowj = ordered_json::array();
        for (const auto& v : row) rowj.push_back(cell_json(v));
        tj["rows"].push_back(std::move(rowj));
      }
      rj["tables"].push_back(std::move(tj));
    }
    if (!rj["tables"].empty()) j["results"].push_back(std::move(rj));
  }
  return j;
}

std::vector<std::string> describe_aggregate(const json& a, i18n::Lang lang) {
  std::vector<std::string> out;
  if (!a.is_object() || a.value("schema", std::string()) != kAggregateSchema) {
    out.push_back(i18n::tr("privacy.aggregate.not_aggregate", lang));
    return out;
  }
  size_t results = 0, tables = 0;
  if (a.contains("results") && a["results"].is_array())
    for (const auto& r : a["results"]) {
      ++results;
      if (r.contains("tables") && r["tables"].is_array()) tables += r["tables"].size();
    }
  const std::string k = std::to_string(a.value("k", 0));
  const std::string km1 = std::to_string(a.value("k", 0) - 1);
  out.push_back(join_text("privacy.aggregate.what", lang,
                          {a.value("organisation", std::string()), a.value("period", std::string()),
                           a.value("profile", std::string())}));
  out.push_back(join_text("privacy.aggregate.tables", lang, {std::to_string(results), std::to_string(tables)}));
  out.push_back(join_text("privacy.aggregate.suppressed", lang, {km1, k}));
  out.push_back(i18n::tr("privacy.aggregate.never", lang));
  const json prov = a.value("provenance", json::object());
  const json tool = prov.value("tool", json::object());
  out.push_back(join_text("privacy.aggregate.provenance", lang,
                          {tool.value("version", std::string()), prov.value("as_of", std::string())}));
  return out;
}

ResultSet merge_aggregates(const std::vector<json>& aggregates, int k) {
  if (k < 2) throw std::invalid_argument("the suppression threshold k must be at least 2");
  if (aggregates.empty()) throw std::invalid_argument("no aggregate files to merge");
  ResultSet set;
  auto& p = set.provenance;
  p.mode = "delen";
  p.suppress_k = k;
  // result id → (title, unit, table id → decoded tables), in first-seen order.
  struct Pending {
    Text title, unit;
    std::vector<std::string> table_order;
    std::map<std::string, std::vector<Table>> tables;
  };
  std::vector<std::string> order;
  std::map<std::string, Pending> pending;
  std::vector<std::string> organisations;
  for (size_t i = 0; i < aggregates.size(); ++i) {
    const json& a = aggregates[i];
    const std::string which = "file " + std::to_string(i + 1);
    if (!a.is_object() || a.value("schema", std::string()) != kAggregateSchema)
      throw std::invalid_argument(which + " is not a Zicht aggregate (schema \"" + std::string(kAggregateSchema) +
                                  "\" expected)");
    const std::string profile = a.value("profile", std::string());
    if (i == 0) p.profile = profile;
    else if (profile != p.profile)
      throw std::invalid_argument(which + " holds profile '" + profile + "', the first file '" + p.profile +
                                  "': only aggregates of one profile can be merged");
    const std::string org = a.value("organisation", std::string());
    organisations.push_back(org);
    analysis::InputFile f;
    f.name = org.empty() ? which : org;
    f.sha256 = core::sha256_hex(a.dump());
    p.files.push_back(f);
    const json prov = a.value("provenance", json::object());
    p.as_of = std::max(p.as_of, prov.value("as_of", std::string()));
    try {
      for (const auto& rj : a.at("results")) {
        const std::string id = rj.at("id").get<std::string>();
        if (!pending.count(id)) {
          order.push_back(id);
          pending[id].title = text_of(rj.value("title", json()));
          pending[id].unit = text_of(rj.value("unit", json()));
        }
        Pending& pr = pending[id];
        for (const auto& tj : rj.at("tables")) {
          Table t = table_from_json(tj);
          if (!pr.tables.count(t.id)) pr.table_order.push_back(t.id);
          pr.tables[t.id].push_back(std::move(t));
        }
      }
    } catch (const json::exception& e) {
      throw std::invalid_argument(which + " is not a valid aggregate: " + std::string(e.what()));
    }
  }
  json settings = {{"merge", organisations}, {"mode", "delen"}, {"suppress_k", k}, {"profile", p.profile},
                   {"as_of", p.as_of}};
  p.settings_json = settings.dump();
  p.settings_sha256 = core::sha256_hex(p.settings_json);
  SuppressionSummary summary;
  for (const auto& id : order) {
    Pending& pr = pending[id];
    Result r;
    r.id = id;
    r.title = pr.title;
    r.unit = pr.unit;
    bool mismatch = false;
    for (const auto& tid : pr.table_order) {
      std::vector<const Table*> ts;
      for (const auto& t : pr.tables[tid]) ts.push_back(&t);
      Table merged = merge_tables(ts, k, mismatch);
      if (auto test = chi_square_of(merged)) r.tests.push_back(*test);
      r.tables.push_back(std::move(merged));
    }
    if (mismatch) r.notes.push_back(Text::key("privacy.note.merge_mismatch"));
    r.notes.push_back(Text{i18n::format(i18n::tr("privacy.note.merged", i18n::Lang::nl),
                                        {std::to_string(aggregates.size())}),
                           i18n::format(i18n::tr("privacy.note.merged", i18n::Lang::en),
                                        {std::to_string(aggregates.size())})});
    const SuppressionSummary rs = suppress_result(r, k);
    for (const auto& t : rs.tables) summary.add(t);
    summary.tables_seen += rs.tables_seen;
    set.results.push_back(std::move(r));
  }
  set.results.push_back(summary_result(summary, k, nullptr));
  return set;
}

}  // namespace zicht::privacy
