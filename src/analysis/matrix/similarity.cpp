// Which forms overlap (the distance on the parallel scale, average-linkage clustering as R's hclust, the nearest
// forms), how two codings agree (percent agreement, Cohen's kappa as psych::cohen.kappa), and the facets with the
// numeric ranges of durations and ages.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "analysis/matrix/model.h"
#include "stats/agreement.h"
#include "stats/cluster.h"

namespace zicht::analysis::matrix::detail {

namespace {

void set_text(std::string& nl, std::string& en, const std::string& key) {
  const Text t = Text::key(key);
  nl = t.nl;
  en = t.en;
}

}  // namespace

Result similarity_result(const Model& m, const Options& o) {
  Result r = make_result("matrix.similarity", "matrix.result.similarity", "matrix.unit.form_pairs");
  std::vector<char> rows = m.row_on;
  if (!o.similarity_groups.empty())
    for (size_t c = 0; c < m.nc(); ++c)
      rows[c] = rows[c] && std::find(o.similarity_groups.begin(), o.similarity_groups.end(), m.chars[c].group) !=
                               o.similarity_groups.end();
  std::vector<size_t> forms;
  for (size_t f = 0; f < m.nf(); ++f)
    if (m.form_on[f]) forms.push_back(f);
  const size_t n = forms.size();
  std::vector<double> dist(n * n, 0.0);
  std::vector<long> shared(n * n, 0);
  long no_overlap = 0, few = 0;
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      long s = 0;
      double dd = form_distance(m, m.coding(), forms[i], forms[j], rows, s);
      if (!std::isfinite(dd)) {
        dd = 1.0;  // nothing shared: as far apart as the scale allows, and said so
        ++no_overlap;
      }
      if (s < o.min_shared_rows) ++few;
      dist[i * n + j] = dist[j * n + i] = dd;
      shared[i * n + j] = shared[j * n + i] = s;
    }
  Table pairs = make_table("pairs", "matrix.table.pairs");
  pairs.columns = {col("form_a", "matrix.col.form_a", Role::category), col("form_b", "matrix.col.form_b", Role::category),
                   col("distance", "matrix.col.distance", Role::statistic, 3),
                   col("similarity", "matrix.col.similarity", Role::statistic, 3),
                   col("shared", "matrix.col.shared_rows", Role::count, 0),
                   col("few_shared", "matrix.col.few_shared", Role::category)};
  Table nearest = make_table("nearest", "matrix.table.nearest");
  nearest.columns = {col("form", "matrix.col.form", Role::category), col("rank", "matrix.col.rank", Role::count, 0),
                     col("neighbour", "matrix.col.neighbour", Role::category),
                     col("distance", "matrix.col.distance", Role::statistic, 3),
                     col("shared", "matrix.col.shared_rows", Role::count, 0)};
  Table merges = make_table("merge", "matrix.table.merge");
  merges.columns = {col("step", "matrix.col.step", Role::count, 0), col("left", "matrix.col.left", Role::count, 0),
                    col("right", "matrix.col.right", Role::count, 0),
                    col("height", "matrix.col.height", Role::statistic, 4)};
  Table leaves = make_table("leaves", "matrix.table.leaves");
  leaves.columns = {col("position", "matrix.col.position", Role::count, 0),
                    col("leaf", "matrix.col.leaf", Role::count, 0), col("form", "matrix.col.form", Role::category)};
  Table grid;  // the similarity matrix in the dendrogram's order, one column per form (the heat map's table)
  grid.id = "matrix";
  grid.title = Text::key("matrix.table.similarity_matrix");
  grid.columns = {col("form", "matrix.col.form", Role::category)};
  if (n >= 2) {
    std::vector<std::string> labels;
    for (size_t f : forms) labels.push_back(m.forms[f].label);
    const stats::HclustResult h = stats::hclust_average(dist, n, labels);
    for (size_t s = 0; s < h.height.size(); ++s)
      merges.rows.push_back({Value::of(int64_t(s + 1)), Value::of(h.merge[s][0]), Value::of(h.merge[s][1]),
                             Value::num(h.height[s])});
    for (size_t p = 0; p < h.order.size(); ++p)
      leaves.rows.push_back({Value::of(int64_t(p + 1)), Value::of(h.order[p]), Value::str(labels[size_t(h.order[p] - 1)])});
    // Pairs in the dendrogram's order, so the similarity heat map shows the clusters as blocks.
    for (size_t a = 0; a < n; ++a)
      for (size_t b = 0; b < n; ++b) {
        const size_t i = size_t(h.order[a] - 1), j = size_t(h.order[b] - 1);
        pairs.rows.push_back({Value::str(labels[i]), Value::str(labels[j]), Value::num(i == j ? 0.0 : dist[i * n + j]),
                              Value::num(i == j ? 1.0 : 1.0 - dist[i * n + j]),
                              Value::of(i == j ? 0 : shared[i * n + j]),
                              Value::label(Text::key(i != j && shared[i * n + j] < o.min_shared_rows ? "matrix.yes"
                                                                                                      : "matrix.no"))});
      }
    for (size_t b = 0; b < n; ++b)
      grid.columns.push_back(Column{"sim_" + std::to_string(b + 1), Text::same(labels[size_t(h.order[b] - 1)]),
                                    Role::statistic, 2});
    for (size_t a = 0; a < n; ++a) {
      const size_t i = size_t(h.order[a] - 1);
      std::vector<Value> row{Value::str(labels[i])};
      for (size_t b = 0; b < n; ++b) {
        const size_t j = size_t(h.order[b] - 1);
        row.push_back(Value::num(i == j ? 1.0 : 1.0 - dist[i * n + j]));
      }
      grid.rows.push_back(std::move(row));
    }
    for (size_t i = 0; i < n; ++i) {
      std::vector<size_t> others;
      for (size_t j = 0; j < n; ++j)
        if (j != i) others.push_back(j);
      std::stable_sort(others.begin(), others.end(), [&](size_t a, size_t b) { return dist[i * n + a] < dist[i * n + b]; });
      for (size_t k = 0; k < others.size() && k < size_t(o.nearest); ++k)
        nearest.rows.push_back({Value::str(labels[i]), Value::of(int64_t(k + 1)), Value::str(labels[others[k]]),
                                Value::num(dist[i * n + others[k]]), Value::of(shared[i * n + others[k]])});
    }
  }
  r.tables = table_list(std::move(nearest), std::move(pairs), std::move(merges), std::move(leaves),
                        std::move(grid));
  const Table& grid_in = r.tables.back();
  View dendro;
  dendro.id = "dendrogram";
  dendro.kind = ViewKind::dendrogram;
  dendro.table = "merge";
  dendro.columns = {"step", "left", "right", "height"};
  dendro.leaf_table = "leaves";
  dendro.x_key = "leaf";
  dendro.x = "form";
  dendro.unit = Unit::statistic;
  set_text(dendro.of_nl, dendro.of_en, "matrix.of.distance");
  set_text(dendro.title_nl, dendro.title_en, "matrix.view.dendrogram");
  r.views.push_back(dendro);
  View heat;
  heat.id = "matrix";
  heat.kind = ViewKind::heatmap;
  heat.table = "matrix";
  heat.x = "form";
  for (size_t b = 1; b < grid_in.columns.size(); ++b) heat.y.push_back(grid_in.columns[b].id);
  heat.unit = Unit::statistic;
  set_text(heat.of_nl, heat.of_en, "matrix.of.similarity");
  set_text(heat.title_nl, heat.title_en, "matrix.view.similarity_matrix");
  r.views.push_back(heat);
  r.notes.push_back(Text::key("matrix.note.similarity"));
  if (few > 0) r.notes.push_back(Text::key("matrix.note.few_shared"));
  if (no_overlap > 0) r.notes.push_back(Text::key("matrix.note.no_overlap"));
  return r;
}

