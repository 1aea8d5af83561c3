// Tables 2–4 of the progress report recomputed from the rows — age at registration, region and referrer of the
// *started* trajectories (spec §2.5: the 18, not the 28 registrations) — plus age at closure, and the reasons for
// registration (multi-response). Every age in range and every region of the list is shown, zeros included; the
// referrer subtotals are computed from the level-2 codes, never typed. The Delen coarsening options (age bands,
// referrer level 1, merged regions) are applied here when switched on.
#include <algorithm>
#include <map>

#include "analysis/trajecten/model.h"
#include "core/schema.h"
#include "stats/descriptives.h"

namespace zicht::analysis::trajecten::detail {

namespace {

std::vector<Column> share_columns(const char* first, const char* first_key) {
  return {col(first, first_key, Role::category), col("n", "trajecten.col.trajectories", Role::count, 0),
          col("pct_fixed", "trajecten.col.pct_of_started", Role::percent, 1),
          col("denom_fixed", "trajecten.col.started", Role::denominator, 0)};
}

View share_view(const std::string& table, const std::string& x, const std::string& of_key) {
  View v;
  v.kind = ViewKind::bar;
  v.table = table;
  v.x = x;
  v.y = {"n"};
  v.unit = Unit::count;
  set_of(v, of_key);
  return v;
}

// Rows "label, n, pct, denominator" from an ordered list of (label, n), plus a Missing row when any.
void fill(Table& t, const std::vector<std::pair<Value, long>>& rows, long missing, long den) {
  for (const auto& [label, n] : rows) t.rows.push_back({label, Value::of(n), pct(n, den), Value::of(den)});
  if (missing > 0) t.rows.push_back({L("trajecten.row.missing"), Value::of(missing), Value::na(), Value::na()});
}

}  // namespace

Result age_result(const Model& m, const Options& o) {
  Result r = make_result("trajecten.age", "trajecten.result.age", "trajecten.unit.started");
  if (!m.have) {
    needs_file(r);
    return r;
  }
  const bool coarse = o.coarsen_age;
  std::vector<double> ages;
  int lo = 1000, hi = -1;
  long missing = 0;
  for (const auto& g : m.regs) {
    if (!g.started()) continue;
    if (g.age < 0) {
      ++missing;
      continue;
    }
    ages.push_back(g.age);
    lo = std::min(lo, g.age);
    hi = std::max(hi, g.age);
  }
  const long den = long(ages.size());
  std::vector<std::pair<Value, long>> rows;
  for (int a = lo; a <= hi; ++a) {
    const std::string label = age_label(o, a, coarse);
    const long n = long(std::count(ages.begin(), ages.end(), double(a)));
    if (!rows.empty() && rows.back().first.s == label) rows.back().second += n;
    else rows.push_back({Value::str(label), n});
  }
  Table t = make_table("ages", coarse ? "trajecten.table.age_bands" : "trajecten.table.age");
  t.columns = share_columns("age", "trajecten.col.age");
  fill(t, rows, missing, den);
  const stats::Descriptives d = stats::describe(ages);
  Table s = make_table("summary", "trajecten.table.age_summary");
  s.columns = {col("moment", "trajecten.col.moment", Role::category), col("n", "trajecten.col.n", Role::count, 0),
               col("mean", "trajecten.col.mean", Role::statistic, 2), col("median", "trajecten.col.median", Role::statistic, 1),
               col("min", "trajecten.col.min", Role::statistic, 0), col("max", "trajecten.col.max", Role::statistic, 0)};
  s.rows.push_back({L("trajecten.row.at_registration"), Value::of(den), num_or_na(d.mean), num_or_na(d.median),
                    num_or_na(d.min), num_or_na(d.max)});
  // Age at closure (spec §2.5: "tussen 10 en 17 jaar" is age during the trajectory), from the birth month.
  std::vector<double> at_close;
  std::map<int, long> close_counts;
  for (const auto& g : m.regs)
    if (g.started() && g.closed != kNoDay) {
      const int a = g.age_at(g.closed);
      if (a >= 0) {
        at_close.push_back(a);
        close_counts[a]++;
      }
    }
  const stats::Descriptives dc = stats::describe(at_close);
  s.rows.push_back({L("trajecten.row.at_closure"), Value::of(long(at_close.size())), num_or_na(dc.mean),
                    num_or_na(dc.median), num_or_na(dc.min), num_or_na(dc.max)});
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(s));
  if (!at_close.empty()) {
    Table c = make_table("ages_closure", "trajecten.table.age_closure");
    c.columns = {col("age", "trajecten.col.age", Role::category), col("n", "trajecten.col.trajectories", Role::count, 0),
                 col("pct_fixed", "trajecten.col.pct_of_closed", Role::percent, 1),
                 col("denom_fixed", "trajecten.col.closed", Role::denominator, 0)};
    std::vector<std::pair<Value, long>> rows_c;
    for (int a = close_counts.begin()->first; a <= close_counts.rbegin()->first; ++a) {
      const std::string label = age_label(o, a, coarse);
      const long n = close_counts.count(a) ? close_counts[a] : 0;
      if (!rows_c.empty() && rows_c.back().first.s == label) rows_c.back().second += n;
      else rows_c.push_back({Value::str(label), n});
    }
    fill(c, rows_c, 0, long(at_close.size()));
    r.tables.push_back(std::move(c));
  } else {
    r.notes.push_back(Text::key("trajecten.note.no_birth_month"));
  }
  View v = share_view("ages", "age", "trajecten.of.started");
  v.x_scale = Scale::ordinal;
  v.rows.push_back(category_rows(r.tables[0], "age"));
  r.views.push_back(v);
  r.notes.push_back(Text::key("trajecten.note.age_two_moments"));
  if (coarse) r.notes.push_back(Text::key("trajecten.note.coarsened_age"));
  return r;
}

