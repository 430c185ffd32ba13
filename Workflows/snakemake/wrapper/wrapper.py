"""Snakemake wrapper for `gsel select`: the k stable features, ranking and report in one job."""

__author__ = "The gsel developers"

import os
import shlex

from snakemake.shell import shell

# gsel writes fixed file names into one --out folder; the rule's outputs name some of them.
GSEL_FILES = {
    "ranking.tsv",
    "report.html",
    "run.json",
    "selection_path.tsv",
    "evaluation.tsv",
    "evaluation_per_class.tsv",
}

folders = {os.path.dirname(path) or "." for path in snakemake.output}
if len(folders) != 1:
    raise ValueError(
        f"gsel select writes all its files into one folder, but the outputs are in {sorted(folders)}"
    )
names = {os.path.basename(path) for path in snakemake.output}
unknown = sorted(names - GSEL_FILES)
if unknown:
    raise ValueError(f"gsel select does not write {unknown}; it writes {sorted(GSEL_FILES)}")
out = folders.pop()

k = snakemake.params.get("k")
if k is None:
    raise ValueError("params.k (number of features to select) is required")

matrix = snakemake.input.get("matrix", snakemake.input[0])
labels = snakemake.input.get("labels", "")
label_col = snakemake.params.get("label_col", "")
label_key = snakemake.params.get("label_key", "")
if labels:
    label_args = ["--labels", labels] + (["--label-col", label_col] if label_col else [])
else:
    label_args = ["--label-key", label_key] if label_key else []

groups = snakemake.input.get("groups", "")
group_args = ["--groups", groups] if groups else []

covariates = snakemake.input.get("covariates", "")
covariate_cols = snakemake.params.get("covariate_cols", "")
covariate_args = ["--covariates", covariates] if covariates else []
if covariates and covariate_cols:
    covariate_args += ["--covariate-cols", covariate_cols]

gsel = shlex.quote(snakemake.params.get("gsel", "gsel"))
args = shlex.join(
    ["--input", matrix, *label_args, *group_args, *covariate_args, "--k", str(k), "--threads", str(snakemake.threads)]
)
extra = snakemake.params.get("extra", "")
out = shlex.quote(out)
log = snakemake.log_fmt_shell(stdout=True, stderr=True)

shell("{gsel} select {args} {extra} --out {out} {log}")
