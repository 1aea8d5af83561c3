#include "stats/paired.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>

#include "stats/distributions.h"
#include "stats/proportion.h"
#include "stats/two_group.h"

namespace zicht::stats {
namespace {

// Number of subsets of {1..n} with sum k, k = 0..n(n+1)/2 (R's csignrank); exact in doubles for n < 50.
std::vector<double> signrank_counts(int n) {
  const int u = n * (n + 1) / 2;
  std::vector<double> c(static_cast<size_t>(u) + 1, 0.0);
  c[0] = 1;
  for (int j = 1; j <= n; ++j)
    for (int s = u; s >= j; --s) c[static_cast<size_t>(s)] += c[static_cast<size_t>(s - j)];
  return c;
}

// sum(t^3 - t) over groups of equal values.
double tie_term(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  double s = 0;
  for (size_t i = 0; i < v.size();) {
    size_t j = i;
    while (j + 1 < v.size() && v[j + 1] == v[i]) ++j;
    const double t = static_cast<double>(j - i + 1);
    s += t * t * t - t;
    i = j + 1;
  }
  return s;
}

double sign(double a) { return a > 0 ? 1.0 : (a < 0 ? -1.0 : 0.0); }

// R's W(d) inside wilcox.test's signed-rank CI: standardised V of the differences minus d (zeros of x - d dropped),
// with tie correction and, when `correct`, continuity correction. NaN when its sigma is 0. The reference version:
// ranks x - d from scratch (one sort per evaluation); used as it is when x holds a non-finite value.
double w_of(const std::vector<double>& x, double d, bool correct) {
  std::vector<double> xd;
  xd.reserve(x.size());
  for (double a : x)
    if (a - d != 0) xd.push_back(a - d);
  const double n = static_cast<double>(xd.size());
  std::vector<double> abs_d(xd.size());
  for (size_t i = 0; i < xd.size(); ++i) abs_d[i] = std::fabs(xd[i]);
  const std::vector<double> ranks = average_ranks(abs_d);
  double v = 0;
  for (size_t i = 0; i < xd.size(); ++i)
    if (xd[i] > 0) v += ranks[i];
  const double zd = v - n * (n + 1) / 4;
  const double sigma = std::sqrt(n * (n + 1) * (2 * n + 1) / 24 - tie_term(ranks) / 48);
  return (zd - (correct ? sign(zd) * 0.5 : 0.0)) / sigma;
}

// The same W(d), evaluated without a sort: x is sorted once and kept as its distinct values with their counts.
// a - d is non-decreasing in a (rounding is monotone), so the negative differences are a prefix and the positive
// ones a suffix of the sorted values; |a - d| ascends walking the prefix backwards and the suffix forwards, and one
// merge of the two walks gives the groups of equal |a - d| in rank order, as average_ranks sorts them (equal
// distinct values give the same a - d; distinct ones that round to the same a - d meet in the merge). Each
// evaluation is O(distinct values), no allocation. Average ranks are half-integers and the tie terms integers, all
// below 2^53, so V and sum(t^3 - t) are exact and equal to those of w_of; n, the mean and sigma are computed by the
// same expressions.
class ShiftedSignedRank {
 public:
  explicit ShiftedSignedRank(const std::vector<double>& x) {
    std::vector<double> s(x);
    finite_ = std::all_of(s.begin(), s.end(), [](double a) { return std::isfinite(a); });
    if (!finite_) {
      x_ = &x;
      return;
    }
    std::sort(s.begin(), s.end());
    for (double a : s) {
      if (vals_.empty() || a != vals_.back()) {
        vals_.push_back(a);
        counts_.push_back(1);
      } else {
        ++counts_.back();
      }
    }
  }

