#!/usr/bin/env Rscript
# Golden values for the zicht::stats engine (src/stats), computed with R.
#
# Run from the repository root:   Rscript tests/reference/make_golden.R
# Writes tests/reference/golden_stats.json. Deterministic: every random step is seeded, and values are
# written with digits = NA (jsonlite 1.8 caps this at 15 significant digits, ample for the 1e-9 tests), so a rerun reproduces the committed file byte for byte.
# Requires r-base-core, r-cran-survival and r-cran-jsonlite. The C++ tests read only the JSON, never R.
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})

out_path <- file.path("tests", "reference", "golden_stats.json")
g <- list()
g$generator <- list(
  script = "tests/reference/make_golden.R",
  r_version = paste(R.version$major, R.version$minor, sep = "."),
  survival_version = as.character(packageVersion("survival"))
)

# Non-finite values cannot be written to JSON: make them null explicitly.
fin <- function(v) { v <- as.numeric(v); v[!is.finite(v)] <- NA; v }

# ---------------------------------------------------------------------------------------------------------
# Descriptives: R's mean, sd, quantile(type = 7)
desc_case <- function(name, x) {
  y <- x[!is.na(x)]
  q <- if (length(y)) quantile(y, c(0.25, 0.5, 0.75), type = 7, names = FALSE) else c(NA, NA, NA)
  list(name = name, values = fin(x), n = length(y), missing = sum(is.na(x)),
       mean = fin(if (length(y)) mean(y) else NA), sd = fin(if (length(y) > 1) sd(y) else NA),
       q1 = fin(q[1]), median = fin(q[2]), q3 = fin(q[3]), iqr = fin(q[3] - q[1]),
       min = fin(if (length(y)) min(y) else NA), max = fin(if (length(y)) max(y) else NA))
}
set.seed(20240501)
g$descriptives <- list(
  desc_case("mixed", c(3.2, 7.1, 0.5, 12.25, 5, 5, 9.75, 1.1, 4.4, 6.6, 8.05)),
  desc_case("with_missing", c(2, NA, 4, 4, 5, NA, 7, 9, 11, 30)),
  desc_case("n_one", c(42)),
  desc_case("all_equal", c(5, 5, 5, 5)),
  desc_case("n_two", c(-1.5, 2.5)),
  desc_case("random_100", round(rnorm(100, 50, 12), 3))
)
g$quantiles <- local({
  x <- c(1.5, 2, 3.25, 4, 8, 13.5, 21)
  p <- c(0, 0.1, 0.2, 1/3, 0.9, 0.95, 1)
  list(values = x, probs = p, q = quantile(x, p, type = 7, names = FALSE))
})

# ---------------------------------------------------------------------------------------------------------
# Wilson intervals: prop.test(correct = FALSE)$conf.int
wilson <- function(x, n) {
  if (n == 0) return(list(x = x, n = n, lower = NA, upper = NA))
  ci <- suppressWarnings(prop.test(x, n, correct = FALSE)$conf.int)
  list(x = x, n = n, lower = ci[1], upper = ci[2])
}
g$wilson <- lapply(list(c(27, 368), c(27, 111), c(27, 107), c(0, 10), c(10, 10), c(1, 1), c(126, 185),
                        c(67, 236), c(3, 12)), function(v) wilson(v[1], v[2]))
# Frequency table with NVT and missing (the debt example of SPEC §3.2: 27 "Ja" = 7.3 % of all, 24.3 % of
# applicable).
g$frequency <- local({
  counts <- c(Ja = 27, Nee = 80); nvt <- 257; miss <- 4
  all <- sum(counts) + nvt + miss; applicable <- sum(counts) + miss; valid <- sum(counts)
  rows <- lapply(seq_along(counts), function(i) list(
    category = names(counts)[i], count = unname(counts[i]),
    all = wilson(unname(counts[i]), all), applicable = wilson(unname(counts[i]), applicable),
    valid = wilson(unname(counts[i]), valid)))
  list(categories = names(counts), counts = unname(counts), not_applicable = nvt, missing = miss,
       total_all = all, total_applicable = applicable, total_valid = valid, rows = rows)
})

