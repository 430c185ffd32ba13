# gsel: build, test, demo, install.
#
#   make build                      release build in .build/ (what scripts/ use)
#   make test                       bash scripts/test.sh (setup, build, whole suite)
#   make demo                       bash scripts/demo.sh (Golub leukemia demo)
#   make install PREFIX=/usr/local  self-contained release binary -> $(PREFIX)/bin/gsel
#   make uninstall PREFIX=/usr/local
#
# `install` builds with --static-swift-stdlib into its own scratch folder, so the
# installed binary needs only the system libraries (HDF5, OpenBLAS, zlib), not the
# Swift toolchain. DESTDIR is honoured for staged installs (packaging).

SWIFT   ?= swift
PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
INSTALL ?= install
SCRATCH ?= .build-install
BIN     ?= $(SCRATCH)/release/gsel
SOURCES := Package.swift $(shell find Sources -type f)

.PHONY: build test demo install uninstall clean

build:
	$(SWIFT) build -c release

test:
	bash scripts/test.sh

demo:
	bash scripts/demo.sh

$(BIN): $(SOURCES)
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path $(SCRATCH)

install: $(BIN)
	$(INSTALL) -d "$(DESTDIR)$(BINDIR)"
	$(INSTALL) -m 755 "$(BIN)" "$(DESTDIR)$(BINDIR)/gsel"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/gsel"

clean:
	rm -rf .build $(SCRATCH)