  double w(double d, bool correct) const {
    if (!finite_) return w_of(*x_, d, correct);
    const size_t k = vals_.size();
    // [0, lo): a - d < 0; [lo, hi): a - d == 0 (dropped); [hi, k): a - d > 0.
    const size_t lo = static_cast<size_t>(
        std::partition_point(vals_.begin(), vals_.end(), [d](double a) { return a - d < 0; }) - vals_.begin());
    const size_t hi = static_cast<size_t>(
        std::partition_point(vals_.begin() + static_cast<std::ptrdiff_t>(lo), vals_.end(),
                             [d](double a) { return a - d <= 0; }) - vals_.begin());
    size_t i = lo, j = hi, pos = 0;  // next negative: i - 1 (walking down); next positive: j
    double v = 0, ties = 0;
    while (i > 0 || j < k) {
      const double m = j >= k || (i > 0 && std::fabs(vals_[i - 1] - d) <= vals_[j] - d) ? std::fabs(vals_[i - 1] - d)
                                                                                       : vals_[j] - d;
      size_t cn = 0, cp = 0;
      while (i > 0 && std::fabs(vals_[i - 1] - d) == m) cn += counts_[--i];
      while (j < k && vals_[j] - d == m) cp += counts_[j++];
      const size_t c = cn + cp;
      const double t = static_cast<double>(c);
      const double rank = (static_cast<double>(pos) + static_cast<double>(pos + c - 1)) / 2.0 + 1.0;
      v += rank * static_cast<double>(cp);
      ties += t * t * t - t;
      pos += c;
    }
    const double n = static_cast<double>(pos);
    const double zd = v - n * (n + 1) / 4;
    const double sigma = std::sqrt(n * (n + 1) * (2 * n + 1) / 24 - ties / 48);
    return (zd - (correct ? sign(zd) * 0.5 : 0.0)) / sigma;
  }

