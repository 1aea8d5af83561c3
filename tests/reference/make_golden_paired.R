#!/usr/bin/env Rscript
# Golden values for the paired / repeated-measures statistics and reliability (src/stats/paired, correlation,
# proportion, reliability), computed with R.
#
# Run from the repository root:   Rscript tests/reference/make_golden_paired.R
# Writes tests/reference/golden_paired.json. Deterministic (every random step is seeded); a rerun reproduces the
# committed file byte for byte. Requires r-base-core (4.2.2 in Debian bookworm), r-cran-psych (2.2.9),
# r-cran-coin (1.4-2, for the Stuart–Maxwell test: coin::mh_test) and r-cran-jsonlite. The versions are written
# into the JSON. The C++ tests read only the JSON, never R.
#
# Exactness of the inputs: jsonlite writes at most 15 significant digits, so every input is an integer or has at
# most 2 decimals: the C++ test parses the same doubles R used (missing values are written as null = NaN).
suppressPackageStartupMessages({
  library(psych)
  library(coin)
  library(jsonlite)
})

out_path <- file.path("tests", "reference", "golden_paired.json")
g <- list()
g$generator <- list(
  script = "tests/reference/make_golden_paired.R",
  r_version = paste(R.version$major, R.version$minor, sep = "."),
  psych_version = as.character(packageVersion("psych")),
  coin_version = as.character(packageVersion("coin"))
)

# ---------------------------------------------------------------------------------------------------------
# stats::wilcox.test(x, y, paired = TRUE, conf.int = TRUE): V, p, the (pseudo)median and its CI. `exact` says
# whether R used the exact distribution (its method name), `z` is the normal approximation recomputed here with
# R's formula (continuity and tie correction), which Zicht reports even in the exact case.
sr_case <- function(name, x, y) {
  w <- suppressWarnings(wilcox.test(x, y, paired = TRUE, conf.int = TRUE))
  ok <- complete.cases(x, y)
  d <- x[ok] - y[ok]
  d <- d[d != 0]
  n <- length(d)
  r <- rank(abs(d))
  nt <- table(r)
  zc <- unname(w$statistic) - n * (n + 1) / 4
  z <- (zc - sign(zc) * 0.5) / sqrt(n * (n + 1) * (2 * n + 1) / 24 - sum(nt^3 - nt) / 48)
  list(name = name, x = x, y = y, n_pairs = sum(ok), n_nonzero = n, v = unname(w$statistic),
       p_value = w$p.value, exact = grepl("exact", w$method), z = z, effect_r = z / sqrt(n),
       estimate = unname(w$estimate), conf_int = as.numeric(w$conf.int))
}
set.seed(101)
sx1 <- round(rnorm(14, 10, 2), 2)
sy1 <- round(sx1 - rnorm(14, 0.8, 1.5), 2)
stopifnot(!anyDuplicated(abs(sx1 - sy1)), all(sx1 != sy1))
set.seed(102)
sx2 <- sample(1:7, 24, replace = TRUE)
sy2 <- pmin(7, pmax(1, sx2 - sample(-1:3, 24, replace = TRUE)))
sx2[c(3, 17)] <- NA                   # pairs with a missing value are dropped
sy2[9] <- NA
set.seed(103)
sx3 <- round(runif(18, 0, 20), 1)
sy3 <- sx3 + c(0, 0, 0, round(rnorm(15, 1.5, 2), 1))   # three zero differences: normal approximation
set.seed(104)
sx4 <- round(rnorm(63, 50, 8), 2)
sy4 <- round(sx4 - rnorm(63, 1, 4), 2)
sx5 <- c(1.5, 2.25, 3, 4.75, 5)        # n = 5: the 95 % level is not achievable exactly
sy5 <- c(1, 1, 1, 1, 1)
g$signed_rank <- list(
  sr_case("exact_14", sx1, sy1),
  sr_case("ties_likert_24_na", sx2, sy2),
  sr_case("zeros_18", sx3, sy3),
  sr_case("large_63", sx4, sy4),
  sr_case("exact_5", sx5, sy5)
)

