// The implementation self-assessment (scores 1–10 by professionals): per item the distribution and the diversity
// ranking (IQR, then SD: the questions that split a team most come first), the four domains with psych::alpha, the
// domains by function (Kruskal–Wallis) and the change between waves.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "analysis/kerndataset/model.h"
#include "stats/descriptives.h"
#include "stats/k_groups.h"
#include "stats/paired.h"
#include "stats/reliability.h"
#include "stats/two_group.h"

namespace zicht::analysis::kerndataset::detail {

namespace {

const char* const kDomains[5] = {"Leren", "Leiderschap", "Organisatorische afstemming", "Zinvol meten en monitoren",
                                 "Finale reflectie"};
const char* const kDomainKeys[5] = {"kerndataset.domain.learning", "kerndataset.domain.leadership",
                                    "kerndataset.domain.alignment", "kerndataset.domain.measuring",
                                    "kerndataset.domain.final"};
// Items i1a…i4c belong to domains 0–3 by their digit; finale and volledig to the final reflection.
int domain_of(const std::string& id) { return id.size() == 3 && id[0] == 'i' && id[1] >= '1' && id[1] <= '4' ? id[1] - '1' : 4; }

}  // namespace

Result self_result(const Model& m) {
  Result r = make_result("kerndataset.self_assessment", "kerndataset.result.self_assessment", "kerndataset.unit.respondents");
  if (!m.have_self) {
    needs(r, "zelfevaluatie");
    return r;
  }
  const size_t ni = m.self_items.size();
  Table t = make_table("items", "kerndataset.table.self_items");
  t.columns = {col("item", "kerndataset.col.item", Role::category), col("domain", "kerndataset.col.domain", Role::category),
               col("label", "kerndataset.col.statement", Role::category), col("n", "kerndataset.col.n", Role::count, 0),
               col("median", "kerndataset.col.median", Role::statistic, 1), col("q1", "kerndataset.col.q1", Role::statistic, 2),
               col("q3", "kerndataset.col.q3", Role::statistic, 2), col("iqr", "kerndataset.col.iqr", Role::statistic, 2),
               col("mean", "kerndataset.col.mean", Role::statistic, 2), col("sd", "kerndataset.col.sd", Role::statistic, 2),
               col("rank", "kerndataset.col.diversity_rank", Role::statistic, 0)};
  for (int s = 1; s <= 10; ++s) t.columns.push_back(Column{"h" + std::to_string(s), Text::same(std::to_string(s)), Role::count, 0});
  std::vector<stats::Descriptives> desc(ni);
  std::vector<std::vector<long>> hist(ni, std::vector<long>(10, 0));
  for (size_t i = 0; i < ni; ++i) {
    std::vector<double> v;
    for (const auto& s : m.self) {
      v.push_back(s.item[i]);
      if (std::isfinite(s.item[i])) ++hist[i][size_t(s.item[i]) - 1];
    }
    desc[i] = stats::describe(v);
  }
  // Diversity ranking: largest IQR first, then largest SD; items without answers last.
  std::vector<size_t> order(ni);
  std::iota(order.begin(), order.end(), 0);
  auto key = [](double x) { return std::isfinite(x) ? x : -1.0; };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (key(desc[a].iqr) != key(desc[b].iqr)) return key(desc[a].iqr) > key(desc[b].iqr);
    return key(desc[a].sd) > key(desc[b].sd);
  });
  for (size_t k = 0; k < ni; ++k) {
    const size_t i = order[k];
    std::vector<Value> row{Value::str(m.self_items[i]), L(kDomainKeys[domain_of(m.self_items[i])]),
                           Value::label(m.self_labels[i]), Value::of(desc[i].info.n), num_or_na(desc[i].median),
                           num_or_na(desc[i].q1), num_or_na(desc[i].q3), num_or_na(desc[i].iqr), num_or_na(desc[i].mean),
                           num_or_na(desc[i].sd), Value::of(long(k + 1))};
    for (long h : hist[i]) row.push_back(Value::of(h));
    t.rows.push_back(std::move(row));
  }
  r.tables.push_back(std::move(t));
  // Domains: a respondent's domain mean over the answered items; alpha of each domain's items.
  Table d = make_table("domains", "kerndataset.table.self_domains");
  d.columns = {col("domain", "kerndataset.col.domain", Role::category), col("items", "kerndataset.col.items", Role::count, 0),
               col("n", "kerndataset.col.n", Role::count, 0), col("mean", "kerndataset.col.mean", Role::statistic, 2),
               col("sd", "kerndataset.col.sd", Role::statistic, 2), col("median", "kerndataset.col.median", Role::statistic, 2),
               col("raw_alpha", "kerndataset.col.raw_alpha", Role::statistic, 3),
               col("std_alpha", "kerndataset.col.std_alpha", Role::statistic, 3)};
  Table f = make_table("by_function", "kerndataset.table.self_by_function");
  f.columns = {col("domain", "kerndataset.col.domain", Role::category), col("function", "kerndataset.col.function", Role::category),
               col("n", "kerndataset.col.n", Role::count, 0), col("mean", "kerndataset.col.mean", Role::statistic, 2),
               col("median", "kerndataset.col.median", Role::statistic, 2)};
  Table kw = make_table("kruskal", "kerndataset.table.self_kruskal");
  kw.columns = {col("domain", "kerndataset.col.domain", Role::category), col("n", "kerndataset.col.n", Role::count, 0),
                col("chi2", "kerndataset.col.chi2", Role::statistic, 2), col("df", "kerndataset.col.df", Role::statistic, 0),
                col("p", "kerndataset.col.p", Role::statistic, 4)};
  std::vector<std::string> functions;
  for (const auto& s : m.self)
    if (!s.function.empty() && std::find(functions.begin(), functions.end(), s.function) == functions.end())
      functions.push_back(s.function);
  if (const core::Schema* sc = core::find_schema("kerndataset"))
    if (const core::FieldSpec* fs = sc->field("functie")) {
      std::vector<std::string> ordered;
      for (const auto& c : fs->codes)
        if (std::find(functions.begin(), functions.end(), c.code) != functions.end()) ordered.push_back(c.code);
      for (const auto& x : functions)
        if (std::find(ordered.begin(), ordered.end(), x) == ordered.end()) ordered.push_back(x);
      functions = ordered;
    }
  for (int dm = 0; dm < 4; ++dm) {
    std::vector<size_t> idx;
    for (size_t i = 0; i < ni; ++i)
      if (domain_of(m.self_items[i]) == dm) idx.push_back(i);
    std::vector<double> means;
    std::vector<std::vector<double>> items(idx.size());
    for (const auto& s : m.self) {
      double sum = 0;
      int n = 0;
      for (size_t k = 0; k < idx.size(); ++k) {
        items[k].push_back(s.item[idx[k]]);
        if (std::isfinite(s.item[idx[k]])) sum += s.item[idx[k]], ++n;
      }
      means.push_back(n ? sum / n : NAN);
    }
    const stats::Descriptives ds = stats::describe(means);
    const stats::AlphaResult a = stats::cronbach_alpha(items);
    d.rows.push_back({L(kDomainKeys[dm]), Value::of(long(idx.size())), Value::of(ds.info.n), num_or_na(ds.mean),
                      num_or_na(ds.sd), num_or_na(ds.median), num_or_na(a.raw_alpha), num_or_na(a.std_alpha)});
    std::vector<std::vector<double>> groups;
    long total = 0;
    for (const auto& fn : functions) {
      std::vector<double> g;
      for (size_t s = 0; s < m.self.size(); ++s)
        if (m.self[s].function == fn && std::isfinite(means[s])) g.push_back(means[s]);
      const stats::Descriptives gd = stats::describe(g);
      f.rows.push_back({L(kDomainKeys[dm]), Value::str(fn), Value::of(long(g.size())), num_or_na(gd.mean), num_or_na(gd.median)});
      total += long(g.size());
      if (!g.empty()) groups.push_back(std::move(g));
    }
    if (groups.size() >= 2) {
      const stats::KruskalWallisResult k = stats::kruskal_wallis(groups);
      kw.rows.push_back({L(kDomainKeys[dm]), Value::of(total), num_or_na(k.statistic), num_or_na(k.df), num_or_na(k.p_value)});
      TestResult tr = make_test("Kruskal-Wallis rank sum test", Text::key(kDomainKeys[dm]).en, total, k.statistic,
                                "Kruskal-Wallis chi-squared", k.df, k.p_value);
      tr.warnings = warning_codes(k.info);
      r.tests.push_back(tr);
    }
  }
  r.tables.push_back(std::move(d));
  r.tables.push_back(std::move(f));
  r.tables.push_back(std::move(kw));
  // Waves (golf, by month): the change in each domain between the first and the last wave; paired when the
  // respondent ids persist, else two independent groups.
  std::vector<std::string> waves;
  for (const auto& s : m.self)
    if (!s.wave.empty() && std::find(waves.begin(), waves.end(), s.wave) == waves.end()) waves.push_back(s.wave);
  std::sort(waves.begin(), waves.end());
  if (waves.size() >= 2) {
    Table w = make_table("waves", "kerndataset.table.self_waves");
    w.columns = {col("item", "kerndataset.col.item", Role::category), col("first", "kerndataset.col.first_wave", Role::category),
                 col("last", "kerndataset.col.last_wave", Role::category), col("n", "kerndataset.col.n", Role::count, 0),
                 col("paired", "kerndataset.col.paired", Role::category), col("statistic", "kerndataset.col.statistic", Role::statistic, 1),
                 col("p", "kerndataset.col.p", Role::statistic, 4), col("hl", "kerndataset.col.hodges_lehmann", Role::statistic, 2)};
    for (size_t i = 0; i < ni; ++i) {
      std::map<std::string, double> first, last;
      std::vector<double> a, b;
      for (const auto& s : m.self) {
        if (!std::isfinite(s.item[i])) continue;
        if (s.wave == waves.front()) {
          a.push_back(s.item[i]);
          if (!s.respondent.empty()) first[s.respondent] = s.item[i];
        } else if (s.wave == waves.back()) {
          b.push_back(s.item[i]);
          if (!s.respondent.empty()) last[s.respondent] = s.item[i];
        }
      }
      std::vector<double> pa, pb;
      for (const auto& [id, v] : first)
        if (auto it = last.find(id); it != last.end()) {
          pa.push_back(v);
          pb.push_back(it->second);
        }
      const bool paired = pa.size() >= 2;
      if (paired) {
        const stats::SignedRankResult sr = stats::wilcoxon_signed_rank(pb, pa);
        w.rows.push_back({Value::str(m.self_items[i]), Value::str(waves.front()), Value::str(waves.back()),
                          Value::of(long(pa.size())), L("kerndataset.yes"), num_or_na(sr.v), num_or_na(sr.p_value),
                          num_or_na(sr.hodges_lehmann)});
      } else if (!a.empty() && !b.empty()) {
        const stats::MannWhitneyResult mw = stats::mann_whitney(b, a);
        w.rows.push_back({Value::str(m.self_items[i]), Value::str(waves.front()), Value::str(waves.back()),
                          Value::of(long(a.size() + b.size())), L("kerndataset.no"), num_or_na(mw.w), num_or_na(mw.p_value),
                          num_or_na(mw.hodges_lehmann)});
      }
    }
    r.tables.push_back(std::move(w));
  } else {
    r.notes.push_back(Text::key("kerndataset.note.one_wave"));
  }
  View v;
  v.id = "diversity";
  v.kind = ViewKind::dot;
  v.table = "items";
  v.x = "label";
  v.x_key = "item";
  v.y = {"median"};
  v.columns = {"median", "q1", "q3"};
  v.unit = Unit::score;
  v.orientation = Orientation::horizontal;
  set_of(v, "kerndataset.of.self_score");
  set_title(v, "kerndataset.view.diversity");
  r.views.push_back(v);
  View fv;
  fv.id = "by_function";
  fv.kind = ViewKind::bar;
  fv.table = "by_function";
  fv.x = "domain";
  fv.series = "function";
  fv.y = {"mean"};
  fv.unit = Unit::score;
  fv.orientation = Orientation::horizontal;
  set_title(fv, "kerndataset.view.by_function");
  set_of(fv, "kerndataset.of.self_score");
  r.views.push_back(fv);
  r.notes.push_back(Text::key("kerndataset.note.diversity"));
  r.notes.push_back(Text::key("kerndataset.note.self_anchors"));
  return r;
}

}  // namespace zicht::analysis::kerndataset::detail
