// The Binc data-quality result: the chain rules per module and child, and the validation of the mapped files, each
// with its count and the first flags.
#include <algorithm>
#include <climits>
#include <cstdlib>
#include <string>
#include <vector>

#include "analysis/binc/context.h"

namespace zicht::analysis::binc::detail {

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

}  // namespace zicht::analysis::binc::detail