# ---------------------------------------------------------------------------------------------------------
# Contingency tables
table6 <- matrix(c(1, 1, 0, 1, 16, 4, 3, 3, 0, 1, 1, 0, 8, 2, 140, 83, 20, 15, 35, 4, 28, 1),
                 ncol = 2, byrow = TRUE, dimnames = list(NULL, c("open", "closed")))
trend_table <- rbind(yes = c(13, 79, 34), no = c(30 - 13, 109 - 79, 46 - 34))
child_plan <- rbind(yes = c(12, 54, 21), no = c(43 - 12, 139 - 54, 54 - 21))
tables <- list(
  table6 = table6,
  trend_adult_plan = trend_table,
  trend_child_plan = child_plan,
  two_by_two = matrix(c(12, 5, 7, 19), 2),
  two_by_two_zero_cell = matrix(c(0, 6, 8, 3), 2),
  three_by_three = matrix(c(10, 4, 2, 3, 12, 5, 1, 6, 9), 3),
  three_by_four = matrix(c(3, 1, 0, 2, 5, 4, 1, 0, 2, 6, 3, 1), 3),
  sparse_four_by_three = matrix(c(2, 0, 1, 0, 0, 3, 1, 1, 1, 0, 4, 2), 4)
)
chisq_case <- function(name, x, correct = FALSE) {
  ct <- suppressWarnings(chisq.test(x, correct = correct))
  E <- ct$expected
  list(name = name, table = unname(x), correct = correct, statistic = unname(ct$statistic),
       df = unname(ct$parameter), p = ct$p.value, expected = unname(E), residuals = unname(ct$residuals),
       stdres = unname(ct$stdres),
       cramers_v = sqrt(unname(suppressWarnings(chisq.test(x, correct = FALSE))$statistic) /
                          (sum(x) * (min(dim(x)) - 1))),
       share_expected_below5 = mean(E < 5), min_expected = min(E))
}
g$chisq <- c(
  lapply(names(tables), function(nm) chisq_case(nm, tables[[nm]])),
  list(chisq_case("two_by_two_yates", tables$two_by_two, correct = TRUE),
       chisq_case("two_by_two_zero_cell_yates", tables$two_by_two_zero_cell, correct = TRUE))
)
# A table with an empty row: Zicht drops it (R would give NaN); golden is the reduced table.
g$chisq_empty_row <- list(table = matrix(c(5, 0, 7, 3, 0, 9), 3),
                          reduced = chisq_case("empty_row_reduced", matrix(c(5, 7, 3, 9), 2)))

g$fisher <- lapply(names(tables), function(nm) {
  x <- tables[[nm]]
  list(name = nm, table = unname(x), p = fisher.test(x, workspace = 2e8)$p.value)
})
g$fisher <- c(g$fisher, list(
  list(name = "two_by_two_all_in_diagonal", table = matrix(c(7, 0, 0, 6), 2),
       p = fisher.test(matrix(c(7, 0, 0, 6), 2))$p.value),
  list(name = "five_by_four", table = matrix(c(4, 2, 0, 1, 3, 1, 5, 2, 0, 2, 0, 1, 6, 2, 1, 2, 0, 3, 1, 4), 5),
       p = fisher.test(matrix(c(4, 2, 0, 1, 3, 1, 5, 2, 0, 2, 0, 1, 6, 2, 1, 2, 0, 3, 1, 4), 5),
                       workspace = 2e8)$p.value)
))

# Monte-Carlo p-values: R's generator differs from Zicht's, so the tests compare within Monte-Carlo error.
mc_B <- 20000
g$monte_carlo <- lapply(c("three_by_four", "sparse_four_by_three"), function(nm) {
  x <- tables[[nm]]
  set.seed(123)
  pc <- chisq.test(x, simulate.p.value = TRUE, B = mc_B)$p.value
  set.seed(456)
  pf <- fisher.test(x, simulate.p.value = TRUE, B = mc_B)$p.value
  list(name = nm, table = unname(x), B = mc_B, chisq_p = pc, fisher_p = pf,
       fisher_exact_p = fisher.test(x, workspace = 2e8)$p.value)
})

