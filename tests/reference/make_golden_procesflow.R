# Golden values for the procesflow profile (issue 21; spec/concept.md §3.3–§3.4), computed in R independently of
# Zicht. R 4.2.2 (Debian bookworm), jsonlite.
#
#   Rscript tests/reference/make_golden_procesflow.R tests/reference/golden_procesflow.json
#
# 1. stats::binom.test(x, n) (two-sided, p = 0.5, conf.level = 0.95): the Clopper–Pearson interval and p for every
#    tally of agreeing cards a statement can have with 12 voters (the trauma network's 12 entries, the demo), and the
#    two statements of the hand-made fixture (tests/data/procesflow/stelling_posities.csv: 9 of 12 akkoord; 4 eens of
#    12 cards with 3 half).
# 2. The published prioritisation charts (001:L1485–1500, L1655–1669) as rounded percentages: for every total N of
#    dots up to 100, whether some counts c (sum N) give round(100 c / N) equal to the published multiset, how many
#    such count vectors there are (as multisets), and the counts at N = 64. R's round() is IEC 60559 (half to even);
#    no published case sits on a half, so the rule does not matter here.
suppressMessages(library(jsonlite))
args <- commandArgs(trailingOnly = TRUE)
out_path <- if (length(args) >= 1) args[1] else "tests/reference/golden_procesflow.json"

binom_case <- function(x, n) {
  b <- binom.test(x, n)
  list(x = x, n = n, estimate = unname(b$estimate), lower = b$conf.int[1], upper = b$conf.int[2],
       p = b$p.value)
}
demo <- lapply(0:12, function(x) binom_case(x, 12))
fixture <- list(S1 = binom_case(9, 12), S2 = binom_case(4, 12))

# Multisets of counts for a published percentage multiset at total N: each count c must satisfy
# round(100 c / N) == p_i; enumerate per option the admissible counts, then combinations summing to N.
solutions <- function(pcts, N) {
  cand <- lapply(pcts, function(p) (0:N)[round(100 * (0:N) / N) == p])
  found <- list()
  rec <- function(i, acc, s) {
    if (s > N) return(invisible())
    if (i > length(pcts)) {
      if (s == N) found[[length(found) + 1]] <<- acc
      return(invisible())
    }
    for (c in cand[[i]]) rec(i + 1, c(acc, c), s + c)
  }
  rec(1, integer(0), 0)
  found
}
chart <- function(pcts) {
  totals <- list()
  for (N in 1:100) {
    s <- solutions(pcts, N)
    if (length(s) > 0) totals[[length(totals) + 1]] <- list(N = N, solutions = length(s))
  }
  at64 <- solutions(pcts, 64)
  at56 <- solutions(pcts, 56)
  list(published = pcts, smallest_total = totals[[1]]$N, feasible_totals = sapply(totals, function(t) t$N),
       solutions_at_64 = length(at64), counts_at_64 = if (length(at64) > 0) at64[[1]] else integer(0),
       possible_at_56 = length(at56) > 0,
       smallest_counts = solutions(pcts, totals[[1]]$N)[[1]])
}
chart1 <- chart(c(8, 8, 28, 25, 31))
chart2 <- chart(c(3, 23, 27, 19, 28))

out <- list(r_version = R.version.string, jsonlite_version = as.character(packageVersion("jsonlite")),
            binom_demo = demo, binom_fixture = fixture, chart1 = chart1, chart2 = chart2)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), out_path)
