// Fisher's exact test for r x c tables by the network algorithm (see contingency.h).
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <vector>

#include "stats/contingency.h"
#include "stats/contingency_margins.h"
#include "stats/distributions.h"

namespace zicht::stats {

using detail::drop_empty_margins;
using detail::is_rectangular_nonnegative;
using detail::Margins;
using detail::margins_of;

namespace {

// log(n!) from a table grown on demand: the network evaluates it millions of times. Memoisation only
// (no observable state), and every value in one test comes from the same table, so the comparisons
// against the observed table's value are consistent.
double lfact(long n) {
  static std::vector<double> table{0.0};
  if (n < 0) return std::numeric_limits<double>::quiet_NaN();
  while (static_cast<long>(table.size()) <= n) table.push_back(table.back() + std::log(static_cast<double>(table.size())));
  return table[static_cast<size_t>(n)];
}

}  // namespace

namespace {

using State = std::vector<long>;  // remaining row totals, sorted (rows are exchangeable for what remains)

struct Past {
  double value;       // sum of -log(x!) over the cells fixed so far
  double multiplicity;  // number of partial tables merged into this node with (numerically) this value
};

// Maximum of sum_j log(x_j!) with sum_j x_j = total and 0 <= x_j <= cap_j: fill the largest caps first (that vector majorises every feasible one).
double max_log_fact_sum(long total, std::vector<long> caps) {
  std::sort(caps.begin(), caps.end(), std::greater<long>());
  double s = 0;
  for (long c : caps) {
    if (total <= 0) break;
    const long take = std::min(c, total);
    s += lfact(take);
    total -= take;
  }
  return s;
}

// Exact minimum of sum_ij log(x_ij!) over all tables with row totals `rows` and column totals `cols`, i.e.
// the most probable table (its -value is the longest path of the network). The cost is convex and separable,
// so adding one unit at a time along a cheapest augmenting path (successive shortest paths, Bellman-Ford on
// the residual bipartite graph) is optimal. With two rows this reduces to greedy marginal allocation.
double exact_min_log_fact_table(const std::vector<long>& rows, const std::vector<long>& cols) {
  const size_t nr = rows.size(), nc = cols.size();
  if (nr == 1 || nc == 1) {
    double s = 0;
    for (long v : (nr == 1 ? cols : rows)) s += lfact(v);
    return s;
  }
  if (nr == 2) {
    // Put a_j units of column j in row 0 (the rest in row 1). Marginal cost of a_j -> a_j + 1 is
    // log(a_j + 1) - log(c_j - a_j), increasing in a_j: allocate rows[0] units cheapest-first.
    std::vector<long> a(nc, 0);
    double s = 0;
    for (long c : cols) s += lfact(c);
    for (long unit = 0; unit < rows[0]; ++unit) {
      size_t best = nc;
      double best_cost = std::numeric_limits<double>::infinity();
      for (size_t j = 0; j < nc; ++j) {
        if (a[j] >= cols[j]) continue;
        const double cost = std::log(static_cast<double>(a[j] + 1)) - std::log(static_cast<double>(cols[j] - a[j]));
        if (cost < best_cost) {
          best_cost = cost;
          best = j;
        }
      }
      s += best_cost;
      ++a[best];
    }
    return s;
  }
  std::vector<std::vector<long>> x(nr, std::vector<long>(nc, 0));
  std::vector<long> row_left = rows, col_left = cols;
  long total = 0;
  for (long v : rows) total += v;
  const double inf = std::numeric_limits<double>::infinity();
  // Nodes: 0..nr-1 rows, nr..nr+nc-1 columns. Forward row->col costs log(x+1); backward col->row -log(x).
  for (long unit = 0; unit < total; ++unit) {
    std::vector<double> dist(nr + nc, inf);
    std::vector<long> pred(nr + nc, -1);
    for (size_t i = 0; i < nr; ++i)
      if (row_left[i] > 0) dist[i] = 0;
    for (size_t pass = 0; pass < nr + nc; ++pass) {
      bool changed = false;
      for (size_t i = 0; i < nr; ++i) {
        if (dist[i] == inf) continue;
        for (size_t j = 0; j < nc; ++j) {
          const double d = dist[i] + std::log(static_cast<double>(x[i][j] + 1));
          if (d < dist[nr + j] - 1e-12) {
            dist[nr + j] = d;
            pred[nr + j] = static_cast<long>(i);
            changed = true;
          }
        }
      }
      for (size_t j = 0; j < nc; ++j) {
        if (dist[nr + j] == inf) continue;
        for (size_t i = 0; i < nr; ++i) {
          if (x[i][j] == 0) continue;
          const double d = dist[nr + j] - std::log(static_cast<double>(x[i][j]));
          if (d < dist[i] - 1e-12) {
            dist[i] = d;
            pred[i] = static_cast<long>(nr + j);
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    size_t end = nc;
    for (size_t j = 0; j < nc; ++j)
      if (col_left[j] > 0 && dist[nr + j] < inf && (end == nc || dist[nr + j] < dist[nr + end])) end = j;
    // Walk back from the column to a source row, flipping flows.
    size_t node = nr + end;
    --col_left[end];
    while (true) {
      const long p = pred[node];
      if (node >= nr) {  // reached column via forward edge from row p
        ++x[static_cast<size_t>(p)][node - nr];
        node = static_cast<size_t>(p);
      } else {
        if (p < 0) break;  // a source row
        --x[node][static_cast<size_t>(p) - nr];
        node = static_cast<size_t>(p);
      }
    }
    --row_left[node];
  }
  double s = 0;
  for (const auto& row : x)
    for (long v : row) s += lfact(v);
  return s;
}

struct NodeBounds {
  double log_total;  // log of the sum over all completions of prod 1/x!
  double max_rest;   // upper bound of max over completions of sum -log x!
  double min_rest;   // lower bound of min over completions of sum -log x!
};

NodeBounds bounds_for(const State& rows, const std::vector<long>& columns, size_t stage) {
  std::vector<long> cols(columns.begin() + static_cast<long>(stage), columns.end());
  long n = 0;
  for (long r : rows) n += r;
  NodeBounds b{};
  b.log_total = lfact(n);
  for (long r : rows) b.log_total -= lfact(r);
  for (long c : cols) b.log_total -= lfact(c);
  // The most probable completion exactly; for the least probable one a bound from relaxing to row
  // constraints only, then to column constraints only (each relaxation can only raise the maximum).
  b.max_rest = -exact_min_log_fact_table(rows, cols);
  double max_by_rows = 0, max_by_cols = 0;
  for (long r : rows) max_by_rows += max_log_fact_sum(r, cols);
  for (long c : cols) max_by_cols += max_log_fact_sum(c, rows);
  b.min_rest = -std::min(max_by_rows, max_by_cols);
  return b;
}

// All ways to put `total` into cells under the remaining row totals `caps`.
void enumerate_column(const State& caps, long total, size_t k, std::vector<long>& current,
                      std::vector<std::vector<long>>& out) {
  if (k + 1 == caps.size()) {
    if (total <= caps[k]) {
      current[k] = total;
      out.push_back(current);
    }
    return;
  }
  long capacity_after = 0;
  for (size_t i = k + 1; i < caps.size(); ++i) capacity_after += caps[i];
  const long lo = std::max(0L, total - capacity_after), hi = std::min(caps[k], total);
  for (long x = lo; x <= hi; ++x) {
    current[k] = x;
    enumerate_column(caps, total - x, k + 1, current, out);
  }
}

long long past_key(double value) { return std::llround(value * 1e9); }

// All completions of a node (stage, remaining row totals): their values sum(-log x!) sorted ascending, with
// cumulative sums of multiplicity * exp(value - top) for prefix sums of probabilities.
struct FutureList {
  std::vector<double> values;
  std::vector<double> multiplicity;
  std::vector<double> cumulative;
  double top = 0;  // largest value, the scale of `cumulative`
};

class FutureMemo {
 public:
  FutureMemo(const std::vector<long>& columns, double& work, double work_limit)
      : columns_(columns), memo_(columns.size()), work_(work), limit_(work_limit) {}
  bool exhausted() const { return work_ > limit_; }

  // Upper bound on the number of completions from `stage`: compositions of each column but the last.
  double estimated_count(size_t stage, size_t rows) const {
    double est = 1;
    for (size_t j = stage; j + 1 < columns_.size(); ++j) {
      // C(c + r - 1, r - 1) ways to split c over r rows, ignoring the row caps.
      double ways = 1;
      for (size_t k = 1; k < rows; ++k) ways *= static_cast<double>(columns_[j] + static_cast<long>(k)) / static_cast<double>(k);
      est *= ways;
      if (est > 1e12) return est;
    }
    return est;
  }

  const FutureList& get(size_t stage, const State& state) {
    static const FutureList none;
    if (exhausted()) return none;
    auto it = memo_[stage].find(state);
    if (it != memo_[stage].end()) return it->second;
    FutureList out;
    std::vector<std::pair<double, double>> items;  // (value, multiplicity)
    if (stage + 1 == columns_.size()) {
      long sum = 0;
      double v = 0;
      for (long r : state) {
        sum += r;
        v -= lfact(r);
      }
      if (sum == columns_[stage]) items.emplace_back(v, 1.0);
    } else {
      std::vector<std::vector<long>> fillings;
      std::vector<long> scratch(state.size());
      enumerate_column(state, columns_[stage], 0, scratch, fillings);
      for (const auto& x : fillings) {
        State rest(state.size());
        double v = 0;
        for (size_t i = 0; i < state.size(); ++i) {
          rest[i] = state[i] - x[i];
          v -= lfact(x[i]);
        }
        std::sort(rest.begin(), rest.end());
        const FutureList& sub = get(stage + 1, rest);
        for (size_t k = 0; k < sub.values.size(); ++k) items.emplace_back(v + sub.values[k], sub.multiplicity[k]);
        work_ += static_cast<double>(sub.values.size()) + 1;
        if (exhausted()) return none;
      }
    }
    std::sort(items.begin(), items.end());
    for (const auto& [v, mult] : items) {
      if (!out.values.empty() && past_key(out.values.back()) == past_key(v)) out.multiplicity.back() += mult;
      else {
        out.values.push_back(v);
        out.multiplicity.push_back(mult);
      }
    }
    if (!out.values.empty()) out.top = out.values.back();
    double acc = 0;
    for (size_t k = 0; k < out.values.size(); ++k) {
      acc += out.multiplicity[k] * std::exp(out.values[k] - out.top);
      out.cumulative.push_back(acc);
    }
    return memo_[stage].emplace(state, std::move(out)).first->second;
  }

 private:
  std::vector<long> columns_;
  std::vector<std::map<State, FutureList>> memo_;
  double& work_;
  double limit_;
};

}  // namespace

ExactResult fisher_exact(const CountTable& input, double work_limit) {
  ExactResult r;
  r.info.method = "Fisher's exact test";
  r.info.variant = "two-sided; tables with probability <= observed (relative tolerance 1e-7), as R fisher.test";
  if (!is_rectangular_nonnegative(input)) {
    r.info.warn("invalid_table", "table must be rectangular with non-negative counts");
    return r;
  }
  std::vector<size_t> kr, kc;
  CountTable t = drop_empty_margins(input, kr, kc);
  const Margins m0 = margins_of(input);
  r.info.n = m0.total;
  if (t.size() < 2 || t.empty() || t[0].size() < 2) {
    // A table with one non-empty row or column has a single possible configuration.
    r.p_value = 1.0;
    r.observed_probability = 1.0;
    r.info.warn("degenerate_table", "fewer than two non-empty rows or columns: p = 1");
    return r;
  }
  // Orient so that the state (remaining row totals) is the short dimension and stages the long one.
  if (t.size() > t[0].size()) {
    CountTable tr(t[0].size(), std::vector<long>(t.size()));
    for (size_t i = 0; i < t.size(); ++i)
      for (size_t j = 0; j < t[i].size(); ++j) tr[j][i] = t[i][j];
    t.swap(tr);
  }
  const Margins m = margins_of(t);
  // Smaller columns first: their fillings give few distinct past values (which merge), and the big columns
  // at the end are then mostly settled wholesale by the exact subtree bounds.
  std::vector<long> columns = m.columns;
  std::sort(columns.begin(), columns.end());

  double log_const = -lfact(m.total);
  for (long v : m.rows) log_const += lfact(v);
  for (long v : m.columns) log_const += lfact(v);
  double observed = 0;
  for (const auto& row : t)
    for (long v : row) observed -= lfact(v);
  r.observed_probability = std::exp(log_const + observed);
  const double threshold = observed + std::log1p(1e-7);

  State start = m.rows;
  std::sort(start.begin(), start.end());
  // Past paths per node; equal values (same key) are merged after each stage by sorting, which is far more
  // cache-friendly than hashing millions of entries.
  std::map<State, std::vector<Past>> current;
  current[start].push_back(Past{0.0, 1.0});
  double p = 0;
  double work = 0;
  FutureMemo futures(columns, work, work_limit);
  for (size_t stage = 0; stage < columns.size(); ++stage) {
    // Meet in the middle once the remaining columns admit few enough completions: enumerate those
    // completions per node (memoised, equal values merged), sort them, and settle every past path with one
    // binary search over prefix sums instead of expanding it further.
    if (futures.estimated_count(stage, start.size()) <= 2e5) {
      for (const auto& [state, pasts] : current) {
        const FutureList& f = futures.get(stage, state);
        if (f.values.empty()) continue;
        for (const auto& past : pasts) {
          const double limit = threshold - past.value;
          const size_t k = static_cast<size_t>(std::upper_bound(f.values.begin(), f.values.end(), limit) - f.values.begin());
          if (k > 0) p += past.multiplicity * std::exp(log_const + past.value + f.top) * f.cumulative[k - 1];
        }
      }
      current.clear();
      break;
    }
    std::map<State, std::vector<Past>> next;
    for (const auto& [state, pasts] : current) {
      if (work > work_limit) break;
      const NodeBounds b = bounds_for(state, columns, stage);
      {
        // Cost of the exact bound (augmenting paths), in the same units as one stored partial table.
        double remaining = 0;
        for (long v : state) remaining += static_cast<double>(v);
        const double nr = static_cast<double>(state.size()), nc = static_cast<double>(columns.size() - stage);
        work += state.size() <= 2 ? remaining * nc / 8 : remaining * (nr + nc) * nr * nc / 8;
      }
      std::vector<std::vector<long>> fillings;
      bool enumerated = false;
      work += static_cast<double>(pasts.size());
      for (const auto& past : pasts) {
        if (past.value + b.max_rest <= threshold) {  // every completion is at least as extreme
          p += past.multiplicity * std::exp(log_const + past.value + b.log_total);
          continue;
        }
        if (past.value + b.min_rest > threshold) continue;  // no completion is extreme enough
        if (!enumerated) {
          std::vector<long> scratch(state.size());
          enumerate_column(state, columns[stage], 0, scratch, fillings);
          enumerated = true;
        }
        for (const auto& x : fillings) {
          State rest(state.size());
          double value = past.value;
          for (size_t i = 0; i < state.size(); ++i) {
            rest[i] = state[i] - x[i];
            value -= lfact(x[i]);
          }
          std::sort(rest.begin(), rest.end());
          work += 1;
          next[rest].push_back(Past{value, past.multiplicity});
        }
      }
    }
    for (auto& [state, pasts] : next) {
      (void)state;
      std::sort(pasts.begin(), pasts.end(), [](const Past& a, const Past& b) { return a.value < b.value; });
      size_t out = 0;
      for (size_t i = 0; i < pasts.size(); ++i) {
        if (out > 0 && past_key(pasts[out - 1].value) == past_key(pasts[i].value)) pasts[out - 1].multiplicity += pasts[i].multiplicity;
        else pasts[out++] = pasts[i];
      }
      pasts.resize(out);
    }
    current.swap(next);
    if (work > work_limit) break;
  }
  if (work > work_limit) {
    r.info.warn("fisher_too_large",
                "the exact computation exceeded its work limit: use the Monte-Carlo p-value for this table");
    return r;  // p stays NaN
  }
  // After the last stage only the empty state remains; its completions are complete tables.
  for (const auto& [state, pasts] : current) {
    (void)state;
    for (const auto& past : pasts) {
      if (past.value <= threshold) p += past.multiplicity * std::exp(log_const + past.value);
    }
  }
  r.p_value = std::min(1.0, p);
  return r;
}

}  // namespace zicht::stats