Result versions_result(const Model& m, const Options&) {
  Result r = make_result("matrix.versions", "matrix.result.versions", "matrix.unit.cells");
  Table summary = make_table("summary", "matrix.table.versions");
  summary.columns = {col("measure", "matrix.col.measure", Role::category),
                     col("value", "matrix.col.value", Role::statistic, 3),
                     col("lower", "matrix.col.lower", Role::lower, 3), col("upper", "matrix.col.upper", Role::upper, 3),
                     col("n", "matrix.col.n_cells", Role::count, 0)};
  Table diff = make_table("disagreements", "matrix.table.disagreements");
  diff.columns = {col("form", "matrix.col.form", Role::category),
                  col("characteristic_id", "matrix.col.characteristic_id", Role::category),
                  col("class_a", "matrix.col.class_a", Role::category), col("class_b", "matrix.col.class_b", Role::category)};
  Table per = make_table("per_form", "matrix.table.disagreements_per_form");
  per.columns = {col("form", "matrix.col.form", Role::category), col("n", "matrix.col.n_differ", Role::count, 0),
                 col("denom_all", "matrix.col.denom_all", Role::denominator, 0),
                 col("pct_all", "matrix.col.pct_all", Role::percent, 1)};
  if (m.other == m.active) {
    r.notes.push_back(Text::key("matrix.note.one_version"));
    r.tables = table_list(std::move(summary));
    return r;
  }
  const Coding& a = m.versions[m.active];
  const Coding& b = m.versions[m.other];
  Table map;  // the disagreement map: every cell, "anders" where the two codings differ
  map.id = "map";
  map.title = Text::key("matrix.table.disagreement_map");
  map.columns = {col("characteristic_id", "matrix.col.characteristic_id", Role::category),
                 col("row_label", "matrix.col.characteristic", Role::category),
                 col("group", "matrix.col.group", Role::category),
                 col("support_form_id", "matrix.col.support_form_id", Role::category),
                 col("column_label", "matrix.col.form", Role::category),
                 col("class", "matrix.col.agreement", Role::category),
                 col("class_label", "matrix.col.agreement", Role::category),
                 col("detail", "matrix.col.detail", Role::category)};
  for (size_t c = 0; c < m.nc(); ++c) {
    if (!m.row_on[c]) continue;
    for (size_t f = 0; f < m.nf(); ++f) {
      if (!m.form_on[f]) continue;
      const State x = a.cells[f * m.nc() + c].state, y = b.cells[f * m.nc() + c].state;
      const bool same = x == y;
      map.rows.push_back({Value::str(m.chars[c].id), Value::str(m.chars[c].label), Value::str(m.chars[c].group),
                          Value::str(m.forms[f].id), Value::str(m.forms[f].label), Value::str(same ? "gelijk" : "anders"),
                          Value::label(Text::key(same ? "matrix.agree.same" : "matrix.agree.differ")),
                          Value::str(std::string(state_code(x)) + " → " + state_code(y))});
    }
  }
  std::vector<int> xa, xb, sa, sb;
  long agree = 0;
  for (size_t f = 0; f < m.nf(); ++f) {
    if (!m.form_on[f]) continue;
    long n = 0, all = 0;
    for (size_t c = 0; c < m.nc(); ++c) {
      if (!m.row_on[c]) continue;
      const State x = a.cells[f * m.nc() + c].state, y = b.cells[f * m.nc() + c].state;
      ++all;
      xa.push_back(int(x));
      xb.push_back(int(y));
      if (x == y) ++agree;
      else {
        ++n;
        diff.rows.push_back({Value::str(m.forms[f].label), Value::str(m.chars[c].id), state_label(x, m), state_label(y, m)});
      }
      if (on_scale(x) && on_scale(y)) {
        sa.push_back(int(x));
        sb.push_back(int(y));
      }
    }
    per.rows.push_back({Value::str(m.forms[f].label), Value::of(n), Value::of(all), pct(n, all)});
  }
  const long total = long(xa.size());
  summary.rows.push_back({Value::label(Text::key("matrix.measure.agreement")),
                          total > 0 ? Value::num(double(agree) / double(total)) : Value::na(), Value::na(), Value::na(),
                          Value::of(total)});
  const stats::CohenKappaResult k = stats::cohen_kappa(xa, xb, kStates);
  summary.rows.push_back({Value::label(Text::key("matrix.measure.kappa")), Value::num(k.kappa), Value::num(k.lower),
                          Value::num(k.upper), Value::of(total)});
  const stats::CohenKappaResult w = stats::cohen_kappa(sa, sb, 3);
  summary.rows.push_back({Value::label(Text::key("matrix.measure.weighted_kappa")), Value::num(w.weighted_kappa),
                          Value::num(w.weighted_lower), Value::num(w.weighted_upper), Value::of(long(sa.size()))});
  TestResult t1;
  t1.name = "cohen.kappa";
  t1.variant = "unweighted, 9 states";
  t1.n = total;
  t1.statistic = k.kappa;
  t1.statistic_name = "kappa";
  TestResult t2 = t1;
  t2.variant = "quadratic weights, P/GP/NP";
  t2.n = long(sa.size());
  t2.statistic = w.weighted_kappa;
  r.tests = {t1, t2};
  r.tables = table_list(std::move(summary), per, std::move(diff), std::move(map));
  View v = count_view(per, "form", "n", Text::key("matrix.of.disagreements"));
  v.orientation = Orientation::horizontal;
  r.views.push_back(v);
  View dm;
  dm.id = "map";
  dm.kind = ViewKind::heatmap;
  dm.table = "map";
  dm.x = "column_label";
  dm.x_key = "support_form_id";
  dm.series = "class";
  dm.columns = {"characteristic_id", "row_label", "group", "class_label", "detail"};
  dm.colour_keys = {{"anders", "class.NP"}, {"gelijk", "class.EMPTY"}};
  set_text(dm.title_nl, dm.title_en, "matrix.view.disagreement_map");
  r.views.push_back(dm);
  r.notes.push_back(Text{Text::key("matrix.note.versions").nl + " " + a.name + " ↔ " + b.name,
                         Text::key("matrix.note.versions").en + " " + a.name + " ↔ " + b.name});
  return r;
}