g$trend <- list(
  list(name = "adult_plan", successes = c(13, 79, 34), totals = c(30, 109, 46),
       statistic = unname(prop.trend.test(c(13, 79, 34), c(30, 109, 46))$statistic),
       p = prop.trend.test(c(13, 79, 34), c(30, 109, 46))$p.value),
  list(name = "child_plan", successes = c(12, 54, 21), totals = c(43, 139, 54),
       statistic = unname(prop.trend.test(c(12, 54, 21), c(43, 139, 54))$statistic),
       p = prop.trend.test(c(12, 54, 21), c(43, 139, 54))$p.value),
  list(name = "custom_scores", successes = c(5, 9, 14, 20), totals = c(30, 31, 29, 33), scores = c(0, 1, 3, 7),
       statistic = unname(prop.trend.test(c(5, 9, 14, 20), c(30, 31, 29, 33), c(0, 1, 3, 7))$statistic),
       p = prop.trend.test(c(5, 9, 14, 20), c(30, 31, 29, 33), c(0, 1, 3, 7))$p.value)
)

# ---------------------------------------------------------------------------------------------------------
# Two groups
mw_case <- function(name, x, y, conf.int = TRUE) {
  w <- suppressWarnings(wilcox.test(x, y, conf.int = conf.int))
  # z as R's normal approximation (continuity and ties corrected), also when R used the exact test.
  wn <- suppressWarnings(wilcox.test(x, y, exact = FALSE, correct = TRUE))
  z <- qnorm(wn$p.value / 2) * sign(unname(wn$statistic) - length(x) * length(y) / 2) * -1
  r <- list(name = name, x = x, y = y, W = unname(w$statistic), p = w$p.value,
            exact = grepl("exact", w$method), z = z, method = w$method)
  if (conf.int) { r$estimate <- unname(w$estimate); r$conf_int <- as.numeric(w$conf.int) }
  r
}
set.seed(7)
big_x <- round(rnorm(60, 10, 3), 4); big_y <- round(rnorm(55, 8.5, 3), 4)
g$mann_whitney <- list(
  mw_case("small_exact", c(1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30),
          c(0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06 + 0.001, 3.14, 1.29 + 0.002)),
  mw_case("ties_counts", c(0, 2, 3, 3, 4, 5, 5, 5, 6, 8, 9, 12, 4, 4, 2),
          c(1, 1, 2, 3, 3, 3, 4, 4, 5, 6, 0, 0, 2, 7)),
  mw_case("large_no_ties", big_x, big_y),
  mw_case("unbalanced_exact", c(3.1, 4.7), c(1.2, 2.5, 3.3, 0.4, 5.9, 2.2, 1.8)),
  mw_case("all_tied", c(2, 2, 2), c(2, 2), conf.int = FALSE),
  mw_case("n_one", c(5.5), c(1.25, 2.5, 3.75, 7.125)),
  mw_case("ties_large", c(rep(0:6, each = 8), 9), c(rep(1:8, each = 7)))
)
# z for all_tied is NaN in R; store as null.
g$mann_whitney[[5]]$z <- fin(g$mann_whitney[[5]]$z)
g$mann_whitney[[5]]$p <- fin(g$mann_whitney[[5]]$p)
g$wilcox_distribution <- list(
  list(m = 9, n = 9, q = 20, cdf = pwilcox(20, 9, 9)),
  list(m = 4, n = 7, q = 5, cdf = pwilcox(5, 4, 7)),
  list(m = 30, n = 45, q = 600, cdf = pwilcox(600, 30, 45)),
  list(m = 9, n = 9, p = 0.025, quantile = qwilcox(0.025, 9, 9)),
  list(m = 12, n = 20, p = 0.975, quantile = qwilcox(0.975, 12, 20))
)
welch_case <- function(name, x, y) {
  t <- t.test(x, y)
  list(name = name, x = x, y = y, t = unname(t$statistic), df = unname(t$parameter), p = t$p.value,
       conf_int = as.numeric(t$conf.int), mean_x = mean(x), mean_y = mean(y))
}
g$welch <- list(
  welch_case("unequal", c(19.1, 21.4, 18.7, 25.0, 22.3, 20.8, 19.9), c(15.2, 28.9, 10.1, 22.4, 31.0, 12.7, 18.8, 25.5, 9.9)),
  welch_case("large", big_x, big_y)
)

