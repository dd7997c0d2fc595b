# The two commands a newcomer runs: `make demo` and `make test`. Both install what they need
# first (.ci/toolchain.sh, which skips what is already there).
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)
# Every wasm build (the package, the wasm tests) uses 128-bit SIMD, which every current browser,
# Node and Workers runtime has: memchr and the compiler's loops run several times faster with it.
# An inlining threshold of 205 (LLVM's default is 225): the main module then keeps within its
# 150,000-byte budget with the sniff of trace logs (README, Performance).
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS := -C target-feature=+simd128 -C llvm-args=-inline-threshold=205

PORT ?= 8080
SITE := dist/site
PACKAGE := dist/package
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
TARBALL := dist/cti-outcome-$(VERSION).tgz
# `--quiet` only for builds: wasm-pack passes it on to the test runner, which rejects it.
WASM_PACK := wasm-pack

.PHONY: demo test site package package-dir toolchain wasm lint lint-www test-rust test-wasm test-e2e test-package test-memory test-engines bench bench-data fuzz clean

## demo: build the viewer and serve it with the bundled samples on http://127.0.0.1:$(PORT)/
demo: site
	@echo "cti-outcome viewer: http://127.0.0.1:$(PORT)/  (Ctrl-C stops the server)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory $(SITE)

## test: every test: lint, native, wasm in Node and headless Chromium, the page in Chromium
test: toolchain lint test-rust test-wasm test-package test-memory test-e2e test-engines

# The sample list for the page: [{ file, label, default? }]; the seed page opens first.
define SAMPLE_INDEX
import json, sys
names = sys.stdin.read().split()
label = lambda n: n.rsplit('.', 1)[0].replace('-', ' ') + (' (GED-188 frames)' if n.endswith('.bin') else ' (packet capture)' if n.endswith('.pcapng') else ' (CSV export)' if n.endswith('.csv') else ' (XML)' if n.endswith('.xml') else '')
print(json.dumps([dict(file=n, label=label(n), **({'default': True} if n.startswith('uccx-agent-skips') else {})) for n in names]))
endef
export SAMPLE_INDEX