 private:
  bool finite_ = true;
  const std::vector<double>* x_ = nullptr;
  std::vector<double> vals_;
  std::vector<size_t> counts_;
};

// The crossing of the non-increasing step function f(d) = W(d) - zq on [lo, hi]: a = first d with f <= 0 and
// b = first d with f < 0, each by bisection down to adjacent doubles; (a + b) / 2 is the jump point itself or the
// middle of a stretch where f is exactly 0. R's uniroot(tol = 1e-4) returns a point within 1e-4 of the jump, or
// any point of the flat stretch it hits first. The two bisections take the same steps until f is exactly 0 at a
// midpoint, so the second reuses the first one's values at the same midpoints (f depends on d only).
double crossing(const ShiftedSignedRank& s, double zq, bool correct, double mumin, double mumax) {
  const auto f = [&](double d) { return s.w(d, correct) - zq; };
  if (f(mumin) <= 0) return mumin;
  if (f(mumax) >= 0) return mumax;
  std::vector<std::pair<double, double>> path;  // (mid, f(mid)) of the first bisection, step by step
  path.reserve(200);
  const auto boundary = [&](bool strict) {
    double lo = mumin, hi = mumax;
    for (size_t it = 0; it < 200; ++it) {
      const double mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) break;
      double v;
      if (strict && it < path.size() && path[it].first == mid) {
        v = path[it].second;
      } else {
        v = f(mid);
        if (!strict) path.emplace_back(mid, v);
      }
      if (strict ? v < 0 : v <= 0) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  const double a = boundary(false);
  return (a + boundary(true)) / 2;
}

double median_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t k = v.size();
  return k % 2 == 1 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
}

}  // namespace

double signrank_cdf(double q, int n) {
  q = std::floor(q + 1e-7);  // R's psignrank
  const double u = static_cast<double>(n) * (n + 1) / 2;
  if (q < 0) return 0;
  if (q >= u) return 1;
  const std::vector<double> c = signrank_counts(n);
  const double f = std::ldexp(1.0, -n);
  double p = 0;
  // Sum the shorter tail, as R does.
  if (q <= u / 2) {
    for (int i = 0; i <= static_cast<int>(q); ++i) p += c[static_cast<size_t>(i)] * f;
    return p;
  }
  for (int i = 0; i < static_cast<int>(u - q); ++i) p += c[static_cast<size_t>(i)] * f;
  return 1 - p;
}

double signrank_upper(double q, int n) {
  q = std::floor(q + 1e-7);
  const double u = static_cast<double>(n) * (n + 1) / 2;
  if (q < 0) return 1;
  if (q >= u) return 0;
  const std::vector<double> c = signrank_counts(n);
  const double f = std::ldexp(1.0, -n);
  double p = 0;
  if (q <= u / 2) {
    for (int i = 0; i <= static_cast<int>(q); ++i) p += c[static_cast<size_t>(i)] * f;
    return 1 - p;
  }
  for (int i = 0; i < static_cast<int>(u - q); ++i) p += c[static_cast<size_t>(i)] * f;  // P(V > q) = P(V < u - q)
  return p;
}

int signrank_quantile(double x, int n) {
  const std::vector<double> c = signrank_counts(n);
  const double f = std::ldexp(1.0, -n);
  const int u = n * (n + 1) / 2;
  const double eps = std::numeric_limits<double>::epsilon();
  double p = 0;
  int q = 0;
  // Same search as R's qsignrank, including its 10 * DBL_EPSILON fuzz.
  if (x <= 0.5) {
    x = x - 10 * eps;
    for (;; ++q) {
      p += c[static_cast<size_t>(q)] * f;
      if (p >= x || q == u) break;
    }
  } else {
    x = 1 - x + 10 * eps;
    for (;; ++q) {
      p += c[static_cast<size_t>(q)] * f;
      if (p > x || q == u) {
        q = u - q;
        break;
      }
    }
  }
  return q;
}

SignedRankResult wilcoxon_signed_rank(const std::vector<double>& x, const std::vector<double>& y, double conf_level) {
  SignedRankResult r;
  r.info.method = "Wilcoxon signed rank test";
  if (x.size() != y.size()) {
    r.info.warn("length_mismatch", "x and y must have the same length (one value of each per pair)");
    return r;
  }
  std::vector<double> d;
  long incomplete = 0, zeros = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    if (std::isnan(x[i]) || std::isnan(y[i])) {
      ++incomplete;
      continue;
    }
    ++r.n_pairs;
    const double diff = x[i] - y[i];
    if (diff == 0) ++zeros;
    else d.push_back(diff);
  }
  r.info.n = r.n_pairs;
  r.n_nonzero = static_cast<long>(d.size());
  if (incomplete > 0) r.info.warn("missing_values", std::to_string(incomplete) + " pair(s) with a missing value excluded");
  if (zeros > 0) r.info.warn("zero_differences", std::to_string(zeros) + " zero difference(s) dropped (R's default)");
  if (d.empty()) {
    r.info.warn(r.n_pairs == 0 ? "no_pairs" : "all_zero_differences",
                r.n_pairs == 0 ? "no complete pairs" : "all differences are zero: the test is undefined");
    return r;
  }
  const double n = static_cast<double>(d.size());
  std::vector<double> abs_d(d.size());
  for (size_t i = 0; i < d.size(); ++i) abs_d[i] = std::fabs(d[i]);
  const std::vector<double> ranks = average_ranks(abs_d);
  r.v = 0;
  for (size_t i = 0; i < d.size(); ++i)
    if (d[i] > 0) r.v += ranks[i];
  const double ties = tie_term(ranks);
  const double sigma = std::sqrt(n * (n + 1) * (2 * n + 1) / 24 - ties / 48);
  const double dz = r.v - n * (n + 1) / 4;
  r.z = (dz - sign(dz) * 0.5) / sigma;
  r.effect_r = r.z / std::sqrt(n);
  r.exact = n < 50 && ties == 0 && zeros == 0;
  if (ties > 0) r.info.warn("ties", "tied absolute differences: normal approximation with tie correction");
  const int ni = static_cast<int>(d.size());
  const double alpha = 1 - conf_level;
  if (r.exact) {
    r.info.variant = "exact distribution (no ties, no zeros, n < 50); z from the normal approximation";
    const double p = r.v > n * (n + 1) / 4 ? signrank_upper(r.v - 1, ni) : signrank_cdf(r.v, ni);
    r.p_value = std::min(2 * p, 1.0);
    std::vector<double> walsh;  // Walsh averages (d_i + d_j) / 2, i <= j
    walsh.reserve(d.size() * (d.size() + 1) / 2);
    for (size_t i = 0; i < d.size(); ++i)
      for (size_t j = i; j < d.size(); ++j) walsh.push_back((d[i] + d[j]) / 2);
    std::sort(walsh.begin(), walsh.end());
    int qu = signrank_quantile(alpha / 2, ni);
    if (qu == 0) qu = 1;
    const int ql = ni * (ni + 1) / 2 - qu;
    r.ci_lower = walsh[static_cast<size_t>(qu) - 1];
    r.ci_upper = walsh[static_cast<size_t>(ql)];
    if (2 * signrank_cdf(qu - 1, ni) - alpha > alpha / 2)
      r.info.warn("conf_level_not_achievable", "the requested confidence level is not achievable with this few pairs");
    r.hodges_lehmann = median_of(walsh);
    return r;
  }
  r.info.variant = "normal approximation with continuity and tie correction";
  if (!(sigma > 0)) {
    r.info.warn("all_tied", "all differences are tied: the test is undefined");
    return r;
  }
  r.p_value = 2 * std::min(normal_cdf(r.z), normal_upper(r.z));

