#include "stats/cluster.h"

#include <algorithm>
#include <cmath>

namespace zicht::stats {
namespace {

// R's "no neighbour yet" sentinel (hclust.f: INF = 1D+300). Distances at or above it are refused.
constexpr double kSentinel = 1e300;

// Packed upper triangle, 1-based as in R's dist objects: pair (i, j), 1 <= i < j <= n.
struct Packed {
  size_t n;
  size_t operator()(size_t i, size_t j) const { return j + (i - 1) * n - i * (i + 1) / 2; }
  size_t sym(size_t a, size_t b) const { return a < b ? (*this)(a, b) : (*this)(b, a); }
};

// Merge history (lower and higher cluster number per step, each cluster named by its lowest-numbered member
// slot) into R's merge matrix and dendrogram order, as HCASS2 does.
void merge_and_order(size_t n, const std::vector<size_t>& lo, const std::vector<size_t>& hi, HclustResult& r) {
  const size_t steps = n - 1;
  std::vector<long> a(steps + 1), b(steps + 1);
  for (size_t s = 1; s <= steps; ++s) {
    a[s] = static_cast<long>(lo[s]);
    b[s] = static_cast<long>(hi[s]);
  }
  // A later step that joins the cluster made at step s refers to it by s (written negated, flipped below);
  // the most recent step that made a cluster under that slot number wins.
  for (size_t s = 1; s + 1 <= steps; ++s) {
    const size_t slot = std::min(lo[s], hi[s]);
    for (size_t t = s + 1; t <= steps; ++t) {
      if (lo[t] == slot) a[t] = -static_cast<long>(s);
      if (hi[t] == slot) b[t] = -static_cast<long>(s);
    }
  }
  r.merge.assign(steps, {0, 0});
  for (size_t s = 1; s <= steps; ++s) {
    long x = -a[s], y = -b[s];
    if (x > 0 && y < 0) std::swap(x, y);  // singleton first
    if (x > 0 && y > 0 && x > y) std::swap(x, y);
    a[s] = x;
    b[s] = y;
    r.merge[s - 1] = {static_cast<int>(x), static_cast<int>(y)};
  }
  // Order: start from the last merge and expand each cluster number in place into its two parts.
  std::vector<long> ord;
  ord.reserve(n);
  ord.push_back(a[steps]);
  ord.push_back(b[steps]);
  for (size_t s = steps - 1; s >= 1; --s) {
    const auto it = std::find(ord.begin(), ord.end(), static_cast<long>(s));
    if (it != ord.end()) {
      *it = a[s];
      ord.insert(it + 1, b[s]);
    }
  }
  r.order.clear();
  for (long v : ord) r.order.push_back(static_cast<int>(-v));
}

}  // namespace

HclustResult hclust_average(const std::vector<double>& dist, size_t n, std::vector<std::string> labels) {
  HclustResult r;
  r.info.method = "Hierarchical cluster analysis";
  r.info.variant = "average linkage (UPGMA), as R's hclust(method = \"average\")";
  r.n = n;
  r.labels = std::move(labels);
  if (n < 2 || dist.size() != n * n) {
    r.info.warn("invalid_input", "needs an n x n distance matrix with n >= 2");
    return r;
  }
  if (!r.labels.empty() && r.labels.size() != n) r.info.warn("labels_ignored", "the number of labels is not n");
  const Packed at{n};
  std::vector<double> d(n * (n - 1) / 2 + 1, 0.0);
  bool asymmetric = false;
  for (size_t i = 1; i < n; ++i) {
    for (size_t j = i + 1; j <= n; ++j) {
      const double lower = dist[(j - 1) * n + (i - 1)], upper = dist[(i - 1) * n + (j - 1)];
      if (!std::isfinite(lower) || lower >= kSentinel) {
        r.info.warn("non_finite", "distances must be finite (replace pairs with nothing in common first)");
        return r;
      }
      if (lower < 0) {
        r.info.warn("negative", "distances must not be negative");
        return r;
      }
      if (!(lower == upper)) asymmetric = true;
      d[at(i, j)] = lower;
    }
  }
  if (asymmetric) r.info.warn("asymmetric", "the matrix is not symmetric: its lower triangle is used, as R's as.dist");
  r.info.n = static_cast<long>(n);

  // State per cluster slot (1-based): alive, size, nearest neighbour to its right and that distance.
  std::vector<char> alive(n + 1, 1);
  std::vector<double> size(n + 1, 1.0), nn_dist(n + 1, kSentinel);
  std::vector<size_t> nn(n + 1, 0);
  size_t best_i = 0, best_j = 0, right = 0;  // persist between steps, as in R (a stale value is never used)
  for (size_t i = 1; i < n; ++i) {
    double dmin = kSentinel;
    for (size_t j = i + 1; j <= n; ++j) {
      if (d[at(i, j)] < dmin) {
        dmin = d[at(i, j)];
        best_j = j;
      }
    }
    nn[i] = best_j;
    nn_dist[i] = dmin;
  }

  std::vector<size_t> lo(n), hi(n);
  r.height.assign(n - 1, 0.0);
  for (size_t step = 1; step < n; ++step) {
    // The smallest nearest-neighbour distance; the first slot wins ties.
    double dmin = kSentinel;
    for (size_t i = 1; i < n; ++i) {
      if (alive[i] && nn_dist[i] < dmin) {
        dmin = nn_dist[i];
        best_i = i;
        best_j = nn[i];
      }
    }
    const size_t i2 = std::min(best_i, best_j), j2 = std::max(best_i, best_j);
    lo[step] = i2;
    hi[step] = j2;
    r.height[step - 1] = dmin;
    alive[j2] = 0;

    // Average-linkage distances of the merged cluster (kept in slot i2) to every other live cluster.
    dmin = kSentinel;
    for (size_t k = 1; k <= n; ++k) {
      if (!alive[k] || k == i2) continue;
      const size_t ik = at.sym(i2, k), jk = at.sym(j2, k);
      d[ik] = (size[i2] * d[ik] + size[j2] * d[jk]) / (size[i2] + size[j2]);
      if (i2 < k) {
        if (d[ik] < dmin) {
          dmin = d[ik];
          right = k;
        }
      } else if (d[ik] < nn_dist[k]) {
        nn_dist[k] = d[ik];
        nn[k] = i2;
      }
    }
    size[i2] += size[j2];
    nn_dist[i2] = dmin;
    nn[i2] = right;

    // Slots whose nearest neighbour was one of the merged pair look again.
    for (size_t i = 1; i < n; ++i) {
      if (!alive[i] || (nn[i] != i2 && nn[i] != j2)) continue;
      double m = kSentinel;
      for (size_t j = i + 1; j <= n; ++j) {
        if (alive[j] && d[at(i, j)] < m) {
          m = d[at(i, j)];
          right = j;
        }
      }
      nn[i] = right;
      nn_dist[i] = m;
    }
  }
  merge_and_order(n, lo, hi, r);
  return r;
}

std::vector<std::vector<Neighbour>> nearest_neighbours(const std::vector<double>& dist, size_t n, size_t k) {
  std::vector<std::vector<Neighbour>> out(n);
  if (dist.size() != n * n) return out;
  for (size_t i = 0; i < n; ++i) {
    std::vector<Neighbour> all;
    for (size_t j = 0; j < n; ++j) {
      const double v = dist[i * n + j];
      if (j != i && !std::isnan(v)) all.push_back({j, v});
    }
    const size_t keep = std::min(k, all.size());
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(keep), all.end(),
                      [](const Neighbour& a, const Neighbour& b) {
                        return a.distance < b.distance || (a.distance == b.distance && a.index < b.index);
                      });
    all.resize(keep);
    out[i] = std::move(all);
  }
  return out;
}

}  // namespace zicht::stats
