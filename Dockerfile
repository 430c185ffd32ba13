# syntax=docker/dockerfile:1
# gsel in a container: a release build with the Swift runtime linked in statically,
# run on Debian bookworm-slim with only the system libraries gsel links against.
#
#   docker build -t gsel:0.3.0 .
#   docker run --rm -v "$PWD:/data" -w /data gsel:0.3.0 gsel select --input expr.h5ad --k 50
#
# No ENTRYPOINT, so Nextflow and Snakemake can run their own shell commands in it.

ARG SWIFT_VERSION=6.3

FROM swift:${SWIFT_VERSION}-bookworm AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libhdf5-dev zlib1g-dev libopenblas-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift Package.resolved* ./
RUN swift package resolve
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --static-swift-stdlib --product gsel \
 && install -D -m 755 "$(swift build -c release --static-swift-stdlib --show-bin-path)/gsel" /out/gsel

FROM debian:bookworm-slim
# libhdf5-103-1, zlib1g, libopenblas0: the runtimes of the -dev packages above
# (bookworm: HDF5 1.10.8, OpenBLAS 0.3.21). procps: `ps`, used by Nextflow for task metrics.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libhdf5-103-1 zlib1g libopenblas0 procps \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/gsel /usr/local/bin/gsel
RUN gsel --version
CMD ["gsel", "--help"]
