// The Binc module-pathway analyses (SPEC §2.2, §3.2): every result of the Binc pages from the module chains of
// binc_chain.h. Each result says what it counts (Result.unit) and every percentage sits next to its numerator and
// its denominators.
#include "analysis/binc.h"

#include "analysis/test_result.h"


#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "analysis/binc_chain.h"
#include "analysis/tables.h"
#include "core/schema.h"
#include "core/werkmap.h"
#include "stats/contingency.h"
#include "stats/descriptives.h"
#include "stats/survival.h"

namespace zicht::analysis::binc {

const char* unit_id(Unit u) {
  switch (u) {
    case Unit::kinderen: return "kinderen";
    case Unit::modules: return "modules";
    case Unit::schakelingen: return "schakelingen";
    case Unit::kind_jaar: return "kind_jaar";
    case Unit::gezinnen: return "gezinnen";
  }
  return "kinderen";
}

namespace {

bool parse_unit(const std::string& s, Unit& u) {
  for (Unit x : {Unit::kinderen, Unit::modules, Unit::schakelingen, Unit::kind_jaar, Unit::gezinnen})
    if (s == unit_id(x)) {
      u = x;
      return true;
    }
  return false;
}

}  // namespace

Options Options::from_werkmap(const nlohmann::json& w) {
  Options o;
  if (!w.is_object()) return o;
  auto obj = [](const nlohmann::json& j, const char* k) -> const nlohmann::json* {
    if (!j.is_object()) return nullptr;
    auto it = j.find(k);
    return it != j.end() && it->is_object() ? &*it : nullptr;
  };
  if (const auto* s = obj(w, "settings"))
    if (const auto* b = obj(*s, "binc")) {
      if (b->contains("sofs_module_type") && (*b)["sofs_module_type"].is_string() &&
          !(*b)["sofs_module_type"].get<std::string>().empty())
        o.sofs_module_type = (*b)["sofs_module_type"].get<std::string>();
      if (b->contains("orgtype_from") && (*b)["orgtype_from"].is_string())
        o.orgtype_from_last_sofs = (*b)["orgtype_from"].get<std::string>() == "last_sofs";
      if (b->contains("unit") && (*b)["unit"].is_string())
        o.unit_chosen = parse_unit((*b)["unit"].get<std::string>(), o.unit);
      if (b->contains("organisations") && (*b)["organisations"].is_array())
        for (const auto& x : (*b)["organisations"])
          if (x.is_string()) o.organisations.push_back(x.get<std::string>());
    }
  if (const auto* c = obj(w, "clusters"))
    if (const auto* b = obj(*c, "binc"))
      for (auto it = b->begin(); it != b->end(); ++it)
        if (it.value().is_string()) o.clusters[it.key()] = it.value().get<std::string>();
  if (const auto* c = obj(w, "consent")) {
    auto it = c->find("binc");
    if (it != c->end() && it->is_array())
      for (const auto& x : *it)
        if (x.is_string()) o.consent.push_back(x.get<std::string>());
  }
  if (w.contains("denominator") && w["denominator"].is_string()) {
    const std::string d = w["denominator"].get<std::string>();
    if (d == "all" || d == "applicable" || d == "valid") o.denominator = d;
  }
  if (const auto* n = obj(w, "norms"))
    if (const auto* b = obj(*n, "binc"))
      if (b->contains("min_path") && (*b)["min_path"].is_number_integer())
        o.min_path = std::max(1, (*b)["min_path"].get<int>());
  return o;
}

namespace {

struct DefaultClusters {
  std::vector<std::string> names;                  // Table 8's order, then the other cluster
  std::map<std::string, std::string> by_type;
};

const DefaultClusters& default_clusters() {
  static const DefaultClusters d = [] {
    DefaultClusters out;
    const core::Schema* schema = core::find_schema("binc");
    const nlohmann::json none = nlohmann::json::object();
    const nlohmann::json& settings = schema ? schema->settings : none;
    for (const auto& c : settings.value("clusters", nlohmann::json::array())) {
      const std::string name = c.value("cluster", std::string());
      out.names.push_back(name);
      for (const auto& t : c.value("module_types", nlohmann::json::array())) out.by_type[t.get<std::string>()] = name;
    }
    out.names.push_back(settings.value("other_cluster", std::string("Overige")));
    return out;
  }();
  return d;
}

}  // namespace

const std::vector<std::string>& default_cluster_names() { return default_clusters().names; }

std::string default_cluster(const std::string& module_type) {
  const DefaultClusters& d = default_clusters();
  auto it = d.by_type.find(module_type);
  return it == d.by_type.end() ? d.names.back() : it->second;
}

nlohmann::json Options::to_json() const {
  nlohmann::json j = nlohmann::json::object();
  j["settings"]["binc"] = {{"sofs_module_type", sofs_module_type},
                           {"orgtype_from", orgtype_from_last_sofs ? "last_sofs" : "latest"},
                           {"unit", unit_chosen ? nlohmann::json(unit_id(unit)) : nlohmann::json(nullptr)},
                           {"organisations", organisations}};
  j["clusters"]["binc"] = nlohmann::json::object();
  for (const auto& kv : clusters) j["clusters"]["binc"][kv.first] = kv.second;
  j["consent"]["binc"] = consent;
  j["denominator"] = denominator;
  j["norms"]["binc"] = {{"min_path", min_path}};
  return j;
}

namespace {

using core::CellKind;
using detail::Chains;
using detail::kOpen;
using detail::Role;
namespace R = detail;

constexpr size_t kMaxFlagsPerRule = 500;

Column col(std::string id, const std::string& key, analysis::Role role, int decimals = -1) {
  return Column{std::move(id), Text::key(key), role, decimals};
}
Value pct(long num, long den) { return den > 0 ? Value::num(100.0 * double(num) / double(den)) : Value::na(); }
Text unit_text(Unit u) { return Text::key(std::string("binc.unit.") + unit_id(u)); }
Value label(const std::string& key) { return Value::label(Text::key(key)); }

Table counts_table(const std::string& id, const std::string& title_key, const std::vector<Value>& cats,
                   const std::vector<long>& counts) {
  CategoryCounts cc;
  cc.categories = cats;
  cc.counts = counts;
  Table t = frequency_table(id, cc);
  t.title = Text::key(title_key);
  return t;
}

// ------------------------------------------------------------------------------------------------------------
// Characteristics per child (Table 5), from the client file or the module file.

struct CharField {
  const core::FieldSpec* spec = nullptr;
  const core::MappedDataset* source = nullptr;
  const core::MappedField* field = nullptr;
  std::vector<CellKind> kind;   // per child
  std::vector<int32_t> value;   // per child
};

struct Quality {
  struct Rule {
    std::string id;
    long n = 0;
    Unit unit = Unit::modules;
    std::string unit_key;  // overrides unit when set ("binc.unit.clients", "binc.unit.rows")
  };
  std::vector<Rule> rules;
  std::vector<Flag> flags;
  std::map<std::string, size_t> flags_per_rule;
  bool truncated = false;

  Rule& rule(const std::string& id, Unit u, const std::string& unit_key = {}) {
    for (auto& r : rules)
      if (r.id == id) return r;
    rules.push_back(Rule{id, 0, u, unit_key});
    return rules.back();
  }
  void flag(const std::string& file, int64_t row, const std::string& column, std::string value,
            const std::string& rule) {
    size_t& k = flags_per_rule[rule];
    if (k >= kMaxFlagsPerRule) {
      truncated = true;
      return;
    }
    ++k;
    flags.push_back(Flag{file, row, column, std::move(value), rule});
  }
  bool room(const std::string& rule) {
    auto it = flags_per_rule.find(rule);
    if (it == flags_per_rule.end() || it->second < kMaxFlagsPerRule) return true;
    truncated = true;
    return false;
  }
  // A flag whose value text is made only when it will be kept (no string work per row once a rule is full).
  template <class MakeValue>
  void flag_if(Rule& r, const std::string& file, int64_t row, const std::string& column, MakeValue make) {
    ++r.n;
    size_t& k = flags_per_rule[r.id];
    if (k >= kMaxFlagsPerRule) {
      truncated = true;
      return;
    }
    ++k;
    flags.push_back(Flag{file, row, column, make(), r.id});
  }
};

struct Context {
  const core::MappedDataset& mods;
  const core::MappedDataset* clients;
  const Options& opt;
  Chains ch;
  std::vector<uint32_t> selected;  // selected children (SofS module, organisation filter), in child order
  std::vector<CharField> chars;
  std::vector<int32_t> client_row;  // per child: row in the client file, -1 none
  long clients_without_modules = 0, children_without_client = 0, conflicts = 0;
  Quality q;
  std::vector<Text> profile_notes;