# ---------------------------------------------------------------------------------------------------------
# stats::mcnemar.test(matrix) (correct = TRUE) and binom.test(b, b + c) for 2×2; Bowker for k×k. R gives NaN when a
# symmetric pair of cells is empty (0/0 in the sum): that is matched.
mc_case <- function(name, m) {
  t <- suppressWarnings(mcnemar.test(m))
  out <- list(name = name, table = unname(m), statistic = unname(t$statistic), df = unname(t$parameter),
              p_value = t$p.value)
  if (nrow(m) == 2) {
    b <- m[1, 2]; c <- m[2, 1]
    out$b <- b; out$c <- c
    out$exact_p_value <- if (b + c > 0) binom.test(b, b + c)$p.value else NA
  }
  out
}
mc_small <- matrix(c(20, 3, 6, 15), 2, byrow = TRUE)
mc_large <- matrix(c(45, 28, 12, 61), 2, byrow = TRUE)
mc_3 <- matrix(c(20, 5, 3, 8, 25, 4, 1, 9, 30), 3, byrow = TRUE)
mc_4 <- matrix(c(10, 2, 0, 3, 4, 12, 1, 2, 0, 3, 9, 5, 1, 2, 4, 11), 4, byrow = TRUE)
stopifnot(mc_4[1, 3] + mc_4[3, 1] == 0)
g$mcnemar <- list(
  mc_case("small_2x2", mc_small),
  mc_case("large_2x2", mc_large),
  mc_case("bowker_3x3", mc_3),
  mc_case("bowker_4x4_empty_pair", mc_4)
)

# ---------------------------------------------------------------------------------------------------------
# Stuart–Maxwell: coin::mh_test(table) (asymptotic chi-squared, df = k - 1). The closed form d' V^-1 d is checked
# against coin here, so the JSON holds coin's number and the formula the C++ code uses agrees with it.
sm_case <- function(name, m) {
  t <- mh_test(as.table(m))
  k <- nrow(m)
  d <- (rowSums(m) - colSums(m))[-k]
  V <- -(m + t(m))
  diag(V) <- rowSums(m) + colSums(m) - 2 * diag(m)
  closed <- drop(t(d) %*% solve(V[-k, -k], d))
  stat <- unname(statistic(t))
  stopifnot(abs(closed - stat) < 1e-10 * stat)
  list(name = name, table = unname(m), statistic = stat, df = k - 1, p_value = as.numeric(pvalue(t)))
}
sm_4 <- matrix(c(30, 8, 3, 1, 5, 25, 9, 2, 2, 4, 28, 7, 0, 3, 5, 22), 4, byrow = TRUE)
g$stuart_maxwell <- list(
  sm_case("sm_3x3", mc_3),
  sm_case("sm_4x4", sm_4),
  sm_case("sm_2x2", mc_large)
)

# ---------------------------------------------------------------------------------------------------------
# Cochran's Q, textbook closed form: Q = (k - 1) (k sum C_j^2 - N^2) / (k N - sum R_i^2) on complete rows.
cochran <- function(m) {
  m <- m[complete.cases(m), , drop = FALSE]
  k <- ncol(m)
  cj <- colSums(m); ri <- rowSums(m); N <- sum(m)
  q <- (k - 1) * (k * sum(cj^2) - N^2) / (k * N - sum(ri^2))
  list(q = q, df = k - 1, p_value = pchisq(q, k - 1, lower.tail = FALSE), n_subjects = nrow(m))
}
set.seed(201)
cq1 <- matrix(rbinom(30 * 4, 1, rep(c(0.3, 0.5, 0.6, 0.7), each = 30)), 30)
cq2 <- matrix(rbinom(25 * 3, 1, 0.5), 25)
cq2[c(2, 11), 2] <- NA
cq2[20, 3] <- NA
g$cochran_q <- list(
  c(list(name = "cq_30x4", rows = cq1, n_dropped = 0), cochran(cq1)),
  c(list(name = "cq_25x3_na", rows = cq2, n_dropped = 3), cochran(cq2))
)

# ---------------------------------------------------------------------------------------------------------
# stats::friedman.test(matrix): rows with an NA are dropped by R; Kendall's W = chi2 / (N (k - 1)).
fr_case <- function(name, m) {
  t <- friedman.test(m)
  nb <- sum(complete.cases(m))
  list(name = name, rows = m, statistic = unname(t$statistic), df = unname(t$parameter), p_value = t$p.value,
       kendall_w = unname(t$statistic) / (nb * (ncol(m) - 1)), n_blocks = nb, n_dropped = nrow(m) - nb)
}
set.seed(301)
fr1 <- matrix(sample(1:5, 16 * 4, replace = TRUE), 16)   # Likert: many ties within blocks
fr2 <- matrix(round(rnorm(12 * 3, rep(c(0, 0.5, 1), each = 12)), 2), 12)
fr2[c(4, 9), 2] <- NA
fr2[7, 1] <- NA
g$friedman <- list(fr_case("ties_16x4", fr1), fr_case("incomplete_12x3", fr2))

