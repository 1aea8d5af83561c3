// Blocking before × after for the closed trajectories (the closing overleg's only structured outcome, 001:L736–741):
// the 3 × 3 table, Bowker's symmetry test (stats::mcnemar on k × k = R's mcnemar.test), Stuart–Maxwell marginal
// homogeneity (= coin::mh_test), the collapsed 2 × 2 McNemar (blocked or threatened vs not; with R's continuity
// correction and the exact binomial variant), and the alluvial before → after.
#include "analysis/trajecten/model.h"
#include "stats/paired.h"

namespace zicht::analysis::trajecten::detail {

namespace {
void warn(TestResult& t, const stats::ResultInfo& info) {
  for (const auto& w : info.warnings) t.warnings.push_back(w.code);
}
}  // namespace

Result blocking_result(const Model& m) {
  Result r = make_result("trajecten.blocking", "trajecten.result.blocking", "trajecten.unit.closed");
  if (!m.have) {
    needs_file(r);
    return r;
  }
  stats::CountTable k3(3, std::vector<long>(3, 0));
  long pairs = 0, incomplete = 0;
  for (const auto& g : m.regs) {
    if (!g.started() || g.closed == kNoDay) continue;
    if (g.block_before < 0 || g.block_after < 0) {
      ++incomplete;
      continue;
    }
    k3[size_t(g.block_before)][size_t(g.block_after)]++;
    ++pairs;
  }
  Table t = make_table("table", "trajecten.table.blocking");
  t.columns = {col("before", "trajecten.col.before", Role::category)};
  for (int j = 0; j < 3; ++j)
    t.columns.push_back(col(std::string("after_") + std::to_string(j), std::string("trajecten.block.after_") + std::to_string(j),
                            Role::count, 0));
  t.columns.push_back(col("total", "trajecten.col.total", Role::count, 0));
  for (int i = 0; i < 3; ++i) {
    std::vector<Value> row = {Value::str(kBlocks[i])};
    long s = 0;
    for (int j = 0; j < 3; ++j) row.push_back(Value::of(k3[size_t(i)][size_t(j)])), s += k3[size_t(i)][size_t(j)];
    row.push_back(Value::of(s));
    t.rows.push_back(std::move(row));
  }
  Table flows = make_table("flows", "trajecten.table.blocking_flows");
  flows.columns = {col("before", "trajecten.col.before", Role::category), col("stage", "trajecten.col.stage", Role::category),
                   col("after", "trajecten.col.after", Role::category), col("n", "trajecten.col.trajectories", Role::count, 0)};
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      if (k3[size_t(i)][size_t(j)] > 0)
        flows.rows.push_back({Value::str(kBlocks[i]), L("trajecten.stage.trajectory"), Value::str(kBlocks[j]),
                              Value::of(k3[size_t(i)][size_t(j)])});
  Table c2 = make_table("collapsed", "trajecten.table.blocking_collapsed");
  c2.columns = {col("before", "trajecten.col.before", Role::category),
                col("after_blocked", "trajecten.block.after_blocked_or_threatened", Role::count, 0),
                col("after_not", "trajecten.block.after_not", Role::count, 0)};
  stats::CountTable k2(2, std::vector<long>(2, 0));
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) k2[i == 2 ? 1 : 0][j == 2 ? 1 : 0] += k3[size_t(i)][size_t(j)];
  c2.rows.push_back({L("trajecten.block.blocked_or_threatened"), Value::of(k2[0][0]), Value::of(k2[0][1])});
  c2.rows.push_back({L("trajecten.block.not"), Value::of(k2[1][0]), Value::of(k2[1][1])});
  r.tables.push_back(std::move(t));
  r.tables.push_back(std::move(c2));
  r.tables.push_back(std::move(flows));
  if (pairs > 0) {
    const stats::McNemarResult b = stats::mcnemar(k3);
    r.tests.push_back(make_test("bowker", "mcnemar.test 3x3", pairs, b.statistic, "McNemar's chi-squared", b.df, b.p_value));
    warn(r.tests.back(), b.info);
    const stats::MarginalHomogeneityResult sm = stats::stuart_maxwell(k3);
    r.tests.push_back(make_test("stuart_maxwell", "coin::mh_test (asymptotic)", pairs, sm.statistic, "chi-squared", sm.df, sm.p_value));
    warn(r.tests.back(), sm.info);
    const stats::McNemarResult mc = stats::mcnemar(k2, true);
    r.tests.push_back(make_test("mcnemar", "2x2, continuity correction", pairs, mc.statistic, "McNemar's chi-squared", mc.df, mc.p_value));
    warn(r.tests.back(), mc.info);
    if (mc.small) r.tests.back().warnings.push_back("small_discordant");
    r.tests.push_back(make_test("mcnemar_exact", "binom.test(b, b + c)", pairs, double(mc.b), "b", NAN, mc.exact_p_value));
  }
  View v;
  v.id = "flows";
  v.kind = ViewKind::sankey;
  v.table = "flows";
  v.x = "before";
  v.columns = {"before", "stage", "after"};
  v.y = {"n"};
  v.unit = Unit::count;
  set_of(v, "trajecten.of.closed");
  r.views.push_back(v);
  if (incomplete > 0) r.notes.push_back(counted("trajecten.note.blocking_incomplete", incomplete));
  r.notes.push_back(Text::key("trajecten.note.blocking_code"));
  return r;
}

}  // namespace zicht::analysis::trajecten::detail