# ---------------------------------------------------------------------------------------------------------
# k groups: one-way ANOVA (anova(lm)) and Kruskal–Wallis
k_case <- function(name, groups) {
  y <- unlist(groups); f <- factor(rep(seq_along(groups), lengths(groups)))
  a <- anova(lm(y ~ f))
  k <- kruskal.test(y, f)
  list(name = name, groups = groups, F = a[1, "F value"], df1 = a[1, "Df"], df2 = a[2, "Df"],
       p = a[1, "Pr(>F)"], eta2 = a[1, "Sum Sq"] / sum(a[, "Sum Sq"]),
       kw_statistic = unname(k$statistic), kw_df = unname(k$parameter), kw_p = k$p.value)
}
set.seed(11)
g$k_groups <- list(
  k_case("meetings_by_year", list(c(2, 3, 5, 1, 4, 3, 6, 0, 2, 8), c(4, 6, 5, 3, 7, 4, 2, 6, 9, 5, 4, 3),
                                  c(7, 9, 6, 8, 11, 5, 7, 10, 6))),
  k_case("four_groups_random", list(round(rnorm(15, 5, 2), 2), round(rnorm(12, 6, 2), 2),
                                    round(rnorm(20, 5.5, 2), 2), round(rnorm(9, 7, 2), 2))),
  k_case("two_groups", list(c(1.5, 2.5, 3.5), c(2, 4, 6, 8)))
)

