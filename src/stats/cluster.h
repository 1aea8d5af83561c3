// Agglomerative hierarchical clustering (zicht::stats).
//
// `hclust_average`: average linkage (UPGMA) exactly as R's stats::hclust(d, method = "average") (R 4.2.2): the
// same nearest-neighbour list algorithm as R's Fortran routine (Murtagh's HCLUST with R's modifications), with
// its tie-breaking — among equal smallest distances the pair of the lowest-numbered cluster wins, and a cluster's
// nearest neighbour is the first (lowest-numbered) of equally near ones to its right — and the same Lance–Williams
// update (m_i d_ik + m_j d_jk) / (m_i + m_j) in the same floating-point order, so heights agree to the last bit.
// The output is R's: `merge` (n − 1 rows; a negative entry −i is item i, 1-based; a positive entry k is the
// cluster formed at step k), `height` (nondecreasing for average linkage) and `order` (1-based item numbers in
// the left-to-right order of the dendrogram), as R's HCASS2 builds them.
//
// Input: an n × n distance matrix in row-major order, n >= 2. Like R's as.dist(m), only the lower triangle is read
// (row i, column j, i > j); an asymmetric matrix gets the warning "asymmetric". Distances must be finite: R's
// hclust stops on NA/NaN/Inf. A pair of items with nothing in common (a mean over zero shared rows, NaN) must be
// replaced by the caller first (e.g. with the largest possible distance); `hclust_average` refuses non-finite
// input with the warning "non_finite" and returns empty merge, height and order. Negative distances are refused
// the same way ("negative"). A distance of 0 (identical items) is fine: they merge first, at height 0.
//
// `nearest_neighbours`: for each item, the k other items nearest to it (ascending distance, ties by lower item
// index), skipping NaN distances; 0-based item indices (C++ convention, unlike merge and order).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "stats/result.h"

namespace zicht::stats {

struct HclustResult {
  ResultInfo info;
  size_t n = 0;                          // number of items
  std::vector<std::array<int, 2>> merge;  // R's merge matrix, n − 1 rows
  std::vector<double> height;            // R's height, n − 1 values
  std::vector<int> order;                // R's order, 1-based item numbers, n values
  std::vector<std::string> labels;       // the labels as given (may be empty)
};

// `dist`: n × n, row-major; `labels`: empty or n names (kept in the result for the dendrogram).
HclustResult hclust_average(const std::vector<double>& dist, size_t n, std::vector<std::string> labels = {});

struct Neighbour {
  size_t index = 0;  // 0-based item index
  double distance = kNaN;
};

// The k nearest other items of each of the n items (fewer where fewer have a finite distance).
std::vector<std::vector<Neighbour>> nearest_neighbours(const std::vector<double>& dist, size_t n, size_t k);

}  // namespace zicht::stats
