// The Binc results on the SofS modules themselves: organisation type by dossier status (with its chi-square test),
// how often a child had a SofS module, what it was combined with, and its rank in the child's chain.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "analysis/binc/context.h"
#include "analysis/test_result.h"
#include "stats/contingency.h"

namespace zicht::analysis::binc::detail {
namespace {

bool overlap(const Chains& ch, uint32_t a, uint32_t b) {
  return ch.start[a] <= ch.end[b] && ch.start[b] <= ch.end[a];
}

}  // namespace

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

}  // namespace zicht::analysis::binc::detail
