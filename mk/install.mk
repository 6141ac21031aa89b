# Installing and uninstalling. Included from the Makefile after mk/c-abi.mk (uses LIB_* and C_*).
#
#   make install PREFIX=/usr/local [DESTDIR=…]   release build; installs exactly INSTALLED below
#   make uninstall PREFIX=/usr/local              removes exactly those files
#   make test-install                             installs into a temporary prefix and runs the
#                                                 installed CLI and a C host with the Swift
#                                                 toolchain out of reach, then uninstalls
#
# The CLI is linked with the Swift runtime inside it (--static-swift-stdlib), like the library, so
# neither needs the toolchain at run time: only libjansson and the system C/C++ runtimes.
# Neither target installs a test tool (deps installs libjansson-dev and pkg-config only).

CLI_RELEASE   := $(BUILD)/release/renalcheck
BINDIR        := $(PREFIX)/bin
LIBDIR        := $(PREFIX)/lib
INCLUDEDIR    := $(PREFIX)/include
MANDIR        := $(PREFIX)/share/man/man1
BASHCOMPDIR   := $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR    := $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR   := $(PREFIX)/share/fish/vendor_completions.d
MAN_PAGE      := docs/renalcheck.1
INSTALLED     := $(BINDIR)/renalcheck $(LIBDIR)/$(LIB_REAL) $(LIBDIR)/$(LIB_SONAME) $(LIBDIR)/librenalcheck.so \
                 $(INCLUDEDIR)/renalcheck.h $(LIBDIR)/pkgconfig/renalcheck.pc $(MANDIR)/renalcheck.1 \
                 $(BASHCOMPDIR)/renalcheck $(ZSHCOMPDIR)/_renalcheck $(FISHCOMPDIR)/renalcheck.fish

.PHONY: install install-lib install-cli uninstall cli-release test-install print-installed man

## cli-release: the release CLI with the Swift runtime linked in statically (the whole package is
## built, with the same command as the release library, so the two share one compilation).
cli-release: deps
	$(SWIFT) build --scratch-path $(BUILD) -c release --static-swift-stdlib

## install: the CLI, the library (with its SONAME link and development link), the header, the
## pkg-config file, the man page and bash, zsh and fish completions, under $(DESTDIR)$(PREFIX).
install: install-lib install-cli

install-lib:
	$(MAKE) -f $(firstword $(MAKEFILE_LIST)) lib LIB_CONFIG=release
	install -d $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR)
	install -m 0755 $(LIB_DIR)/$(LIB_REAL) $(DESTDIR)$(LIBDIR)/$(LIB_REAL)
	ln -sf $(LIB_REAL) $(DESTDIR)$(LIBDIR)/$(LIB_SONAME)
	ln -sf $(LIB_SONAME) $(DESTDIR)$(LIBDIR)/librenalcheck.so
	install -m 0644 $(C_HEADER) $(DESTDIR)$(INCLUDEDIR)/renalcheck.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(LIB_VERSION)|g' renalcheck.pc.in \
		> $(DESTDIR)$(LIBDIR)/pkgconfig/renalcheck.pc

install-cli: cli-release
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 0755 $(CLI_RELEASE) $(DESTDIR)$(BINDIR)/renalcheck
	install -m 0644 $(MAN_PAGE) $(DESTDIR)$(MANDIR)/renalcheck.1
	$(CLI_RELEASE) --generate-completion-script bash > $(DESTDIR)$(BASHCOMPDIR)/renalcheck
	$(CLI_RELEASE) --generate-completion-script zsh > $(DESTDIR)$(ZSHCOMPDIR)/_renalcheck
	$(CLI_RELEASE) --generate-completion-script fish > $(DESTDIR)$(FISHCOMPDIR)/renalcheck.fish

## man: regenerate docs/renalcheck.1 from the CLI's own help text (swift-argument-parser's
## generate-manual plugin); a CLI test fails when a command or option is missing from the page.
man:
	$(SWIFT) package --scratch-path $(BUILD) --allow-writing-to-package-directory generate-manual
	cp $(BUILD)/plugins/GenerateManual/outputs/renalcheck/renalcheck.1 $(MAN_PAGE)

## uninstall: removes exactly what install wrote (and nothing else).
uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))

## test-install: install into a temporary prefix, run the installed CLI and a C host built with the
## installed pkg-config file with /opt/swift hidden (or, where a mount namespace is not allowed,
## with ldd showing no Swift library), then uninstall and check nothing is left.
test-install:
	scripts/test-install.sh "$(MAKE) --no-print-directory -f $(firstword $(MAKEFILE_LIST))"

print-installed:
	@echo $(INSTALLED)