## site: the static site in dist/site: the page, the npm package's files in pkg/, the samples
site: package-dir
	rm -rf $(SITE)
	mkdir -p $(SITE)/pkg $(SITE)/samples
	cp www/*.html www/*.js www/*.css $(SITE)/
	cp -r $(PACKAGE)/. $(SITE)/pkg/
	cp tests/fixtures/logs/*.txt src/generate/flows/*.txt tests/fixtures/traces/*.log tests/fixtures/captures/*.pcapng $(SITE)/samples/
	cp tests/fixtures/finesse/finesse-webservices-dialogs.log $(SITE)/samples/
	cp tests/fixtures/finesse/dialog-consult-transfer.xml $(SITE)/samples/finesse-notifications-consult-transfer.xml
	cp tests/fixtures/records/calls.csv $(SITE)/samples/call-records.csv
	cp tests/fixtures/records/cisco/tcd-ssms.csv $(SITE)/samples/ucce-termination-call-detail.csv
	cp tests/fixtures/records/cisco/ccd-informix.csv $(SITE)/samples/uccx-contact-call-detail.csv
	cargo build --quiet --bin cti-outcome
	target/debug/cti-outcome generate --calls 3000 > $(SITE)/samples/generated-3000-calls.txt
	target/debug/cti-outcome decode src/generate/flows/consult-transfer.txt 2>/dev/null \
	  | target/debug/cti-outcome encode --width 2 - > $(SITE)/samples/consult-transfer.bin
	target/debug/cti-outcome generate --every-type --protocol-version 24 --format binary \
	  > $(SITE)/samples/every-message-type-v24.bin
	target/debug/cti-outcome generate --every-type --protocol-version 19 --format binary \
	  > $(SITE)/samples/every-message-type-v19.bin
	cd $(SITE)/samples && ls | grep -v index.json | python3 -c "$$SAMPLE_INDEX" > index.json
	@echo "site: $(SITE), wasm $$(wc -c < $(SITE)/pkg/cti_outcome_bg.wasm) bytes ($$(gzip -9c $(SITE)/pkg/cti_outcome_bg.wasm | wc -c) gzipped)"

## package: the npm package, assembled by pkg-config/ from the web and nodejs builds, packed
package: package-dir
	cd $(PACKAGE) && npm pack --silent --pack-destination .. >/dev/null
	@echo "package: $(TARBALL)"

package-dir: wasm
	cargo run --quiet --example typescript > dist/types.d.ts
	cargo run --quiet --example typescript -- --lists > dist/lists.js
	node pkg-config/assemble.mjs dist dist/types.d.ts $(PACKAGE) $(MODULES)

toolchain:
	@bash .ci/toolchain.sh

# The package's WebAssembly modules, one per entry point: each a build of the crate with its
# `wasm-<module>` feature (src/wasm.rs), for the `web` and the `nodejs` glue, each in its own
# target directory so that switching features rebuilds nothing.
# `traces` is the main module's API with the Cisco trace decoders, `finesse` the same API for
# Finesse logs with their notifications (no MIVR, dumplog or dumps), and `live` the live view
# with Finesse notifications; the three are built for size (opt-level z, no SIMD) to keep within
# the same budget, with an inlining threshold above the few instructions opt-level z inlines
# (README, Performance): at 40 each module is smaller and reads traces about 30 % faster in Node
# (calls no longer cost more than the small functions they call); the trace modules take 80,
# about 2,000 to 4,000 bytes more for decoding 50 to 60 % faster than with opt-level z's own.
TRACES_INLINING := 80
SIZED_INLINING := 40
MODULES := main encode capture records traces finesse live
# Sets `features` to module $$m's (a shell command, for `wasm` and `lint`).
MODULE_FEATURES := case $$m in \
  traces) features=wasm-main,wasm-traces,mivr,dumplog;; \
  finesse) features=wasm-main,wasm-finesse;; \
  *) features=wasm-$$m;; \
  esac
wasm: toolchain
	@for m in $(MODULES); do \
	  name=cti_outcome$$([ $$m = main ] || echo _$$m); \
	  opt=3; rustflags="$$CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS"; \
	  $(MODULE_FEATURES); \
	  case $$m in \
	    traces|finesse) opt=z; rustflags="-C llvm-args=-inline-threshold=$(TRACES_INLINING)";; \
	    live) opt=z; rustflags="-C llvm-args=-inline-threshold=$(SIZED_INLINING)";; \
	  esac; \
	  for t in web nodejs; do \
	    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$$rustflags" \
	    CARGO_PROFILE_RELEASE_OPT_LEVEL=$$opt CARGO_TARGET_DIR=target/wasm-$$m $(WASM_PACK) --quiet build --mode no-install --release \
	      --target $$t --out-dir $(CURDIR)/dist/pkg-$$t/$$m --out-name $$name \
	      -- --no-default-features --features $$features; \
	  done; \
	done

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	@for m in $(MODULES); do \
	  echo "clippy: the $$m module (wasm32)"; \
	  $(MODULE_FEATURES); \
	  cargo clippy --quiet --target wasm32-unknown-unknown --lib --no-default-features --features $$features -- -D warnings; \
	done
	$(MAKE) --no-print-directory lint-www

# The page's modules type-checked against the package's generated declarations (www/tsconfig.json
# reads the assembled package as ./pkg/ through dist/www-types).
lint-www: package-dir
	mkdir -p dist/www-types
	ln -sfn ../package dist/www-types/pkg
	tests/e2e/node_modules/.bin/tsc --project www
	@echo "tsc: www/ checked"

test-rust:
	cargo test

# The wasm suites test every module's exports in one build (the traces and Finesse modules,
# builds of the main one, are tested through the package: tests/e2e/package.mjs).
WASM_TEST_MODULES := $(filter-out traces finesse,$(MODULES))
WASM_TEST_FEATURES := --features $(shell echo $(WASM_TEST_MODULES:%=wasm-%) | tr ' ' ,)
test-wasm:
	$(WASM_PACK) test --mode no-install --node -- --test wasm $(WASM_TEST_FEATURES)
	WASM_BINDGEN_USE_BROWSER=1 $(WASM_PACK) test --mode no-install --headless --chrome -- --test wasm $(WASM_TEST_FEATURES)

## test-package: the packed tarball installed offline into Node, TypeScript, Vite and Worker consumers
test-package: package
	cargo build --quiet --bin cti-outcome
	node tests/e2e/package.mjs $(TARBALL)

test-e2e: site
	node tests/e2e/run.mjs $(SITE)

# The Parquet export read by real engines: DuckDB, and the Spark job in local mode (PyPI's duckdb
# and pyspark, Debian's OpenJDK, installed by the toolchain).
test-engines:
	cargo build --quiet --bin cti-outcome
	python3 tests/engines/week.py target/debug/cti-outcome

## test-memory: 100 decodes of a generated 10 MB log in Chromium; wasm memory must not grow
test-memory: package
	cargo build --quiet --bin cti-outcome
	mkdir -p dist/memory/data
	target/debug/cti-outcome generate --mb 10 > dist/memory/data/10mb.txt
	node tests/e2e/bench.mjs memory $(PACKAGE) dist/memory/data

## bench: native and browser benchmarks; figures in dist/bench/summary.json. SIZES are the
## generated logs in MB; sizes of 1000 and more are opened in the viewer (make bench SIZES="1 10 100 1000")
SIZES ?= 1 10 100
TABLE_SIZES := $(foreach s,$(SIZES),$(if $(shell [ $(s) -lt 1000 ] && echo y),$(s)))
VIEWER_SIZES := $(filter-out $(TABLE_SIZES),$(SIZES))
bench: package bench-data $(if $(VIEWER_SIZES),site)
	BENCH_MB=20 BENCH_SUMMARY=dist/bench/native.json cargo run --quiet --release --example bench-native
	rm -f dist/bench/summary.json
	node tests/e2e/bench.mjs bench $(PACKAGE) dist/bench/data $(foreach s,$(TABLE_SIZES),$(s)mb)
	@for s in $(VIEWER_SIZES); do \
	  f=dist/bench/data/$${s}mb.txt; \
	  calls=$$(target/release/cti-outcome timeline --output ndjson $$f 2>/dev/null | wc -l); \
	  node tests/e2e/bench.mjs viewer $(SITE) $$f $$calls; \
	done

# Generated logs (seed 1): text, and for the benchmark table's sizes the same events as JSON
# and as frames.
bench-data:
	cargo build --quiet --release --bin cti-outcome
	mkdir -p dist/bench/data
	@for s in $(SIZES); do \
	  f=dist/bench/data/$${s}mb; \
	  [ -s $$f.txt ] || { echo "bench: generating a $$s MB log"; target/release/cti-outcome generate --mb $$s > $$f.txt; }; \
	  [ $$s -ge 1000 ] || [ -s $$f.bin ] && continue; \
	  target/release/cti-outcome decode $$f.txt > $$f.json 2>/dev/null; \
	  target/release/cti-outcome encode --width 2 $$f.json > $$f.bin; \
	done

## fuzz: every cargo-fuzz target (tests/fuzz) for SECONDS each; needs a nightly toolchain
SECONDS ?= 60
FUZZ_TARGETS := binary_decode binary_stream text_decode timeline capture records trace_finesse trace_mivr trace_dumplog finesse live collection
fuzz:
	@if ! rustup toolchain list | grep -q '^nightly'; then \
	  echo "fuzz: SKIPPED, NOT RUN: cargo-fuzz needs a nightly Rust toolchain and this machine has none" >&2; \
	  exit 1; \
	fi
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzz: $$t for $(SECONDS) s"; \
	  cargo +nightly fuzz run --fuzz-dir tests/fuzz $$t -- -max_total_time=$(SECONDS) -max_len=4096 2>&1 \
	    | grep -E '^Done|ERROR|panicked|SUMMARY' ; \
	done

clean:
	rm -rf dist target tests/e2e/node_modules tests/e2e/artifacts