  // Asymptotic Hodges–Lehmann CI as R: W(d) with continuity correction for the bounds, without for the estimate.
  const double mumin = *std::min_element(d.begin(), d.end()), mumax = *std::max_element(d.begin(), d.end());
  const ShiftedSignedRank shifted(d);
  const double wmin = shifted.w(mumin, true);
  const double wmax = std::isfinite(wmin) ? shifted.w(mumax, true) : kNaN;
  if (!std::isfinite(wmax)) {  // R: NaN interval, the midrange as estimate
    r.info.warn("ci_undefined", "cannot compute a confidence interval when all observations are zero or tied");
    r.hodges_lehmann = (mumin + mumax) / 2;
    return r;
  }
  double a = alpha;
  // R widens alpha until both ends of the search interval bracket the quantiles.
  while (wmin - normal_quantile(1 - a / 2) < 0 || wmax - normal_quantile(a / 2) > 0) a *= 2;
  if (a >= 1 || 1 - conf_level < a * 0.75)
    r.info.warn("conf_level_not_achievable", "the requested confidence level is not achievable with this few pairs");
  if (a < 1) {
    r.ci_lower = crossing(shifted, normal_quantile(1 - a / 2), true, mumin, mumax);
    r.ci_upper = crossing(shifted, normal_quantile(a / 2), true, mumin, mumax);
  } else {
    r.ci_lower = r.ci_upper = median_of(d);
  }
  r.hodges_lehmann = crossing(shifted, 0.0, false, mumin, mumax);
  return r;
}

McNemarResult mcnemar(const CountTable& table, bool correct) {
  McNemarResult r;
  r.info.method = "McNemar's chi-squared test";
  const size_t k = table.size();
  bool square = k >= 2;
  for (const auto& row : table) square = square && row.size() == k;
  if (!square) {
    r.info.warn("not_square", "needs a square table with at least 2 categories (the same categories twice)");
    return r;
  }
  for (const auto& row : table)
    for (long v : row) {
      if (v < 0) {
        r.info.warn("negative_count", "counts must be non-negative");
        return r;
      }
      r.info.n += v;
    }
  if (k > 2) r.info.method = "Bowker's test of symmetry (McNemar's chi-squared test for k x k)";
  const bool corrected = correct && k == 2 && table[0][1] != table[1][0];
  r.info.variant = corrected ? "with continuity correction" : "no continuity correction";
  r.df = static_cast<double>(k * (k - 1) / 2);
  double stat = 0;
  bool empty_pair = false;
  for (size_t i = 0; i < k; ++i)
    for (size_t j = i + 1; j < k; ++j) {
      const double sum = static_cast<double>(table[i][j] + table[j][i]);
      double diff = static_cast<double>(table[i][j] - table[j][i]);
      if (corrected) diff = std::fabs(diff) - 1;
      if (sum == 0) empty_pair = true;
      stat += diff * diff / sum;  // 0/0 = NaN for an empty pair, as R
    }
  if (empty_pair)
    r.info.warn("empty_symmetric_pair",
                "a pair of mirrored cells is empty (n_ij + n_ji = 0): the statistic is undefined (NaN, as in R)");
  r.statistic = stat;
  r.p_value = std::isnan(stat) ? kNaN : chisq_upper(stat, r.df);
  if (k == 2) {
    r.b = table[0][1];
    r.c = table[1][0];
    r.small = r.b + r.c < 10;
    if (r.b + r.c > 0) r.exact_p_value = binom_test(r.b, r.b + r.c).p_value;
    if (r.small)
      r.info.warn("small_discordant", "fewer than 10 discordant pairs (b + c): use the exact p-value (binomial test)");
  }
  return r;
}

