# Golden values for the trajecten profile (issue 21), computed in R from the same CSV files the profile reads, with
# the rules of spec/concept.md §2.2–2.3 written out here (started = an opstart date; lopend = no afronding, censored at
# the as-of date; exact months = days / 30.4375), each statistic from the named R function — an independent check of
# src/analysis/trajecten/. R 4.2.2 (Debian bookworm), survival, coin 1.4-2, jsonlite.
#
# Two cases:
#   demo — the demo for seed 2023 (as of 2025-03-31, the report date)
#   hand — tests/data/trajecten/overzicht_planmakers.csv (as of 2025-02-14, its latest date)
#
#   build/zicht demo --profile trajecten --out /tmp/traj/demo.csv
#   Rscript tests/reference/make_golden_trajecten.R /tmp/traj/demo.csv tests/data/trajecten/overzicht_planmakers.csv \
#     2025-03-31 2025-02-14 tests/reference/golden_trajecten.json
#
# The two dates are the as-of dates of the runs (a documented input: the censoring day), not a statistic.
suppressMessages({
  library(survival)
  library(coin)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
demo_file <- args[1]
hand_file <- args[2]
as_of <- c(demo = as.numeric(as.Date(args[3])), hand = as.numeric(as.Date(args[4])))
out_path <- args[5]

rd <- function(path) read.csv(path, sep = ";", colClasses = "character", na.strings = character(0),
                              check.names = FALSE, encoding = "UTF-8", strip.white = TRUE)
as_day <- function(x) {
  d <- as.Date(x, format = "%d/%m/%Y")
  d[!grepl("^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$", x)] <- NA
  as.numeric(d)
}
# The columns of the two files: the demo writes field ids, the planmakers type their own headers.
pick <- function(df, names) { for (n in names) if (n %in% colnames(df)) return(df[[n]]); rep("", nrow(df)) }
blocks <- c("Geblokkeerd", "Dreigend te blokkeren", "Niet geblokkeerd")

one_case <- function(path, day) {
  df <- rd(path)
  reg <- as_day(pick(df, c("aanmelddatum", "Datum aanmelding")))
  start <- as_day(pick(df, c("opstart", "Startgesprek")))
  close <- as_day(pick(df, c("afronding", "Einddatum")))
  age <- suppressWarnings(as.integer(pick(df, c("leeftijd_aanmelding", "Leeftijd"))))
  before <- pick(df, c("blokkade_voor", "Blokkade bij start"))
  after <- pick(df, c("blokkade_na", "Blokkade bij afronding"))
  s <- !is.na(start)
  wait <- start[s] - reg[s]
  closed <- s & !is.na(close)
  dur <- (close[closed] - start[closed]) / 30.4375
  time <- ifelse(is.na(close[s]), day - start[s], close[s] - start[s]) / 30.4375
  status <- as.integer(!is.na(close[s]))
  fit <- survfit(Surv(time, status) ~ 1)
  med <- unname(quantile(fit, 0.5, conf.int = TRUE))
  q7 <- function(x) unname(quantile(x, c(0.25, 0.5, 0.75), type = 7))
  out <- list(
    n_started = sum(s),
    age = list(mean = mean(age[s]), median = unname(median(age[s])), min = min(age[s]), max = max(age[s])),
    wait_days = list(q1 = q7(wait)[1], median = q7(wait)[2], q3 = q7(wait)[3], min = min(wait), max = max(wait)),
    duration_months = list(q1 = q7(dur)[1], median = q7(dur)[2], q3 = q7(dur)[3], min = min(dur), max = max(dur)),
    km = list(time = fit$time, n_risk = fit$n.risk, n_event = fit$n.event, surv = fit$surv, lower = fit$lower,
              upper = fit$upper, median = med[1], median_lower = med[2], median_upper = med[3]))
  both <- closed & before %in% blocks & after %in% blocks
  tab <- table(factor(before[both], levels = blocks), factor(after[both], levels = blocks))
  if (sum(both) > 0) {
    b3 <- suppressWarnings(mcnemar.test(tab))
    collapse <- function(x) factor(ifelse(x == "Niet geblokkeerd", "niet", "geblokkeerd of dreigend"),
                                   levels = c("geblokkeerd of dreigend", "niet"))
    t2 <- table(collapse(before[both]), collapse(after[both]))
    m2 <- mcnemar.test(t2, correct = TRUE)
    ex <- binom.test(t2[1, 2], t2[1, 2] + t2[2, 1])
    # coin::mh_test on the paired factors (subjects as blocks): Stuart–Maxwell.
    long <- data.frame(y = factor(c(before[both], after[both]), levels = blocks),
                       x = factor(rep(c("voor", "na"), each = sum(both))),
                       b = factor(rep(seq_len(sum(both)), 2)))
    mh <- mh_test(y ~ x | b, data = long)
    out$blocking <- list(table = unclass(as.matrix(tab)), pairs = sum(both),
                         bowker = list(statistic = unname(b3$statistic), df = unname(b3$parameter), p = b3$p.value),
                         stuart_maxwell = list(statistic = unname(statistic(mh)), df = 2, p = as.numeric(pvalue(mh))),
                         mcnemar = list(statistic = unname(m2$statistic), df = unname(m2$parameter), p = m2$p.value),
                         exact = list(p = ex$p.value))
  }
  out
}

golden <- list(
  r_version = R.version.string,
  packages = list(survival = as.character(packageVersion("survival")), coin = as.character(packageVersion("coin"))),
  demo = one_case(demo_file, as_of[["demo"]]),
  hand = one_case(hand_file, as_of[["hand"]]))
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, pretty = TRUE, na = "null"), out_path)
