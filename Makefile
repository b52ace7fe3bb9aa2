# Parallax — make targets (see README.md).
GO       ?= go
BIN      ?= bin/parallax
SHARED   ?= ../shared/eval
DEMO_DB  ?= $(CURDIR)/.demo/parallax.db
FUZZTIME ?= 10s
# staticcheck is fetched through the module proxy at the pinned version.
STATICCHECK ?= $(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: build demo test lint fuzz bench eval clean

build:
	$(GO) build -trimpath -o $(BIN) ./cmd/parallax

# The main job on the demo corpus shipped in demo/: ingest, stories, a
# rewrite beside its original, and the coverage brief of every story.
demo: build
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN) ingest --db $(DEMO_DB) demo/
	$(BIN) stories --db $(DEMO_DB)
	$(BIN) compare --db $(DEMO_DB) quicknews-bridge courier-bridge
	$(BIN) brief --db $(DEMO_DB) --limit 0

# The test command of the README and CI.
test:
	$(GO) test -race -count=1 ./...

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }
	$(GO) vet ./...
	$(STATICCHECK) ./...

# Every parser's fuzz target for FUZZTIME each.
fuzz:
	./scripts/fuzz.sh $(FUZZTIME)

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count=5 ./... | tee bench.txt

eval: build
	$(BIN) eval extract $(SHARED)/extraction-aeb
	$(BIN) eval reuse $(SHARED)/msrp-train
	$(BIN) eval reuse $(SHARED)/duc2004-dev
	for s in duc2004-dev multiling2011 ecbplus-dev; do $(BIN) eval cluster $(SHARED)/$$s || exit 1; done
	$(BIN) eval summary $(SHARED)/duc2004-dev
	$(BIN) eval summary $(SHARED)/multiling2011
	$(BIN) eval brief $(SHARED)/seeds
	$(BIN) eval stance $(SHARED)/emergent
	$(BIN) eval quotes $(SHARED)/polnear-train
	$(BIN) eval timeline $(SHARED)/timeline17-dev

clean:
	rm -rf bin .demo bench.txt
