// Paired and repeated-measures tests (zicht::stats).
//
// `wilcoxon_signed_rank`: stats::wilcox.test(x, y, paired = TRUE, conf.int = TRUE) (R 4.2.2): differences x - y,
// pairs with a NaN dropped, zero differences dropped (R's default), exact when n_nonzero < 50 and no ties and no
// zeros, else normal approximation with continuity correction (correct = TRUE) and tie correction; Hodges–Lehmann
// pseudo-median of the Walsh averages and its CI as R computes it (exact: qsignrank bounds; asymptotic: R finds the
// root of its step function W(d) with uniroot(tol = 1e-4); we return the midpoint of the exact crossing interval,
// as two_group.cpp's mann_whitney does, so the bounds agree with R within 1e-4 and the estimate lies in the same
// flat stretch of W as R's, where R stops at whatever point of the stretch uniroot happened to hit).
// `mcnemar`: stats::mcnemar.test: 2×2 with continuity correction (correct = TRUE default); k×k (k > 2): Bowker's
// symmetry test (no correction, as R). A symmetric pair of cells with n_ij + n_ji == 0 makes R's sum 0/0 = NaN:
// the statistic and p are NaN then, as in R, with the warning "empty_symmetric_pair". For 2×2 also the exact
// variant binom.test(b, b + c) two-sided p, and small = (b + c < 10).
// `stuart_maxwell`: Stuart–Maxwell marginal homogeneity test for a k×k table, the closed form d' V^-1 d over the
// first k - 1 categories (d = row totals - column totals, V_ii = n_i. + n_.i - 2 n_ii, V_ij = -(n_ij + n_ji)), the
// same number as coin::mh_test's asymptotic statistic (checked in make_golden_paired.R), df = k - 1.
// `cochran_q`: Cochran's Q (textbook closed form Q = (k - 1)(k sum C_j^2 - N^2) / (k N - sum R_i^2)) for subjects ×
// conditions of 0/1; only complete rows (no NaN) are used.
// `friedman`: stats::friedman.test(matrix) on complete blocks (a row with a NaN is dropped and counted), ranks within
// blocks with average ranks and R's tie correction, with Kendall's W = chi2 / (N (k − 1)).
#pragma once

#include <vector>

#include "stats/contingency.h"
#include "stats/result.h"

namespace zicht::stats {

struct SignedRankResult {
  ResultInfo info;
  long n_pairs = 0;      // pairs with both values
  long n_nonzero = 0;    // pairs whose difference is not zero (R's n)
  double v = kNaN;       // R's V: sum of the ranks of the positive differences
  double z = kNaN;       // z of the normal approximation (with continuity and tie correction), reported even when exact
  double effect_r = kNaN;// z / sqrt(n_nonzero)
  double p_value = kNaN; // two-sided
  bool exact = false;
  double hodges_lehmann = kNaN, ci_lower = kNaN, ci_upper = kNaN;
};
SignedRankResult wilcoxon_signed_rank(const std::vector<double>& x, const std::vector<double>& y, double conf_level = 0.95);

// Distribution of the signed-rank statistic V for n non-zero differences without ties (R's psignrank / qsignrank).
double signrank_cdf(double q, int n);        // P(V <= q)
double signrank_upper(double q, int n);      // P(V > q)
int signrank_quantile(double p, int n);      // qsignrank(p, n)

struct McNemarResult {
  ResultInfo info;
  double statistic = kNaN, df = kNaN, p_value = kNaN;
  long b = 0, c = 0;                  // 2×2 only: off-diagonal counts [0][1], [1][0]
  double exact_p_value = kNaN;        // 2×2 only
  bool small = false;                 // 2×2: b + c < 10 (warn, offer exact)
};
McNemarResult mcnemar(const CountTable& table, bool correct = true);

struct MarginalHomogeneityResult { ResultInfo info; double statistic = kNaN, df = kNaN, p_value = kNaN; };
MarginalHomogeneityResult stuart_maxwell(const CountTable& table);

struct CochranQResult { ResultInfo info; double q = kNaN, df = kNaN, p_value = kNaN; long n_subjects = 0, n_dropped = 0; int k = 0; };
CochranQResult cochran_q(const std::vector<std::vector<double>>& rows);   // rows[subject][condition] in {0,1,NaN}

struct FriedmanResult { ResultInfo info; double statistic = kNaN, df = kNaN, p_value = kNaN, kendall_w = kNaN; long n_blocks = 0, n_dropped = 0; int k = 0; };
FriedmanResult friedman(const std::vector<std::vector<double>>& rows);    // rows[block][treatment]

}  // namespace zicht::stats