Result region_result(const Model& m, const Options& o) {
  Result r = make_result("trajecten.region", "trajecten.result.region", "trajecten.unit.started");
  if (!m.have) {
    needs_file(r);
    return r;
  }
  const bool coarse = o.coarsen_region;
  std::vector<std::pair<Value, long>> rows;
  auto add = [&](const std::string& label, long n) {
    for (auto& x : rows)
      if (x.first.s == label) {
        x.second += n;
        return;
      }
    rows.push_back({Value::str(label), n});
  };
  for (const char* g : kRegions) add(region_label(o, g, coarse), 0);
  long missing = 0, outside = 0, den = 0;
  for (const auto& g : m.regs) {
    if (!g.started()) continue;
    if (g.region.empty()) ++missing;
    else if (g.region == "buiten regio") ++outside, ++den;
    else add(region_label(o, g.region, coarse), 1), ++den;
  }
  if (outside > 0) rows.push_back({Value::str("buiten regio"), outside});
  Table t = make_table("regions", "trajecten.table.region");
  t.columns = share_columns("region", "trajecten.col.region");
  fill(t, rows, missing, den);
  r.tables.push_back(std::move(t));
  View v = share_view("regions", "region", "trajecten.of.started");
  v.rows.push_back(category_rows(r.tables[0], "region"));
  r.views.push_back(v);
  if (coarse) r.notes.push_back(Text::key("trajecten.note.coarsened_region"));
  return r;
}

Result referrer_result(const Model& m, const Options& o) {
  Result r = make_result("trajecten.referrer", "trajecten.result.referrer", "trajecten.unit.started");
  if (!m.have) {
    needs_file(r);
    return r;
  }
  const bool coarse = o.coarsen_referrer;
  // Level 1 in the list's order, then unlisted ones in file order; level-2 codes in the list's order, then others.
  std::vector<std::string> order1;
  std::map<std::string, std::vector<std::string>> order2;
  std::map<std::string, long> n1;
  std::map<std::pair<std::string, std::string>, long> n2;
  for (const auto& ref : o.referrers) {
    order1.push_back(ref.code);
    order2[ref.code] = ref.children;
  }
  long den = 0, missing = 0;
  for (const auto& g : m.regs) {
    if (!g.started()) continue;
    if (g.ref1.empty()) {
      ++missing;
      continue;
    }
    ++den;
    if (std::find(order1.begin(), order1.end(), g.ref1) == order1.end()) order1.push_back(g.ref1);
    n1[g.ref1]++;
    if (!g.ref2.empty()) {
      auto& o2 = order2[g.ref1];
      if (std::find(o2.begin(), o2.end(), g.ref2) == o2.end()) o2.push_back(g.ref2);
      n2[{g.ref1, g.ref2}]++;
    }
  }
  Table t = make_table("referrers", "trajecten.table.referrer");
  t.columns = {col("referrer", "trajecten.col.referrer", Role::category), col("level", "trajecten.col.level", Role::category),
               col("parent", "trajecten.col.parent", Role::category), col("n", "trajecten.col.trajectories", Role::count, 0),
               col("pct_fixed", "trajecten.col.pct_of_started", Role::percent, 1),
               col("denom_fixed", "trajecten.col.started", Role::denominator, 0)};
  Table st = make_table("stack", "trajecten.table.referrer_stack");
  st.columns = {col("referrer", "trajecten.col.referrer", Role::category), col("detail", "trajecten.col.detail", Role::category),
                col("n", "trajecten.col.trajectories", Role::count, 0)};
  for (const auto& a : order1) {
    const long n = n1.count(a) ? n1[a] : 0;
    const bool has_children = !coarse && !order2[a].empty();
    Value label = Value::str(a);
    if (has_children) {
      const Text sub = Text::key("trajecten.label.subtotal");
      label = Value::label(Text{a + " (" + sub.nl + ")", a + " (" + sub.en + ")"});
    }
    t.rows.push_back({label, Value::of(1), Value::str(""), Value::of(n), pct(n, den), Value::of(den)});
    long in_children = 0;
    if (has_children)
      for (const auto& b : order2[a]) {
        const long k = n2.count({a, b}) ? n2[{a, b}] : 0;
        in_children += k;
        t.rows.push_back({Value::str("  • " + b), Value::of(2), Value::str(a), Value::of(k), pct(k, den), Value::of(den)});
        st.rows.push_back({Value::str(a), Value::str(b), Value::of(k)});
      }
    if (has_children && n > in_children) {
      // Level 1 without a detail: its own row under the subtotal, so the subtotal is the sum of its rows.
      const Text nd = Text::key("trajecten.label.no_detail");
      t.rows.push_back({Value::label(Text{"  • " + nd.nl, "  • " + nd.en}), Value::of(2), Value::str(a),
                        Value::of(n - in_children), pct(n - in_children, den), Value::of(den)});
      st.rows.push_back({Value::str(a), Value::label(nd), Value::of(n - in_children)});
    }
    if (!has_children) st.rows.push_back({Value::str(a), Value::label(Text::key("trajecten.label.no_detail")), Value::of(n)});
  }
  if (missing > 0)
    t.rows.push_back({L("trajecten.row.missing"), Value::of(1), Value::str(""), Value::of(missing), Value::na(), Value::na()});
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(st));
  View v;
  v.kind = ViewKind::bar;
  v.table = "stack";
  v.x = "referrer";
  v.series = "detail";
  v.y = {"n"};
  v.mode = BarMode::stacked;
  v.orientation = Orientation::horizontal;
  v.unit = Unit::count;
  // A referrer without detail codes is one grey segment, so the palette's colours name only the details.
  v.colour_keys = {{view_key(Value::label(Text::key("trajecten.label.no_detail"))), "group.none"}};
  set_of(v, "trajecten.of.started");
  r.views.push_back(v);
  r.notes.push_back(Text::key("trajecten.note.subtotals_computed"));
  r.notes.push_back(Text::key("trajecten.note.act"));
  if (coarse) r.notes.push_back(Text::key("trajecten.note.coarsened_referrer"));
  return r;
}

