#!/usr/bin/env Rscript
# Golden values for the matrix profile's statistics (src/stats/cluster, src/stats/agreement), computed with R.
#
# Run from the repository root:   Rscript tests/reference/make_golden_matrix.R
# Writes tests/reference/golden_matrix.json. Deterministic (every random step is seeded); a rerun reproduces the
# committed file byte for byte. Requires r-base-core (4.2.2 in Debian bookworm), r-cran-psych (2.2.9) and
# r-cran-jsonlite. The C++ tests read only the JSON, never R.
#
# Exactness of the inputs: jsonlite writes at most 15 significant digits, and hclust's merge order depends on exact
# ties, so every distance matrix is passed as integers the C++ test turns into the same doubles R used:
#   `dist_num` / `dist_den` (an exact integer over an integer: one correctly rounded division on both sides), or
#   `dist_sq` (squared Euclidean distances of integer points: one correctly rounded sqrt on both sides).
suppressPackageStartupMessages({
  library(psych)
  library(jsonlite)
})

out_path <- file.path("tests", "reference", "golden_matrix.json")
g <- list()
g$generator <- list(
  script = "tests/reference/make_golden_matrix.R",
  r_version = paste(R.version$major, R.version$minor, sep = "."),
  psych_version = as.character(packageVersion("psych"))
)

# ---------------------------------------------------------------------------------------------------------
# stats::hclust(method = "average")
hc_case <- function(name, d, extra) {
  h <- hclust(as.dist(d), method = "average")
  c(list(name = name, n = nrow(d)), extra,
    list(merge = unname(h$merge), height = h$height, order = h$order))
}
hc_num <- function(name, num, den) {
  stopifnot(isSymmetric(num), all(num == round(num)))
  hc_case(name, num / den, list(dist_num = num, dist_den = den))
}
hc_sq <- function(name, points) {
  sq <- as.matrix(dist(points))^2
  sq <- round(sq)  # integer points: squared distances are exact integers
  hc_case(name, as.matrix(dist(points)), list(dist_sq = unname(sq)))
}

# (a) by hand: 1-2 at 2, 4-5 at 3, 3 joins {4,5} at (4 + 5)/2 = 4.5, the rest at (6+5+10+9+9+8)/6 = 47/6.
hand <- matrix(c(0, 2, 6, 10, 9,
                 2, 0, 5, 9, 8,
                 6, 5, 0, 4, 5,
                 10, 9, 4, 0, 3,
                 9, 8, 5, 3, 0), 5, byrow = TRUE)

# (b) 24 forms x 12 rows on the parallel scale (P = 1, GP = 1/2, NP = 0): distance = mean |a - b|, a multiple of
# 1/24, so ties abound. Numerator = sum over rows of |2a - 2b| (integers), denominator 24.
set.seed(20261205)
forms <- matrix(sample(0:2, 24 * 12, replace = TRUE, prob = c(0.3, 0.3, 0.4)), nrow = 24)
forms[2, ] <- forms[1, ]            # an identical pair: distance 0
forms[7, ] <- forms[5, ]
forms[7, 3] <- (forms[7, 3] + 1) %% 3
ties_num <- as.matrix(dist(forms, method = "manhattan"))
dimnames(ties_num) <- NULL

# (b2) coarser still: 40 items x 3 rows, distances in multiples of 1/6 — nearly every step breaks a tie.
set.seed(40)
coarse <- matrix(sample(0:2, 40 * 3, replace = TRUE), nrow = 40)
coarse_num <- as.matrix(dist(coarse, method = "manhattan"))
dimnames(coarse_num) <- NULL

# (c) 10 random integer points in 3 dimensions, Euclidean.
set.seed(7)
pts <- matrix(sample(0:20, 30, replace = TRUE), nrow = 10)

# (d) identical points: two pairs at distance 0 (a tie at height 0), and a point at distance 5 from both pairs.
dup <- matrix(c(0, 0, 0, 0, 6, 0, 6, 0, 3, 4), ncol = 2, byrow = TRUE)

g$hclust <- list(
  hc_num("hand_5", hand, 1),
  hc_num("ties_24", ties_num, 24),
  hc_num("ties_40_coarse", coarse_num, 6),
  hc_sq("random_10", pts),
  hc_sq("identical_pairs", dup),
  hc_num("n_two", matrix(c(0, 3, 3, 0), 2), 4),
  hc_num("all_equal_6", matrix(1, 6, 6) - diag(6), 1)
)

# ---------------------------------------------------------------------------------------------------------
# psych::cohen.kappa on two codings with a given ordered level set (codes 1..k; `levels = 1:k`). psych sets a
# negative variance to 0 (`bad`; codes_9's weighted variance) and clamps bounds to [-1, 1] with a warning (hand_3's
# weighted upper bound): both are part of what is matched.
ck_case <- function(name, a, b, k) {
  ck <- suppressWarnings(cohen.kappa(cbind(a, b), levels = 1:k))
  list(name = name, k = k, a = a, b = b, n_obs = ck$n.obs,
       agree = sum(diag(ck$agree)),  # observed proportion of agreement
       kappa = ck$kappa, weighted_kappa = ck$weighted.kappa,
       var_kappa = ck$var.kappa, var_weighted = ck$var.weighted, bad = ck$bad,
       confid = unname(ck$confid), weight = unname(ck$weight))
}

# (a) by hand: 3 levels, 10 items.
ka <- c(1, 1, 2, 2, 3, 3, 1, 2, 3, 1)
kb <- c(1, 2, 2, 2, 3, 1, 1, 3, 3, 1)

# (b) 9 codes (P, GP, NP, GI, GB, AK, UNC, NFD, EMPTY = 1..9), two coders over 97 rows: coder b copies coder a and
# changes about a quarter of the rows.
set.seed(97)
c9a <- sample(1:9, 97, replace = TRUE, prob = c(0.25, 0.15, 0.15, 0.1, 0.08, 0.07, 0.05, 0.05, 0.1))
c9b <- c9a
flip <- sample(97, 24)
c9b[flip] <- sample(1:9, 24, replace = TRUE)

# (c) P/GP/NP (1..3), quadratic weights, GP absent in coder a.
set.seed(3)
c3a <- sample(c(1, 3), 40, replace = TRUE)
c3b <- c3a
flip3 <- sample(40, 12)
c3b[flip3] <- sample(1:3, 12, replace = TRUE)

# (d) a level neither coder uses (GP of P/GP/NP): it still counts in k, so the weights are those of k = 3.
c3c <- c(1, 1, 3, 3, 1, 3, 1, 1, 3, 3, 1, 3)
c3d <- c(1, 3, 3, 3, 1, 1, 1, 1, 3, 3, 3, 3)

g$cohen_kappa <- list(
  ck_case("hand_3", ka, kb, 3),
  ck_case("codes_9", c9a, c9b, 9),
  ck_case("pgpnp_absent_level", c3a, c3b, 3),
  ck_case("pgpnp_level_unused", c3c, c3d, 3)
)

json <- toJSON(g, digits = NA, auto_unbox = TRUE, na = "null", pretty = TRUE, null = "null", matrix = "rowmajor")
writeLines(json, out_path, useBytes = TRUE)
cat("wrote", out_path, "\n")