# ---------------------------------------------------------------------------------------------------------
# stats::cor.test(x, y, method = "spearman"): rho, S, p (exact = NULL: exact when no ties and n <= 1290).
sp_case <- function(name, x, y) {
  t <- suppressWarnings(cor.test(x, y, method = "spearman"))
  ok <- complete.cases(x, y)
  n <- sum(ok)
  ties <- min(length(unique(x[ok])), length(unique(y[ok]))) < n
  list(name = name, x = x, y = y, rho = unname(t$estimate), s = unname(t$statistic), p_value = t$p.value,
       n = n, exact = !ties && n <= 1290)
}
set.seed(401)
spx1 <- round(rnorm(8), 2); spy1 <- round(spx1 + rnorm(8), 2)
spx2 <- round(rnorm(25), 3); spy2 <- round(0.4 * spx2 + rnorm(25), 3)
stopifnot(!anyDuplicated(spx1), !anyDuplicated(spy1), !anyDuplicated(spx2), !anyDuplicated(spy2))
spx3 <- sample(1:5, 40, replace = TRUE); spy3 <- pmin(5, pmax(1, spx3 + sample(-2:2, 40, replace = TRUE)))
spx3[5] <- NA
spx4 <- 1:1500 + 0; spy4 <- sample(1500) + 0   # no ties but n > 1290: t approximation
spy4[1:300] <- sort(spy4[1:300])
spx5 <- c(1, 2, 3, 4, 5, 6, 7, 8, 9); spy5 <- c(9, 8, 7, 6, 5, 4, 3, 2, 1)
g$spearman <- list(
  sp_case("exact_8", spx1, spy1),
  sp_case("edgeworth_25", spx2, spy2),
  sp_case("ties_40_na", spx3, spy3),
  sp_case("large_1500", spx4, spy4),
  sp_case("perfect_negative_9", spx5, spy5)
)

# ---------------------------------------------------------------------------------------------------------
# stats::binom.test(x, n, p): Clopper–Pearson interval and the two-sided p (relErr rule).
bt_case <- function(x, n, p = 0.5) {
  t <- binom.test(x, n, p)
  list(x = x, n = n, p0 = p, estimate = unname(t$estimate), conf_int = as.numeric(t$conf.int), p_value = t$p.value)
}
g$binom <- list(bt_case(0, 10), bt_case(10, 10), bt_case(7, 20), bt_case(3, 50, 0.2), bt_case(527, 1000),
                bt_case(1, 1), bt_case(12, 30, 0.25), bt_case(40, 41, 0.9))

# ---------------------------------------------------------------------------------------------------------
# psych::alpha(x) with its defaults. Per item: n, mean, sd, r.drop, alpha.drop raw_alpha and std.alpha.
al_case <- function(name, m) {
  a <- suppressWarnings(suppressMessages(alpha(as.data.frame(m), warnings = FALSE)))
  list(name = name, items = unname(lapply(seq_len(ncol(m)), function(j) m[, j])), kept = colnames(m) %in% rownames(a$item.stats),
       raw_alpha = a$total$raw_alpha, std_alpha = a$total$std.alpha, average_r = a$total$average_r,
       mean = a$total$mean, sd = a$total$sd,
       item_n = unname(a$item.stats$n), item_mean = unname(a$item.stats$mean), item_sd = unname(a$item.stats$sd),
       r_drop = unname(a$item.stats$r.drop), alpha_if_dropped = unname(a$alpha.drop$raw_alpha),
       std_alpha_if_dropped = unname(a$alpha.drop$std.alpha))
}
al1 <- matrix(c(4, 5, 3, 4, 4,
                2, 3, 2, 3, 2,
                5, 5, 4, 5, 4,
                3, 2, 3, 3, 4,
                1, 2, 2, 1, 2,
                4, 4, 5, 3, 4), 6, byrow = TRUE)
colnames(al1) <- paste0("V", 1:5)
set.seed(501)
trait <- rnorm(40)
al2 <- sapply(1:14, function(j) pmin(5, pmax(1, round(3 + trait * runif(1, 0.5, 1.2) + rnorm(40, 0, 0.9)))))
al2[sample(length(al2), 56)] <- NA     # 10 % missing
colnames(al2) <- paste0("V", 1:14)
al3 <- al1
al3[, 3] <- 3                          # a constant item: psych drops it (still counted in the total score)
colnames(al3) <- paste0("V", 1:5)
al4 <- al1[, 1:2]
colnames(al4) <- paste0("V", 1:2)
g$alpha <- list(al_case("complete_6x5", al1), al_case("likert_40x14_na", al2), al_case("constant_item", al3),
                al_case("two_items", al4))

json <- toJSON(g, digits = NA, auto_unbox = TRUE, na = "null", pretty = TRUE, null = "null", matrix = "rowmajor")
writeLines(json, out_path, useBytes = TRUE)
cat("wrote", out_path, "\n")