MarginalHomogeneityResult stuart_maxwell(const CountTable& table) {
  MarginalHomogeneityResult r;
  r.info.method = "Stuart-Maxwell test of marginal homogeneity";
  r.info.variant = "asymptotic chi-squared, as coin::mh_test";
  const size_t k = table.size();
  bool square = k >= 2;
  for (const auto& row : table) square = square && row.size() == k;
  if (!square) {
    r.info.warn("not_square", "needs a square table with at least 2 categories (the same categories twice)");
    return r;
  }
  std::vector<double> rows(k, 0.0), cols(k, 0.0);
  for (size_t i = 0; i < k; ++i)
    for (size_t j = 0; j < k; ++j) {
      if (table[i][j] < 0) {
        r.info.warn("negative_count", "counts must be non-negative");
        return r;
      }
      rows[i] += static_cast<double>(table[i][j]);
      cols[j] += static_cast<double>(table[i][j]);
      r.info.n += table[i][j];
    }
  r.df = static_cast<double>(k - 1);
  const size_t m = k - 1;
  // Solve V a = d (Gaussian elimination with partial pivoting), statistic d' a.
  std::vector<std::vector<double>> a(m, std::vector<double>(m + 1, 0.0));
  for (size_t i = 0; i < m; ++i) {
    for (size_t j = 0; j < m; ++j)
      a[i][j] = i == j ? rows[i] + cols[i] - 2 * static_cast<double>(table[i][i])
                       : -static_cast<double>(table[i][j] + table[j][i]);
    a[i][m] = rows[i] - cols[i];
  }
  const std::vector<double> d = [&] {
    std::vector<double> v(m);
    for (size_t i = 0; i < m; ++i) v[i] = a[i][m];
    return v;
  }();
  double scale = 0;
  for (size_t i = 0; i < m; ++i) scale = std::max(scale, std::fabs(a[i][i]));
  for (size_t c = 0; c < m; ++c) {
    size_t p = c;
    for (size_t i = c + 1; i < m; ++i)
      if (std::fabs(a[i][c]) > std::fabs(a[p][c])) p = i;
    if (!(std::fabs(a[p][c]) > 1e-12 * scale)) {
      r.info.warn("singular", "no off-diagonal counts for some category: the covariance matrix is singular");
      return r;
    }
    std::swap(a[p], a[c]);
    for (size_t i = c + 1; i < m; ++i) {
      const double f = a[i][c] / a[c][c];
      for (size_t j = c; j <= m; ++j) a[i][j] -= f * a[c][j];
    }
  }
  std::vector<double> sol(m);
  for (size_t i = m; i-- > 0;) {
    double s = a[i][m];
    for (size_t j = i + 1; j < m; ++j) s -= a[i][j] * sol[j];
    sol[i] = s / a[i][i];
  }
  double stat = 0;
  for (size_t i = 0; i < m; ++i) stat += d[i] * sol[i];
  r.statistic = stat;
  r.p_value = chisq_upper(stat, r.df);
  return r;
}

