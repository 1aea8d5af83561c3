// The surveys at closure: the parent items (28 Likert items in two blocks), the subscales with psych::alpha, the
// child items (Ja/Soms/Nee with Clopper–Pearson intervals, by age band) and the optional perspective gap.
#include <algorithm>
#include <cmath>

#include "analysis/kerndataset/model.h"
#include "stats/correlation.h"
#include "stats/descriptives.h"
#include "stats/paired.h"
#include "stats/proportion.h"
#include "stats/reliability.h"

namespace zicht::analysis::kerndataset::detail {

namespace {

const char* const kBlocks[2] = {"modelgetrouwheid", "effectiviteit"};
const char* const kLikertKeys[5] = {"kerndataset.likert.1", "kerndataset.likert.2", "kerndataset.likert.3",
                                    "kerndataset.likert.4", "kerndataset.likert.5"};

// Parents' own closure answers (not the workers' estimates, not interim surveys).
bool closure_parent(const Parent& p) { return !p.worker && !p.interim; }

View likert_view(int block) {
  View v;
  v.id = std::string("likert_") + kBlocks[block];
  v.kind = ViewKind::likert;
  v.table = "items";
  v.x = "label";
  v.x_key = "item";
  v.x_scale = Scale::ordinal;
  v.y = {"n_1", "n_2", "n_3", "n_4", "n_5"};
  v.columns = {"n_3", "n_nvt"};
  v.missing_column = "n_missing";
  v.unit = Unit::percent;
  const Text t = Text::key(std::string("kerndataset.block.") + kBlocks[block]);
  v.rows.push_back(RowCondition{"block", {t.nl}, {}});  // the block's label as the table holds it
  v.title_nl = t.nl;
  v.title_en = t.en;
  set_of(v, "kerndataset.of.parents");
  v.orientation = Orientation::horizontal;
  return v;
}

Result parent_items(const Model& m) {
  Result r = make_result("kerndataset.parent_items", "kerndataset.result.parent_items", "kerndataset.unit.parents");
  if (!m.have_parent) {
    needs(r, "ouder");
    return r;
  }
  Table t = make_table("items", "kerndataset.table.parent_items");
  t.columns = {col("item", "kerndataset.col.item", Role::category), col("block", "kerndataset.col.block", Role::category),
               col("label", "kerndataset.col.statement", Role::category)};
  for (int l = 0; l < 5; ++l) t.columns.push_back(Column{"n_" + std::to_string(l + 1), Text::key(kLikertKeys[l]), Role::count, 0});
  t.columns.push_back(col("n", "kerndataset.col.answered", Role::denominator, 0));
  t.columns.push_back(col("n_missing", "kerndataset.col.missing", Role::count, 0));
  t.columns.push_back(col("n_nvt", "kerndataset.col.nvt", Role::count, 0));
  t.columns.push_back(col("median", "kerndataset.col.median", Role::statistic, 1));
  t.columns.push_back(col("median_label", "kerndataset.col.median_label", Role::category));
  t.columns.push_back(col("n_agree", "kerndataset.col.n_agree", Role::count, 0));
  t.columns.push_back(col("pct_agree", "kerndataset.col.pct_agree", Role::percent, 1));
  t.columns.push_back(col("n_disagree", "kerndataset.col.n_disagree", Role::count, 0));
  t.columns.push_back(col("pct_disagree", "kerndataset.col.pct_disagree", Role::percent, 1));
  long respondents = 0;
  for (const auto& p : m.parents) respondents += closure_parent(p);
  for (int i = 0; i < kParentItems; ++i) {
    long n[5] = {}, missing = 0, nvt = 0;
    std::vector<double> values;
    for (const auto& p : m.parents) {
      if (!closure_parent(p)) continue;
      const int8_t a = p.item[size_t(i)];
      if (a > 0) {
        ++n[a - 1];
        values.push_back(a);
      } else if (a == kNvt) {
        ++nvt;
      } else {
        ++missing;
      }
    }
    const long answered = n[0] + n[1] + n[2] + n[3] + n[4];
    const double med = values.empty() ? NAN : stats::quantile_type7(values, 0.5);
    char id[8];
    std::snprintf(id, sizeof id, "o%02d", i + 1);
    std::vector<Value> row{Value::str(id), L(std::string("kerndataset.block.") + kBlocks[i / kBlockItems]),
                           Value::label(Text{m.parent_labels_nl[size_t(i)], m.parent_labels_en[size_t(i)]})};
    for (long c : n) row.push_back(Value::of(c));
    row.push_back(Value::of(answered));
    row.push_back(Value::of(missing));
    row.push_back(Value::of(nvt));
    row.push_back(num_or_na(med));
    row.push_back(std::isfinite(med) && med == std::floor(med) ? L(kLikertKeys[int(med) - 1]) : Value::na());
    row.push_back(Value::of(n[3] + n[4]));
    row.push_back(pct(n[3] + n[4], answered));
    row.push_back(Value::of(n[0] + n[1]));
    row.push_back(pct(n[0] + n[1], answered));
    t.rows.push_back(std::move(row));
  }
  r.tables.push_back(std::move(t));
  r.views = {likert_view(0), likert_view(1)};
  r.notes.push_back(Text::key("kerndataset.note.neutral_is_answer"));
  r.notes.push_back(counted("kerndataset.note.respondents", respondents));
  return r;
}

Result parent_scales(const Model& m) {
  Result r = make_result("kerndataset.parent_scales", "kerndataset.result.parent_scales", "kerndataset.unit.parents");
  if (!m.have_parent) {
    needs(r, "ouder");
    return r;
  }
  Table s = make_table("scales", "kerndataset.table.scales");
  s.columns = {col("block", "kerndataset.col.block", Role::category), col("n", "kerndataset.col.scored", Role::count, 0),
               col("n_not_scored", "kerndataset.col.not_scored", Role::count, 0),
               col("mean", "kerndataset.col.mean", Role::statistic, 2), col("sd", "kerndataset.col.sd", Role::statistic, 2),
               col("min", "kerndataset.col.min", Role::statistic, 2), col("q1", "kerndataset.col.q1", Role::statistic, 2),
               col("median", "kerndataset.col.median", Role::statistic, 2), col("q3", "kerndataset.col.q3", Role::statistic, 2),
               col("max", "kerndataset.col.max", Role::statistic, 2),
               col("raw_alpha", "kerndataset.col.raw_alpha", Role::statistic, 3),
               col("std_alpha", "kerndataset.col.std_alpha", Role::statistic, 3),
               col("average_r", "kerndataset.col.average_r", Role::statistic, 3),
               col("n_alpha", "kerndataset.col.n_alpha", Role::count, 0)};
  Table it = make_table("alpha_items", "kerndataset.table.alpha_items");
  it.columns = {col("block", "kerndataset.col.block", Role::category), col("item", "kerndataset.col.item", Role::category),
                col("label", "kerndataset.col.statement", Role::category), col("n", "kerndataset.col.answered", Role::count, 0),
                col("mean", "kerndataset.col.mean", Role::statistic, 2), col("sd", "kerndataset.col.sd", Role::statistic, 2),
                col("r_drop", "kerndataset.col.r_drop", Role::statistic, 3),
                col("alpha_if_dropped", "kerndataset.col.alpha_if_dropped", Role::statistic, 3)};
  std::vector<double> score[2];
  std::vector<const Parent*> scored;
  for (const auto& p : m.parents)
    if (closure_parent(p)) scored.push_back(&p);
  for (int b = 0; b < 2; ++b) {
    long not_scored = 0;
    std::vector<std::vector<double>> items(kBlockItems);
    for (const Parent* p : scored) {
      int answered = 0;
      const double v = block_score(*p, b, m.opt.scale_min_answered, &answered);
      score[b].push_back(v);
      if (!std::isfinite(v)) ++not_scored;
      if (answered == 0) continue;
      for (int i = 0; i < kBlockItems; ++i) {
        const int8_t a = p->item[size_t(b * kBlockItems + i)];
        items[size_t(i)].push_back(a > 0 ? double(a) : NAN);
      }
    }
    const stats::Descriptives d = stats::describe(score[b]);
    const stats::AlphaResult a = stats::cronbach_alpha(items);
    Value block = L(std::string("kerndataset.block.") + kBlocks[b]);
    s.rows.push_back({block, Value::of(d.info.n), Value::of(not_scored), num_or_na(d.mean), num_or_na(d.sd),
                      num_or_na(d.min), num_or_na(d.q1), num_or_na(d.median), num_or_na(d.q3), num_or_na(d.max),
                      num_or_na(a.raw_alpha), num_or_na(a.std_alpha), num_or_na(a.average_r),
                      Value::of(long(items[0].size()))});
    for (int i = 0; i < kBlockItems && size_t(i) < a.items.size(); ++i) {
      const stats::AlphaItem& ai = a.items[size_t(i)];
      char id[8];
      std::snprintf(id, sizeof id, "o%02d", b * kBlockItems + i + 1);
      it.rows.push_back({block, Value::str(id),
                         Value::label(Text{m.parent_labels_nl[size_t(b * kBlockItems + i)],
                                           m.parent_labels_en[size_t(b * kBlockItems + i)]}),
                         Value::of(ai.n), num_or_na(ai.mean), num_or_na(ai.sd), num_or_na(ai.r_drop),
                         num_or_na(ai.alpha_if_dropped)});
    }
  }
  r.tables.push_back(std::move(s));
  r.tables.push_back(std::move(it));
  // Spearman between the subscales, over parents with both scores.
  std::vector<double> x, y;
  for (size_t i = 0; i < score[0].size(); ++i)
    if (std::isfinite(score[0][i]) && std::isfinite(score[1][i])) {
      x.push_back(score[0][i]);
      y.push_back(score[1][i]);
    }
  if (x.size() >= 3) {
    const stats::SpearmanResult sp = stats::spearman(x, y);
    TestResult t = make_test("Spearman's rank correlation rho", sp.exact ? "exact" : "asymptotic", sp.n, sp.s, "S", NAN,
                             sp.p_value);
    t.effect_name = "rho";
    t.effect = sp.rho;
    t.warnings = warning_codes(sp.info);
    r.tests.push_back(t);
  }
  r.views.push_back(box_view("scales", "block", "kerndataset.of.scale_score"));
  const int need = int(std::ceil(m.opt.scale_min_answered * kBlockItems - 1e-9));
  const Text rule = counted("kerndataset.note.scale_rule", need);
  r.notes.push_back(Text{rule.nl + "/14.", rule.en + "/14."});
  r.notes.push_back(Text::key("kerndataset.note.alpha_pairwise"));
  return r;
}

const char* const kAnswerKeys[3] = {"kerndataset.answer.ja", "kerndataset.answer.soms", "kerndataset.answer.nee"};
const char* const kAnswerColours[3] = {"freq.ja", "freq.soms", "freq.nee"};

void child_row(std::vector<Value>& row, const long n[3], long missing, long nvt) {
  const long answered = n[0] + n[1] + n[2];
  for (int a = 0; a < 3; ++a) row.push_back(Value::of(n[a]));
  row.push_back(Value::of(answered));
  row.push_back(Value::of(missing));
  row.push_back(Value::of(nvt));
  row.push_back(pct(n[0], answered));
  if (answered > 0) {
    const stats::BinomResult b = stats::binom_test(n[0], answered);
    row.push_back(num_or_na(100 * b.ci_lower));
    row.push_back(num_or_na(100 * b.ci_upper));
  } else {
    row.push_back(Value::na());
    row.push_back(Value::na());
  }
}

std::vector<Column> child_columns(bool band) {
  std::vector<Column> c;
  if (band) c.push_back(col("band", "kerndataset.col.age_band", Role::category));
  c.push_back(col("item", "kerndataset.col.item", Role::category));
  c.push_back(col("label", "kerndataset.col.question", Role::category));
  for (int a = 0; a < 3; ++a) c.push_back(Column{std::string("n_") + (a == 0 ? "ja" : a == 1 ? "soms" : "nee"), Text::key(kAnswerKeys[a]), Role::count, 0});
  c.push_back(col("n", "kerndataset.col.answered", Role::denominator, 0));
  c.push_back(col("n_missing", "kerndataset.col.missing", Role::count, 0));
  c.push_back(col("n_nvt", "kerndataset.col.nvt", Role::count, 0));
  c.push_back(col("pct_ja", "kerndataset.col.pct_ja", Role::percent, 1));
  c.push_back(col("ci_lower", "kerndataset.col.ci_lower", Role::lower, 1));
  c.push_back(col("ci_upper", "kerndataset.col.ci_upper", Role::upper, 1));
  return c;
}

const char* const kChildIds[kChildRows] = {"k1a", "k1b", "k1c", "k1d", "k1e", "k2", "k3", "k4", "k5", "k6", "k7"};

Result child_items(const Model& m) {
  Result r = make_result("kerndataset.child_items", "kerndataset.result.child_items", "kerndataset.unit.children");
  if (!m.have_child) {
    needs(r, "kind");
    return r;
  }
  Table t = make_table("items", "kerndataset.table.child_items");
  t.columns = child_columns(false);
  Table answers = make_table("answers", "kerndataset.table.child_answers");
  answers.columns = {col("item", "kerndataset.col.item", Role::category), col("label", "kerndataset.col.question", Role::category),
                     col("answer", "kerndataset.col.answer", Role::category), col("n", "kerndataset.col.n", Role::count, 0),
                     col("pct", "kerndataset.col.pct", Role::percent, 1), col("denom", "kerndataset.col.answered", Role::denominator, 0)};
  Table bands = make_table("by_age", "kerndataset.table.child_by_age");
  bands.columns = child_columns(true);
  const Value band_labels[3] = {Value::str("6–11"), Value::str("12–17"), L("kerndataset.age.other")};
  auto band_of = [](int age) { return age >= 6 && age <= 11 ? 0 : age >= 12 && age <= 17 ? 1 : 2; };
  long children = 0;
  for (const auto& c : m.children) children += !c.interim;
  for (int i = 0; i < kChildRows; ++i) {
    long n[3] = {}, missing = 0, nvt = 0;
    long bn[3][3] = {}, bmissing[3] = {}, bnvt[3] = {};
    for (const auto& c : m.children) {
      if (c.interim) continue;
      const int8_t a = c.item[size_t(i)];
      const int b = band_of(c.age);
      if (a >= 0) {
        ++n[2 - a];
        ++bn[b][2 - a];
      } else if (a == kNvt) {
        ++nvt;
        ++bnvt[b];
      } else {
        ++missing;
        ++bmissing[b];
      }
    }
    const Value label = Value::label(Text{m.child_labels_nl[size_t(i)], m.child_labels_en[size_t(i)]});
    std::vector<Value> row{Value::str(kChildIds[i]), label};
    child_row(row, n, missing, nvt);
    t.rows.push_back(std::move(row));
    const long answered = n[0] + n[1] + n[2];
    for (int a = 0; a < 3; ++a) {
      Value ans = L(kAnswerKeys[a]);
      answers.rows.push_back({Value::str(kChildIds[i]), label, ans, Value::of(n[a]), pct(n[a], answered), Value::of(answered)});
    }
    for (int b = 0; b < 3; ++b) {
      if (b == 2 && bn[2][0] + bn[2][1] + bn[2][2] + bmissing[2] + bnvt[2] == 0) continue;
      std::vector<Value> br{band_labels[b], Value::str(kChildIds[i]), label};
      child_row(br, bn[b], bmissing[b], bnvt[b]);
      bands.rows.push_back(std::move(br));
    }
  }
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(answers));
  r.tables.push_back(std::move(bands));
  View v;
  v.id = "answers";
  v.kind = ViewKind::bar;
  v.table = "answers";
  v.x = "label";
  v.x_key = "item";
  v.series = "answer";
  v.y = {"pct"};
  v.unit = Unit::percent;
  v.numerators = {"n"};
  v.denominators = {"denom"};
  v.policy = "fixed";
  v.mode = BarMode::stacked100;
  v.orientation = Orientation::horizontal;
  for (int a = 0; a < 3; ++a) v.colour_keys.push_back({Text::key(kAnswerKeys[a]).nl, kAnswerColours[a]});
  set_of(v, "kerndataset.of.children_answered");
  r.views.push_back(v);
  View bv;
  bv.id = "by_age";
  bv.kind = ViewKind::bar;
  bv.table = "by_age";
  bv.x = "label";
  bv.x_key = "item";
  bv.series = "band";
  bv.y = {"pct_ja"};
  bv.unit = Unit::percent;
  bv.numerators = {"n_ja"};
  bv.denominators = {"n"};
  bv.policy = "fixed";
  bv.orientation = Orientation::horizontal;
  set_title(bv, "kerndataset.view.by_age");
  set_of(bv, "kerndataset.of.children_yes");
  r.views.push_back(bv);
  r.notes.push_back(Text::key("kerndataset.note.soms_is_frequency"));
  r.notes.push_back(Text::key("kerndataset.note.child_rows"));
  r.notes.push_back(counted("kerndataset.note.child_respondents", children));
  return r;
}

Result perspective_gap(const Model& m) {
  Result r = make_result("kerndataset.perspective_gap", "kerndataset.result.perspective_gap", "kerndataset.unit.trajectories");
  if (!m.opt.perspective_gap) {
    r.notes.push_back(Text::key("kerndataset.note.gap_off"));
    return r;
  }
  if (!m.have_parent) {
    needs(r, "ouder");
    return r;
  }
  // Per trajectory: the parents' fidelity score (mean over the parents) and the worker's.
  std::map<std::string, std::pair<double, int>> parent, worker;
  for (const auto& p : m.parents) {
    if (p.interim) continue;
    const double s = block_score(p, 0, m.opt.scale_min_answered);
    if (!std::isfinite(s)) continue;
    auto& e = (p.worker ? worker : parent)[p.traject];
    e.first += s;
    e.second += 1;
  }
  std::vector<double> w, pa;
  std::vector<std::string> ids;
  for (const auto& [id, ws] : worker) {
    auto it = parent.find(id);
    if (it == parent.end()) continue;
    ids.push_back(id);
    w.push_back(ws.first / ws.second);
    pa.push_back(it->second.first / it->second.second);
  }
  // Per item, over the paired trajectories: mean of the parents' answers and of the workers'.
  Table t = make_table("items", "kerndataset.table.gap_items");
  t.columns = {col("item", "kerndataset.col.item", Role::category), col("label", "kerndataset.col.statement", Role::category),
               col("parent", "kerndataset.col.mean_parent", Role::statistic, 2),
               col("worker", "kerndataset.col.mean_worker", Role::statistic, 2),
               col("n_pairs", "kerndataset.col.n_pairs", Role::count, 0)};
  std::map<std::string, bool> paired;
  for (const auto& id : ids) paired[id] = true;
  for (int i = 0; i < kBlockItems; ++i) {
    double sp = 0, sw = 0;
    long np = 0, nw = 0;
    for (const auto& p : m.parents) {
      if (p.interim || !paired.count(p.traject) || p.item[size_t(i)] <= 0) continue;
      (p.worker ? sw : sp) += p.item[size_t(i)];
      ++(p.worker ? nw : np);
    }
    char id[8];
    std::snprintf(id, sizeof id, "o%02d", i + 1);
    t.rows.push_back({Value::str(id), Value::label(Text{std::to_string(i + 1) + ". " + m.parent_labels_nl[size_t(i)].substr(m.parent_labels_nl[size_t(i)].find(' ') + 1),
                                                        std::to_string(i + 1) + ". " + m.parent_labels_en[size_t(i)].substr(m.parent_labels_en[size_t(i)].find(' ') + 1)}),
                      np ? Value::num(sp / double(np)) : Value::na(), nw ? Value::num(sw / double(nw)) : Value::na(),
                      Value::of(long(ids.size()))});
  }
  Table s = make_table("scale", "kerndataset.table.gap_scale");
  s.columns = {col("n_pairs", "kerndataset.col.n_pairs", Role::count, 0),
               col("parent", "kerndataset.col.mean_parent", Role::statistic, 2),
               col("worker", "kerndataset.col.mean_worker", Role::statistic, 2),
               col("hl", "kerndataset.col.hodges_lehmann", Role::statistic, 2),
               col("ci_lower", "kerndataset.col.ci_lower", Role::lower, 2),
               col("ci_upper", "kerndataset.col.ci_upper", Role::upper, 2)};
  const stats::SignedRankResult sr = stats::wilcoxon_signed_rank(w, pa);
  double mp = 0, mw = 0;
  for (size_t i = 0; i < w.size(); ++i) mp += pa[i], mw += w[i];
  s.rows.push_back({Value::of(long(w.size())), w.empty() ? Value::na() : Value::num(mp / double(w.size())),
                    w.empty() ? Value::na() : Value::num(mw / double(w.size())), num_or_na(sr.hodges_lehmann),
                    num_or_na(sr.ci_lower), num_or_na(sr.ci_upper)});
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(s));
  if (sr.n_nonzero > 0) {
    TestResult tr = make_test("Wilcoxon signed rank test", sr.exact ? "exact" : "normal approximation with continuity correction",
                              sr.n_pairs, sr.v, "V", NAN, sr.p_value);
    tr.effect_name = "r";
    tr.effect = sr.effect_r;
    tr.warnings = warning_codes(sr.info);
    r.tests.push_back(tr);
  }
  View v;
  v.id = "slope";
  v.kind = ViewKind::slope;
  v.table = "items";
  v.x = "label";
  v.x_key = "item";
  v.y = {"parent", "worker"};
  v.unit = Unit::score;
  v.numerators = {"n_pairs"};  // the tooltip: "gemiddelde over 34 paren" (of left empty: the chart says "paren")
  r.views.push_back(v);
  r.notes.push_back(Text::key("kerndataset.note.gap_team"));
  return r;
}

}  // namespace

std::vector<Result> survey_results(const Model& m) {
  return list_of<Result>(parent_items(m),
                          parent_scales(m),
                          child_items(m),
                          perspective_gap(m));
}

}  // namespace zicht::analysis::kerndataset::detail
