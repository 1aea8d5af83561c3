#include "stats/reliability.h"

#include <cmath>

namespace zicht::stats {
namespace {

using Matrix = std::vector<std::vector<double>>;

// Mean and SD (n - 1) of the non-NaN values; the count in n.
void mean_sd(const std::vector<double>& v, long& n, double& mean, double& sd) {
  long double s = 0;
  n = 0;
  for (double a : v)
    if (!std::isnan(a)) s += a, ++n;
  mean = n > 0 ? static_cast<double>(s / n) : kNaN;
  long double ss = 0;
  for (double a : v)
    if (!std::isnan(a)) ss += (static_cast<long double>(a) - mean) * (a - mean);
  sd = n > 1 ? std::sqrt(static_cast<double>(ss / (n - 1))) : kNaN;
}

// cov(a, b) over the positions where both are present (R's use = "pairwise"); NaN with fewer than 2 pairs.
double pairwise_cov(const std::vector<double>& a, const std::vector<double>& b) {
  long double sa = 0, sb = 0;
  long n = 0;
  for (size_t i = 0; i < a.size(); ++i)
    if (!std::isnan(a[i]) && !std::isnan(b[i])) sa += a[i], sb += b[i], ++n;
  if (n < 2) return kNaN;
  const long double ma = sa / n, mb = sb / n;
  long double s = 0;
  for (size_t i = 0; i < a.size(); ++i)
    if (!std::isnan(a[i]) && !std::isnan(b[i])) s += (a[i] - ma) * (b[i] - mb);
  return static_cast<double>(s / (n - 1));
}

struct Alphas {
  double raw, std, average_r;
};

// psych's alpha.1 on the items in `keep` of C and R.
Alphas alpha_of(const Matrix& c, const Matrix& r, const std::vector<size_t>& keep) {
  const double k = static_cast<double>(keep.size());
  double tr = 0, sum_c = 0, sum_r = 0;
  for (size_t i : keep) {
    tr += c[i][i];
    for (size_t j : keep) sum_c += c[i][j], sum_r += r[i][j];
  }
  return {(1 - tr / sum_c) * (k / (k - 1)), (1 - k / sum_r) * (k / (k - 1)), (sum_r - k) / (k * (k - 1))};
}

}  // namespace

AlphaResult cronbach_alpha(const std::vector<std::vector<double>>& items) {
  AlphaResult out;
  out.info.method = "Cronbach's alpha";
  out.info.variant = "pairwise covariances, as psych::alpha";
  const size_t nvar_all = items.size();
  const size_t nsub = items.empty() ? 0 : items.front().size();
  for (const auto& item : items)
    if (item.size() != nsub) {
      out.info.warn("ragged", "every item needs one value per respondent");
      return out;
    }
  if (nvar_all < 2) {
    out.info.warn("too_few_items", "needs at least 2 items");
    return out;
  }
  out.n_obs = static_cast<long>(nsub);
  out.info.n = out.n_obs;
  out.items.resize(nvar_all);
  std::vector<size_t> kept;
  double first_bad = 0;  // psych: the deleted items' values of the first respondent still count in the score
  for (size_t i = 0; i < nvar_all; ++i) {
    AlphaItem& it = out.items[i];
    mean_sd(items[i], it.n, it.mean, it.sd);
    if (it.sd > 0) {
      kept.push_back(i);
    } else if (nsub >= 2) {
      out.info.warn("constant_item", "item " + std::to_string(i + 1) +
                                         " has no variance and was left out (it still counts in the score, as psych)");
      if (nsub > 0 && !std::isnan(items[i][0])) first_bad += items[i][0];
    }
  }
  if (nsub < 2) {
    out.info.warn("too_few_respondents", "needs at least 2 respondents");
    return out;
  }
  const size_t k = kept.size();
  if (k < 2) {
    out.info.warn("too_few_items", "needs at least 2 items with variance");
    return out;
  }
  Matrix c(nvar_all, std::vector<double>(nvar_all, kNaN)), r = c;
  for (size_t a : kept)
    for (size_t b : kept) c[a][b] = pairwise_cov(items[a], items[b]);  // the diagonal: the item's variance
  for (size_t a : kept)
    for (size_t b : kept) {
      if (std::isnan(c[a][b])) {
        out.info.warn("no_overlap", "items " + std::to_string(a + 1) + " and " + std::to_string(b + 1) +
                                        " have fewer than 2 respondents in common: alpha is undefined");
        return out;
      }
      r[a][b] = c[a][b] / std::sqrt(c[a][a] * c[b][b]);
    }
  const Alphas total = alpha_of(c, r, kept);
  out.raw_alpha = total.raw;
  out.std_alpha = total.std;
  out.average_r = total.average_r;

  // Scores: row means over the kept items (na.rm), adjusted for deleted items as psych.
  const double n_bad = static_cast<double>(nvar_all - k);
  std::vector<double> score;
  for (size_t s = 0; s < nsub; ++s) {
    double sum = 0;
    long cnt = 0;
    for (size_t i : kept)
      if (!std::isnan(items[i][s])) sum += items[i][s], ++cnt;
    if (cnt == 0) continue;
    const double row_mean = sum / static_cast<double>(cnt);
    score.push_back(n_bad > 0 ? (static_cast<double>(k) * row_mean + first_bad) / (static_cast<double>(k) + n_bad)
                              : row_mean);
  }
  long n_scores = 0;
  mean_sd(score, n_scores, out.mean, out.sd);

  for (size_t i : kept) {
    AlphaItem& it = out.items[i];
    std::vector<size_t> rest;
    for (size_t j : kept)
      if (j != i) rest.push_back(j);
    double v_drop = 0, c_drop = 0;
    for (size_t a : rest) {
      c_drop += c[a][i];
      for (size_t b : rest) v_drop += c[a][b];
    }
    it.r_drop = c_drop / std::sqrt(c[i][i] * v_drop);
    if (k > 2) {
      const Alphas d = alpha_of(c, r, rest);
      it.alpha_if_dropped = d.raw;
      it.std_alpha_if_dropped = d.std;
    } else {  // psych for two items: C12 / C22 (item 1), C12 / C11 (item 2); R12
      const size_t o = rest.front();
      it.alpha_if_dropped = c[i][o] / c[o][o];
      it.std_alpha_if_dropped = r[i][o];
    }
    if (it.r_drop < 0)
      out.info.warn("negative_item", "item " + std::to_string(i + 1) +
                                         " correlates negatively with the rest of the scale (reverse it?)");
  }
  return out;
}

}  // namespace zicht::stats
