// Views → chart specs for the matrix profile's shapes: the categorical heat map (one row per cell, a class code
// per cell) and the dendrogram (R's hclust merge / height / order). The View fields are defined in
// analysis/view.h.
#include <algorithm>
#include <cmath>
#include <map>

#include "report/format.h"
#include "report/palette.h"
#include "report/views_detail.h"

namespace zicht::report::views::detail {

using analysis::Result;
using analysis::Table;
using analysis::View;
using charts::ChartSpec;

namespace {

const std::string& column_at(const View& v, size_t i, const std::string& fallback) {
  return v.columns.size() > i && !v.columns[i].empty() ? v.columns[i] : fallback;
}

// Index of key in keys, appending it (with its display text) when new.
size_t index_of(std::map<std::string, size_t>& index, std::vector<std::string>& names, const std::string& key,
                const std::string& name) {
  auto it = index.find(key);
  if (it != index.end()) return it->second;
  index.emplace(key, names.size());
  names.push_back(name);
  return names.size() - 1;
}

// A description key the lead may not have written yet: the generic sentence until it exists.
std::string described(const char* key, const std::vector<std::string>& args, const std::string& title,
                      const std::string& what, i18n::Lang lang) {
  const std::string pattern = tr(key, lang);
  if (pattern != key) return i18n::format(pattern, args);
  return i18n::format(tr("chart.desc.generic", lang), {title, what});
}

}  // namespace

bool build_category_map(const Result&, const Table& t, const View& v, i18n::Lang lang, const charts::Style& s,
                        Built& out) {
  static const std::string kRowId = "row_id", kRowLabel = "row_label", kGroup = "group", kClassLabel = "class_label",
                           kNone;
  const int xi = col(t, v.x), xk = v.x_key.empty() ? xi : col(t, v.x_key), si = col(t, v.series);
  const int ri = col(t, column_at(v, 0, kRowId)), rl = col(t, column_at(v, 1, kRowLabel));
  const int gi = v.columns.size() > 2 ? col(t, v.columns[2]) : col(t, kGroup);
  const int cli = v.columns.size() > 3 ? col(t, v.columns[3]) : col(t, kClassLabel);
  const int di = col(t, column_at(v, 4, kNone));
  const int row_key = ri >= 0 ? ri : rl;
  if (xi < 0 || xk < 0 || si < 0 || row_key < 0) return false;
  const std::vector<size_t> rows = drawn_rows(t, v);
  if (rows.empty()) return false;
  charts::CategoryMapSpec m;
  std::map<std::string, size_t> col_index, row_index, group_index, class_index;
  std::vector<std::string> row_names, row_group_names, group_names, class_keys, class_labels;
  std::vector<size_t> row_group;  // per row: its group index
  struct Cell { size_t r, c, k; std::string tip; };
  std::vector<Cell> cells;
  for (size_t row : rows) {
    const std::string code = analysis::view_key(cell(t, row, si));
    const size_t c = index_of(col_index, m.cols, analysis::view_key(cell(t, row, xk)), text(t, row, xi, lang));
    const size_t before = row_names.size();
    const size_t r = index_of(row_index, row_names, analysis::view_key(cell(t, row, row_key)),
                              text(t, row, rl >= 0 ? rl : row_key, lang));
    if (row_names.size() > before) {
      const std::string g = gi >= 0 ? text(t, row, gi, lang) : std::string();
      row_group.push_back(index_of(group_index, group_names, g, g));
    }
    if (code.empty()) continue;  // no class: no cell
    const std::string label = cli >= 0 ? text(t, row, cli, lang) : code;
    const size_t k = index_of(class_index, class_keys, code, code);
    if (class_labels.size() < class_keys.size()) class_labels.push_back(label.empty() ? code : label);
    std::string tip = row_names[r] + " · " + m.cols[c] + ": " + code + (class_labels[k] != code ? " (" + class_labels[k] + ")" : "");
    if (di >= 0) {
      const std::string detail = text(t, row, di, lang);
      if (!detail.empty()) tip += " — " + detail;
    }
    cells.push_back({r, c, k, std::move(tip)});
  }
  if (m.cols.empty() || row_names.empty()) return false;
  // Rows kept together per group, groups in the order they first appear.
  std::vector<size_t> row_order(row_names.size());
  for (size_t i = 0; i < row_order.size(); ++i) row_order[i] = i;
  std::stable_sort(row_order.begin(), row_order.end(), [&](size_t a, size_t b) { return row_group[a] < row_group[b]; });
  std::vector<size_t> row_pos(row_names.size());
  for (size_t i = 0; i < row_order.size(); ++i) {
    row_pos[row_order[i]] = i;
    m.rows.push_back(row_names[row_order[i]]);
    m.row_groups.push_back(group_names[row_group[row_order[i]]]);
  }
  // Classes: those with a colour key first, in colour_keys order, then the others as they appear.
  std::vector<size_t> class_order;
  for (const auto& [key, name] : v.colour_keys) {
    auto it = class_index.find(key);
    if (it != class_index.end() && std::find(class_order.begin(), class_order.end(), it->second) == class_order.end())
      class_order.push_back(it->second);
  }
  const size_t keyed = class_order.size();
  for (size_t k = 0; k < class_keys.size(); ++k)
    if (std::find(class_order.begin(), class_order.end(), k) == class_order.end()) class_order.push_back(k);
  std::vector<int> class_pos(class_keys.size());
  std::vector<size_t> counts(class_keys.size(), 0);
  for (size_t i = 0; i < class_order.size(); ++i) {
    const size_t k = class_order[i];
    class_pos[k] = static_cast<int>(i);
    charts::CategoryClass c;
    c.code = class_keys[k];
    c.label = class_labels[k];
    c.colour = colour_for(v, c.code, i >= keyed ? i - keyed : 0, s);
    for (const auto& [key, name] : v.colour_keys)
      if (key == c.code) c.fill = charts::semantic_fill(name);
    m.classes.push_back(std::move(c));
  }
  const size_t nc = m.cols.size();
  m.cells.assign(m.rows.size() * nc, -1);
  m.tips.assign(m.rows.size() * nc, std::string());
  for (auto& c : cells) {
    const size_t i = row_pos[c.r] * nc + c.c;
    m.cells[i] = class_pos[c.k];
    m.tips[i] = std::move(c.tip);
    ++counts[c.k];
  }
  m.legend_title = v.of(lang);
  // Description: rows × columns and the count of each class, in legend order.
  std::string what = std::to_string(m.rows.size()) + " × " + std::to_string(nc);
  for (size_t i = 0; i < class_order.size(); ++i)
    what += (i ? ", " : " — ") + m.classes[i].code + ": " + format_number(static_cast<double>(counts[class_order[i]]), 0, lang);
  out.categories = m.rows.size();
  out.series = m.classes.size();
  out.description = described("chart.desc.category_map", {out.chart_title, what}, out.chart_title, what, lang);
  out.spec.kind = ChartSpec::Kind::category_map;
  out.spec.category_map = std::move(m);
  return true;
}

bool build_dendrogram(const Result& r, const Table& t, const View& v, const Marks& marks, i18n::Lang lang,
                      const charts::Style&, Built& out) {
  static const std::string kStep = "step", kLeft = "left", kRight = "right", kHeight = "height", kLeaf = "leaf",
                           kLabel = "label";
  const int li = col(t, column_at(v, 1, kLeft)), ri = col(t, column_at(v, 2, kRight)),
            hi = col(t, column_at(v, 3, kHeight));
  if (li < 0 || ri < 0 || hi < 0) return false;
  charts::DendrogramSpec d;
  for (size_t row = 0; row < t.rows.size(); ++row) {
    const double a = num(t, row, li), b = num(t, row, ri), h = num(t, row, hi);
    if (!std::isfinite(a) || !std::isfinite(b) || !std::isfinite(h)) return false;
    d.left.push_back(static_cast<int>(a));
    d.right.push_back(static_cast<int>(b));
    d.heights.push_back(h);
  }
  const size_t n = d.left.size() + 1;
  d.labels.resize(n);
  for (size_t i = 0; i < n; ++i) d.labels[i] = std::to_string(i + 1);
  const Table* leaves = nullptr;
  for (const auto& tab : r.tables)
    if (!v.leaf_table.empty() && tab.id == v.leaf_table) leaves = &tab;
  if (leaves) {
    const int lk = col(*leaves, v.x_key.empty() ? kLeaf : v.x_key), ll = col(*leaves, v.x.empty() ? kLabel : v.x);
    for (size_t row = 0; row < leaves->rows.size() && lk >= 0; ++row) {
      const double k = num(*leaves, row, lk);
      if (!std::isfinite(k) || k < 1 || k > static_cast<double>(n)) return false;
      d.order.push_back(static_cast<int>(k));
      if (ll >= 0) d.labels[static_cast<size_t>(k) - 1] = text(*leaves, row, ll, lang);
    }
  }
  d.axis_label = v.of(lang);
  for (const auto& m : v.references) {
    if (!mark_on(m, marks)) continue;
    for (const auto& pt : m.points)
      if (pt.category.empty() && std::isfinite(pt.value)) d.references.emplace_back(m.label(lang), std::vector<double>{pt.value});
  }
  if (!charts::valid_dendrogram(d)) return false;
  const std::vector<int> order = d.order.empty() ? charts::dendrogram_order(d) : d.order;
  std::string names;
  for (int k : order) names += (names.empty() ? "" : ", ") + d.labels[static_cast<size_t>(k) - 1];
  double top = 0;
  for (double h : d.heights) top = std::max(top, h);
  const std::string what = names + " (" + format_number(top, 2, lang) + ")";
  out.categories = n;
  out.series = 1;
  out.description = described("chart.desc.dendrogram", {out.chart_title, names, format_number(top, 2, lang)},
                              out.chart_title, what, lang);
  out.spec.kind = ChartSpec::Kind::dendrogram;
  out.spec.dendrogram = std::move(d);
  return true;
}

}  // namespace zicht::report::views::detail
