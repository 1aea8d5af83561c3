# Writes the statistical-file fixtures of spec/formats.md §5 from the project's own test CSVs, with R haven
# (Debian r-cran-haven; scripts/install-deps.sh installs it with ZICHT_WITH_R=1). Not run in CI: its output in
# tests/data/stat/ is committed, and tests/unit/test_core_stat.cpp asserts that every file reads to the same typed
# table (and the same `zicht analyse` JSON) as the CSV it came from.
#   Rscript tests/data/make_stat_fixtures.R
# Per CSV: columns whose every value is a date become dates (SPSS DATE11, Stata %td, SAS DATE9), columns whose every
# value is a plain number become numbers, the columns listed in `labelled` become numeric codes with value labels
# ("Niet van toepassing" is code 98, as SPSS users code it), numeric gaps in the columns listed in `user_missing`
# become the user-missing code -9 (SPSS) or the tagged missing .a (Stata), and the rest stays text. Names are made
# valid SPSS/Stata names; the CSV header is kept as the variable label.
suppressPackageStartupMessages(library(haven))
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
out <- file.path(here, "stat")
dir.create(out, showWarnings = FALSE)

valid_names <- function(h) {
  n <- gsub("[^A-Za-z0-9_]+", "_", iconv(h, "UTF-8", "ASCII//TRANSLIT"))
  n <- gsub("^_+|_+$", "", n)
  n <- ifelse(grepl("^[A-Za-z]", n), n, paste0("v", n))
  n <- substr(n, 1, 32)
  make.unique(n, sep = "_")
}

read_csv_text <- function(path, sep, enc) {
  d <- read.csv(path, sep = sep, fileEncoding = enc, colClasses = "character", check.names = FALSE,
                na.strings = character(0), encoding = "UTF-8")
  d[] <- lapply(d, function(x) enc2utf8(x))
  d
}

is_date_col <- function(x, fmt) {
  v <- x[x != ""]
  length(v) > 0 && all(!is.na(as.Date(v, format = fmt))) &&
    all(format(as.Date(v, format = fmt), fmt) == v | grepl("^[0-9]{4}-", v))
}
is_num_col <- function(x, dec) {
  v <- x[x != ""]
  pat <- if (dec == ",") "^-?(0|[1-9][0-9]*)(,[0-9]+)?$" else "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$"
  length(v) > 0 && all(grepl(pat, v))
}

# kind: "sav" (SPSS: user-missing -9), "dta" (Stata: tagged .a), "plain" (SAS: plain NA).
typed <- function(d, sep, date_fmt, labelled, user_missing, kind) {
  dec <- if (sep == ";") "," else "."
  cols <- lapply(names(d), function(h) {
    x <- d[[h]]
    if (h %in% labelled) {
      levels <- sort(unique(x[x != ""]))
      codes <- ifelse(levels == "Niet van toepassing", 98, seq_along(levels))
      y <- ifelse(x == "", NA, codes[match(x, levels)])
      return(labelled(y, labels = setNames(codes, levels), label = h))
    }
    if (is_date_col(x, date_fmt)) {
      y <- as.Date(ifelse(x == "", NA, x), format = date_fmt)
      attr(y, "label") <- h
      return(y)
    }
    if (is_num_col(x, dec)) {
      y <- as.numeric(ifelse(x == "", NA, sub(",", ".", x, fixed = TRUE)))
      if (h %in% user_missing && kind == "sav") {
        y[is.na(y)] <- -9
        return(labelled_spss(y, na_values = -9, label = h))
      }
      if (h %in% user_missing && kind == "dta") {
        y[is.na(y)] <- tagged_na("a")
        return(labelled(y, labels = c(Onbekend = tagged_na("a")), label = h))
      }
      attr(y, "label") <- h
      return(y)
    }
    attr(x, "label") <- h
    x
  })
  names(cols) <- valid_names(names(d))
  as.data.frame(cols, check.names = FALSE, stringsAsFactors = FALSE)
}

