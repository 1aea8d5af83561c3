# Golden values for the kerndataset profile (issue 20), computed in R from the same CSV files the profile reads,
# with the rules of spec/kerndataset.md (§1.2–1.3) and src/analysis/kerndataset/ written out here, and each
# statistic from the named R function — so the profile's results are checked against an independent
# implementation. R 4.2.2 (Debian bookworm), psych 2.2.9, survival, jsonlite.
#
# Two cases:
#   hand   — tests/data/kerndataset/opvolging_klein.csv + ouder_limesurvey.csv (no SofS link)
#   demo   — the demo for seed 2023: five kerndataset parts and the SofS demo as the link
#
#   for p in opvolging ouder kind zelfevaluatie casus; do build/zicht demo --profile kerndataset --part $p --out /tmp/kd/$p.csv; done
#   build/zicht demo --profile sofs --out /tmp/kd/sofs.csv
#   Rscript tests/reference/make_golden_kerndataset.R /tmp/kd tests/data/kerndataset tests/reference/golden_kerndataset.json
suppressMessages({
  library(psych)
  library(survival)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
demo_dir <- args[1]
hand_dir <- args[2]

rd <- function(path, sep) {
  read.csv(path, sep = sep, colClasses = "character", na.strings = character(0), check.names = FALSE,
           encoding = "UTF-8", strip.white = TRUE)
}
as_day <- function(x) {
  d <- as.Date(x, format = "%d/%m/%Y")
  d[!grepl("^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$", x)] <- NA
  as.numeric(d)  # days since 1970
}
yn <- function(x) {
  x <- tolower(x)
  ifelse(x %in% c("ja", "j", "yes", "y", "1", "waar", "true"), 1L,
         ifelse(x %in% c("nee", "n", "no", "0", "onwaar", "false"), 0L, -1L))
}
count_of <- function(x, lo, hi) {
  v <- suppressWarnings(as.integer(x))
  v[!grepl("^[0-9]+$", x) | is.na(v) | v < lo | v > hi] <- -1L
  v
}
# The as-of date of a file: the latest date at most a year after the 95th percentile of its dates.
as_of_of <- function(days) {
  days <- sort(days[!is.na(days)])
  p95 <- days[floor(0.95 * (length(days) - 1)) + 1]
  max(days[days <= p95 + 366])
}
# Calendar months later, the day clamped to the month's end.
add_months <- function(day, months) {
  if (is.na(day)) return(NA_real_)
  lt <- as.POSIXlt(as.Date(day, origin = "1970-01-01"))
  total <- (lt$year + 1900) * 12 + lt$mon + months
  y <- total %/% 12
  m <- total %% 12 + 1
  last <- as.numeric(format(as.Date(sprintf("%04d-%02d-01", y + (m == 12), m %% 12 + 1)) - 1, "%d"))
  as.numeric(as.Date(sprintf("%04d-%02d-%02d", y, m, min(lt$mday, last))))
}
moments <- c("afronding", "6m", "12m", "24m")
months_of <- c(0, 6, 12, 24)

# ---- SofS link: trajectories, closure, the 11-step composite and the steps taken (src/analysis/sofs.cpp).
load_sofs <- function(path) {
  s <- rd(path, ";")
  step_cols <- c("Mapping intern", "Mapping met familie", "3 huizen", "Gevaarsboodschap", "Veiligheidsdoel",
                 "Veiligheidsschaal", "Traject", "W&P", "Veiligheidsplan volwassenen", "Kindversie veiligheidsplan")
  all_dates <- c(as_day(s[["Startdatum traject"]]), as_day(s[["Startdatum consulent"]]),
                 as_day(s[["Plan B in werking"]]), as_day(s[["Einddatum"]]))
  for (c in step_cols) all_dates <- c(all_dates, as_day(s[[c]]))
  as_of <- as_of_of(all_dates)
  # Step cell: date or "ja" = taken (0), "nee" = no (1), anything else = undetermined (2).
  step_kind <- function(x) ifelse(!is.na(as_day(x)) | tolower(x) %in% c("ja", "yes"), 0L,
                                  ifelse(tolower(x) %in% c("nee", "no", "neen"), 1L, 2L))
  mb <- s[["Netwerkberaden"]]
  held <- ifelse(!is.na(as_day(mb)), 1L, ifelse(grepl("^[0-9]+$", mb), suppressWarnings(as.integer(as.integer(mb) >= 1)), -1L))
  bits <- integer(nrow(s))
  taken <- integer(nrow(s))
  for (c in step_cols) {
    k <- step_kind(s[[c]])
    bits <- bitwOr(bits, ifelse(k == 1L, 1L, ifelse(k == 2L, 2L, 0L)))
    taken <- taken + (k == 0L)
  }
  bits <- bitwOr(bits, ifelse(held == 0L, 1L, ifelse(held < 0L, 2L, 0L)))
  all_steps <- c(1L, 0L, -1L, 0L)[bits + 1]
  end <- as_day(s[["Einddatum"]])
  id <- s[["Identificatiecode"]]
  keep <- id != "" & !duplicated(id)
  out <- data.frame(id = id, closed = !is.na(end) & end <= as_of, end = ifelse(!is.na(end) & end <= as_of, end, NA),
             all_steps = all_steps, steps_taken = taken + (held == 1L), stringsAsFactors = FALSE)[keep, ]
  attr(out, "as_of") <- as_of
  out
}

# ---- Follow-up (src/analysis/kerndataset/model.cpp): consent from the afronding row, gating of later rows.
load_follow <- function(path, sofs) {
  f <- rd(path, ";")
  f$row <- seq_len(nrow(f))
  f$mi <- match(f$moment, moments) - 1
  f$day <- as_day(f$datum)
  as_of <- as_of_of(c(f$day, as_day(f$toestemming_datum), as_day(f$toestemming_ingetrokken),
                      as_day(f$heraanmelding_datum)))
  linked <- !is.null(sofs)
  tr <- new.env()
  ids <- character(0)
  if (linked) for (i in seq_len(nrow(sofs))) {
    tr[[sofs$id[i]]] <- list(closed = sofs$closed[i], end = sofs$end[i], consent = "", withdrawn = NA,
                             rows = vector("list", 4), all_steps = sofs$all_steps[i], steps = sofs$steps_taken[i])
    ids <- c(ids, sofs$id[i])
  }
  excluded <- character(0)
  for (pass in 0:1) for (r in seq_len(nrow(f))) {
    mi <- f$mi[r]
    if (is.na(mi)) { if (pass == 1) excluded <- c(excluded, "unknown_moment"); next }
    if ((pass == 0) != (mi == 0)) next
    tid <- f$traject_id[r]
    if (linked && is.null(tr[[tid]])) { excluded <- c(excluded, "no_trajectory"); next }
    if (is.null(tr[[tid]])) {
      tr[[tid]] <- list(closed = FALSE, end = NA, consent = "", withdrawn = NA, rows = vector("list", 4),
                        all_steps = -1L, steps = -1L, sofs = FALSE)
      ids <- c(ids, tid)
    }
    t <- tr[[tid]]
    if (!is.null(t$rows[[mi + 1]])) { excluded <- c(excluded, "duplicate_moment"); next }
    d <- f$day[r]
    if (mi == 0) {
      t$consent <- f$toestemming[r]
      t$withdrawn <- as_day(f$toestemming_ingetrokken[r])
      if (!t$closed && !linked) { t$closed <- TRUE; t$end <- d }
    } else {
      if (t$consent != "ja") { excluded <- c(excluded, "no_consent"); next }
      if (!is.na(t$end) && !is.na(d) && d < t$end) { excluded <- c(excluded, "before_closure"); next }
    }
    if (!is.na(t$withdrawn) && !is.na(d) && d > t$withdrawn) {
      tr[[tid]] <- t
      excluded <- c(excluded, "after_withdrawal")
      next
    }
    t$rows[[mi + 1]] <- list(day = d, reached = yn(f$bereikt[r]), rr = yn(f$heraanmelding[r]),
                             rr_day = as_day(f$heraanmelding_datum[r]), placement = yn(f$uithuisplaatsing[r]),
                             counts = count_of(c(f$n_netwerkfiguren[r], f$n_personen_ouder[r],
                                                 f$n_personen_minderjarige[r]), 0, 60),
                             meets = f$netwerk_samenkomst[r], adjusted = yn(f$plan_bijgestuurd[r]),
                             safety = count_of(f$veiligheidsschaal_ouder[r], 0, 10))
    tr[[tid]] <- t
  }
  list(tr = tr, ids = ids, as_of = as_of, excluded = excluded)
}

answered <- function(x) {
  !is.null(x) && x$reached != 0 && (x$rr >= 0 || x$placement >= 0 || any(x$counts >= 0) || x$meets != "" ||
                                      x$adjusted >= 0 || x$safety >= 0)
}
due_of <- function(t, k) add_months(t$end, months_of[k + 1])
state <- function(t, k, as_of) {
  if (k > 0 && t$consent != "ja") return("no_consent")
  due <- due_of(t, k)
  if (k > 0 && !is.na(t$withdrawn) && !is.na(due) && due > t$withdrawn) return("no_consent")
  if (is.na(due) || due > as_of) return("not_due")
  x <- t$rows[[k + 1]]
  if (is.null(x)) return("missing")
  if (x$reached == 0) return("not_reached")
  if (answered(x)) "answered" else "missing"
}

likert <- c("Helemaal niet akkoord" = 1, "Niet akkoord" = 2, "Neutraal" = 3, "Akkoord" = 4, "Helemaal akkoord" = 5,
            "1" = 1, "2" = 2, "3" = 3, "4" = 4, "5" = 5)

# ---- Parents: closure answers of parents (not the workers', not interim); rows of unknown trajectories or after a
# withdrawal left out.
load_parents <- function(path, sep, fu, linked) {
  p <- rd(path, sep)
  cols <- names(p)
  item_col <- function(i) {
    id <- sprintf("o%02d", i)
    if (id %in% cols) return(id)
    cols[grepl(paste0("[", i, "."), cols, fixed = TRUE)][1]
  }
  tcol <- if ("traject_id" %in% cols) "traject_id" else "Traject ID"
  dcol <- if ("datum" %in% cols) "datum" else "Datum ingediend"
  items <- sapply(1:28, function(i) unname(likert[p[[item_col(i)]]]))
  keep <- rep(TRUE, nrow(p))
  if ("perspectief" %in% cols) keep <- keep & p$perspectief != "begeleider"
  if ("moment_bevraging" %in% cols) keep <- keep & p$moment_bevraging != "tussentijds"
  day <- as_day(sub(" .*", "", p[[dcol]]))
  for (r in seq_len(nrow(p))) {
    t <- fu$tr[[p[[tcol]][r]]]
    if (linked && is.null(t)) keep[r] <- FALSE
    else if (!is.null(t) && !is.na(t$withdrawn) && !is.na(day[r]) && day[r] > t$withdrawn) keep[r] <- FALSE
  }
  list(items = items[keep, , drop = FALSE], traject = p[[tcol]][keep])
}

score <- function(items, block) {
  x <- items[, (block - 1) * 14 + 1:14, drop = FALSE]
  n <- rowSums(!is.na(x))
  s <- rowSums(x, na.rm = TRUE) / n
  s[n == 0 | n + 1e-9 < 0.8 * 14] <- NA
  list(score = s, answered = n, x = x)
}
describe7 <- function(v) {
  v <- v[!is.na(v)]
  q <- quantile(v, c(0.25, 0.5, 0.75), type = 7, names = FALSE)
  list(n = length(v), mean = mean(v), sd = sd(v), min = min(v), q1 = q[1], median = q[2], q3 = q[3], max = max(v))
}
alpha_of <- function(x, items = TRUE) {
  a <- suppressWarnings(suppressMessages(psych::alpha(as.data.frame(x), warnings = FALSE)))
  out <- list(raw_alpha = a$total$raw_alpha, std_alpha = a$total$std.alpha, average_r = a$total$average_r, n = nrow(x))
  if (items) {
    out$item_n <- unname(a$item.stats$n)
    out$item_mean <- unname(a$item.stats$mean)
    out$item_sd <- unname(a$item.stats$sd)
    out$r_drop <- unname(a$item.stats$r.drop)
    out$alpha_if_dropped <- unname(a$alpha.drop$raw_alpha)
  }
  out
}
spearman <- function(x, y) {
  ct <- suppressWarnings(cor.test(x, y, method = "spearman"))
  list(n = length(x), s = unname(ct$statistic), p = ct$p.value, rho = unname(ct$estimate))
}

parent_stats <- function(par) {
  out <- list()
  sc <- list()
  for (b in 1:2) {
    s <- score(par$items, b)
    sc[[b]] <- s$score
    d <- describe7(s$score)
    d$n_not_scored <- sum(is.na(s$score))
    d$alpha <- alpha_of(s$x[s$answered > 0, , drop = FALSE])
    out[[c("fidelity", "effectiveness")[b]]] <- d
  }
  both <- !is.na(sc[[1]]) & !is.na(sc[[2]])
  out$spearman <- spearman(sc[[1]][both], sc[[2]][both])
  out
}

# ---- Children: per row % Ja with the Clopper–Pearson interval over the answered.
child_stats <- function(path, fu) {
  k <- rd(path, ";")
  keep <- k$moment_bevraging != "tussentijds"
  day <- as_day(k$datum)
  for (r in seq_len(nrow(k))) {
    t <- fu$tr[[k$traject_id[r]]]
    if (fu$linked && is.null(t)) keep[r] <- FALSE
    else if (!is.null(t) && !is.na(t$withdrawn) && !is.na(day[r]) && day[r] > t$withdrawn) keep[r] <- FALSE
  }
  k <- k[keep, ]
  ids <- c("k1a", "k1b", "k1c", "k1d", "k1e", "k2", "k3", "k4", "k5", "k6", "k7")
  lapply(setNames(ids, ids), function(id) {
    v <- tolower(k[[id]])
    ja <- sum(v %in% c("ja", "2", "yes"))
    n <- ja + sum(v %in% c("soms", "1", "sometimes")) + sum(v %in% c("nee", "0", "no"))
    ci <- binom.test(ja, n)$conf.int
    list(n_ja = ja, n = n, pct_ja = 100 * ja / n, ci_lower = 100 * ci[1], ci_upper = 100 * ci[2])
  })
}

follow_stats <- function(fu) {
  co <- Filter(function(t) t$closed, lapply(fu$ids, function(id) fu$tr[[id]]))
  as_of <- fu$as_of
  value_at <- function(t, k, q) {
    x <- t$rows[[k + 1]]
    if (!is.null(x) && x$reached != 0 && x$counts[q] >= 0) x$counts[q] else NA
  }
  out <- list(as_of = format(as.Date(as_of, origin = "1970-01-01")), n_cohort = length(co))
  # Moments: the counts per state.
  out$moments <- lapply(1:3, function(k) {
    st <- sapply(co, state, k = k, as_of = as_of)
    list(n_no_consent = sum(st == "no_consent"), n_not_due = sum(st == "not_due"), n_missing = sum(st == "missing"),
         n_not_reached = sum(st == "not_reached"), n = sum(st == "answered"))
  })
  # Network counts: Wilcoxon signed rank per later moment, Friedman over closure / 6m / 12m.
  measures <- c("n_netwerkfiguren", "n_personen_ouder", "n_personen_minderjarige")
  out$network <- lapply(setNames(1:3, measures), function(q) {
    changes <- lapply(1:3, function(k) {
      later <- c(); closure <- c()
      for (t in co) {
        if (state(t, k, as_of) != "answered") next
        a <- value_at(t, 0, q); b <- value_at(t, k, q)
        if (is.na(a) || is.na(b)) next
        later <- c(later, b); closure <- c(closure, a)
      }
      if (length(later) == 0) return(list(n_pairs = 0))
      w <- suppressWarnings(wilcox.test(later, closure, paired = TRUE, conf.int = TRUE))
      list(n_pairs = length(later), v = unname(w$statistic), p = w$p.value, hl = unname(w$estimate),
           exact = grepl("exact", w$method) && !grepl("continuity", w$method))
    })
    m <- t(sapply(co, function(t) c(value_at(t, 0, q),
                                    if (state(t, 1, as_of) == "answered") value_at(t, 1, q) else NA,
                                    if (state(t, 2, as_of) == "answered") value_at(t, 2, q) else NA)))
    m <- m[complete.cases(m), , drop = FALSE]
    if (nrow(m) == 0) return(list(change = changes, friedman = list(n = 0)))
    fr <- tryCatch(friedman.test(m), error = function(e) e)
    # R 4.2.2's friedman.test stops on a single complete block (apply on a dropped matrix): no R value then.
    if (inherits(fr, "error")) return(list(change = changes, friedman = list(n = nrow(m), r_error = conditionMessage(fr))))
    list(change = changes, friedman = list(n = nrow(m), chi2 = unname(fr$statistic), df = unname(fr$parameter),
                                           p = fr$p.value, w = unname(fr$statistic) / (nrow(m) * 2)))
  })
  # Sustainability: McNemar 6m × 12m and Cochran's Q over 6m / 12m / 24m.
  ind <- function(t, k, which) {
    x <- if (state(t, k, as_of) == "answered") t$rows[[k + 1]] else NULL
    if (is.null(x)) return(NA)
    if (which == 1) { if (x$meets == "") NA else as.integer(x$meets != "niet meer") }
    else if (x$adjusted >= 0) x$adjusted else NA
  }
  out$sustainability <- lapply(setNames(1:2, c("netwerk_samenkomst", "plan_bijgestuurd")), function(which) {
    m <- t(sapply(co, function(t) c(ind(t, 1, which), ind(t, 2, which), ind(t, 3, which))))
    pr <- m[!is.na(m[, 1]) & !is.na(m[, 2]), , drop = FALSE]
    tab <- table(factor(pr[, 1], levels = c(1, 0)), factor(pr[, 2], levels = c(1, 0)))
    cc <- m[complete.cases(m), , drop = FALSE]
    if (nrow(pr) == 0) return(list(mcnemar = list(n = 0), cochran = list(n = nrow(cc))))
    mc <- mcnemar.test(tab)
    k <- 3; N <- sum(cc)
    C <- colSums(cc); R <- rowSums(cc)
    Q <- (k - 1) * (k * sum(C^2) - N^2) / (k * N - sum(R^2))
    list(mcnemar = list(n = nrow(pr), statistic = unname(mc$statistic), df = unname(mc$parameter), p = mc$p.value),
         cochran = list(n = nrow(cc), q = Q, df = k - 1, p = pchisq(Q, k - 1, lower.tail = FALSE)))
  })
  # Re-referral: Kaplan–Meier (months = days / 30.4375) by the 11-step composite, log-rank (rho = 0).
  tm <- c(); ev <- c(); gr <- c()
  for (t in co) {
    if (t$consent != "ja" || is.na(t$end)) next
    event <- NA; censor <- NA
    for (k in 1:3) {
      x <- t$rows[[k + 1]]
      if (is.null(x) || x$reached == 0) next
      if (x$rr == 1) { event <- if (!is.na(x$rr_day)) x$rr_day else x$day; break }
      if (x$rr == 0 && !is.na(x$day)) censor <- x$day
    }
    g <- if (fu$linked) t$all_steps else 1L
    if (g < 0) next
    if (!is.na(event) && event >= t$end) { tm <- c(tm, (event - t$end) / 30.4375); ev <- c(ev, 1); gr <- c(gr, g) }
    else if (!is.na(censor)) { tm <- c(tm, (censor - t$end) / 30.4375); ev <- c(ev, 0); gr <- c(gr, g) }
  }
  out$km <- lapply(setNames(c(1L, 0L), c("yes", "no")), function(g) {
    if (!any(gr == g)) return(NULL)
    fit <- survfit(Surv(tm[gr == g], ev[gr == g]) ~ 1)
    list(time = fit$time, n_risk = fit$n.risk, n_event = fit$n.event, n_censor = fit$n.censor, survival = fit$surv,
         lower = fit$lower, upper = fit$upper)
  })
  out$km <- Filter(Negate(is.null), out$km)
  if (length(unique(gr)) >= 2) {
    sd <- survdiff(Surv(tm, ev) ~ gr, rho = 0)
    df <- length(sd$n) - 1
    out$logrank <- list(n = length(tm), chisq = sd$chisq, df = df, p = pchisq(sd$chisq, df, lower.tail = FALSE))
  }
  out
}

fidelity_stats <- function(par, fu) {
  s <- score(par$items, 1)$score
  ok <- !is.na(s)
  per <- tapply(s[ok], par$traject[ok], mean)
  per <- per[order(names(per))]
  yes <- c(); no <- c(); steps <- c(); sc <- c()
  for (id in names(per)) {
    t <- fu$tr[[id]]
    if (is.null(t) || is.null(t$steps)) next
    if (t$all_steps == 1) yes <- c(yes, per[[id]]) else if (t$all_steps == 0) no <- c(no, per[[id]])
    if (t$steps >= 0) { steps <- c(steps, t$steps); sc <- c(sc, per[[id]]) }
  }
  w <- suppressWarnings(wilcox.test(yes, no))
  list(n_yes = length(yes), n_no = length(no), w = unname(w$statistic), p = w$p.value,
       spearman = spearman(steps, sc))
}

self_stats <- function(path) {
  z <- rd(path, ";")
  ids <- c("i1a", "i1b", "i1c", "i1d", "i2a", "i2b", "i2c", "i2d", "i3a", "i3b", "i3c", "i4a", "i4b", "i4c",
           "finale", "volledig")
  x <- sapply(ids, function(id) { v <- count_of(z[[id]], 1, 10); v[v < 0] <- NA; as.numeric(v) })
  items <- lapply(setNames(ids, ids), function(id) {
    d <- describe7(x[, id])
    list(n = d$n, median = d$median, q1 = d$q1, q3 = d$q3, iqr = IQR(x[, id], na.rm = TRUE, type = 7), mean = d$mean,
         sd = d$sd)
  })
  domains <- lapply(1:4, function(dm) {
    cols <- ids[substr(ids, 1, 2) == paste0("i", dm)]
    xs <- x[, cols, drop = FALSE]
    m <- rowMeans(xs, na.rm = TRUE)
    m[rowSums(!is.na(xs)) == 0] <- NA
    a <- alpha_of(xs, items = FALSE)
    ok <- !is.na(m) & z$functie != ""
    kw <- kruskal.test(m[ok], factor(z$functie[ok]))
    list(n = sum(!is.na(m)), mean = mean(m, na.rm = TRUE), sd = sd(m, na.rm = TRUE), raw_alpha = a$raw_alpha,
         std_alpha = a$std_alpha, kruskal = list(n = sum(ok), chi2 = unname(kw$statistic), df = unname(kw$parameter),
                                                 p = kw$p.value))
  })
  list(items = items, domains = domains)
}

# ---- The two cases.
hand_fu <- load_follow(file.path(hand_dir, "opvolging_klein.csv"), NULL)
hand_fu$linked <- FALSE
hand_par <- load_parents(file.path(hand_dir, "ouder_limesurvey.csv"), ",", hand_fu, FALSE)
hand <- c(list(parents = parent_stats(hand_par)), follow_stats(hand_fu))

sofs <- load_sofs(file.path(demo_dir, "sofs.csv"))
demo_fu <- load_follow(file.path(demo_dir, "opvolging.csv"), sofs)
demo_fu$linked <- TRUE
demo_fu$as_of <- max(demo_fu$as_of, attr(sofs, "as_of"))  # a later SofS extract moves the as-of date forward
demo_par <- load_parents(file.path(demo_dir, "ouder.csv"), ";", demo_fu, TRUE)
demo <- c(list(parents = parent_stats(demo_par), children = child_stats(file.path(demo_dir, "kind.csv"), demo_fu)),
          follow_stats(demo_fu),
          list(fidelity = fidelity_stats(demo_par, demo_fu), self = self_stats(file.path(demo_dir, "zelfevaluatie.csv")),
               excluded = as.list(table(demo_fu$excluded))))

golden <- list(
  r_version = R.version.string,
  psych_version = as.character(packageVersion("psych")),
  survival_version = as.character(packageVersion("survival")),
  jsonlite_version = as.character(packageVersion("jsonlite")),
  seed = 2023,
  hand = hand,
  demo = demo
)
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null", na = "null"), args[3])