Result facets_result(const Model& m, const Options&) {
  Result r = make_result("matrix.facets", "matrix.result.facets", "matrix.unit.forms");
  Table forms = make_table("forms", "matrix.table.facet_forms");
  forms.columns = {col("form", "matrix.col.form", Role::category), col("regie", "matrix.col.regie", Role::category),
                   col("region", "matrix.col.region", Role::category), col("insteek", "matrix.col.insteek", Role::category),
                   col("executes", "matrix.col.executes", Role::category),
                   col("age_min", "matrix.col.age_min", Role::statistic, 2),
                   col("age_max", "matrix.col.age_max", Role::statistic, 2),
                   col("selected", "matrix.col.selected", Role::category)};
  Table ranges = make_table("durations", "matrix.table.durations");
  ranges.columns = {col("form", "matrix.col.form", Role::category),
                    col("characteristic_id", "matrix.col.characteristic_id", Role::category),
                    col("value", "matrix.col.mid_months", Role::statistic, 1),
                    col("low", "matrix.col.from_months", Role::lower, 1),
                    col("high", "matrix.col.to_months", Role::upper, 1), col("note", "matrix.col.note", Role::category)};
  Table ages = make_table("ages", "matrix.table.ages");
  ages.columns = {col("form", "matrix.col.form", Role::category), col("value", "matrix.col.age_mid", Role::statistic, 2),
                  col("low", "matrix.col.age_min", Role::lower, 2), col("high", "matrix.col.age_max", Role::upper, 2)};
  auto months = [](double v, const std::string& unit) {
    const std::string u = fold(unit);
    if (u.rfind("dag", 0) == 0 || u.rfind("day", 0) == 0) return v / 30.4375;
    if (u.rfind("week", 0) == 0) return v * 7 / 30.4375;
    if (u.rfind("jaar", 0) == 0 || u.rfind("year", 0) == 0) return v * 12;
    return v;
  };
  // The dot sits in the middle of the stated range (or on the one bound stated); the line spans the range.
  auto mid = [](double lo, double hi) { return std::isfinite(lo) && std::isfinite(hi) ? (lo + hi) / 2 : std::isfinite(lo) ? lo : hi; };
  for (size_t f = 0; f < m.nf(); ++f) {
    const Form& fm = m.forms[f];
    forms.rows.push_back({Value::str(fm.label), Value::str(fm.regie), Value::str(fm.region), Value::str(fm.insteek),
                          fm.executes < 0 ? Value::na() : Value::label(Text::key(fm.executes ? "matrix.yes" : "matrix.no")),
                          Value::num(fm.age_min), Value::num(fm.age_max),
                          Value::label(Text::key(m.form_on[f] ? "matrix.yes" : "matrix.no"))});
    if (!m.form_on[f]) continue;
    if (std::isfinite(fm.age_min) || std::isfinite(fm.age_max))
      ages.rows.push_back({Value::str(fm.label), Value::num(mid(fm.age_min, fm.age_max)),
                           Value::num(fm.age_min), Value::num(fm.age_max)});
    for (size_t c = 0; c < m.nc(); ++c) {
      const Cell& cell = m.cell(f, c);
      if (!m.row_on[c] || (!std::isfinite(cell.num_min) && !std::isfinite(cell.num_max))) continue;
      const double lo = std::isfinite(cell.num_min) ? months(cell.num_min, cell.unit) : NAN;
      const double hi = std::isfinite(cell.num_max) ? months(cell.num_max, cell.unit) : NAN;
      ranges.rows.push_back({Value::str(fm.label), Value::str(m.chars[c].id), Value::num(mid(lo, hi)),
                             Value::num(lo), Value::num(hi), Value::str(cell.note)});
    }
  }
  r.tables = table_list(std::move(ranges), std::move(ages), std::move(forms));
  View dur;
  dur.id = "durations";
  dur.kind = ViewKind::dot;
  dur.table = "durations";
  dur.x = "form";
  dur.y = {"value"};
  dur.columns = {"value", "low", "high"};
  dur.unit = Unit::months;
  set_text(dur.of_nl, dur.of_en, "matrix.of.duration");
  set_text(dur.title_nl, dur.title_en, "matrix.view.durations");
  r.views.push_back(dur);
  View age = dur;
  age.id = "ages";
  age.table = "ages";
  age.unit = Unit::score;
  set_text(age.of_nl, age.of_en, "matrix.of.age");
  set_text(age.title_nl, age.title_en, "matrix.view.ages");
  r.views.push_back(age);
  r.notes.push_back(Text::key("matrix.note.facets"));
  return r;
}

}  // namespace zicht::analysis::matrix::detail