  Context(const core::MappedDataset& m, const core::MappedDataset* c, const Options& o)
      : mods(m), clients(c), opt(o), ch(R::build_chains(m, o)) {
    for (size_t i = 0; i < ch.children(); ++i)
      if (ch.selected[i]) selected.push_back(uint32_t(i));
  }
};

bool is_characteristic(const core::FieldSpec& f) {
  if (!f.in_kind("clients")) return false;
  return f.id != "kind_id" && f.id != "gezin_id" && f.id != "organisatie" && f.id != "begeleidingsjaar" &&
         (f.type == core::FieldType::Code || f.type == core::FieldType::Integer);
}

void load_characteristics(Context& cx) {
  const Chains& ch = cx.ch;
  const size_t nc = ch.children();
  std::string scratch;
  // Join the client file on kind_id.
  if (cx.clients) {
    cx.client_row.assign(nc, -1);
    const core::MappedField* cid = cx.clients->field("kind_id");
    std::unordered_map<std::string, int32_t> child_by_id;
    child_by_id.reserve(nc * 2);
    for (size_t c = 0; c < nc; ++c) child_by_id.emplace(std::string(ch.child_id(c)), int32_t(c));
    std::string key;  // reused: no allocation per client row
    for (size_t r = 0; r < cx.clients->rows(); ++r) {
      if (!cx.clients->used[r] || !cid || !cid->mapped()) continue;
      const std::string_view id = R::cell_view(*cx.clients, *cid, r, scratch);
      key.assign(id.data(), id.size());
      auto it = child_by_id.find(key);
      if (it == child_by_id.end()) {
        ++cx.clients_without_modules;
        cx.q.flag(cx.clients->file, cx.clients->row_number(r), cid->column_name, std::string(id),
                  "clients_without_modules");
        continue;
      }
      if (cx.client_row[size_t(it->second)] < 0) cx.client_row[size_t(it->second)] = int32_t(r);
    }
    for (size_t c = 0; c < nc; ++c)
      if (cx.client_row[c] < 0) {
        ++cx.children_without_client;
        const core::MappedField* kid = cx.mods.field("kind_id");
        cx.q.flag(cx.mods.file, cx.mods.row_number(ch.order[ch.begin[c]]), kid->column_name,
                  std::string(ch.child_id(c)), "children_without_client_row");
      }
  }
  for (const auto& spec : cx.mods.schema->fields) {
    if (!is_characteristic(spec)) continue;
    CharField cf;
    cf.spec = &spec;
    const core::MappedField* cfield = cx.clients ? cx.clients->field(spec.id) : nullptr;
    const core::MappedField* mfield = cx.mods.field(spec.id);
    if (cfield && cfield->mapped()) {
      cf.source = cx.clients;
      cf.field = cfield;
    } else if (mfield && mfield->mapped()) {
      cf.source = &cx.mods;
      cf.field = mfield;
    } else {
      continue;
    }
    cf.kind.assign(nc, CellKind::Missing);
    cf.value.assign(nc, 0);
    if (cf.source == cx.clients) {
      for (size_t c = 0; c < nc; ++c) {
        const int32_t r = cx.client_row[c];
        if (r < 0) continue;
        cf.kind[c] = cf.field->kind[size_t(r)];
        cf.value[c] = cf.field->value[size_t(r)];
      }
    } else {
      // One value per child: the first non-missing one in chain order; a different later value is a conflict.
      for (size_t c = 0; c < nc; ++c) {
        bool have = false;
        for (uint32_t i = ch.begin[c]; i < ch.begin[c + 1]; ++i) {
          const uint32_t r = ch.order[i];
          const CellKind k = cf.field->kind[r];
          if (k == CellKind::Missing) continue;
          if (!have) {
            cf.kind[c] = k;
            cf.value[c] = cf.field->value[r];
            have = true;
          } else if (k != cf.kind[c] || (k == CellKind::Value && cf.field->value[r] != cf.value[c])) {
            ++cx.conflicts;
            if (cx.q.room("conflicting_characteristics"))
              cx.q.flag(cx.mods.file, cx.mods.row_number(r), cf.field->column_name, cx.mods.text(*cf.field, r),
                        "conflicting_characteristics");
            break;  // one conflict per child and characteristic
          }
        }
      }
    }
    cx.chars.push_back(std::move(cf));
  }
}

// Years of a child's SofS module registrations (begeleidingsjaar, else the start year), distinct and sorted.
void child_years(const Context& cx, size_t c, std::vector<int>& years) {
  years.clear();
  const core::MappedField* fy = cx.mods.field("begeleidingsjaar");
  const bool has = fy && fy->mapped();
  for (uint32_t i = cx.ch.begin[c]; i < cx.ch.begin[c + 1]; ++i) {
    const uint32_t r = cx.ch.order[i];
    if (!cx.ch.sofs[r]) continue;
    int y;
    if (has && fy->kind[r] == CellKind::Value) {
      y = fy->value[r];
    } else {
      unsigned m, d;
      core::civil_from_days(cx.ch.start[r], y, m, d);
    }
    if (std::find(years.begin(), years.end(), y) == years.end()) years.push_back(y);
  }
  std::sort(years.begin(), years.end());
}

// Records of the profile: a child index per record (a child repeats once per support year for kind_jaar).
std::vector<uint32_t> profile_records(const Context& cx, Unit unit) {
  std::vector<uint32_t> rec;
  if (unit == Unit::kind_jaar) {
    std::vector<int> years;
    for (uint32_t c : cx.selected) {
      child_years(cx, c, years);
      for (size_t k = 0; k < years.size(); ++k) rec.push_back(c);
    }
  } else if (unit == Unit::gezinnen) {
    // One record per family: the family's child whose chain starts first (ties: file order).
    const core::MappedField* gm = cx.mods.field("gezin_id");
    const core::MappedField* gc = cx.clients ? cx.clients->field("gezin_id") : nullptr;
    std::unordered_map<std::string, uint32_t> first;
    std::string scratch, fam;
    auto family_key = [&](uint32_t c) {
      fam.clear();
      const uint32_t r0 = cx.ch.order[cx.ch.begin[c]];
      if (gm && gm->mapped() && gm->kind[r0] == CellKind::Value) {
        const std::string_view v = R::cell_view(cx.mods, *gm, r0, scratch);
        fam.assign(v.data(), v.size());
      } else if (gc && gc->mapped() && !cx.client_row.empty() && cx.client_row[c] >= 0 &&
                 gc->kind[size_t(cx.client_row[c])] == CellKind::Value) {
        const std::string_view v = R::cell_view(*cx.clients, *gc, size_t(cx.client_row[c]), scratch);
        fam.assign(v.data(), v.size());
      } else {  // no family id: a family of its own
        const std::string_view v = cx.ch.child_id(c);
        fam.assign(1, '\x01');
        fam.append(v.data(), v.size());
      }
    };
    for (uint32_t c : cx.selected) {
      family_key(c);
      auto it = first.find(fam);
      if (it == first.end()) first.emplace(fam, c);
      else if (cx.ch.start[cx.ch.order[cx.ch.begin[c]]] < cx.ch.start[cx.ch.order[cx.ch.begin[it->second]]])
        it->second = c;
    }
    // Keep child order: a child is a record when it represents its family.
    for (uint32_t c : cx.selected) {
      family_key(c);
      if (first.find(fam)->second == c) rec.push_back(c);
    }
  } else {
    rec = cx.selected;
  }
  return rec;
}

CategoryCounts char_counts(const CharField& cf, const std::vector<uint32_t>& records) {
  CategoryCounts out;
  if (cf.spec->type == core::FieldType::Code) {
    std::vector<long> n(cf.field->values.size(), 0);
    for (uint32_t c : records) {
      switch (cf.kind[c]) {
        case CellKind::Value: ++n[size_t(cf.value[c])]; break;
        case CellKind::NotApplicable: ++out.not_applicable; break;
        case CellKind::Invalid: ++out.invalid; break;
        default: ++out.missing; break;
      }
    }
    for (size_t v = 0; v < n.size(); ++v) {
      if (v >= cf.spec->codes.size() && n[v] == 0) continue;  // listed codes always, found extras when present
      out.categories.push_back(Value::str(cf.field->values[v]));
      out.counts.push_back(n[v]);
    }
  } else {
    std::map<int32_t, long> n;
    for (uint32_t c : records) {
      switch (cf.kind[c]) {
        case CellKind::Value: ++n[cf.value[c]]; break;
        case CellKind::NotApplicable: ++out.not_applicable; break;
        case CellKind::Invalid: ++out.invalid; break;
        default: ++out.missing; break;
      }
    }
    for (const auto& kv : n) {
      out.categories.push_back(Value::of(kv.first));
      out.counts.push_back(kv.second);
    }
  }
  return out;
}

Table by_year_table(const Context& cx, const CharField* cf, const std::string& id) {
  // Category × support year over child × year records; % of the valid records of that year.
  std::vector<int> years, all_years;
  std::vector<std::pair<int, uint32_t>> rec;  // (year, child)
  for (uint32_t c : cx.selected) {
    child_years(cx, c, years);
    for (int y : years) rec.push_back({y, c});
  }
  for (const auto& p : rec)
    if (std::find(all_years.begin(), all_years.end(), p.first) == all_years.end()) all_years.push_back(p.first);
  std::sort(all_years.begin(), all_years.end());
  Table t;
  t.id = id;
  t.title = Text::key(cf ? "binc.profile.by_year." + cf->spec->id : "binc.profile.children_by_year");
  t.columns.push_back(col("category", "col.category", analysis::Role::category));
  if (!cf) {
    t.columns = {col("year", "binc.col.year", analysis::Role::category), col("n", "col.n", analysis::Role::count)};
    for (int y : all_years) {
      long n = 0;
      for (const auto& p : rec) n += p.first == y;
      t.rows.push_back({Value::of(y), Value::of(n)});
    }
    long total = 0;
    for (const auto& row : t.rows) total += long(row[1].i);
    t.rows.push_back({label("binc.row.total_child_years"), Value::of(total)});
    t.rows.push_back({label("binc.row.unique_children"), Value::of(long(cx.selected.size()))});
    return t;
  }
  for (int y : all_years) {
    const std::string ys = std::to_string(y);
    t.columns.push_back(Column{"n_" + ys, Text{"n " + ys, "n " + ys}, analysis::Role::count, -1});
    t.columns.push_back(Column{"pct_valid_" + ys, Text{"% geldig " + ys, "% valid " + ys}, analysis::Role::percent, 1});
    t.columns.push_back(Column{"denom_valid_" + ys, Text{"noemer geldig " + ys, "valid denominator " + ys},
                               analysis::Role::denominator, -1});
  }
  // Categories as in the pooled table.
  std::vector<uint32_t> all_children = cx.selected;
  const CategoryCounts pooled = char_counts(*cf, all_children);
  const size_t ny = all_years.size();
  std::vector<std::vector<long>> n(pooled.categories.size(), std::vector<long>(ny, 0));
  std::vector<long> nvt(ny, 0), miss(ny, 0), valid(ny, 0);
  std::map<int32_t, size_t> cat_of;  // value → category row
  for (size_t k = 0; k < pooled.categories.size(); ++k) {
    if (cf->spec->type == core::FieldType::Code) {
      for (size_t v = 0; v < cf->field->values.size(); ++v)
        if (cf->field->values[v] == pooled.categories[k].s) cat_of[int32_t(v)] = k;
    } else {
      cat_of[int32_t(pooled.categories[k].i)] = k;
    }
  }
  for (const auto& p : rec) {
    const size_t yi = size_t(std::lower_bound(all_years.begin(), all_years.end(), p.first) - all_years.begin());
    const CellKind k = cf->kind[p.second];
    if (k == CellKind::Value) {
      auto it = cat_of.find(cf->value[p.second]);
      if (it != cat_of.end()) ++n[it->second][yi];
      ++valid[yi];
    } else if (k == CellKind::NotApplicable) {
      ++nvt[yi];
    } else {
      ++miss[yi];
    }
  }
  for (size_t k = 0; k < pooled.categories.size(); ++k) {
    std::vector<Value> row{pooled.categories[k]};
    for (size_t yi = 0; yi < ny; ++yi) {
      row.push_back(Value::of(n[k][yi]));
      row.push_back(pct(n[k][yi], valid[yi]));
      row.push_back(Value::of(valid[yi]));
    }
    t.rows.push_back(std::move(row));
  }
  auto special = [&](const char* key, const std::vector<long>& v) {
    long s = 0;
    for (long x : v) s += x;
    if (s == 0) return;
    std::vector<Value> row{label(key)};
    for (size_t yi = 0; yi < ny; ++yi) {
      row.push_back(Value::of(v[yi]));
      row.push_back(Value::na());
      row.push_back(Value::na());
    }
    t.rows.push_back(std::move(row));
  };
  special("row.nvt", nvt);
  special("row.missing", miss);
  return t;
}

Result profile(Context& cx) {
  Unit u = cx.opt.unit;
  Result r;
  r.id = "binc.profile";
  const core::MappedField* gm = cx.mods.field("gezin_id");
  const core::MappedField* gc = cx.clients ? cx.clients->field("gezin_id") : nullptr;
  const bool has_family = (gm && gm->mapped()) || (gc && gc->mapped());
  if (u == Unit::gezinnen && !has_family) {
    r.notes.push_back(Text::key("binc.note.no_family_id"));
    u = Unit::kinderen;
  }
  if (u == Unit::modules || u == Unit::schakelingen) {
    r.notes.push_back(Text::key("binc.note.profile_unit_children"));
    u = Unit::kinderen;
  }
  if (u == Unit::gezinnen) r.notes.push_back(Text::key("binc.note.family_representative"));
  r.title = Text::key(std::string("binc.profile.title.") + unit_id(u));
  r.unit = unit_text(u);
  const std::vector<uint32_t> rec = profile_records(cx, u);

  // Coverage: where the characteristics come from.
  Table cov;
  cov.id = "coverage";
  cov.title = Text::key("binc.profile.coverage");
  cov.columns = {col("item", "col.statistic", analysis::Role::category), col("n", "col.n", analysis::Role::count)};
  cov.rows.push_back({label("binc.row.records"), Value::of(long(rec.size()))});
  cov.rows.push_back({label("binc.row.children_with_sofs"), Value::of(long(cx.selected.size()))});
  if (cx.clients) {
    long matched = 0;
    for (uint32_t c : cx.selected) matched += cx.client_row[c] >= 0;
    cov.rows.push_back({label("binc.row.children_with_client_row"), Value::of(matched)});
    cov.rows.push_back({label("binc.row.children_without_client_row"), Value::of(cx.children_without_client)});
    cov.rows.push_back({label("binc.row.clients_without_modules"), Value::of(cx.clients_without_modules)});
    r.notes.push_back(Text::key("binc.note.characteristics_from_clients"));
  } else {
    cov.rows.push_back({label("binc.row.conflicting_characteristics"), Value::of(cx.conflicts)});
    r.notes.push_back(Text::key("binc.note.characteristics_from_modules"));
  }
  r.tables.push_back(std::move(cov));
  r.tables.push_back(by_year_table(cx, nullptr, "children_by_year"));

  for (const CharField& cf : cx.chars) {
    Table t = frequency_table(cf.spec->id, char_counts(cf, rec));
    t.title = Text::key("binc.field." + cf.spec->id);
    r.tables.push_back(std::move(t));
    if (cf.spec->type == core::FieldType::Integer) {
      std::vector<double> v;
      v.reserve(rec.size());
      for (uint32_t c : rec) v.push_back(cf.kind[c] == CellKind::Value ? double(cf.value[c]) : stats::kNaN);
      Table d = descriptives_table(cf.spec->id + ".descriptives", stats::describe(v), 2);
      d.title = Text::key("binc.field." + cf.spec->id);
      r.tables.push_back(std::move(d));
    }
    if (cf.spec->id == "geslacht" || cf.spec->id == "instroomleeftijd" || cf.spec->id == "aantal_kinderen")
      r.tables.push_back(by_year_table(cx, &cf, cf.spec->id + ".by_year"));
  }
  if (cx.chars.empty()) r.notes.push_back(Text::key("binc.note.no_characteristics"));
  if (!cx.opt.organisations.empty()) r.notes.push_back(Text::key("binc.note.organisation_filter"));
  return r;
}

// ------------------------------------------------------------------------------------------------------------

Result orgtype_by_status(const Context& cx) {
  Result r;
  r.id = "binc.orgtype_by_status";
  r.title = Text::key("binc.orgtype_by_status.title");
  r.unit = unit_text(Unit::kinderen);
  const core::MappedField* f = cx.mods.field("vzb_organisatietype");
  if (!f || !f->mapped()) {
    r.notes.push_back(Text::key("binc.note.no_orgtype"));
    return r;
  }
  const size_t nv = f->values.size();
  std::vector<long> open(nv, 0), closed(nv, 0);
  long miss_open = 0, miss_closed = 0, inv_open = 0, inv_closed = 0;
  for (uint32_t c : cx.selected) {
    const int32_t t = cx.ch.orgtype[c];
    const bool o = cx.ch.open[c];
    if (t >= 0) (o ? open : closed)[size_t(t)]++;
    else if (t == -2) (o ? inv_open : inv_closed)++;
    else (o ? miss_open : miss_closed)++;
  }
  long to = 0, tc = 0;
  for (size_t v = 0; v < nv; ++v) to += open[v], tc += closed[v];
  Table t;
  t.id = "counts";
  t.title = Text::key("binc.orgtype_by_status.counts");
  t.columns = {col("category", "binc.col.orgtype", analysis::Role::category),
               col("open_n", "binc.col.open_n", analysis::Role::count),
               col("open_pct", "binc.col.open_pct", analysis::Role::percent, 1),
               col("open_denom", "binc.col.open_denom", analysis::Role::denominator),
               col("closed_n", "binc.col.closed_n", analysis::Role::count),
               col("closed_pct", "binc.col.closed_pct", analysis::Role::percent, 1),
               col("closed_denom", "binc.col.closed_denom", analysis::Role::denominator),
               col("total_n", "binc.col.total_n", analysis::Role::count),
               col("total_pct", "binc.col.total_pct", analysis::Role::percent, 1),
               col("total_denom", "binc.col.total_denom", analysis::Role::denominator)};
  stats::CountTable ct;
  std::vector<size_t> ct_value;
  for (size_t v = 0; v < nv; ++v) {
    if (v >= f->spec->codes.size() && open[v] + closed[v] == 0) continue;
    t.rows.push_back({Value::str(f->values[v]), Value::of(open[v]), pct(open[v], to), Value::of(to),
                      Value::of(closed[v]), pct(closed[v], tc), Value::of(tc), Value::of(open[v] + closed[v]),
                      pct(open[v] + closed[v], to + tc), Value::of(to + tc)});
    if (open[v] + closed[v] > 0) {
      ct.push_back({open[v], closed[v]});
      ct_value.push_back(v);
    }
  }
  t.rows.push_back({label("binc.row.total"), Value::of(to), pct(to, to), Value::of(to), Value::of(tc), pct(tc, tc),
                    Value::of(tc), Value::of(to + tc), pct(to + tc, to + tc), Value::of(to + tc)});
  auto special = [&](const char* key, long o, long c) {
    if (o + c == 0) return;
    t.rows.push_back({label(key), Value::of(o), Value::na(), Value::na(), Value::of(c), Value::na(), Value::na(),
                      Value::of(o + c), Value::na(), Value::na()});
  };
  special("row.missing", miss_open, miss_closed);
  special("row.invalid", inv_open, inv_closed);
  r.tables.push_back(std::move(t));
  if (miss_open + miss_closed + inv_open + inv_closed > 0) r.notes.push_back(Text::key("binc.note.orgtype_missing_excluded"));
  r.notes.push_back(Text::key(cx.opt.orgtype_from_last_sofs ? "binc.note.orgtype_last_sofs" : "binc.note.orgtype_latest"));
  r.notes.push_back(Text::key("binc.note.status_rule"));

  if (ct.size() >= 2 && to > 0 && tc > 0) {
    const stats::ChiSquareResult chi = stats::chi_square(ct);
    r.tests.push_back(test_result(chi));
    Table res;
    res.id = "residuals";
    res.title = Text::key("binc.orgtype_by_status.residuals");
    res.columns = {col("category", "binc.col.orgtype", analysis::Role::category),
                   col("expected_open", "binc.col.expected_open", analysis::Role::statistic, 2),
                   col("expected_closed", "binc.col.expected_closed", analysis::Role::statistic, 2),
                   col("adjres_open", "binc.col.adjres_open", analysis::Role::statistic, 2),
                   col("adjres_closed", "binc.col.adjres_closed", analysis::Role::statistic, 2)};
    for (size_t i = 0; i < chi.kept_rows.size(); ++i) {
      const size_t v = ct_value[chi.kept_rows[i]];
      res.rows.push_back({Value::str(f->values[v]), Value::num(chi.expected[i][0]), Value::num(chi.expected[i][1]),
                          Value::num(chi.adjusted_residuals[i][0]), Value::num(chi.adjusted_residuals[i][1])});
    }
    r.tables.push_back(std::move(res));
    if (chi.info.has_warning("expected_lt5") || chi.info.has_warning("expected_lt1")) {
      r.notes.push_back(Text::key("binc.note.small_expected"));
      long n = to + tc;
      bool done = false;
      if (n <= 2000) {
        const stats::ExactResult fx = stats::fisher_exact(ct, 5e6);
        if (!std::isnan(fx.p_value)) {
          r.tests.push_back(test_result(fx));
          done = true;
        }
      }
      if (!done) {
        const stats::MonteCarloResult mc = stats::fisher_monte_carlo(ct, 2000);
        TestResult mt = test_result(mc.info);
        mt.statistic = mc.statistic;
        mt.p = mc.p_value;
        r.tests.push_back(mt);
      }
    }
  }
  return r;
}

Result module_frequency(const Context& cx) {
  Result r;
  r.id = "binc.module_frequency";
  r.title = Text::key("binc.module_frequency.title");
  r.unit = unit_text(Unit::kinderen);
  std::vector<long> n(5, 0);
  long modules = 0;
  for (uint32_t c : cx.selected) {
    const int k = cx.ch.n_sofs[c];
    n[size_t(std::min(k, 5) - 1)]++;
    modules += k;
  }
  r.tables.push_back(counts_table("frequency", "binc.module_frequency.table",
                                  {Value::str("1"), Value::str("2"), Value::str("3"), Value::str("4"), Value::str("≥5")},
                                  n));
  Table tot;
  tot.id = "totals";
  tot.title = Text::key("binc.module_frequency.totals");
  tot.columns = {col("item", "col.statistic", analysis::Role::category), col("n", "col.n", analysis::Role::count)};
  tot.rows = {{label("binc.row.children_with_sofs"), Value::of(long(cx.selected.size()))},
              {label("binc.row.sofs_modules"), Value::of(modules)},
              {label("binc.row.more_than_once"), Value::of(long(cx.selected.size()) - n[0])}};
  r.tables.push_back(std::move(tot));
  long without = 0;
  for (size_t c = 0; c < cx.ch.children(); ++c) without += cx.ch.n_sofs[c] == 0;
  if (without > 0) r.notes.push_back(Text::key("binc.note.children_without_sofs"));
  return r;
}

bool overlap(const Chains& ch, uint32_t a, uint32_t b) {
  return ch.start[a] <= ch.end[b] && ch.start[b] <= ch.end[a];
}

Result module_combination(const Context& cx) {
  Result r;
  r.id = "binc.module_combination";
  r.title = Text::key("binc.module_combination.title");
  r.unit = Text::key("binc.unit.sofs_modules");
  const Chains& ch = cx.ch;
  const core::MappedField* mt = cx.mods.field("module_type");
  long alone = 0, combined = 0;
  std::map<std::vector<int32_t>, long> combos;
  std::vector<long> with_type(mt ? mt->values.size() : 0, 0);
  std::vector<int32_t> set;
  for (uint32_t c : cx.selected) {
    const uint32_t b = ch.begin[c], e = ch.begin[c + 1];
    for (uint32_t i = b; i < e; ++i) {
      const uint32_t s = ch.order[i];
      if (!ch.sofs[s]) continue;
      set.clear();
      for (uint32_t j = b; j < e; ++j) {
        const uint32_t m = ch.order[j];
        if (ch.start[m] > ch.end[s]) break;  // chain order: later modules start even later
        if (ch.sofs[m] || !overlap(ch, m, s)) continue;
        if (std::find(set.begin(), set.end(), ch.type[m]) == set.end()) set.push_back(ch.type[m]);
      }
      if (set.empty()) {
        ++alone;
        continue;
      }
      ++combined;
      std::sort(set.begin(), set.end(), [&](int32_t x, int32_t y) {
        const std::string_view a = x < 0 ? std::string_view() : std::string_view(mt->values[size_t(x)]);
        const std::string_view bb = y < 0 ? std::string_view() : std::string_view(mt->values[size_t(y)]);
        return a < bb;
      });
      ++combos[set];
      for (int32_t t : set)
        if (t >= 0) ++with_type[size_t(t)];
    }
  }
  r.tables.push_back(counts_table("alone_combined", "binc.module_combination.table",
                                  {label("binc.row.alone"), label("binc.row.combined")}, {alone, combined}));
  std::vector<std::pair<std::string, long>> rows;
  for (const auto& kv : combos) {
    std::string name;
    for (int32_t t : kv.first) {
      if (!name.empty()) name += " + ";
      name += t < 0 ? std::string("?") : mt->values[size_t(t)];
    }
    rows.push_back({name, kv.second});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  Table t;
  t.id = "combinations";
  t.title = Text::key("binc.module_combination.combinations");
  t.columns = {col("category", "binc.col.combined_with", analysis::Role::category),
               col("n", "col.n", analysis::Role::count),
               col("pct_sofs", "binc.col.pct_sofs_modules", analysis::Role::percent, 2),
               col("denom_sofs", "binc.col.denom_sofs_modules", analysis::Role::denominator),
               col("pct_combined", "binc.col.pct_combined", analysis::Role::percent, 1),
               col("denom_combined", "binc.col.denom_combined", analysis::Role::denominator)};
  const long total = alone + combined;
  for (const auto& row : rows)
    t.rows.push_back({Value::str(row.first), Value::of(row.second), pct(row.second, total), Value::of(total),
                      pct(row.second, combined), Value::of(combined)});
  r.tables.push_back(std::move(t));
  Table wt;
  wt.id = "with_type";
  wt.title = Text::key("binc.module_combination.with_type");
  wt.columns = {col("category", "binc.col.module_type", analysis::Role::category),
                col("n", "col.n", analysis::Role::count),
                col("pct_sofs", "binc.col.pct_sofs_modules", analysis::Role::percent, 2),
                col("denom_sofs", "binc.col.denom_sofs_modules", analysis::Role::denominator)};
  for (size_t v = 0; v < with_type.size(); ++v)
    if (with_type[v] > 0)
      wt.rows.push_back({Value::str(mt->values[v]), Value::of(with_type[v]), pct(with_type[v], total), Value::of(total)});
  r.tables.push_back(std::move(wt));
  r.notes.push_back(Text::key("binc.note.combined_rule"));
  return r;
}

Result module_rank(const Context& cx) {
  Result r;
  r.id = "binc.module_rank";
  r.title = Text::key("binc.module_rank.title");
  r.unit = Text::key("binc.unit.sofs_modules");
  const core::MappedField* fs = cx.mods.field("schakeling");
  const bool has = fs && fs->mapped();
  std::vector<long> n(5, 0);
  long from_position = 0;
  for (uint32_t c : cx.selected)
    for (uint32_t i = cx.ch.begin[c]; i < cx.ch.begin[c + 1]; ++i) {
      const uint32_t m = cx.ch.order[i];
      if (!cx.ch.sofs[m]) continue;
      int32_t rank;
      if (has && fs->kind[m] == CellKind::Value) {
        rank = fs->value[m];
      } else {
        rank = cx.ch.position[m];
        ++from_position;
      }
      n[rank <= 1 ? 0 : rank == 2 ? 1 : rank == 3 ? 2 : rank <= 9 ? 3 : 4]++;
    }
  r.tables.push_back(counts_table("rank", "binc.module_rank.table",
                                  {label("binc.rank.1"), label("binc.rank.2"), label("binc.rank.3"),
                                   label("binc.rank.4_9"), label("binc.rank.10plus")},
                                  n));
  r.notes.push_back(Text::key(has ? "binc.note.rank_registered" : "binc.note.rank_position"));
  if (has && from_position > 0) r.notes.push_back(Text::key("binc.note.rank_some_position"));
  return r;
}

Result pre_post(const Context& cx) {
  Result r;
  r.id = "binc.pre_post";
  // Natural unit: schakelingen (Table 8); kinderen only when chosen.
  Unit u = cx.opt.unit_chosen && cx.opt.unit == Unit::kinderen ? Unit::kinderen : Unit::schakelingen;
  if (cx.opt.unit_chosen && cx.opt.unit != Unit::kinderen && cx.opt.unit != Unit::schakelingen)
    r.notes.push_back(Text::key("binc.note.pre_post_unit_links"));
  r.title = Text::key(std::string("binc.pre_post.title.") + unit_id(u));
  r.unit = unit_text(u);
  const Chains& ch = cx.ch;
  const size_t K = ch.clusters.size();
  std::vector<long> pre_links(K, 0), post_links(K, 0), pre_kids(K, 0), post_kids(K, 0);
  long with_pre = 0, with_post = 0, only_sofs = 0, sofs_first = 0, sofs_last = 0;
  std::vector<uint8_t> seen_pre(K), seen_post(K);
  for (uint32_t c : cx.selected) {
    std::fill(seen_pre.begin(), seen_pre.end(), 0);
    std::fill(seen_post.begin(), seen_post.end(), 0);
    bool any_pre = false, any_post = false, any_comb = false;
    for (uint32_t i = ch.begin[c]; i < ch.begin[c + 1]; ++i) {
      const uint32_t m = ch.order[i];
      const Role role = Role(ch.role[m]);
      const size_t k = size_t(ch.cluster_of_row(m));
      if (role == Role::voortraject) {
        ++pre_links[k];
        seen_pre[k] = 1;
        any_pre = true;
      } else if (role == Role::natraject) {
        ++post_links[k];
        seen_post[k] = 1;
        any_post = true;
      } else if (role == Role::combined || role == Role::sofs_parallel) {
        any_comb = true;
      }
    }
    for (size_t k = 0; k < K; ++k) pre_kids[k] += seen_pre[k], post_kids[k] += seen_post[k];
    with_pre += any_pre;
    with_post += any_post;
    only_sofs += !any_pre && !any_post && !any_comb && ch.n_sofs[c] == 1;
    sofs_first += ch.sofs[ch.order[ch.begin[c]]] != 0;
    sofs_last += ch.sofs[ch.order[ch.begin[c + 1] - 1]] != 0;
  }
  long pre_total = 0, post_total = 0;
  for (size_t k = 0; k < K; ++k) pre_total += pre_links[k], post_total += post_links[k];

  auto make = [&](const std::string& id, bool links) {
    Table t;
    t.id = id;
    t.title = Text::key(links ? "binc.pre_post.table.schakelingen" : "binc.pre_post.table.kinderen");
    t.columns = {col("category", "binc.col.cluster", analysis::Role::category),
                 col("pre_n", "binc.col.pre_n", analysis::Role::count),
                 col("pre_pct", "binc.col.pre_pct", analysis::Role::percent, 1),
                 col("pre_denom", links ? "binc.col.pre_denom_links" : "binc.col.pre_denom_children",
                     analysis::Role::denominator),
                 col("post_n", "binc.col.post_n", analysis::Role::count),
                 col("post_pct", "binc.col.post_pct", analysis::Role::percent, 1),
                 col("post_denom", links ? "binc.col.post_denom_links" : "binc.col.post_denom_children",
                     analysis::Role::denominator)};
    const std::vector<long>& a = links ? pre_links : pre_kids;
    const std::vector<long>& b = links ? post_links : post_kids;
    const long da = links ? pre_total : with_pre, db = links ? post_total : with_post;
    for (size_t k = 0; k < K; ++k) {
      Value name = k + 1 == K ? Value::label(Text{ch.clusters[k], ch.clusters[k] == "Overige" ? "Other" : ch.clusters[k]})
                              : Value::str(ch.clusters[k]);
      t.rows.push_back({name, Value::of(a[k]), pct(a[k], da), Value::of(da), Value::of(b[k]), pct(b[k], db),
                        Value::of(db)});
    }
    if (links)
      t.rows.push_back({label("binc.row.total"), Value::of(pre_total), pct(pre_total, pre_total), Value::of(pre_total),
                        Value::of(post_total), pct(post_total, post_total), Value::of(post_total)});
    return t;
  };
  r.tables.push_back(make("clusters", u == Unit::schakelingen));
  if (u != Unit::schakelingen) r.notes.push_back(Text::key("binc.note.pre_post_table8_links"));

  const long n = long(cx.selected.size());
  Table s;
  s.id = "chains";
  s.title = Text::key("binc.pre_post.chains");
  s.columns = {col("category", "col.statistic", analysis::Role::category), col("n", "col.n", analysis::Role::count),
               col("pct", "binc.col.pct_children", analysis::Role::percent, 1),
               col("denom", "binc.col.denom_children", analysis::Role::denominator)};
  auto row = [&](const char* key, long v) { s.rows.push_back({label(key), Value::of(v), pct(v, n), Value::of(n)}); };
  row("binc.row.children_with_pre", with_pre);
  row("binc.row.children_with_post", with_post);
  row("binc.row.only_sofs", only_sofs);
  row("binc.row.sofs_first", sofs_first);
  row("binc.row.sofs_last", sofs_last);
  r.tables.push_back(std::move(s));
  r.notes.push_back(Text::key("binc.note.pre_post_rule"));
  r.notes.push_back(Text::key(cx.opt.clusters.empty() ? "binc.note.clusters_default" : "binc.note.clusters_custom"));
  return r;
}

Result transitions(const Context& cx) {
  Result r;
  r.id = "binc.transitions";
  r.title = Text::key("binc.transitions.title");
  r.unit = unit_text(Unit::kinderen);
  const Chains& ch = cx.ch;
  const size_t K = ch.clusters.size();
  const size_t none = K;  // index for "no voortraject" / "no natraject"
  std::vector<long> paths((K + 1) * (K + 1), 0);
  for (uint32_t c : cx.selected) {
    size_t pre = none, post = none;
    for (uint32_t i = ch.begin[c]; i < ch.begin[c + 1]; ++i) {
      const uint32_t m = ch.order[i];
      const Role role = Role(ch.role[m]);
      if (role == Role::voortraject) pre = size_t(ch.cluster_of_row(m));  // the latest before the last SofS module
      else if (role == Role::natraject && post == none) post = size_t(ch.cluster_of_row(m));
    }
    ++paths[pre * (K + 1) + post];
  }
  auto node = [&](size_t k, bool before) {
    if (k == none) return label(before ? "binc.row.no_pre" : "binc.row.no_post");
    return Value::str(ch.clusters[k]);
  };
  Table t;
  t.id = "paths";
  t.title = Text::key("binc.transitions.paths");
  t.columns = {col("pre", "binc.col.pre_cluster", analysis::Role::category),
               col("sofs", "binc.col.sofs_module", analysis::Role::category),
               col("post", "binc.col.post_cluster", analysis::Role::category),
               col("n", "col.n", analysis::Role::count),
               col("pct", "binc.col.pct_children", analysis::Role::percent, 1),
               col("denom", "binc.col.denom_children", analysis::Role::denominator)};
  const long n = long(cx.selected.size());
  std::vector<std::pair<size_t, long>> kept;
  long merged = 0, merged_paths = 0;
  for (size_t p = 0; p < paths.size(); ++p) {
    if (paths[p] == 0) continue;
    if (paths[p] < cx.opt.min_path) {
      merged += paths[p];
      ++merged_paths;
    } else {
      kept.push_back({p, paths[p]});
    }
  }
  std::stable_sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  // Sankey links: pre node → SofS, SofS → post node.
  std::map<std::pair<int, int>, long> links;  // (side*1000 + node) pairs
  for (const auto& kv : kept) {
    const size_t pre = kv.first / (K + 1), post = kv.first % (K + 1);
    t.rows.push_back({node(pre, true), Value::str(cx.opt.sofs_module_type), node(post, false), Value::of(kv.second),
                      pct(kv.second, n), Value::of(n)});
  }
  if (merged > 0)
    t.rows.push_back({label("binc.row.other_paths"), Value::str(cx.opt.sofs_module_type), label("binc.row.other_paths"),
                      Value::of(merged), pct(merged, n), Value::of(n)});
  r.tables.push_back(std::move(t));

  Table l;
  l.id = "links";
  l.title = Text::key("binc.transitions.links");
  l.columns = {col("source", "binc.col.source", analysis::Role::category),
               col("target", "binc.col.target", analysis::Role::category),
               col("n", "col.n", analysis::Role::count)};
  std::vector<long> in(K + 2, 0), out(K + 2, 0);  // K + 1 = merged paths
  for (const auto& kv : kept) {
    in[kv.first / (K + 1)] += kv.second;
    out[kv.first % (K + 1)] += kv.second;
  }
  in[K + 1] = out[K + 1] = merged;
  auto endpoint = [&](size_t k, bool before) {
    return k == K + 1 ? label("binc.row.other_paths") : node(k, before);
  };
  for (size_t k = 0; k < K + 2; ++k)
    if (in[k] > 0) l.rows.push_back({endpoint(k, true), Value::str(cx.opt.sofs_module_type), Value::of(in[k])});
  for (size_t k = 0; k < K + 2; ++k)
    if (out[k] > 0) l.rows.push_back({Value::str(cx.opt.sofs_module_type), endpoint(k, false), Value::of(out[k])});
  r.tables.push_back(std::move(l));
  if (merged_paths > 0) r.notes.push_back(Text::key("binc.note.paths_merged"));
  r.notes.push_back(Text::key("binc.note.transitions_rule"));
  return r;
}

Result durations(const Context& cx) {
  Result r;
  r.id = "binc.durations";
  r.title = Text::key("binc.durations.title");
  r.unit = unit_text(Unit::modules);
  const Chains& ch = cx.ch;
  const size_t K = ch.clusters.size();
  // Group 0 = the SofS module; then the clusters of the other module types.
  std::vector<std::vector<double>> time(K + 1);
  std::vector<std::vector<bool>> event(K + 1);
  long excluded = 0;
  const core::MappedField* fe = cx.mods.field("einde");
  for (uint32_t c : cx.selected)
    for (uint32_t i = ch.begin[c]; i < ch.begin[c + 1]; ++i) {
      const uint32_t m = ch.order[i];
      const bool closed = ch.end[m] != kOpen;
      if (!closed && fe && fe->mapped() && fe->kind[m] == CellKind::Invalid) {
        ++excluded;
        continue;
      }
      const int32_t stop = closed ? ch.end[m] : ch.as_of;
      if (stop < ch.start[m]) {
        ++excluded;
        continue;
      }
      const size_t g = ch.sofs[m] ? 0 : size_t(ch.cluster_of_row(m)) + 1;
      time[g].push_back(core::exact_months(ch.start[m], stop));
      event[g].push_back(closed);
    }
  auto group_label = [&](size_t g) {
    return g == 0 ? Value::str(cx.opt.sofs_module_type) : Value::str(ch.clusters[g - 1]);
  };
  Table s;
  s.id = "summary";
  s.title = Text::key("binc.durations.summary");
  s.columns = {col("group", "binc.col.module_group", analysis::Role::category),
               col("n", "col.n", analysis::Role::count),
               col("events", "binc.col.closed_modules", analysis::Role::count),
               col("censored", "binc.col.open_modules", analysis::Role::count),
               col("median", "binc.col.km_median", analysis::Role::statistic, 1),
               col("median_lower", "binc.col.km_median_lower", analysis::Role::lower, 1),
               col("median_upper", "binc.col.km_median_upper", analysis::Role::upper, 1)};
  Table km;
  km.id = "km";
  km.title = Text::key("binc.durations.km");
  km.columns = {col("group", "binc.col.module_group", analysis::Role::category),
                col("time", "binc.col.time_months", analysis::Role::statistic, 2),
                col("n_risk", "binc.col.n_risk", analysis::Role::count),
                col("n_event", "binc.col.n_event", analysis::Role::count),
                col("n_censor", "binc.col.n_censor", analysis::Role::count),
                col("survival", "binc.col.survival", analysis::Role::statistic, 3),
                col("lower", "binc.col.lower95", analysis::Role::lower, 3),
                col("upper", "binc.col.upper95", analysis::Role::upper, 3)};
  std::vector<double> all_t;
  std::vector<bool> all_e;
  std::vector<int> all_g;
  for (size_t g = 0; g <= K; ++g) {
    if (time[g].empty()) continue;
    const stats::KaplanMeierResult fit = stats::kaplan_meier(time[g], event[g]);
    s.rows.push_back({group_label(g), Value::of(long(time[g].size())), Value::of(fit.events),
                      Value::of(long(time[g].size()) - fit.events), Value::num(fit.median_log.median),
                      Value::num(fit.median_log.lower), Value::num(fit.median_log.upper)});
    for (const auto& row : fit.rows)
      km.rows.push_back({group_label(g), Value::num(row.time), Value::of(row.n_risk), Value::of(row.n_event),
                         Value::of(row.n_censor), Value::num(row.surv), Value::num(row.lower), Value::num(row.upper)});
    all_t.insert(all_t.end(), time[g].begin(), time[g].end());
    all_e.insert(all_e.end(), event[g].begin(), event[g].end());
    all_g.insert(all_g.end(), time[g].size(), int(g));
  }
  r.tables.push_back(std::move(s));
  r.tables.push_back(std::move(km));
  size_t groups = 0;
  for (size_t g = 0; g <= K; ++g) groups += !time[g].empty();
  if (groups >= 2) {
    const stats::LogRankResult lr = stats::log_rank(all_t, all_e, all_g);
    TestResult t = test_result(lr.info);
    t.df = lr.df;
    t.statistic = lr.statistic;
    t.statistic_name = "Chisq";
    t.p = lr.p_value;
    r.tests.push_back(t);
  }
  r.notes.push_back(Text::key("binc.note.durations_rule"));
  if (excluded > 0) r.notes.push_back(Text::key("binc.note.durations_excluded"));
  return r;
}

Result quality(Context& cx) {
  Result r;
  r.id = "binc.quality";
  r.title = Text::key("binc.quality.title");
  r.unit = Text::key("binc.unit.findings");
  const Chains& ch = cx.ch;
  const core::MappedDataset& ds = cx.mods;
  const core::MappedField* mt = ds.field("module_type");
  const core::MappedField* fs = ds.field("start");
  const core::MappedField* fe = ds.field("einde");
  const core::MappedField* fsch = ds.field("schakeling");
  const core::MappedField* fmid = ds.field("module_id");
  Quality& q = cx.q;
  q.rules.reserve(32);  // references to rules are held below
  // Fixed rule order.
  q.rule("overlapping_modules", Unit::modules);
  q.rule("overlapping_sofs_modules", Unit::modules);
  q.rule("end_before_start", Unit::modules);
  q.rule("unknown_module_type", Unit::modules);
  q.rule("missing_module_type", Unit::modules);
  q.rule("unclustered_module_type", Unit::modules);
  q.rule("schakeling_mismatch", Unit::modules);
  q.rule("duplicate_module_id", Unit::modules);
  q.rule("children_without_sofs", Unit::kinderen);
  q.rule("start_after_as_of", Unit::modules).n = ch.after_as_of;
  for (uint32_t m : ch.after_as_of_rows)
    q.flag(ds.file, ds.row_number(m), fs->column_name, ds.text(*fs, m), "start_after_as_of");
  if (ch.after_as_of > long(ch.after_as_of_rows.size())) q.truncated = true;
  q.rule("repeat_counts_vs_module_total", Unit::modules);
  if (cx.clients) {
    q.rule("clients_without_modules", Unit::kinderen, "binc.unit.client_rows").n = cx.clients_without_modules;
    q.rule("children_without_client_row", Unit::kinderen).n = cx.children_without_client;
  }
  q.rule("conflicting_characteristics", Unit::kinderen).n = cx.conflicts;

  std::vector<uint32_t> mid_count;
  const core::Column* midcol = fmid && fmid->mapped() ? &ds.table->columns[size_t(fmid->column)] : nullptr;
  if (midcol && !midcol->codes.empty()) {
    mid_count.assign(midcol->dict.size(), 0);
    for (size_t r0 = 0; r0 < ds.rows(); ++r0)
      if (ds.used[r0] && midcol->state[r0] == core::CellState::Value) ++mid_count[midcol->codes[r0]];
  }
  const std::string file = ds.file;
  long sofs_rows = 0, freq_sum = 0;
  // References first: the rule list does not grow inside the loop.
  Quality::Rule& r_overlap = q.rule("overlapping_modules", Unit::modules);
  Quality::Rule& r_overlap_sofs = q.rule("overlapping_sofs_modules", Unit::modules);
  Quality::Rule& r_end = q.rule("end_before_start", Unit::modules);
  Quality::Rule& r_unknown = q.rule("unknown_module_type", Unit::modules);
  Quality::Rule& r_missing = q.rule("missing_module_type", Unit::modules);
  Quality::Rule& r_unclustered = q.rule("unclustered_module_type", Unit::modules);
  Quality::Rule& r_schak = q.rule("schakeling_mismatch", Unit::modules);
  Quality::Rule& r_dup = q.rule("duplicate_module_id", Unit::modules);
  Quality::Rule& r_nosofs = q.rule("children_without_sofs", Unit::kinderen);
  const core::MappedField* fkid = ds.field("kind_id");
  const bool has_type = mt && mt->mapped(), has_end = fe && fe->mapped(), has_sch = fsch && fsch->mapped();
  for (size_t c = 0; c < ch.children(); ++c) {
    if (ch.n_sofs[c] == 0) {
      const uint32_t r0 = ch.order[ch.begin[c]];
      q.flag_if(r_nosofs, file, ds.row_number(r0), fkid->column_name, [&] { return std::string(ch.child_id(c)); });
    }
    int32_t max_end = INT32_MIN;
    for (uint32_t i = ch.begin[c]; i < ch.begin[c + 1]; ++i) {
      const uint32_t m = ch.order[i];
      if (ch.sofs[m]) ++sofs_rows;
      if (i > ch.begin[c] && ch.start[m] <= max_end)
        q.flag_if(r_overlap, file, ds.row_number(m), fs->column_name, [&] { return ds.text(*fs, m); });
      max_end = std::max(max_end, ch.end[m]);
      if (Role(ch.role[m]) == Role::sofs_parallel)
        q.flag_if(r_overlap_sofs, file, ds.row_number(m), fs->column_name, [&] { return ds.text(*fs, m); });
      if (has_end && fe->kind[m] == CellKind::Value && fe->value[m] < ch.start[m])
        q.flag_if(r_end, file, ds.row_number(m), fe->column_name, [&] { return ds.text(*fe, m); });
      if (has_type) {
        if (mt->kind[m] != CellKind::Value)
          q.flag_if(r_missing, file, ds.row_number(m), mt->column_name, [&] { return ds.text(*mt, m); });
        else if (size_t(mt->value[m]) >= mt->spec->codes.size())
          q.flag_if(r_unknown, file, ds.row_number(m), mt->column_name, [&] { return mt->values[size_t(mt->value[m])]; });
        if (!ch.sofs[m] && ch.cluster_of_row(m) == ch.other_cluster) ++r_unclustered.n;
      }
      if (has_sch && fsch->kind[m] == CellKind::Value && fsch->value[m] != ch.position[m])
        q.flag_if(r_schak, file, ds.row_number(m), fsch->column_name, [&] { return ds.text(*fsch, m); });
      if (!mid_count.empty() && midcol->state[m] == core::CellState::Value && mid_count[midcol->codes[m]] > 1)
        q.flag_if(r_dup, file, ds.row_number(m), fmid->column_name, [&] { return std::string(midcol->str(m)); });
    }
  }
  for (uint32_t c : cx.selected) freq_sum += ch.n_sofs[c];
  long sel_rows = 0;
  for (uint32_t c : cx.selected)
    for (uint32_t i = ch.begin[c]; i < ch.begin[c + 1]; ++i) sel_rows += ch.sofs[ch.order[i]];
  q.rule("repeat_counts_vs_module_total", Unit::modules).n = std::labs(freq_sum - sel_rows);

  Table t;
  t.id = "rules";
  t.title = Text::key("binc.quality.rules");
  t.columns = {col("category", "binc.col.rule", analysis::Role::category),
               col("rule", "binc.col.rule_id", analysis::Role::category),
               col("n", "col.n", analysis::Role::count),
               col("unit", "binc.col.unit", analysis::Role::category)};
  for (const auto& rule : q.rules)
    t.rows.push_back({label("binc.rule." + rule.id), Value::str(rule.id), Value::of(rule.n),
                      Value::label(rule.unit_key.empty() ? unit_text(rule.unit) : Text::key(rule.unit_key))});
  // The validation of the mapped files (core/validation.h), per rule.
  for (const core::MappedDataset* d : {&cx.mods, cx.clients}) {
    if (!d) continue;
    for (const auto& kv : d->validation.flags_by_rule) {
      if (kv.first == "end_before_start" && d == &cx.mods) continue;  // counted above, per module
      t.rows.push_back({Value::label(Text{"validatie: " + kv.first + " (" + d->file + ")",
                                          "validation: " + kv.first + " (" + d->file + ")"}),
                        Value::str("validation." + kv.first), Value::of(long(kv.second)),
                        label("binc.unit.cells")});
      size_t k = 0;
      for (const auto& f : d->validation.flags)
        if (f.rule == kv.first && k++ < kMaxFlagsPerRule) q.flags.push_back(Flag{f.file, f.row, f.column, f.value, f.rule});
      if (kv.second > int64_t(kMaxFlagsPerRule)) q.truncated = true;
    }
  }
  r.tables.push_back(std::move(t));

  Table tot;
  tot.id = "totals";
  tot.title = Text::key("binc.quality.totals");
  tot.columns = {col("item", "col.statistic", analysis::Role::category), col("n", "col.n", analysis::Role::count)};
  tot.rows = {{label("binc.row.module_rows"), Value::of(long(ds.validation.rows_used))},
              {label("binc.row.children"), Value::of(long(ch.children()))},
              {label("binc.row.children_with_sofs"), Value::of(long(cx.selected.size()))},
              {label("binc.row.sofs_module_rows"), Value::of(sel_rows)},
              {label("binc.row.sofs_by_frequency"), Value::of(freq_sum)},
              {label("binc.row.all_sofs_module_rows"), Value::of(sofs_rows)}};
  r.tables.push_back(std::move(tot));
  r.flags = q.flags;
  if (q.truncated) r.notes.push_back(Text::key("binc.note.flags_truncated"));
  r.notes.push_back(Text::key("binc.note.quality_overlap"));
  return r;
}

}  // namespace

std::vector<Result> results(const core::MappedDataset& modules, const core::MappedDataset* clients,
                            const Options& options) {
  Context cx(modules, clients, options);
  load_characteristics(cx);
  std::vector<Result> out;
  out.push_back(profile(cx));
  out.push_back(orgtype_by_status(cx));
  out.push_back(module_frequency(cx));
  out.push_back(module_combination(cx));
  out.push_back(module_rank(cx));
  out.push_back(pre_post(cx));
  out.push_back(transitions(cx));
  out.push_back(durations(cx));
  out.push_back(quality(cx));
  add_views(out, options);
  return out;
}

bool analyse(const std::vector<Input>& inputs, bool has_clients, const Settings& settings, ResultSet& out,
             std::string& error) {
  if (inputs.empty() || (has_clients && inputs.size() < 2)) {
    error = "binc: a module file is needed (and the client file with --clients)";
    return false;
  }
  const core::Schema* schema = core::find_schema("binc");
  if (!schema) {
    error = "binc: the profile schema is missing";
    return false;
  }
  core::ProfileSettings ps;
  if (!profile_settings(settings, "binc", ps, error)) return false;
  const core::MappedDataset mods = core::map_file(*inputs[0].data, *schema, ps, "modules");
  if (!mods.mapping.ok()) {
    error = core::unmatched_message(*schema, mods.mapping, inputs[0].name);
    return false;
  }
  core::ProfileSettings cps = ps;
  cps.as_of = mods.as_of;  // one "now" for both files
  std::optional<core::MappedDataset> clients;
  if (has_clients) {
    clients = core::map_file(*inputs[1].data, *schema, cps, "clients");
    if (!clients->mapping.ok()) {
      error = core::unmatched_message(*schema, clients->mapping, inputs[1].name);
      return false;
    }
  }
  const Options options = Options::from_werkmap(settings.werkmap);
  std::vector<const core::MappedDataset*> mapped{&mods};
  if (clients) mapped.push_back(&*clients);
  out.provenance = make_provenance(inputs, mapped, settings);
  out.provenance.profile = "binc";
  out.results = results(mods, clients ? &*clients : nullptr, options);
  return true;
}

}  // namespace zicht::analysis::binc
