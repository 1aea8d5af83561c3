// Coverage: per characteristic (which TO elements are common, which rare) and per form and group (the form's
// profile), each state counted with the three denominators of spec §4.2 — all cells, applicable (without NFD and
// UNC), valid (P + GP + NP, the parallel scale).
#include <algorithm>

#include "analysis/matrix/model.h"

namespace zicht::analysis::matrix::detail {

namespace {

struct Counts {
  long n[kStates] = {};
  long all() const {
    long s = 0;
    for (long x : n) s += x;
    return s;
  }
  long applicable() const { return all() - n[int(State::NFD)] - n[int(State::UNC)]; }
  long valid() const { return n[int(State::P)] + n[int(State::GP)] + n[int(State::NP)]; }
  long denominator(const std::string& policy) const {
    return policy == "all" ? all() : policy == "applicable" ? applicable() : valid();
  }
};

bool in_policy(State s, const std::string& policy) {
  if (policy == "all") return true;
  if (policy == "applicable") return !not_applicable(s);
  return on_scale(s);
}

std::vector<Column> count_columns() {
  std::vector<Column> cols;
  for (int s = 0; s < kStates; ++s) {
    const char* code = state_code(static_cast<State>(s));
    cols.push_back(Column{std::string("n_") + code, Text::same(code), Role::count, 0});
  }
  cols.push_back(col("denom_all", "matrix.col.denom_all", Role::denominator, 0));
  cols.push_back(col("denom_applicable", "matrix.col.denom_applicable", Role::denominator, 0));
  cols.push_back(col("denom_valid", "matrix.col.denom_valid", Role::denominator, 0));
  return cols;
}

void put_counts(std::vector<Value>& row, const Counts& c) {
  for (long x : c.n) row.push_back(Value::of(x));
  row.push_back(Value::of(c.all()));
  row.push_back(Value::of(c.applicable()));
  row.push_back(Value::of(c.valid()));
}

// The long table a 100 % stack is drawn from: one row per (category, state) with the state's share under every
// policy (a state outside a policy has no share there).
Table long_table(const std::string& id, const std::string& x_key, const std::vector<std::string>& x_nl,
                 const std::vector<std::string>& facet_nl, const std::vector<Counts>& counts, const Model& m) {
  Table t;
  t.id = id;
  t.columns = {col("x", x_key, Role::category), col("class", "matrix.col.class", Role::category),
               col("class_label", "matrix.col.class_label", Role::category), col("n", "matrix.col.n", Role::count, 0)};
  if (!facet_nl.empty()) t.columns.insert(t.columns.begin() + 1, col("facet", "matrix.col.group", Role::category));
  for (const char* p : {"valid", "applicable", "all"}) {
    t.columns.push_back(col(std::string("pct_") + p, std::string("matrix.col.pct_") + p, Role::percent, 1));
    t.columns.push_back(col(std::string("denom_") + p, std::string("matrix.col.denom_") + p, Role::denominator, 0));
  }
  for (size_t i = 0; i < counts.size(); ++i)
    for (int s = 0; s < kStates; ++s) {
      const State st = static_cast<State>(s);
      std::vector<Value> row{Value::str(x_nl[i])};
      if (!facet_nl.empty()) row.push_back(Value::str(facet_nl[i]));
      row.push_back(Value::str(state_code(st)));
      row.push_back(state_label(st, m));
      row.push_back(Value::of(counts[i].n[s]));
      for (const char* p : {"valid", "applicable", "all"}) {
        const long d = counts[i].denominator(p);
        row.push_back(in_policy(st, p) ? pct(counts[i].n[s], d) : Value::na());
        row.push_back(Value::of(d));
      }
      t.rows.push_back(std::move(row));
    }
  return t;
}

void state_colours(View& v, const Model& m) {
  for (int s = 0; s < kStates; ++s) {
    const State st = static_cast<State>(s);
    v.colour_keys.push_back({state_label(st, m).s, std::string("class.") + state_code(st)});
  }
}

View stack_view(const std::string& table, const Options& o, const Model& m, const std::string& of_key) {
  View v;
  v.kind = ViewKind::bar;
  v.table = table;
  v.x = "x";
  v.series = "class_label";
  v.y = {"pct_" + o.policy};
  v.unit = Unit::percent;
  v.numerators = {"n"};
  v.denominators = {"denom_" + o.policy};
  v.policy = o.policy;
  v.mode = BarMode::stacked100;
  v.orientation = Orientation::horizontal;
  const Text of = Text::key(of_key);
  v.of_nl = of.nl;
  v.of_en = of.en;
  std::vector<std::string> out;
  for (int s = 0; s < kStates; ++s)
    if (!in_policy(static_cast<State>(s), o.policy)) out.push_back(state_code(static_cast<State>(s)));
  if (!out.empty()) v.rows.push_back(RowCondition{"class", {}, out});
  state_colours(v, m);
  return v;
}

}  // namespace

std::vector<Result> coverage_results(const Model& m, const Options& o) {
  const size_t nc = m.nc(), nf = m.nf();
  const Coding& v = m.coding();
  // Per characteristic.
  Result rows = make_result("matrix.coverage_rows", "matrix.result.coverage_rows", "matrix.unit.cells");
  Table summary = make_table("rows", "matrix.table.coverage_rows");
  summary.columns = {col("characteristic_id", "matrix.col.characteristic_id", Role::category),
                     col("label", "matrix.col.characteristic", Role::category),
                     col("group", "matrix.col.group", Role::category)};
  for (auto& c : count_columns()) summary.columns.push_back(c);
  summary.columns.push_back(col("pct_P_valid", "matrix.col.pct_P_valid", Role::percent, 1));
  summary.columns.push_back(col("pct_P_applicable", "matrix.col.pct_P_applicable", Role::percent, 1));
  summary.columns.push_back(col("signal", "matrix.col.signal", Role::category));
  Table rare, common;
  rare.id = "rare";
  rare.title = Text::key("matrix.table.rare");
  common.id = "common";
  common.title = Text::key("matrix.table.common");
  for (Table* t : {&rare, &common})
    t->columns = {col("characteristic_id", "matrix.col.characteristic_id", Role::category),
                  col("label", "matrix.col.characteristic", Role::category),
                  col("n_P", "matrix.col.forms_P", Role::count, 0),
                  col("denom_applicable", "matrix.col.denom_applicable", Role::denominator, 0)};
  std::vector<Counts> per_row;
  std::vector<std::string> row_labels;
  for (size_t c = 0; c < nc; ++c) {
    if (!m.row_on[c]) continue;
    Counts k;
    for (size_t f = 0; f < nf; ++f)
      if (m.form_on[f]) ++k.n[int(v.cells[f * nc + c].state)];
    const bool by_design = m.chars[c].filled_by_design == "false";
    const long p = k.n[int(State::P)];
    const bool is_rare = !by_design && k.applicable() > 0 && p <= o.rare_max_forms;
    const bool is_common = !by_design && k.applicable() > 0 && 2 * p >= k.applicable();
    std::vector<Value> r{Value::str(m.chars[c].id), Value::str(m.chars[c].label), Value::str(m.chars[c].group)};
    put_counts(r, k);
    r.push_back(pct(p, k.valid()));
    r.push_back(pct(p, k.applicable()));
    r.push_back(Value::label(Text::key(by_design ? "matrix.signal.by_design"
                                       : is_rare ? "matrix.signal.rare"
                                       : is_common ? "matrix.signal.common"
                                                   : "matrix.signal.none")));
    summary.rows.push_back(std::move(r));
    if (is_rare || is_common)
      (is_rare ? rare : common).rows.push_back({Value::str(m.chars[c].id), Value::str(m.chars[c].label), Value::of(p),
                                                 Value::of(k.applicable())});
    if (k.applicable() == 0) continue;  // every cell not filled by design or uncoded: no bar to draw
    per_row.push_back(k);
    row_labels.push_back(m.chars[c].id + " " + m.chars[c].label);
  }
  rows.tables = table_list(std::move(summary), std::move(rare), std::move(common),
                           long_table("stack", "matrix.col.characteristic", row_labels, {}, per_row, m));
  rows.views.push_back(stack_view("stack", o, m, "matrix.of.forms"));
  rows.notes.push_back(Text::key("matrix.note.rare_common"));

  // Per form (and per form × group).
  Result forms = make_result("matrix.coverage_forms", "matrix.result.coverage_forms", "matrix.unit.cells");
  Table ft = make_table("forms", "matrix.table.coverage_forms");
  ft.columns = {col("support_form_id", "matrix.col.support_form_id", Role::category),
                col("label", "matrix.col.form", Role::category), col("regie", "matrix.col.regie", Role::category)};
  for (auto& c : count_columns()) ft.columns.push_back(c);
  ft.columns.push_back(col("parallel_share", "matrix.col.parallel_share", Role::percent, 1));
  ft.columns.push_back(col("weighted_share", "matrix.col.weighted_share", Role::percent, 1));
  std::vector<Counts> per_form, per_group;
  std::vector<std::string> form_labels, group_forms, group_names;
  for (size_t f = 0; f < nf; ++f) {
    if (!m.form_on[f]) continue;
    Counts k;
    std::vector<std::string> groups;
    std::vector<Counts> g;
    for (size_t c = 0; c < nc; ++c) {
      if (!m.row_on[c]) continue;
      const State s = v.cells[f * nc + c].state;
      ++k.n[int(s)];
      auto it = std::find(groups.begin(), groups.end(), m.chars[c].group);
      if (it == groups.end()) {
        groups.push_back(m.chars[c].group);
        g.emplace_back();
        it = groups.end() - 1;
      }
      ++g[size_t(it - groups.begin())].n[int(s)];
    }
    std::vector<Value> r{Value::str(m.forms[f].id), Value::str(m.forms[f].label), Value::str(m.forms[f].regie)};
    put_counts(r, k);
    const long val = k.valid();
    r.push_back(pct(k.n[int(State::P)], val));
    r.push_back(val > 0 ? Value::num(100.0 * (double(k.n[int(State::P)]) + 0.5 * double(k.n[int(State::GP)])) / double(val))
                        : Value::na());
    ft.rows.push_back(std::move(r));
    per_form.push_back(k);
    form_labels.push_back(m.forms[f].label);
    for (size_t i = 0; i < groups.size(); ++i) {
      per_group.push_back(g[i]);
      group_forms.push_back(m.forms[f].label);
      group_names.push_back(groups[i]);
    }
  }
  forms.tables = table_list(std::move(ft), long_table("stack", "matrix.col.form", form_labels, {}, per_form, m),
                            long_table("by_group", "matrix.col.form", group_forms, group_names, per_group, m));
  View all = stack_view("stack", o, m, "matrix.of.characteristics");
  all.id = "forms";
  forms.views.push_back(all);
  View multiples = stack_view("by_group", o, m, "matrix.of.characteristics");
  multiples.id = "groups";
  multiples.x = "facet";
  multiples.facet = "x";
  const Text t = Text::key("matrix.view.per_group");
  multiples.title_nl = t.nl;
  multiples.title_en = t.en;
  forms.views.push_back(multiples);
  forms.notes.push_back(Text::key("matrix.note.no_ranking"));
  std::vector<Result> out;  // moved, not copied as a braced list would
  out.push_back(std::move(rows));
  out.push_back(std::move(forms));
  return out;
}

}  // namespace zicht::analysis::matrix::detail
