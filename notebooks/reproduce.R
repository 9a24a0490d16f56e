# Reads a sweep's runs.csv in R and reproduces one of its runs from its seed, exactly.
#
#   Rscript notebooks/reproduce.R [SWEEP_FOLDER]     (from the project folder; base R only)
#
# Without a folder it first runs a small sweep of the teaching district (2 points x 5
# replicates). Two things matter when R reads runs.csv:
#  - seeds are 64-bit integers; read.csv would turn them into doubles, which keep only 53 bits
#    (3595544800446187243 becomes 3595544800446187008, the seed of another run). Read the seed
#    column as text: colClasses = c(seed = "character").
#  - column names are key paths such as pauses[0].duration; check.names = FALSE keeps them as
#    they are (R would make them pauses.0..duration).
args <- commandArgs(trailingOnly = TRUE)
root <- normalizePath(if (file.exists("safepassage")) "." else "..")
safepassage <- function(...) {
  status <- system2(file.path(root, "safepassage"), c(...), stdout = FALSE)
  if (status != 0) stop("safepassage ", paste(c(...), collapse = " "), " exited ", status)
}
work <- tempfile("reproduce-")
dir.create(work)

if (length(args) >= 1) {
  sweep <- normalizePath(args[1])
} else {
  study <- file.path(work, "study.yaml")
  writeLines(c(
    "schemaVersion: 1",
    "name: reproduce-in-r",
    paste0("base: ", file.path(root, "scenarios", "teaching.yaml")),
    "design: factorial",
    "parameters:",
    "  - path: pauses[0].duration",
    "    values: [PT6H, PT24H]",
    "replicates: 5",
    "seed: 2016"), study)
  sweep <- file.path(work, "sweep")
  safepassage("sweep", study, "--out", sweep, "-q")
}

runs_csv <- file.path(sweep, "runs.csv")
runs <- read.csv(runs_csv, colClasses = c(seed = "character"), check.names = FALSE)
naive <- read.csv(runs_csv)
changed <- sum(sprintf("%.0f", naive$seed) != runs$seed)
cat(sprintf("%d runs; a plain read.csv would change %d of their %d seeds and rename %d columns\n",
            nrow(runs), changed, nrow(runs), sum(names(naive) != names(runs))))

# The varied key paths sit between the seed and the first figure.
first_figure <- which(names(runs) == "initialPersons")
paths <- if (first_figure > 4) names(runs)[4:(first_figure - 1)] else character(0)
figures <- setdiff(names(runs)[first_figure:ncol(runs)], "ensembleMember")  # the member follows from the seed

manifest <- paste(readLines(file.path(sweep, "manifest.json"), warn = FALSE), collapse = "\n")
base <- sub('.*"baseScenario" *: *"([^"]*)".*', "\\1", manifest)

# The run with the largest seed: the one a double would get wrong first.
row <- runs[order(nchar(runs$seed), runs$seed, decreasing = TRUE)[1], ]
sets <- unlist(lapply(paths, function(p) c("--set", paste0(p, "=", row[[p]]))))
out <- file.path(work, "run")
safepassage("run", base, "--seed", row$seed, sets, "--out", out, "-q")

summary <- paste(readLines(file.path(out, "summary.json"), warn = FALSE), collapse = "\n")
value_of <- function(name) {
  m <- regmatches(summary, regexpr(paste0('\\n  "', name, '" : [^,\\n]*'), summary))
  if (length(m) == 0) return(NA)
  v <- sub('.*: *', "", m)
  if (v %in% c("null", '"NaN"', "NaN")) return(NA_real_)
  if (v %in% c("true", "false")) return(as.numeric(v == "true"))  # runs.csv writes 1 and 0
  as.numeric(v)
}
again <- sapply(figures, value_of)
# runs.csv derives killedAtHome (killed minus killedOnTheWay); summary.json holds the two parts
if ("killedAtHome" %in% figures && is.na(again[["killedAtHome"]])) {
  again[["killedAtHome"]] <- value_of("killed") - value_of("killedOnTheWay")
}
before <- unlist(row[figures])
same <- (is.na(again) & is.na(before)) | (!is.na(again) & !is.na(before) & abs(again - before) <= 1e-6 * pmax(1, abs(before)))
if (!all(same)) {
  print(rbind(runs.csv = before, again = again)[, !same, drop = FALSE])
  stop("the run did not reproduce")
}
cat(sprintf("reproduced point %s, replicate %s, seed %s (%s) exactly: all %d figures equal\n",
            row$point, row$replicate, row$seed,
            if (length(paths)) paste(paths, unlist(row[paths]), sep = "=", collapse = ", ") else "no parameters",
            length(figures)))
unlink(work, recursive = TRUE)
