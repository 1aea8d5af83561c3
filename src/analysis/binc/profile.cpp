// The Binc profile (Table 5): the characteristics per child from the client file (joined on kind_id) or the module
// file, counted per child, per child × support year or per family.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/binc/context.h"
#include "analysis/tables.h"
#include "core/table.h"
#include "stats/descriptives.h"

namespace zicht::analysis::binc::detail {
namespace {

bool is_characteristic(const core::FieldSpec& f) {
  if (!f.in_kind("clients")) return false;
  return f.id != "kind_id" && f.id != "gezin_id" && f.id != "organisatie" && f.id != "begeleidingsjaar" &&
         (f.type == core::FieldType::Code || f.type == core::FieldType::Integer);
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
        const std::string_view v = cell_view(cx.mods, *gm, r0, scratch);
        fam.assign(v.data(), v.size());
      } else if (gc && gc->mapped() && !cx.client_row.empty() && cx.client_row[c] >= 0 &&
                 gc->kind[size_t(cx.client_row[c])] == CellKind::Value) {
        const std::string_view v = cell_view(*cx.clients, *gc, size_t(cx.client_row[c]), scratch);
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

}  // namespace

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
      const std::string_view id = cell_view(*cx.clients, *cid, r, scratch);
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

}  // namespace zicht::analysis::binc::detail