fixture <- function(csv, sep, enc, date_fmt, stem, labelled, user_missing, formats) {
  d <- read_csv_text(file.path(here, csv), sep, enc)
  if ("sav" %in% formats) {
    write_sav(typed(d, sep, date_fmt, labelled, user_missing, "sav"), file.path(out, paste0(stem, ".sav")))
  }
  if ("zsav" %in% formats) {
    write_sav(typed(d, sep, date_fmt, labelled, user_missing, "sav"), file.path(out, paste0(stem, ".zsav")),
              compress = "zsav")
  }
  if ("dta" %in% formats) {
    write_dta(typed(d, sep, date_fmt, labelled, user_missing, "dta"), file.path(out, paste0(stem, ".dta")),
              version = 14)
  }
  if ("sas7bdat" %in% formats) {
    # SAS data set (haven's writer is marked experimental, but ReadStat reads it back): no value labels in SAS.
    write_sas(typed(d, sep, date_fmt, character(0), character(0), "plain"), file.path(out, paste0(stem, ".sas7bdat")))
  }
  if ("xpt" %in% formats) {
    # SAS transport: names of at most 8 characters, no value labels.
    t <- typed(d, sep, date_fmt, character(0), character(0), "plain")
    names(t) <- make.unique(substr(names(t), 1, 8), sep = "")
    names(t) <- substr(names(t), 1, 8)
    write_xpt(t, file.path(out, paste0(stem, ".xpt")), version = 8)
  }
}

fixture("binc_like_utf8.csv", ",", "UTF-8", "%Y-%m-%d", "binc_like",
        c("Module", "VZB organisatietype", "Geslacht"), c("Duur (maanden)"), c("sav", "zsav", "dta", "xpt", "sas7bdat"))
fixture("profiles/binc_modules.csv", ";", "UTF-8", "%d/%m/%Y", "binc_modules",
        c("Module", "VZB organisatietype", "Organisatie"), character(0), c("sav", "dta"))
fixture("profiles/binc_clients.csv", ";", "windows-1252", "%d/%m/%Y", "binc_clients",
        c("Geslacht", "Dagbesteding", "Huisvesting", "Thuistaal"), c("Aantal kinderen in het gezin"), c("sav", "dta"))
fixture("profiles/sofs_export.csv", ";", "windows-1252", "%d/%m/%Y", "sofs_export",
        c("Organisatie", "Typering casus"), character(0), c("sav", "dta"))

# What the SPSS features do, each once with a known answer (asserted in tests/unit/test_core_stat.cpp):
# a discrete user-missing code (99) and a range (-9 thru -1), a value without a label, a date and a datetime, a variable label.
features <- data.frame(
  id = 1:8,
  tevreden = labelled_spss(c(1, 2, 98, 3, 99, NA, 7, -5),
                           labels = c("Helemaal oneens" = 1, "Oneens" = 2, "Eens" = 3, "NVT" = 98),
                           na_values = 99, na_range = c(-9, -1), label = "Tevredenheid ouder"),
  start = as.Date(c("2021-05-03", "2021-06-17", NA, "2022-01-13", "2022-02-15", "2022-03-14", "2022-04-01",
                    "2023-10-05")),
  gesprek = as.POSIXct(c("2021-05-03 09:30:00", "2021-06-17 14:00:00", NA, "2022-01-13 00:00:00",
                         "2022-02-15 16:45:30", "2022-03-14 08:00:00", "2022-04-01 12:00:00", "2023-10-05 10:15:00"),
                       tz = "UTC"),
  opmerking = c("één gesprek", "", "Geen", "ja", "", "crisis – weekend", "", "ok"),
  stringsAsFactors = FALSE)
attr(features$start, "label") <- "Startdatum traject"
write_sav(features, file.path(out, "spss_features.sav"))
cat("wrote", length(list.files(out)), "files to", out, "\n")
