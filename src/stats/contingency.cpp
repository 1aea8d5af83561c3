#include "stats/contingency.h"

#include <algorithm>
#include <cmath>
#include <map>


#include "stats/distributions.h"

namespace zicht::stats {
namespace {

struct Margins {
  std::vector<long> rows, columns;
  long total = 0;
};

Margins margins_of(const CountTable& t) {
  Margins m;
  m.rows.assign(t.size(), 0);
  m.columns.assign(t.empty() ? 0 : t[0].size(), 0);
  for (size_t i = 0; i < t.size(); ++i)
    for (size_t j = 0; j < t[i].size() && j < m.columns.size(); ++j) {
      m.rows[i] += t[i][j];
      m.columns[j] += t[i][j];
      m.total += t[i][j];
    }
  return m;
}

bool is_rectangular_nonnegative(const CountTable& t) {
  if (t.empty() || t[0].empty()) return false;
  for (const auto& row : t) {
    if (row.size() != t[0].size()) return false;
    for (long v : row)
      if (v < 0) return false;
  }
  return true;
}

// Removes rows and columns whose total is zero: they carry no information and make expected counts 0.
CountTable drop_empty_margins(const CountTable& t, std::vector<size_t>& kept_rows, std::vector<size_t>& kept_cols) {
  const Margins m = margins_of(t);
  kept_rows.clear();
  kept_cols.clear();
  for (size_t i = 0; i < m.rows.size(); ++i)
    if (m.rows[i] > 0) kept_rows.push_back(i);
  for (size_t j = 0; j < m.columns.size(); ++j)
    if (m.columns[j] > 0) kept_cols.push_back(j);
  CountTable out;
  for (size_t i : kept_rows) {
    std::vector<long> row;
    for (size_t j : kept_cols) row.push_back(t[i][j]);
    out.push_back(row);
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------------
// Pearson chi-square

ChiSquareResult chi_square(const CountTable& input, bool yates_correction) {
  ChiSquareResult r;
  r.info.method = "Pearson's chi-squared test";
  if (!is_rectangular_nonnegative(input)) {
    r.info.warn("invalid_table", "table must be rectangular with non-negative counts");
    return r;
  }
  const CountTable t = drop_empty_margins(input, r.kept_rows, r.kept_columns);
  if (r.kept_rows.size() < input.size() || r.kept_columns.size() < input[0].size())
    r.info.warn("dropped_empty_margin", "rows or columns with total 0 were left out");
  const Margins m = margins_of(t);
  r.info.n = m.total;
  const size_t nr = m.rows.size(), nc = m.columns.size();
  if (nr < 2 || nc < 2) {
    r.info.warn("degenerate_table", "at least two non-empty rows and columns are needed");
    return r;
  }
  const bool yates = yates_correction && nr == 2 && nc == 2;
  r.info.variant = yates ? "Yates' continuity correction (2 x 2)" : "no continuity correction";
  if (yates_correction && !yates) r.info.warn("yates_ignored", "Yates' correction applies to 2 x 2 tables only");
  const double n = static_cast<double>(m.total);
  r.expected.assign(nr, std::vector<double>(nc));
  r.residuals = r.adjusted_residuals = r.expected;
  double stat = 0, min_e = std::numeric_limits<double>::infinity();
  long below5 = 0;
  for (size_t i = 0; i < nr; ++i)
    for (size_t j = 0; j < nc; ++j) {
      const double ri = static_cast<double>(m.rows[i]), cj = static_cast<double>(m.columns[j]);
      const double e = ri * cj / n;  // R: outer(sr, sc) / n
      const double x = static_cast<double>(t[i][j]);
      r.expected[i][j] = e;
      r.residuals[i][j] = (x - e) / std::sqrt(e);
      r.adjusted_residuals[i][j] = (x - e) / std::sqrt(e * (1 - ri / n) * (1 - cj / n));
      min_e = std::min(min_e, e);
      if (e < 5) ++below5;
    }
  // Yates as R: |x - E| reduced by min(0.5, |x - E|), the same for all cells of the 2 x 2 table.
  double correction = 0;
  if (yates) {
    correction = 0.5;
    for (size_t i = 0; i < nr; ++i)
      for (size_t j = 0; j < nc; ++j)
        correction = std::min(correction, std::fabs(static_cast<double>(t[i][j]) - r.expected[i][j]));
  }
  for (size_t i = 0; i < nr; ++i)
    for (size_t j = 0; j < nc; ++j) {
      const double d = std::fabs(static_cast<double>(t[i][j]) - r.expected[i][j]) - correction;
      stat += d * d / r.expected[i][j];
    }
  r.statistic = stat;
  r.df = static_cast<double>((nr - 1) * (nc - 1));
  r.p_value = chisq_upper(stat, r.df);
  // Cramér's V from the uncorrected statistic (the effect size should not depend on the test variant).
  double uncorrected = stat;
  if (yates) {
    uncorrected = 0;
    for (size_t i = 0; i < nr; ++i)
      for (size_t j = 0; j < nc; ++j) uncorrected += r.residuals[i][j] * r.residuals[i][j];
  }
  r.cramers_v = std::sqrt(uncorrected / (n * static_cast<double>(std::min(nr, nc) - 1)));
  r.min_expected = min_e;
  r.share_expected_below5 = static_cast<double>(below5) / static_cast<double>(nr * nc);
  if (r.share_expected_below5 > 0.2)
    r.info.warn("expected_lt5", "more than 20% of expected counts are below 5: use Fisher's exact or Monte-Carlo p");
  if (min_e < 1) r.info.warn("expected_lt1", "an expected count is below 1: use Fisher's exact or Monte-Carlo p");
  return r;
}

// ---------------------------------------------------------------------------------------------------------
// Fisher's exact test: network algorithm

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

// ---------------------------------------------------------------------------------------------------------
// Monte-Carlo p-values

std::uint64_t Random::next() {
  // splitmix64 (Steele, Lea & Flood 2014): tiny, fast, identical on every platform.
  state_ += 0x9E3779B97F4A7C15ULL;
  std::uint64_t z = state_;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

double Random::uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

namespace {

// One draw from the hypergeometric distribution: `draws` items from an urn of `total` of which `marked` are
// marked; returns the number of marked items drawn. Inversion starting at the mode and walking outwards
// (as Patefield's AS 159), so no tiny tail probabilities are ever summed first.
long hypergeometric_draw(long draws, long marked, long total, Random& rng) {
  const long lo = std::max(0L, draws - (total - marked)), hi = std::min(draws, marked);
  if (lo == hi) return lo;
  const auto pmf_ratio_up = [&](long x) {  // P(x + 1) / P(x)
    return (static_cast<double>(marked - x) * static_cast<double>(draws - x)) /
           (static_cast<double>(x + 1) * static_cast<double>(total - marked - draws + x + 1));
  };
  long mode = static_cast<long>(std::floor((static_cast<double>(draws) + 1) * (static_cast<double>(marked) + 1) /
                                           (static_cast<double>(total) + 2)));
  mode = std::min(std::max(mode, lo), hi);
  const double log_pmode = log_factorial(marked) - log_factorial(mode) - log_factorial(marked - mode) +
                           log_factorial(total - marked) - log_factorial(draws - mode) -
                           log_factorial(total - marked - draws + mode) -
                           (log_factorial(total) - log_factorial(draws) - log_factorial(total - draws));
  const double u = rng.uniform();
  double p_mode = std::exp(log_pmode);
  double acc = p_mode;
  if (u < acc) return mode;
  long down = mode, up = mode;
  double p_down = p_mode, p_up = p_mode;
  while (down > lo || up < hi) {
    if (up < hi) {
      p_up *= pmf_ratio_up(up);
      ++up;
      acc += p_up;
      if (u < acc) return up;
    }
    if (down > lo) {
      p_down /= pmf_ratio_up(down - 1);
      --down;
      acc += p_down;
      if (u < acc) return down;
    }
  }
  return mode;  // only reachable through rounding of a total probability just below 1
}

}  // namespace

CountTable random_table_with_margins(const std::vector<long>& row_totals, const std::vector<long>& column_totals,
                                     Random& rng) {
  const size_t nr = row_totals.size(), nc = column_totals.size();
  CountTable t(nr, std::vector<long>(nc, 0));
  std::vector<long> col_left = column_totals;
  for (size_t i = 0; i + 1 < nr; ++i) {
    long row_left = row_totals[i];
    long pool = 0;  // items still unassigned across all columns
    for (long c : col_left) pool += c;
    for (size_t j = 0; j + 1 < nc && row_left > 0; ++j) {
      // Row i takes row_left of the pool; how many come from column j is hypergeometric.
      const long x = hypergeometric_draw(row_left, col_left[j], pool, rng);
      t[i][j] = x;
      row_left -= x;
      pool -= col_left[j];
      col_left[j] -= x;
    }
    t[i][nc - 1] += row_left;
    col_left[nc - 1] -= row_left;
  }
  for (size_t j = 0; j < nc; ++j) t[nr - 1][j] = col_left[j];
  return t;
}

namespace {

MonteCarloResult monte_carlo(const CountTable& input, long replicates, std::uint64_t seed, bool fisher) {
  MonteCarloResult r;
  r.info.method = fisher ? "Fisher's exact test with simulated p-value" : "Pearson's chi-squared test with simulated p-value";
  r.info.variant = "Monte-Carlo, " + std::to_string(replicates) + " tables by Patefield's algorithm, seed " +
                   std::to_string(seed) + "; p = (1 + #{as or more extreme}) / (B + 1) as R";
  r.replicates = replicates;
  r.seed = seed;
  if (!is_rectangular_nonnegative(input) || replicates < 1) {
    r.info.warn("invalid_table", "table must be rectangular with non-negative counts, and B >= 1");
    return r;
  }
  std::vector<size_t> kr, kc;
  const CountTable t = drop_empty_margins(input, kr, kc);
  const Margins m = margins_of(t);
  r.info.n = m.total;
  if (t.size() < 2 || t[0].size() < 2) {
    r.info.warn("degenerate_table", "at least two non-empty rows and columns are needed");
    return r;
  }
  const double n = static_cast<double>(m.total);
  const auto statistic = [&](const CountTable& x) {
    double s = 0;
    for (size_t i = 0; i < x.size(); ++i)
      for (size_t j = 0; j < x[i].size(); ++j) {
        if (fisher) {
          s -= log_factorial(static_cast<double>(x[i][j]));
        } else {
          const double e = static_cast<double>(m.rows[i]) * static_cast<double>(m.columns[j]) / n;
          const double d = static_cast<double>(x[i][j]) - e;
          s += d * d / e;
        }
      }
    return s;
  };
  r.statistic = statistic(t);
  // R's tolerances: chisq.test counts sim >= (1 - 64 eps) * STAT; fisher.test counts sim <= STAT / (1 + 64 eps).
  const double eps64 = 64 * std::numeric_limits<double>::epsilon();
  Random rng(seed);
  long extreme = 0;
  for (long b = 0; b < replicates; ++b) {
    const double s = statistic(random_table_with_margins(m.rows, m.columns, rng));
    if (fisher ? s <= r.statistic / (1 + eps64) : s >= (1 - eps64) * r.statistic) ++extreme;
  }
  r.p_value = (1.0 + static_cast<double>(extreme)) / (static_cast<double>(replicates) + 1.0);
  r.standard_error = std::sqrt(r.p_value * (1 - r.p_value) / static_cast<double>(replicates));
  return r;
}

}  // namespace

MonteCarloResult chi_square_monte_carlo(const CountTable& table, long replicates, std::uint64_t seed) {
  return monte_carlo(table, replicates, seed, false);
}

MonteCarloResult fisher_monte_carlo(const CountTable& table, long replicates, std::uint64_t seed) {
  return monte_carlo(table, replicates, seed, true);
}

// ---------------------------------------------------------------------------------------------------------
// Chi-square test for trend in proportions

TrendResult proportion_trend(const std::vector<long>& successes, const std::vector<long>& totals,
                             std::vector<double> scores) {
  TrendResult r;
  r.info.method = "Chi-squared test for trend in proportions";
  r.info.variant = "as R prop.trend.test (weighted regression of proportions on scores), df = 1";
  const size_t k = successes.size();
  if (scores.empty())
    for (size_t i = 0; i < k; ++i) scores.push_back(static_cast<double>(i + 1));
  if (totals.size() != k || scores.size() != k || k < 2) {
    r.info.warn("invalid_input", "successes, totals and scores must have the same length >= 2");
    return r;
  }
  double x_sum = 0, n_sum = 0;
  for (size_t i = 0; i < k; ++i) {
    if (totals[i] <= 0 || successes[i] < 0 || successes[i] > totals[i]) {
      r.info.warn("invalid_input", "every group needs 0 <= successes <= total and total > 0");
      return r;
    }
    x_sum += static_cast<double>(successes[i]);
    n_sum += static_cast<double>(totals[i]);
  }
  r.info.n = static_cast<long>(n_sum);
  const double p = x_sum / n_sum;
  if (p <= 0 || p >= 1) {
    r.info.warn("constant_outcome", "all or none are successes: no trend can be tested");
    return r;
  }
  // Weighted least squares of x/n on score with weights n / (p (1 - p)); the regression sum of squares is
  // the statistic. Closed form of the weighted slope's explained sum of squares.
  double sw = 0, sws = 0, swf = 0;
  for (size_t i = 0; i < k; ++i) {
    const double w = static_cast<double>(totals[i]) / p / (1 - p);
    const double f = static_cast<double>(successes[i]) / static_cast<double>(totals[i]);
    sw += w;
    sws += w * scores[i];
    swf += w * f;
  }
  const double s_bar = sws / sw, f_bar = swf / sw;
  double sxy = 0, sxx = 0;
  for (size_t i = 0; i < k; ++i) {
    const double w = static_cast<double>(totals[i]) / p / (1 - p);
    const double f = static_cast<double>(successes[i]) / static_cast<double>(totals[i]);
    sxy += w * (scores[i] - s_bar) * (f - f_bar);
    sxx += w * (scores[i] - s_bar) * (scores[i] - s_bar);
  }
  if (!(sxx > 0)) {
    r.info.warn("constant_scores", "scores do not vary");
    return r;
  }
  r.statistic = sxy * sxy / sxx;
  r.df = 1;
  r.p_value = chisq_upper(r.statistic, 1);
  return r;
}

}  // namespace zicht::stats
