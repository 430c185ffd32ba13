#!/usr/bin/env bash
# Installs what gsel needs to build (and, with --test, to run its test suite) on Debian.
# Idempotent: skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

apt_pkgs=(libhdf5-dev zlib1g-dev libopenblas-dev pkg-config)
if [ "${1:-}" = "--test" ]; then
  # Interop peers: bcftools/tabix for VCF, chromium for the report screenshot, R for reading the tables,
  # PLINK 2 for principal components and --glm with covariates.
  apt_pkgs+=(bcftools tabix chromium python3-venv r-base-core plink2)
fi
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--test" ]; then
  # Python peers used by interop tests, pinned, in a project-local venv.
  if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import h5py, anndata, loompy, sklearn, snakemake" 2>/dev/null; then
    echo "setup: creating .venv with the Python interop peers" >&2
    python3 -m venv .venv
    .venv/bin/pip install -q --disable-pip-version-check -r scripts/requirements-test.txt
  fi
  if [ ! -x .venv-cff/bin/cffconvert ]; then
    # cffconvert pins an old jsonschema; keep it in a venv of its own.
    python3 -m venv .venv-cff
    .venv-cff/bin/pip install -q --disable-pip-version-check cffconvert==2.0.0
  fi
fi