Result reasons_result(const Model& m) {
  Result r = make_result("trajecten.reasons", "trajecten.result.reasons", "trajecten.unit.registrations");
  if (!m.have) {
    needs_file(r);
    return r;
  }
  std::vector<std::string> order;
  // The schema's code list first, in its order, then unlisted reasons as found.
  if (const core::Schema* s = core::find_schema("trajecten"))
      if (const core::FieldSpec* f = s->field("reden_aanmelding"))
        for (const auto& c : f->codes) order.push_back(c.code);
  std::map<std::string, long> n;
  long with = 0, responses = 0, without = 0;
  for (const auto& g : m.regs) {
    if (g.reasons.empty()) {
      ++without;
      continue;
    }
    ++with;
    for (const auto& x : g.reasons) {
      if (std::find(order.begin(), order.end(), x) == order.end()) order.push_back(x);
      n[x]++;
      ++responses;
    }
  }
  Table t = make_table("reasons", "trajecten.table.reasons");
  t.columns = {col("reason", "trajecten.col.reason", Role::category), col("n", "trajecten.col.responses", Role::count, 0),
               col("pct_fixed", "trajecten.col.pct_of_registrations_with", Role::percent, 1),
               col("denom_fixed", "trajecten.col.registrations_with_reason", Role::denominator, 0)};
  for (const auto& x : order) {
    const long k = n.count(x) ? n[x] : 0;
    t.rows.push_back({Value::str(x), Value::of(k), pct(k, with), Value::of(with)});
  }
  if (without > 0) t.rows.push_back({L("trajecten.row.missing"), Value::of(without), Value::na(), Value::na()});
  Table s = make_table("responses", "trajecten.table.responses");
  s.columns = {col("what", "trajecten.col.what", Role::category), col("n", "trajecten.col.n", Role::count, 0)};
  s.rows.push_back({L("trajecten.row.registrations_with_reason"), Value::of(with)});
  s.rows.push_back({L("trajecten.row.responses"), Value::of(responses)});
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(s));
  View v;
  v.kind = ViewKind::bar;
  v.table = "reasons";
  v.x = "reason";
  v.y = {"pct_fixed"};
  v.unit = Unit::percent;
  v.numerators = {"n"};
  v.denominators = {"denom_fixed"};
  v.policy = "fixed";
  v.orientation = Orientation::horizontal;
  v.rows.push_back(category_rows(r.tables[0], "reason"));
  set_of(v, "trajecten.of.registrations");
  r.views.push_back(v);
  r.notes.push_back(Text::key("trajecten.note.multi_response"));
  return r;
}

}  // namespace zicht::analysis::trajecten::detail
