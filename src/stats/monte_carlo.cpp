// Monte-Carlo p-values for the chi-square and Fisher tests (as R's simulate.p.value = TRUE): random tables with
// fixed margins by Patefield's algorithm and a platform-independent generator (see contingency.h).
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "stats/contingency.h"
#include "stats/contingency_margins.h"
#include "stats/distributions.h"

namespace zicht::stats {

using detail::drop_empty_margins;
using detail::is_rectangular_nonnegative;
using detail::Margins;
using detail::margins_of;

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

}  // namespace zicht::stats
