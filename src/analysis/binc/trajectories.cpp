// The Binc results on the chain around the SofS module: pre- and post-trajectories per cluster (Table 8), the
// paths through the SofS module (Sankey) and the module durations (Kaplan–Meier per module group, log-rank test).
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "analysis/binc/context.h"
#include "analysis/test_result.h"
#include "core/table.h"
#include "stats/survival.h"

namespace zicht::analysis::binc::detail {

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

}  // namespace zicht::analysis::binc::detail