namespace {

// Complete rows of equal length; counts the dropped ones. False (with a warning) for a ragged table.
bool complete_rows(const std::vector<std::vector<double>>& rows, std::vector<std::vector<double>>& out, long& dropped,
                   ResultInfo& info) {
  for (const auto& row : rows) {
    if (row.size() != rows.front().size()) {
      info.warn("ragged", "every row needs the same number of columns");
      return false;
    }
    if (std::any_of(row.begin(), row.end(), [](double v) { return std::isnan(v); })) ++dropped;
    else out.push_back(row);
  }
  if (dropped > 0) info.warn("incomplete_rows", std::to_string(dropped) + " row(s) with a missing value excluded");
  return true;
}

}  // namespace

CochranQResult cochran_q(const std::vector<std::vector<double>>& input) {
  CochranQResult r;
  r.info.method = "Cochran's Q test";
  r.info.variant = "chi-squared approximation, complete rows";
  std::vector<std::vector<double>> rows;
  if (input.empty() || !complete_rows(input, rows, r.n_dropped, r.info)) {
    if (input.empty()) r.info.warn("too_few", "no subjects");
    return r;
  }
  r.k = static_cast<int>(input.front().size());
  r.n_subjects = static_cast<long>(rows.size());
  r.info.n = r.n_subjects;
  if (r.k < 2 || rows.empty()) {
    r.info.warn("too_few", "needs at least 2 conditions and 1 complete subject");
    return r;
  }
  const double k = r.k;
  std::vector<double> cj(static_cast<size_t>(r.k), 0.0);
  double total = 0, sum_r2 = 0;
  for (const auto& row : rows) {
    double ri = 0;
    for (size_t j = 0; j < row.size(); ++j) {
      if (row[j] != 0 && row[j] != 1) {
        r.info.warn("not_binary", "values must be 0 or 1");
        return r;
      }
      cj[j] += row[j];
      ri += row[j];
    }
    total += ri;
    sum_r2 += ri * ri;
  }
  double sum_c2 = 0;
  for (double c : cj) sum_c2 += c * c;
  r.df = k - 1;
  const double den = k * total - sum_r2;
  if (!(den > 0)) {
    r.info.warn("no_variation", "every subject has the same value in all conditions: Q is undefined");
    return r;
  }
  r.q = (k - 1) * (k * sum_c2 - total * total) / den;
  r.p_value = chisq_upper(r.q, r.df);
  return r;
}

FriedmanResult friedman(const std::vector<std::vector<double>>& input) {
  FriedmanResult r;
  r.info.method = "Friedman rank sum test";
  r.info.variant = "chi-squared approximation with ties correction, as R friedman.test; Kendall's W";
  std::vector<std::vector<double>> rows;
  if (input.empty() || !complete_rows(input, rows, r.n_dropped, r.info)) {
    if (input.empty()) r.info.warn("too_few", "no blocks");
    return r;
  }
  r.k = static_cast<int>(input.front().size());
  r.n_blocks = static_cast<long>(rows.size());
  r.info.n = r.n_blocks;
  if (r.k < 2 || rows.empty()) {
    r.info.warn("too_few", "needs at least 2 treatments and 1 complete block");
    return r;
  }
  const double k = r.k, n = static_cast<double>(r.n_blocks);
  std::vector<double> rank_sum(static_cast<size_t>(r.k), 0.0);
  double ties = 0;
  for (const auto& row : rows) {
    const std::vector<double> ranks = average_ranks(row);
    for (size_t j = 0; j < ranks.size(); ++j) rank_sum[j] += ranks[j];
    ties += tie_term(row);
  }
  double ss = 0;
  for (double s : rank_sum) ss += (s - n * (k + 1) / 2) * (s - n * (k + 1) / 2);
  r.df = k - 1;
  const double den = n * k * (k + 1) - ties / (k - 1);
  if (!(den > 0)) {
    r.info.warn("all_tied", "every block is completely tied: the test is undefined");
    return r;
  }
  r.statistic = 12 * ss / den;
  r.p_value = chisq_upper(r.statistic, r.df);
  r.kendall_w = r.statistic / (n * (k - 1));
  return r;
}

}  // namespace zicht::stats
