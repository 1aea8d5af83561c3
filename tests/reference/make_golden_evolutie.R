# Golden values for the evolutie profile (issue 23), computed in R from the same CSV files the profile reads, with
# the rules of spec/evolutie.md (§5.2–5.3) and src/analysis/evolutie/ written out here (which rows are left out, how
# units, persons and moments are built), and each statistic from the named R function — so the profile's results are
# checked against an independent implementation. R 4.2.2 (Debian bookworm), nlme 3.1-162, survival, jsonlite.
#
# Two cases:
#   hand — tests/data/evolutie/veiligheidsschaal_lang.csv (no SofS link)
#   demo — the demo for seed 2023: the four evolutie parts and the SofS demo as the link
#
#   for p in meting instrument telling fase; do build/zicht demo --profile evolutie --part $p --out /tmp/evo/$p.csv; done
#   build/zicht demo --profile sofs --out /tmp/evo/sofs.csv
#   Rscript tests/reference/make_golden_evolutie.R /tmp/evo tests/data/evolutie/veiligheidsschaal_lang.csv \
#     2023-10-05 2023-12-15 tests/reference/golden_evolutie.json
#
# The two dates are the as-of dates of the runs (provenance.as_of of `zicht analyse --profile evolutie ...` on the demo
# files with the SofS link, and on the hand file): a documented input (the reference day for "due" and for the
# censoring of those still on their way), not a statistic. Nothing else is read from Zicht.
suppressMessages({
  library(nlme)
  library(survival)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
demo_dir <- args[1]
hand_file <- args[2]
as_of_demo <- as.numeric(as.Date(args[3]))
as_of_hand <- as.numeric(as.Date(args[4]))
out_path <- args[5]
schema <- fromJSON(file.path("assets", "schemas", "evolutie.json"), simplifyVector = FALSE)

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
int_in <- function(x, lo, hi) {
  v <- suppressWarnings(as.integer(x))
  v[!grepl("^-?[0-9]+$", x) | is.na(v) | v < lo | v > hi] <- -1L
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
describe <- function(v) {
  v <- v[!is.na(v)]
  if (length(v) == 0) return(list(n = 0L, min = NA, q1 = NA, median = NA, q3 = NA, max = NA, mean = NA))
  q <- quantile(v, c(0.25, 0.5, 0.75), type = 7, names = FALSE)
  list(n = length(v), min = min(v), q1 = q[1], median = q[2], q3 = q[3], max = max(v), mean = mean(v))
}

# ---- Codes of the schema: a cell matches a code or one of its aliases (case and surrounding blanks ignored).
field_of <- function(id) Filter(function(f) f$id == id, schema$fields)[[1]]
coder <- function(id) {
  f <- field_of(id)
  keys <- character(0); vals <- character(0)
  for (c in f$codes) {
    a <- c(c$code, unlist(c$aliases))
    keys <- c(keys, tolower(a)); vals <- c(vals, rep(c$code, length(a)))
  }
  function(x) unname(vals[match(tolower(trimws(x)), keys)])
}
moment_code <- coder("moment")
role_code <- coder("rol")
phase_code <- coder("fase")
form_code <- coder("vorm")
nvt_scores <- tolower(unlist(field_of("score")$nvt))
moments <- c("0m", "3m", "6m", "9m", "12m", "18m", "24m", "einde", "tussentijds")
months_of <- c(0, 3, 6, 9, 12, 18, 24)
K_END <- 7L; K_INTERIM <- 8L   # 0-based moment indices

# ---- Instruments: the schema's presets, a file row with a preset's id replaces it in place, new ids appended.
presets <- lapply(schema$settings$presets, function(p) list(id = p$id, domains = unlist(p$domeinen),
                                                         min = p$min, max = p$max))
split_list <- function(s) { x <- trimws(strsplit(s, "[;|]")[[1]]); x[x != ""] }

# ---- The SofS link: trajectory, start, and closure at the SofS file's own as-of date.
load_sofs <- function(path) {
  s <- rd(path, ";")
  step_cols <- c("Mapping intern", "Mapping met familie", "3 huizen", "Gevaarsboodschap", "Veiligheidsdoel",
                 "Veiligheidsschaal", "Traject", "W&P", "Veiligheidsplan volwassenen", "Kindversie veiligheidsplan")
  all_dates <- c(as_day(s[["Startdatum traject"]]), as_day(s[["Startdatum consulent"]]),
                 as_day(s[["Plan B in werking"]]), as_day(s[["Einddatum"]]))
  for (c in step_cols) all_dates <- c(all_dates, as_day(s[[c]]))
  as_of <- as_of_of(all_dates)
  start <- as_day(s[["Startdatum traject"]])
  end <- as_day(s[["Einddatum"]])
  id <- s[["Identificatiecode"]]
  keep <- id != "" & !is.na(start) & !duplicated(id)
  closed <- !is.na(end) & end <= as_of
  data.frame(id = id, start = start, end = ifelse(closed, end, NA), closed = closed,
             stringsAsFactors = FALSE)[keep, ]
}

# ---- The model (src/analysis/evolutie/model.cpp): units, persons, measurements, counts and phases.
# cols maps the schema's field ids to the file's column names.
build_model <- function(meting, cols, instrument = NULL, telling = NULL, fase = NULL, sofs = NULL) {
  M <- new.env()
  ins <- presets
  if (!is.null(instrument)) for (r in seq_len(nrow(instrument))) {
    id <- instrument$instrument_id[r]
    i <- Position(function(x) x$id == id, ins)
    x <- if (is.na(i)) list(id = id, domains = character(0), min = 0, max = 10) else ins[[i]]
    if (instrument$domeinen[r] != "") x$domains <- split_list(instrument$domeinen[r])
    if (instrument$min[r] != "") x$min <- as.integer(instrument$min[r])
    if (instrument$max[r] != "") x$max <- as.integer(instrument$max[r])
    if (x$max <= x$min) next
    if (is.na(i)) ins[[length(ins) + 1]] <- x else ins[[i]] <- x
  }
  linked <- !is.null(sofs)
  u_id <- character(0); u_start <- numeric(0); u_end <- numeric(0); u_closed <- logical(0); u_sofs <- logical(0)
  if (linked) {
    u_id <- sofs$id; u_start <- sofs$start; u_end <- sofs$end; u_closed <- sofs$closed
    u_sofs <- rep(TRUE, nrow(sofs))
  }
  unit_of <- function(id, create) {
    u <- match(id, u_id)
    if (!is.na(u)) return(u)
    if (!create) return(NA)
    u_id <<- c(u_id, id); u_start <<- c(u_start, NA); u_end <<- c(u_end, NA); u_closed <<- c(u_closed, FALSE)
    u_sofs <<- c(u_sofs, FALSE)
    length(u_id)
  }
  col <- function(f, r) if (is.null(cols[[f]])) "" else meting[[cols[[f]]]][r]
  p_id <- character(0); p_unit <- integer(0)
  ms <- list()
  for (r in seq_len(nrow(meting))) {
    uid <- col("traject_id", r)
    trajectory <- uid != ""
    if (!trajectory) uid <- col("jongere_id", r)
    if (uid == "") next                                    # no_unit
    u <- unit_of(uid, !(linked && trajectory))
    if (is.na(u)) next                                     # no_trajectory
    mc <- moment_code(col("moment", r))
    if (is.na(mc)) next                                    # unknown_moment
    inst <- col("instrument_id", r)
    if (inst == "") inst <- "veiligheidsschaal"
    i <- Position(function(x) x$id == inst, ins)
    if (is.na(i)) { ins[[length(ins) + 1]] <- list(id = inst, domains = character(0), min = -Inf, max = Inf); i <- length(ins) }
    dom <- col("domein", r)
    if (dom == "") dom <- if (length(ins[[i]]$domains)) ins[[i]]$domains[1] else ""
    if (dom != "" && !(dom %in% ins[[i]]$domains)) ins[[i]]$domains <- c(ins[[i]]$domains, dom)
    raw <- trimws(col("score", r))
    score <- NA_real_; not_asked <- FALSE
    if (tolower(raw) %in% nvt_scores) {
      not_asked <- TRUE
    } else if (raw != "") {
      if (!grepl("^[+-]?[0-9]*[.,]?[0-9]+$", raw)) next   # not_a_score
      score <- as.numeric(sub(",", ".", raw, fixed = TRUE))
      if (score < ins[[i]]$min || score > ins[[i]]$max) next   # out_of_range
    }
    pid <- col("persoon_id", r)
    role <- role_code(col("rol", r))
    if (pid == "") pid <- paste0(uid, if (is.na(role)) "" else paste0(" \u00b7 ", role))
    p <- match(pid, p_id)
    if (is.na(p)) { p_id <- c(p_id, pid); p_unit <- c(p_unit, u); p <- length(p_id) }
    ms[[length(ms) + 1]] <- list(unit = u, person = p, instrument = inst, domain = dom, moment = match(mc, moments) - 1L,
                                 date = as_day(col("datum", r)), score = score, not_asked = not_asked, row = r + 1L)
  }
  ms <- do.call(rbind, lapply(ms, as.data.frame, stringsAsFactors = FALSE))
  # Units without a SofS link: start = the earliest 0m date (else the earliest date), end = the latest einde date.
  for (u in which(!u_sofs)) {
    x <- ms[ms$unit == u & !is.na(ms$date), ]
    s0 <- x$date[x$moment == 0]
    u_start[u] <- if (length(s0)) min(s0) else if (nrow(x)) min(x$date) else NA
    e <- x$date[x$moment == K_END]
    u_end[u] <- if (length(e)) max(e) else NA
    u_closed[u] <- length(e) > 0
  }
  # In file order: a repeated (person, instrument, domain, moment) and a measurement after the end are left out.
  key <- paste(ms$person, ms$instrument, ms$domain, ms$moment, sep = "\r")
  keep <- rep(TRUE, nrow(ms))
  seen <- character(0)
  for (k in seq_len(nrow(ms))) {
    if (ms$moment[k] != K_INTERIM) {
      if (key[k] %in% seen) { keep[k] <- FALSE; next }
      seen <- c(seen, key[k])
    }
    u <- ms$unit[k]
    if (u_closed[u] && !is.na(u_end[u]) && !is.na(ms$date[k]) && ms$date[k] > u_end[u]) keep[k] <- FALSE
  }
  M$ms <- ms[keep, ]
  M$ins <- ins
  M$units <- data.frame(id = u_id, start = u_start, end = u_end, closed = u_closed, stringsAsFactors = FALSE)
  M$persons <- data.frame(id = p_id, unit = p_unit, stringsAsFactors = FALSE)
  has_data <- function(id) any(M$ms$instrument == id)
  M$instrument <- if (has_data("veiligheidsschaal")) "veiligheidsschaal" else M$ms$instrument[1]
  doms <- ins[[Position(function(x) x$id == M$instrument, ins)]]$domains
  M$domain <- doms[sapply(doms, function(d) any(M$ms$instrument == M$instrument & M$ms$domain == d))][1]

  # Counts at start and end: one row per trajectory (the first), linked to the SofS file when loaded.
  if (!is.null(telling)) {
    tl <- telling[telling$traject_id != "" & (!linked | telling$traject_id %in% u_id), ]
    tl <- tl[!duplicated(tl$traject_id), ]
    M$counts <- data.frame(id = tl$traject_id,
                           ps = int_in(tl$n_professionelen_start, 0, 60), pe = int_in(tl$n_professionelen_einde, 0, 60),
                           ns = int_in(tl$n_netwerkfiguren_start, 0, 60), ne = int_in(tl$n_netwerkfiguren_einde, 0, 60),
                           role = yn(tl$rolverandering), stringsAsFactors = FALSE)
  }
  # Phases: a row per youngster and phase 1–6 (the first of a repeated one).
  if (!is.null(fase)) {
    f <- fase
    f$ph <- suppressWarnings(as.integer(phase_code(f$fase)))
    f <- f[f$jongere_id != "" & !is.na(f$ph) & f$ph >= 1 & f$ph <= 6, ]
    f <- f[!duplicated(paste(f$jongere_id, f$ph)), ]
    M$phases <- data.frame(y = f$jongere_id, ph = f$ph, date = as_day(f$datum_in), age = int_in(f$leeftijd, 10, 30),
                           form = ifelse(is.na(form_code(f$vorm)), "", form_code(f$vorm)), dropped = yn(f$afgehaakt),
                           c1 = yn(f$netwerk_uitgebouwd), c2 = yn(f$kent_rechten), c3 = yn(f$weet_waar_terecht),
                           stringsAsFactors = FALSE)
  }
  M
}

# A person's scores of one instrument and domain in time order: the fixed moments in order, each interim score
# before the first point dated after it (undated: before the end moment).
series_of <- function(M, p, inst, dom) {
  x <- M$ms[M$ms$person == p & M$ms$instrument == inst & M$ms$domain == dom, ]
  fx <- x[x$moment != K_INTERIM, ]
  fx <- fx[order(fx$moment), ]
  it <- x[x$moment == K_INTERIM, ]
  it <- it[order(ifelse(is.na(it$date), -Inf, it$date)), ]
  for (k in seq_len(nrow(it))) {
    p0 <- it[k, ]
    at <- NA
    for (j in seq_len(nrow(fx))) {
      hit <- if (!is.na(p0$date) && !is.na(fx$date[j])) fx$date[j] > p0$date else fx$moment[j] == K_END
      if (hit) { at <- j; break }
    }
    fx <- if (is.na(at)) rbind(fx, p0) else rbind(fx[seq_len(at - 1), ], p0, fx[at:nrow(fx), ])
  }
  fx
}
score_at <- function(s, k) { v <- s$score[s$moment == k & !is.na(s$score)]; if (length(v)) v[1] else NA }
moments_present <- function(M, inst, dom) {
  x <- M$ms[M$ms$instrument == inst & M$ms$domain == dom & M$ms$moment != K_INTERIM & !is.na(M$ms$score), ]
  sort(unique(x$moment))
}

# ---- series: the cohort per domain and moment.
cohort <- function(M) {
  doms <- M$ins[[Position(function(x) x$id == M$instrument, M$ins)]]$domains
  out <- list()
  for (d in doms) for (k in moments_present(M, M$instrument, d)) {
    x <- M$ms[M$ms$instrument == M$instrument & M$ms$domain == d & M$ms$moment == k, ]
    s <- describe(x$score)
    out[[length(out) + 1]] <- list(domain = d, moment = moments[k + 1], n = s$n, median = s$median, q1 = s$q1,
                                   q3 = s$q3, mean = s$mean, not_asked = sum(x$not_asked))
  }
  out
}

# ---- change: wilcox.test(to, from, paired = TRUE, conf.int = TRUE).
change <- function(M, from = "0m", to = "6m") {
  a <- match(from, moments) - 1L; b <- match(to, moments) - 1L
  x <- c(); y <- c(); only_from <- 0; only_to <- 0
  for (p in seq_len(nrow(M$persons))) {
    s <- series_of(M, p, M$instrument, M$domain)
    if (nrow(s) == 0) next
    u <- score_at(s, a); v <- score_at(s, b)
    if (is.na(u) || is.na(v)) { only_from <- only_from + (!is.na(u)); only_to <- only_to + (!is.na(v)); next }
    x <- c(x, u); y <- c(y, v)
  }
  d <- y - x
  out <- list(from = from, to = to, n_pairs = length(d), up = sum(d > 0), equal = sum(d == 0), down = sum(d < 0),
              median_difference = if (length(d)) median(d) else NA, only_from = only_from, only_to = only_to)
  nz <- d[d != 0]
  n <- length(nz)
  out$n_nonzero <- n
  if (n == 0) return(out)
  w <- suppressWarnings(wilcox.test(y, x, paired = TRUE, conf.int = TRUE))
  nt <- table(rank(abs(nz)))
  zc <- unname(w$statistic) - n * (n + 1) / 4
  z <- (zc - sign(zc) * 0.5) / sqrt(n * (n + 1) * (2 * n + 1) / 24 - sum(nt^3 - nt) / 48)
  c(out, list(v = unname(w$statistic), p = w$p.value, exact = grepl("exact", w$method), estimate = unname(w$estimate),
              ci_lower = w$conf.int[1], ci_upper = w$conf.int[2], z = z, r = z / sqrt(n)))
}

# ---- repeated: Friedman on complete persons, nlme::lme REML (random intercept per person, or nested).
fit_lme <- function(d, nested, control = lmeControl()) {
  if (nested) lme(score ~ moment, random = ~1 | traject_id/persoon_id, data = d, method = "REML", control = control)
  else lme(score ~ moment, random = ~1 | persoon_id, data = d, method = "REML", control = control)
}
# The profiled REML log-likelihood written out (tests/reference/make_golden_lme.R): nlme must stop at its maximum.
reml_profile <- function(d, th_group, th_outer = 0) {
  X <- model.matrix(~moment, d)
  y <- d$score
  N <- nrow(X); p <- ncol(X)
  V0 <- diag(N) + th_group^2 * outer(d$persoon_id, d$persoon_id, "==") + th_outer^2 * outer(d$traject_id, d$traject_id, "==")
  Vi <- solve(V0)
  A <- t(X) %*% Vi %*% X
  b <- solve(A, t(X) %*% Vi %*% y)
  r <- y - X %*% b
  s2 <- drop(t(r) %*% Vi %*% r) / (N - p)
  -0.5 * ((N - p) * (log(2 * pi) + 1 + log(s2)) + determinant(V0)$modulus + determinant(A)$modulus)
}
profile_max <- function(d, nested) {
  if (!nested) {
    o <- optimize(function(t) -reml_profile(d, exp(t)), c(-20, 8), tol = 1e-12)
    return(max(-o$objective, reml_profile(d, 0)))
  }
  best <- max(reml_profile(d, 0, 0),
              -optimize(function(t) -reml_profile(d, exp(t), 0), c(-20, 8), tol = 1e-12)$objective,
              -optimize(function(t) -reml_profile(d, 0, exp(t)), c(-20, 8), tol = 1e-12)$objective)
  for (start in list(c(0, 0), c(-3, 0), c(0, -3), c(1, 1))) {
    o <- optim(start, function(t) -reml_profile(d, exp(min(t[1], 8)), exp(min(t[2], 8))), method = "BFGS",
               control = list(reltol = 1e-14, maxit = 1000))
    best <- max(best, -o$value)
  }
  best
}
lme_values <- function(fit, d, nested) {
  tt <- summary(fit)$tTable
  av <- anova(fit)
  rel <- as.matrix(fit$modelStruct$reStruct)
  sd_of <- function(level) fit$sigma * sqrt(rel[[level]][1, 1])
  k <- nlevels(d$moment)
  df_m <- unique(tt[-1, "DF"])
  if (length(df_m) != 1) df_m <- av["moment", "denDF"]
  L <- cbind(1, rbind(0, diag(k - 1)))
  mean <- drop(L %*% fixef(fit))
  se <- sqrt(diag(L %*% vcov(fit) %*% t(L)))
  q <- qt(0.975, df_m)
  list(anova_terms = rownames(av), anova_num_df = unname(av[, "numDF"]), anova_den_df = unname(av[, "denDF"]),
       anova_f = unname(av[, "F-value"]), anova_p = unname(av[, "p-value"]),
       beta = unname(tt[, "Value"]), se = unname(tt[, "Std.Error"]), df = unname(tt[, "DF"]),
       t = unname(tt[, "t-value"]), p = unname(tt[, "p-value"]),
       mean_n = as.vector(table(d$moment)), mean = unname(mean), mean_se = unname(se), df_moment = df_m,
       mean_lower = unname(mean - q * se), mean_upper = unname(mean + q * se),
       sd_group = sd_of("persoon_id"), sd_outer = if (nested) sd_of("traject_id") else NA, sigma = fit$sigma,
       loglik = as.numeric(logLik(fit)))
}
lme_case <- function(d, nested) {
  fit <- fit_lme(d, nested)
  tight <- fit_lme(d, nested, lmeControl(msTol = 1e-14, tolerance = 1e-14, niterEM = 0, msMaxIter = 500))
  th <- function(f) sapply(as.matrix(f$modelStruct$reStruct), function(m) sqrt(m[1, 1]))
  v <- lme_values(fit, d, nested)
  vt <- lme_values(tight, d, nested)
  pmax <- profile_max(d, nested)
  theta_rel <- max(abs(th(fit) / th(tight) - 1))
  # The golden values are nlme's default fit when it stops at the optimum (variance ratios within 1e-7 of the tight
  # refit, logLik within 1e-7 of the profile maximum); else the tight refit, which is that optimum.
  at_optimum <- theta_rel < 1e-7 && abs(v$loglik - pmax) < 1e-7
  out <- if (at_optimum) v else vt
  stopifnot(abs(vt$loglik - pmax) < 1e-7)
  c(out, list(n_obs = nrow(d), n_groups = length(unique(d$persoon_id)), default_at_optimum = at_optimum,
              theta_rel_default_vs_tight = theta_rel, profile_max_loglik = pmax, loglik_default = v$loglik))
}
repeated <- function(M) {
  mk <- moments_present(M, M$instrument, M$domain)
  rows <- list(); d <- list()
  for (p in seq_len(nrow(M$persons))) {
    s <- series_of(M, p, M$instrument, M$domain)
    if (nrow(s) == 0) next
    v <- sapply(mk, function(k) score_at(s, k))
    if (!any(!is.na(v))) next
    rows[[length(rows) + 1]] <- v
    for (j in which(!is.na(v)))
      d[[length(d) + 1]] <- data.frame(score = v[j], moment = moments[mk[j] + 1], persoon_id = M$persons$id[p],
                                       traject_id = M$units$id[M$persons$unit[p]], stringsAsFactors = FALSE)
  }
  b <- do.call(rbind, rows)
  cc <- b[complete.cases(b), , drop = FALSE]
  out <- list(moments = moments[mk + 1], friedman = list(n = nrow(cc), n_dropped = nrow(b) - nrow(cc), k = length(mk)))
  if (nrow(cc) >= 2) {
    fr <- friedman.test(cc)
    out$friedman <- c(out$friedman, list(chi2 = unname(fr$statistic), df = unname(fr$parameter), p = fr$p.value,
                                         w = unname(fr$statistic) / (nrow(cc) * (length(mk) - 1))))
  }
  d <- do.call(rbind, d)
  d$moment <- factor(d$moment, levels = moments[mk + 1])
  d$persoon_id <- factor(d$persoon_id)
  d$traject_id <- factor(d$traject_id)
  out$lme <- lme_case(d, FALSE)
  out$lme_nested <- lme_case(d, TRUE)
  out
}

# ---- pattern: the classes of spec §5.2 per unit (first rule that matches), and the counts at start and end.
classify <- function(series, delta = 1) {
  eps <- 1e-9
  sc <- lapply(series, function(s) s$score[!is.na(s$score)])
  if (!any(sapply(sc, length) > 0)) return("niet bevraagd")
  sc <- Filter(function(v) length(v) >= 2, sc)
  if (length(sc) == 0) return("enkel start")
  for (v in sc) if (length(v) >= 3) for (i in 2:(length(v) - 1))
    if (v[i] <= v[1] - delta + eps && v[length(v)] >= v[i] + delta - eps) return("U-vorm")
  dd <- sapply(sc, function(v) v[length(v)] - v[1])
  if (all(dd >= delta - eps)) return("stijging")
  if (all(abs(dd) < delta - eps)) return("geen evolutie")
  if (all(dd <= -delta + eps)) return("daling")
  "gemengd"
}
classes <- c("stijging", "U-vorm", "enkel start", "niet bevraagd", "geen evolutie", "daling", "gemengd")
pattern <- function(M) {
  units <- sort(unique(M$ms$unit[M$ms$instrument == M$instrument & M$ms$domain == M$domain]))
  cl <- sapply(units, function(u) classify(lapply(which(M$persons$unit == u),
                                                  function(p) series_of(M, p, M$instrument, M$domain))))
  out <- list(n = length(units), classes = as.list(sapply(classes, function(c) sum(cl == c))),
              units = as.list(setNames(cl, M$units$id[units])))
  if (!is.null(M$counts)) {
    cc <- function(a, b) ifelse(a < 0 | b < 0, NA, ifelse(b > a, "stijging", ifelse(b == a, "stabiel", "daling")))
    pr <- cc(M$counts$ps, M$counts$pe); nw <- cc(M$counts$ns, M$counts$ne)
    kinds <- c("stijging", "stabiel", "daling")
    out$professionals <- as.list(sapply(kinds, function(k) sum(pr == k, na.rm = TRUE)))
    out$network <- as.list(sapply(kinds, function(k) sum(nw == k, na.rm = TRUE)))
    out$network_stable_role_change <- sum(nw == "stabiel" & M$counts$role == 1, na.rm = TRUE)
  }
  out
}

# ---- domains: the profile of the first instrument with more than one scored domain (the analysed one first).
domains <- function(M) {
  scored <- function(i) sum(sapply(i$domains, function(d) any(M$ms$instrument == i$id & M$ms$domain == d & !is.na(M$ms$score))))
  cand <- c(Filter(function(i) i$id == M$instrument, M$ins), M$ins)
  ins <- Filter(function(i) scored(i) > 1, cand)
  if (length(ins) == 0) return(NULL)
  ins <- ins[[1]]
  rows <- list()
  for (d in ins$domains) for (k in moments_present(M, ins$id, d)) {
    x <- M$ms$score[M$ms$instrument == ins$id & M$ms$domain == d & M$ms$moment == k & !is.na(M$ms$score)]
    s <- describe(x)
    rows[[length(rows) + 1]] <- list(domain = d, moment = moments[k + 1], n = s$n, median = s$median, q1 = s$q1,
                                     q3 = s$q3, mean = s$mean)
  }
  list(instrument = ins$id, profile = rows)
}

# ---- phases: funnel, time in phase, ages, Kaplan–Meier 2 → 5, Fisher per checklist item.
phases <- function(M, as_of) {
  f <- M$phases
  ys <- unique(f$y)
  Y <- lapply(ys, function(id) {
    r <- f[f$y == id, ]
    r <- r[order(r$ph), ]
    forms <- r$form[r$form != ""]
    list(id = id, r = r, dropped = any(r$dropped == 1), form = if (length(forms)) forms[1] else "", last = max(r$ph))
  })
  n <- length(Y)
  funnel <- lapply(1:6, function(p) list(reached = sum(sapply(Y, function(y) y$last >= p)),
                                         rows = sum(sapply(Y, function(y) any(y$r$ph == p))),
                                         dropped = sum(sapply(Y, function(y) any(y$r$ph == p & y$r$dropped == 1)))))
  time <- list(); ages <- list()
  for (p in 1:6) {
    mo <- c(); ag <- c()
    for (y in Y) {
      i <- which(y$r$ph == p)
      if (!length(i)) next
      if (y$r$age[i] >= 0) ag <- c(ag, y$r$age[i])
      if (i < nrow(y$r) && !is.na(y$r$date[i]) && !is.na(y$r$date[i + 1]))
        mo <- c(mo, (y$r$date[i + 1] - y$r$date[i]) / 30.4375)
    }
    if (p < 6) time[[p]] <- describe(mo)
    ages[[p]] <- describe(ag)
  }
  tm <- c(); ev <- c()
  for (y in Y) {
    i2 <- which(y$r$ph == 2)
    if (!length(i2) || is.na(y$r$date[i2])) next
    d5 <- y$r$date[y$r$ph >= 5 & !is.na(y$r$date)]
    if (length(d5)) { tm <- c(tm, (d5[1] - y$r$date[i2]) / 30.4375); ev <- c(ev, 1); next }
    last <- y$r$date[nrow(y$r)]
    end <- if (y$dropped && !is.na(last)) last else as_of
    tm <- c(tm, max(0, end - y$r$date[i2]) / 30.4375); ev <- c(ev, 0)
  }
  fit <- survfit(Surv(tm, ev) ~ 1)   # conf.type = "log", the default
  km <- list(n = length(tm), events = sum(ev), time = fit$time, n_risk = fit$n.risk, n_event = fit$n.event,
             n_censor = fit$n.censor, surv = fit$surv, lower = fit$lower, upper = fit$upper)
  items <- c("netwerk_uitgebouwd", "kent_rechten", "weet_waar_terecht")
  fisher <- lapply(setNames(1:3, items), function(i) {
    tab <- matrix(0, 2, 2)
    for (g in 1:2) for (y in Y) {
      r6 <- y$r[y$r$ph == 6, ]
      if (!nrow(r6) || y$form != c("groep", "individueel")[g]) next
      v <- r6[[paste0("c", i)]]
      if (v < 0) next
      tab[g, 2 - v] <- tab[g, 2 - v] + 1
    }
    out <- list(groep_yes = tab[1, 1], groep_n = sum(tab[1, ]), individueel_yes = tab[2, 1], individueel_n = sum(tab[2, ]))
    if (sum(tab[1, ]) > 0 && sum(tab[2, ]) > 0) out$p <- fisher.test(tab)$p.value
    out
  })
  list(n = n, funnel = funnel, time = time, ages = ages, km = km, fisher = fisher)
}

# ---- completeness: scored / not asked / missing / not due per moment, the three denominators.
completeness <- function(M, as_of) {
  x <- M$ms[M$ms$instrument == M$instrument & M$ms$domain == M$domain, ]
  last <- max(2L, x$moment[x$moment < K_END])
  mk <- c(0:last, K_END)
  persons <- sort(unique(x$person))
  lapply(mk, function(k) {
    st <- sapply(persons, function(p) {
      u <- M$units[M$persons$unit[p], ]
      s <- x[x$person == p & x$moment == k, ]
      due <- if (k == K_END) {
        u$closed && !is.na(u$end) && u$end <= as_of
      } else {
        d <- add_months(u$start, months_of[k + 1])
        if (is.na(d)) nrow(s) > 0 else d <= as_of && (!u$closed || is.na(u$end) || d <= u$end)
      }
      if (!due) "not_due" else if (nrow(s) && any(!is.na(s$score))) "scored" else if (nrow(s) && any(s$not_asked)) "not_asked" else "missing"
    })
    applicable <- sum(st != "not_due")
    list(moment = moments[k + 1], n = sum(st == "scored"), not_asked = sum(st == "not_asked"),
         missing = sum(st == "missing"), not_due = sum(st == "not_due"),
         denom_valid = applicable - sum(st == "not_asked"), denom_applicable = applicable, denom_all = length(persons))
  })
}

# ---- The two cases.
hand_rows <- rd(hand_file, ";")
hand_cols <- list(traject_id = "Traject", persoon_id = "Respondent", rol = "Rol", moment = "Meetmoment",
                  datum = "Datum", score = "Score veiligheidsschaal")
H <- build_model(hand_rows, hand_cols)
hand <- list(as_of = format(as.Date(as_of_hand, origin = "1970-01-01")), n_persons = nrow(H$persons),
             cohort = cohort(H), change = list(change(H)), repeated = repeated(H), pattern = pattern(H),
             completeness = completeness(H, as_of_hand))

demo_meting <- rd(file.path(demo_dir, "meting.csv"), ";")
demo_cols <- setNames(as.list(names(demo_meting)), names(demo_meting))
D <- build_model(demo_meting, demo_cols, instrument = rd(file.path(demo_dir, "instrument.csv"), ";"),
                 telling = rd(file.path(demo_dir, "telling.csv"), ";"), fase = rd(file.path(demo_dir, "fase.csv"), ";"),
                 sofs = load_sofs(file.path(demo_dir, "sofs.csv")))
demo <- list(as_of = format(as.Date(as_of_demo, origin = "1970-01-01")), n_persons = nrow(D$persons),
             cohort = cohort(D), change = list(change(D), change(D, "0m", "einde")), repeated = repeated(D),
             pattern = pattern(D), domains = domains(D), phases = phases(D, as_of_demo),
             completeness = completeness(D, as_of_demo))
# The published panel (spec §5.4): the demo must give exactly these counts.
stopifnot(unlist(demo$pattern$classes) == c(8, 3, 3, 2, 2, 0, 0),
          unlist(demo$pattern$professionals) == c(7, 7, 4), unlist(demo$pattern$network) == c(5, 12, 1),
          demo$pattern$network_stable_role_change == 7)

golden <- list(
  r_version = R.version.string,
  nlme_version = as.character(packageVersion("nlme")),
  survival_version = as.character(packageVersion("survival")),
  jsonlite_version = as.character(packageVersion("jsonlite")),
  seed = 2023,
  hand = hand,
  demo = demo
)
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null", na = "null"), out_path)
