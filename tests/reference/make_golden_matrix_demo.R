# Golden values for the matrix demo (issue 22), computed in R from the demo's cells file alone — the distance of
# spec/matrix.md §4.3 written out here, stats::hclust(method = "average") and psych::cohen.kappa — so the C++ side
# is checked against an independent implementation. R 4.2.2 (Debian bookworm), psych 2.2.9 (r-cran-psych).
#
#   build/zicht demo --profile matrix --part cells --seed 2023 --out /tmp/matrix_cells.csv
#   Rscript tests/reference/make_golden_matrix_demo.R /tmp/matrix_cells.csv assets/matrix tests/reference/golden_matrix_demo.json
suppressMessages({
  library(psych)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
cells <- read.csv(args[1], sep = ";", colClasses = "character", na.strings = character(0), encoding = "UTF-8")
forms <- read.csv(file.path(args[2], "support_forms.csv"), colClasses = "character", encoding = "UTF-8")
chars <- read.csv(file.path(args[2], "characteristics.csv"), colClasses = "character", encoding = "UTF-8")
states <- c("P", "GP", "NP", "GI", "GB", "AK", "UNC", "NFD", "EMPTY")

grid <- function(version) {
  v <- cells[cells$version == version, ]
  g <- matrix("EMPTY", nrow(forms), nrow(chars))
  code <- ifelse(v$classification == "", "EMPTY", v$classification)
  g[cbind(match(v$support_form_id, forms$support_form_id), match(v$characteristic_id, chars$characteristic_id))] <- code
  g
}
a <- grid("auteurs")
b <- grid("workshop")

# Distance: mean |s_a - s_b| over the characteristics both forms put on the parallel scale (P 1, GP 1/2, NP 0).
scale <- c(P = 1, GP = 0.5, NP = 0)
s <- matrix(scale[a], nrow(a))
n <- nrow(forms)
D <- matrix(0, n, n)
shared <- matrix(0L, n, n)
for (i in seq_len(n)) for (j in seq_len(n)) if (i != j) {
  both <- !is.na(s[i, ]) & !is.na(s[j, ])
  shared[i, j] <- sum(both)
  D[i, j] <- if (any(both)) mean(abs(s[i, both] - s[j, both])) else 1
}
hc <- hclust(as.dist(D), method = "average")

xa <- match(as.vector(a), states)
xb <- match(as.vector(b), states)
k9 <- cohen.kappa(cbind(xa, xb), levels = 1:9)
on <- xa <= 3 & xb <= 3
k3 <- cohen.kappa(cbind(xa[on], xb[on]), levels = 1:3)

golden <- list(
  r_version = R.version.string,
  psych_version = as.character(packageVersion("psych")),
  seed = 2023,
  labels = forms$label_nl,
  merge = unname(hc$merge),
  height = hc$height,
  order = hc$order,
  distance_caw_jac = D[match("caw_trajecten", forms$support_form_id), match("jac_trajecten", forms$support_form_id)],
  shared_caw_jac = shared[match("caw_trajecten", forms$support_form_id), match("jac_trajecten", forms$support_form_id)],
  agreement = mean(xa == xb),
  n_cells = length(xa),
  kappa = k9$kappa,
  kappa_lower = k9$confid[1, 1],
  kappa_upper = k9$confid[1, 3],
  n_scale = sum(on),
  weighted_kappa = k3$weighted.kappa,
  weighted_lower = k3$confid[2, 1],
  weighted_upper = k3$confid[2, 3]
)
writeLines(toJSON(golden, auto_unbox = TRUE, digits = NA, pretty = TRUE), args[3])
