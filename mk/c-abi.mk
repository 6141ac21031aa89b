# The C ABI: librenalcheck.so, renalcheck.h, renalcheck.pc. Included from the Makefile, which
# defines SWIFT, PREFIX and BUILD. See docs/integration.md ("C API"); installing: mk/install.mk.
#
#   make lib                      debug build of librenalcheck.so into $(BUILD)/lib
#   make lib LIB_CONFIG=release   release build
#   make test-c                   C host against the header and library (valgrind or LeakSanitizer),
#                                 and the header checked against the Swift-generated one and nm -D
#   make test-c-release           the same against the release library (the one `make install` ships:
#                                 the optimiser once turned a dirent copy into 161,533 valgrind errors)
#
# The library is linked here rather than by SwiftPM so that it carries a SONAME
# (librenalcheck.so.MAJOR), the usual symlinks, no RUNPATH, and the Swift runtime linked in
# statically (-static-stdlib): its only run-time dependencies are libjansson and the C and C++
# runtimes of the system (libc, libm, libstdc++, libgcc_s). Only the C API (renalcheck_*) is
# exported (mk/librenalcheck.map): the Swift runtime inside stays private to the library.

SWIFTC        ?= swiftc
CC            ?= cc
LIB_CONFIG    ?= debug
LIB_VERSION   := $(shell sed -n 's/^let renalCheckLibraryVersion = "\(.*\)"/\1/p' Sources/RenalCheckC/CExports.swift)
LIB_MAJOR     := $(firstword $(subst ., ,$(LIB_VERSION)))
# A release build builds the whole package once, with the flags of the release CLI
# (mk/install.mk, the same command), so building the library and the CLI in turn does not
# recompile the package (building one product at a time re-ran the formulary embedding).
LIB_SWIFT_FLAGS = $(if $(filter release,$(LIB_CONFIG)),--static-swift-stdlib,--product RenalCheckC)
LIB_DIR       := $(BUILD)/lib
LIB_FILE      := $(LIB_DIR)/librenalcheck.so
LIB_REAL      := librenalcheck.so.$(LIB_VERSION)
LIB_SONAME    := librenalcheck.so.$(LIB_MAJOR)
C_HEADER      := Sources/CRenalCheck/include/renalcheck.h
C_HOST        := $(LIB_DIR)/renalcheck-host
C_HOST_FLAGS  := -std=gnu11 -Wall -Wextra -Werror -I Sources/CRenalCheck/include
C_HOST_LIBS   := -L $(LIB_DIR) -lrenalcheck -ljansson -lpthread -Wl,-rpath,$(abspath $(LIB_DIR))
VALGRIND      := valgrind --leak-check=full --num-callers=500 --errors-for-leak-kinds=definite,possible \
                 --suppressions=Tests/CHost/valgrind.supp --error-exitcode=1 --quiet

.PHONY: lib test-c test-c-release

## lib: build librenalcheck.so ($(LIB_CONFIG)) into $(BUILD)/lib: the real file, the SONAME link and
## the development link.
lib: deps
	$(SWIFT) build --scratch-path $(BUILD) -c $(LIB_CONFIG) $(LIB_SWIFT_FLAGS)
	@mkdir -p $(LIB_DIR)
	@bin=$(BUILD)/$(LIB_CONFIG) && \
	echo "Linking $(LIB_DIR)/$(LIB_REAL) (static Swift runtime, SONAME $(LIB_SONAME))" && \
	$(SWIFTC) -emit-library -static-stdlib -module-name RenalCheckC \
		-o $(LIB_DIR)/$(LIB_REAL) -Xlinker --gc-sections -Xlinker -soname=$(LIB_SONAME) \
		-Xlinker --version-script=mk/librenalcheck.map -Xlinker --exclude-libs=ALL \
		@$$bin/RenalCheckC.product/Objects.LinkFileList $$(pkg-config --libs jansson)
	ln -sf $(LIB_REAL) $(LIB_DIR)/$(LIB_SONAME)
	ln -sf $(LIB_SONAME) $(LIB_FILE)
	@if readelf -d $(LIB_DIR)/$(LIB_REAL) | grep -Eq 'RUNPATH|RPATH|libswift|libFoundation|libdispatch'; then \
		readelf -d $(LIB_DIR)/$(LIB_REAL) >&2; \
		echo "$(LIB_REAL) must have no RUNPATH and no Swift run-time libraries" >&2; exit 1; fi

## test-c: the C host (real assertions, NULL and malformed input, 4 threads on one handle) under
## valgrind (LeakSanitizer when valgrind is missing), then the header against Swift and nm -D.
test-c: lib
	$(CC) $(C_HOST_FLAGS) Tests/CHost/host.c $(C_HOST_LIBS) -o $(C_HOST)
	@if command -v valgrind >/dev/null 2>&1; then \
		echo "== C host under valgrind"; $(VALGRIND) $(C_HOST) $(CURDIR); \
	else \
		echo "== C host under LeakSanitizer (valgrind not installed)"; \
		$(CC) $(C_HOST_FLAGS) -fsanitize=address Tests/CHost/host.c $(C_HOST_LIBS) -o $(C_HOST)-asan && \
		ASAN_OPTIONS=detect_leaks=1:malloc_context_size=100 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/CHost/lsan.supp:print_suppressions=0 $(C_HOST)-asan $(CURDIR); \
	fi
	$(SWIFTC) -typecheck -parse-as-library -module-name RenalCheckC -I $(BUILD)/$(LIB_CONFIG)/Modules \
		-Xcc -fmodule-map-file=Sources/CJansson/module.modulemap Sources/RenalCheckC/*.swift \
		-emit-clang-header-path $(LIB_DIR)/RenalCheckC-Swift.h
	python3 scripts/check-c-header.py $(C_HEADER) $(LIB_DIR)/RenalCheckC-Swift.h $(LIB_FILE)

## test-c-release: test-c against the release library (part of `make test`).
test-c-release:
	$(MAKE) -f $(firstword $(MAKEFILE_LIST)) test-c LIB_CONFIG=release
