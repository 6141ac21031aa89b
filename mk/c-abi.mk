# The C ABI: librenalcheck.so, renalcheck.h, renalcheck.pc. Included from the Makefile, which
# defines SWIFT, PREFIX and BUILD. See docs/integration.md ("C API").
#
#   make lib                      debug build of librenalcheck.so into $(BUILD)/lib
#   make lib LIB_CONFIG=release   release build
#   make install PREFIX=/opt/rc   release build; installs lib/, include/ and lib/pkgconfig/renalcheck.pc
#   make test-c                   C host against the header and library (valgrind or LeakSanitizer),
#                                 and the header checked against the Swift-generated one and nm -D
#   make test-c-release           the same against the release library (the one `make install` ships:
#                                 the optimiser once turned a dirent copy into 161,533 valgrind errors)

SWIFTC        ?= swiftc
CC            ?= cc
LIB_CONFIG    ?= debug
LIB_VERSION   := $(shell sed -n 's/^let renalCheckLibraryVersion = "\(.*\)"/\1/p' Sources/RenalCheckC/CExports.swift)
LIB_DIR       := $(BUILD)/lib
LIB_FILE      := $(LIB_DIR)/librenalcheck.so
C_HEADER      := Sources/CRenalCheck/include/renalcheck.h
C_HOST        := $(LIB_DIR)/renalcheck-host
C_HOST_FLAGS  := -std=gnu11 -Wall -Wextra -Werror -I Sources/CRenalCheck/include
C_HOST_LIBS   := -L $(LIB_DIR) -lrenalcheck -ljansson -lpthread -Wl,-rpath,$(abspath $(LIB_DIR))
VALGRIND      := valgrind --leak-check=full --num-callers=64 --errors-for-leak-kinds=definite,possible \
                 --suppressions=Tests/CHost/valgrind.supp --error-exitcode=1 --quiet

.PHONY: lib install install-lib test-c test-c-release

## lib: build librenalcheck.so ($(LIB_CONFIG)) into $(BUILD)/lib.
lib: deps
	$(SWIFT) build --scratch-path $(BUILD) -c $(LIB_CONFIG) --product RenalCheckC
	@mkdir -p $(LIB_DIR)
	cp $(BUILD)/$(LIB_CONFIG)/libRenalCheckC.so $(LIB_FILE)
	@if ldd $(LIB_FILE) | grep -q 'libFoundation'; then echo "librenalcheck.so must not link Foundation" >&2; exit 1; fi

## install: release library, header and pkg-config file under $(PREFIX) (the lead's install may add the CLI).
install: install-lib

install-lib:
	$(MAKE) -f $(firstword $(MAKEFILE_LIST)) lib LIB_CONFIG=release
	install -d $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 0755 $(LIB_FILE) $(DESTDIR)$(PREFIX)/lib/librenalcheck.so
	install -m 0644 $(C_HEADER) $(DESTDIR)$(PREFIX)/include/renalcheck.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(LIB_VERSION)|g' renalcheck.pc.in \
		> $(DESTDIR)$(PREFIX)/lib/pkgconfig/renalcheck.pc

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
