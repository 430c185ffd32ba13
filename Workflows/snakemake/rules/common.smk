import os
import shlex

from snakemake.utils import validate

validate(config, "../schemas/config.schema.yaml")

OUTDIR = config["outdir"]
# `repeats: auto` scatters every pair the adaptive rule may use (gsel's cap, 100); the
# aggregate stops at the same round as `gsel select --repeats auto` and ignores the rest.
ADAPTIVE_CAP = 100
PAIRS = list(range(1, (ADAPTIVE_CAP if config["repeats"] == "auto" else config["repeats"]) + 1))
PAIR_DIR = os.path.join(OUTDIR, "repeats", "pair-{pair}")
CHUNKS = config["chunks"]
CHUNKED = CHUNKS > 1
CHUNK_LIST = list(range(1, CHUNKS + 1))
# The layout of `gsel select --chunks N`: chunk outputs in <outdir>/chunks/chunk-<i>/.
CHUNK_DIR = os.path.join(OUTDIR, "chunks", "chunk-{chunk}")
CHUNK_PAIR_DIR = os.path.join(CHUNK_DIR, "repeats", "pair-{pair}")
LOG_DIR = os.path.join(OUTDIR, "logs")
BENCH_DIR = os.path.join(OUTDIR, "benchmarks")


def gsel_executable(wildcards):
    """config.gsel: a name on PATH or a path (a function, so it is never taken for a file prefix)."""
    return config["gsel"]


def gsel_inputs(wildcards):
    """The matrix, plus the labels table, the group file and the covariate file when configured."""
    files = {"matrix": config["input"]}
    for key in ("labels", "groups", "covariates"):
        if config.get(key):
            files[key] = config[key]
    return files


def label_args(wildcards, input):
    """--labels FILE [--label-col NAME], or --label-key NAME when there is no labels table."""
    column = config.get("label_col") or ""
    if config.get("labels"):
        args = ["--labels", input.labels] + (["--label-col", column] if column else [])
    else:
        args = ["--label-key", column] if column else []
    return shlex.join(args)


def group_args(wildcards, input):
    """--groups FILE when a group file is configured (aggregate reads it from the fits' manifest)."""
    return shlex.join(["--groups", input.groups]) if config.get("groups") else ""


def covariate_args(wildcards, input):
    """--covariates FILE [--covariate-cols A,B] when a covariate file is configured (aggregate
    reads both from the fits' manifest)."""
    if not config.get("covariates"):
        return ""
    columns = config.get("covariate_cols") or ""
    return shlex.join(["--covariates", input.covariates] + (["--covariate-cols", columns] if columns else []))


def selection_args():
    """Flags every pair shares with the one-machine `gsel select` it reproduces."""
    fixed = ["--k", str(config["top_k"]), "--repeats", str(config["repeats"])]
    fixed += ["--seed", str(config["seed"])]
    return f"{shlex.join(fixed)} {config.get('extra') or ''}".strip()


def pair_fits(pair, chunk=None):
    """The two fit files `gsel repeat --pair <pair>` (of chunk <chunk>) writes (one per half)."""
    folder = PAIR_DIR.format(pair=pair) if chunk is None else CHUNK_PAIR_DIR.format(chunk=chunk, pair=pair)
    return [os.path.join(folder, f"fit-{pair}-{half}.tsv") for half in ("a", "b")]


def pair_dirs(wildcards, input):
    """Every pair folder once, in pair order: the arguments of `gsel aggregate`."""
    return list(dict.fromkeys(os.path.dirname(path) for path in input.fits))


def scaled(rule_name, key):
    """The resource config.<rule_name>_<key>, multiplied by the attempt number."""
    base = config[f"{rule_name}_{key}"]
    return lambda wildcards, attempt: base * attempt
