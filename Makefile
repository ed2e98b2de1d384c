# Entente — the two commands are `make run` and `make test` (see README.md).

BUILD_DIR ?= build
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release
JOBS ?= $(shell nproc)
ENTENTE := $(BUILD_DIR)/entente

.PHONY: all deps build run test size-report check-security bench i18n clean

all: build

# Debian packages and npm modules; quick when everything is there.
deps:
	@scripts/install-deps

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS)

build: deps $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Migrate ./var/entente.db, load the demo into it when it is new (a later run keeps its data),
# serve http://localhost:8080 until Ctrl-C.
run: build
	$(ENTENTE) migrate
	$(ENTENTE) seed demo --if-new
	$(ENTENTE) serve

# Unit tests, the integration suite on SQLite and on a throwaway PostgreSQL 15 server, the
# catalog check and the browser tests: everything CI runs. Then the size report, whatever the
# tests said (it never fails).
test: build
	status=0; scripts/with-postgres ctest --test-dir $(BUILD_DIR) --output-on-failure || status=$$?; \
	  BUILD_DIR=$(BUILD_DIR) scripts/size-report; exit $$status

# Files over 600 lines and functions over 80 lines in src/ (clang-tidy-19, cached per translation
# unit in $(BUILD_DIR)/size-report-cache).
size-report: $(BUILD_DIR)/CMakeCache.txt
	BUILD_DIR=$(BUILD_DIR) scripts/size-report

check-security: build
	scripts/security-slowloris
	scripts/security-sqlmap
	scripts/fuzz 120

bench: build
	cmake --build $(BUILD_DIR) -j $(JOBS) --target entente_auth_bench
	bench/http-bench.sh
	bench/sign-in-bench.sh

# Re-extract interface strings and merge them into the catalogs.
i18n:
	scripts/i18n merge

clean:
	rm -rf $(BUILD_DIR)