# ---------------------------------------------------------------------------------------------------------
# Logistic regression: glm(family = binomial)
logit_case <- function(name, y, X) {
  X <- as.data.frame(X)
  warns <- character(0)
  fit <- withCallingHandlers(glm(y ~ ., data = cbind(y = y, X), family = binomial),
                             warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") })
  s <- summary(fit)$coefficients
  n <- length(y)
  cs <- 1 - exp((fit$deviance - fit$null.deviance) / n)
  nk <- cs / (1 - exp(-fit$null.deviance / n))
  ci <- confint.default(fit)
  list(name = name, y = y, X = unname(as.list(X)), names = colnames(X),
       estimate = unname(s[, 1]), se = unname(s[, 2]), z = unname(s[, 3]), p = unname(s[, 4]),
       or_lower = unname(exp(ci[, 1])), or_upper = unname(exp(ci[, 2])),
       deviance = fit$deviance, null_deviance = fit$null.deviance,
       lr_chisq = fit$null.deviance - fit$deviance, lr_df = fit$df.null - fit$df.residual,
       lr_p = pchisq(fit$null.deviance - fit$deviance, fit$df.null - fit$df.residual, lower.tail = FALSE),
       nagelkerke = nk, iterations = fit$iter, converged = fit$converged, warnings = warns)
}
set.seed(99)
n_l <- 120
meet <- rpois(n_l, 5); fig <- rpois(n_l, 4); age <- round(runif(n_l, 0, 17), 1)
lp <- -1.2 + 0.15 * meet + 0.2 * fig - 0.03 * age
adult <- rbinom(n_l, 1, plogis(lp))
g$logistic <- list(
  logit_case("univariate_meetings", adult, list(meetings = meet)),
  logit_case("three_predictors", adult, list(meetings = meet, figures = fig, age = age)),
  logit_case("small", c(0, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1), list(x = c(1, 2, 2, 3, 3, 4, 4, 5, 6, 6, 7, 8))),
  logit_case("perfect_separation", c(0, 0, 0, 0, 1, 1, 1, 1), list(x = c(1, 2, 3, 4, 5, 6, 7, 8))),
  logit_case("quasi_separation", c(0, 0, 0, 0, 1, 0, 1, 1, 1), list(x = c(1, 2, 3, 4, 4, 4, 5, 6, 7)))
)

# ---------------------------------------------------------------------------------------------------------
# Survival: survfit (log and log-log CI), medians, numbers at risk, survdiff
km_case <- function(name, time, status, at_times = numeric(0)) {
  f_log <- survfit(Surv(time, status) ~ 1)
  f_ll <- survfit(Surv(time, status) ~ 1, conf.type = "log-log")
  q_log <- quantile(f_log, 0.5); q_ll <- quantile(f_ll, 0.5)
  tab <- summary(f_log)$table
  r <- list(name = name, time = time, status = status,
            out_time = f_log$time, n_risk = f_log$n.risk, n_event = f_log$n.event, n_censor = f_log$n.censor,
            surv = f_log$surv, std_err = fin(f_log$std.err), lower = fin(f_log$lower), upper = fin(f_log$upper),
            lower_loglog = fin(f_ll$lower), upper_loglog = fin(f_ll$upper),
            median = fin(unname(q_log$quantile)), median_lower = fin(unname(q_log$lower)),
            median_upper = fin(unname(q_log$upper)),
            median_loglog_lower = fin(unname(q_ll$lower)), median_loglog_upper = fin(unname(q_ll$upper)),
            print_median = fin(unname(tab["median"])), print_lcl = fin(unname(tab["0.95LCL"])),
            print_ucl = fin(unname(tab["0.95UCL"])))
  if (length(at_times)) {
    s <- summary(f_log, times = at_times, extend = TRUE)
    r$at_times <- at_times; r$at_n_risk <- s$n.risk; r$at_surv <- s$surv
  }
  r
}
km_time <- c(1, 1, 2, 3, 3, 3, 4, 5, 5, 6, 7, 8, 8, 9, 10, 12, 12, 13, 15, 16, 18, 20, 22, 22, 25)
km_status <- c(1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1)
g$kaplan_meier <- list(
  km_case("ties_and_censoring", km_time, km_status, at_times = c(0, 3, 6, 12, 12.5, 24, 30)),
  km_case("all_censored", c(2, 4, 4, 7), c(0, 0, 0, 0), at_times = c(1, 5)),
  km_case("n_one", c(3), c(1)),
  km_case("ends_at_zero", c(1, 2, 2, 3, 5), c(1, 0, 1, 1, 1)),
  km_case("flat_at_half", c(1, 2, 3, 4, 5, 6), c(1, 1, 1, 0, 1, 1)),
  km_case("months_exact", round(c(0.3, 2.1, 2.1, 4.6, 5.0, 7.7, 8.2, 8.2, 9.9, 11.4, 13.0, 13.0, 15.8, 19.2) * 30.4375) / 30.4375,
          c(1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 1, 0, 0, 1))
)
lr_case <- function(name, time, status, group) {
  d <- survdiff(Surv(time, status) ~ group)
  list(name = name, time = time, status = status, group = group, chisq = d$chisq,
       df = length(d$n) - 1, p = pchisq(d$chisq, length(d$n) - 1, lower.tail = FALSE),
       observed = unname(d$obs), expected = unname(d$exp), n = unname(as.numeric(d$n)))
}
km_group <- c(0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1)
km_group3 <- c(0, 1, 2, 1, 0, 2, 1, 1, 0, 2, 0, 1, 2, 0, 0, 1, 2, 0, 1, 2, 0, 1, 2, 1, 2)
g$log_rank <- list(
  lr_case("two_groups", km_time, km_status, km_group),
  lr_case("three_groups", km_time, km_status, km_group3)
)

json <- toJSON(g, digits = NA, auto_unbox = TRUE, na = "null", pretty = TRUE, null = "null", matrix = "rowmajor")
writeLines(json, out_path, useBytes = TRUE)
cat("wrote", out_path, "\n")
