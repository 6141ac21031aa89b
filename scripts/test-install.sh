#!/usr/bin/env bash
# make test-install: installs RenalCheck into a temporary prefix, then proves the installed CLI and
# library run without the Swift toolchain:
#   1. readelf: no RUNPATH/RPATH and no Swift, Foundation or dispatch library among NEEDED;
#   2. the library has its SONAME and the two symlinks;
#   3. the installed CLI and a C host (compiled with the installed pkg-config file) run with an
#      empty environment and, where a user mount namespace is allowed, with /opt/swift (the
#      toolchain) hidden under an empty tmpfs;
#   4. make uninstall removes every installed file and leaves nothing behind.
# Usage: scripts/test-install.sh "MAKE COMMAND"
set -euo pipefail
MAKE_CMD=${1:-make}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PREFIX=$(mktemp -d /tmp/renalcheck-prefix.XXXXXX)
trap 'rm -rf "$PREFIX"' EXIT
cd "$ROOT"
fail() { echo "test-install: $*" >&2; exit 1; }

$MAKE_CMD install PREFIX="$PREFIX"
FILES=$($MAKE_CMD -s print-installed PREFIX="$PREFIX")
for f in $FILES; do [ -e "$f" ] || [ -L "$f" ] || fail "not installed: $f"; done

LIB=$(readlink -f "$PREFIX/lib/librenalcheck.so")
SONAME=$(readelf -d "$LIB" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ -n "$SONAME" ] && [ -L "$PREFIX/lib/$SONAME" ] || fail "no SONAME, or no $SONAME symlink"
[ "$(readlink "$PREFIX/lib/librenalcheck.so")" = "$SONAME" ] || fail "librenalcheck.so must link to $SONAME"
for bin in "$LIB" "$PREFIX/bin/renalcheck"; do
    # Only $ORIGIN (SwiftPM's default for executables) may appear in a RUNPATH: nothing pointing
    # into a toolchain, and no Swift, Foundation or dispatch library among NEEDED.
    if readelf -d "$bin" | grep -E 'NEEDED.*(swift|Foundation|dispatch|BlocksRuntime|icu)' \
       || readelf -d "$bin" | grep -E 'RUNPATH|RPATH' | grep -v 'path: \[\$ORIGIN\]$'; then
        fail "$bin needs the Swift toolchain at run time (above)"
    fi
done
if readelf -d "$LIB" | grep -E 'RUNPATH|RPATH'; then fail "$LIB has a RUNPATH"; fi
exported=$(nm -D --defined-only "$LIB" | awk '$2 ~ /[A-Z]/ {print $NF}' | grep -v '^renalcheck_' || true)
[ -z "$exported" ] || fail "$LIB exports more than the C API: $(echo "$exported" | head -5)"
echo "== readelf: SONAME $SONAME, no RUNPATH, no Swift run-time library in the CLI or the library; only renalcheck_* exported"

# A C host built only from what was installed.
export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig"
cc -std=gnu11 -Wall -Wextra -Werror Tests/CHost/host.c $(pkg-config --cflags --libs renalcheck) \
    $(pkg-config --libs jansson) -lpthread -o "$PREFIX/host"

run_without_toolchain() {
    # $1: a shell command. Runs it with an empty environment; with /opt/swift hidden when possible.
    if unshare --user --map-root-user --mount true 2>/dev/null && [ -d /opt/swift ]; then
        unshare --user --map-root-user --mount sh -c "mount -t tmpfs none /opt/swift && env -i PATH=/usr/bin:/bin $1"
    else
        echo "(no user mount namespace here: running with an empty environment; readelf above shows no toolchain library)"
        env -i PATH=/usr/bin:/bin sh -c "$1"
    fi
}
echo "== installed CLI, toolchain hidden"
run_without_toolchain "'$PREFIX/bin/renalcheck' formulary info >/dev/null && '$PREFIX/bin/renalcheck' drug lioresal >/dev/null \
    && { '$PREFIX/bin/renalcheck' screen examples/baclofen-titration.json >/dev/null; s=\$?; [ \$s -eq 2 ]; }"
echo "== C host against the installed library, toolchain hidden"
run_without_toolchain "'$PREFIX/host' '$ROOT' >/dev/null"
if [ -d /opt/swift ] && unshare --user --map-root-user --mount true 2>/dev/null; then
    # The check above is meaningful only if hiding /opt/swift breaks a toolchain-linked binary.
    if unshare --user --map-root-user --mount sh -c "mount -t tmpfs none /opt/swift && env -i '$ROOT/.build/debug/renalcheck' formulary info" >/dev/null 2>&1; then
        echo "(note: the debug CLI also ran with /opt/swift hidden)"
    else
        echo "== control: the toolchain-linked debug CLI fails with /opt/swift hidden, as expected"
    fi
fi

$MAKE_CMD uninstall PREFIX="$PREFIX"
for f in $FILES; do [ -e "$f" ] || [ -L "$f" ] && fail "left after uninstall: $f"; done
left=$(find "$PREFIX" -type f -o -type l | grep -v "^$PREFIX/host$" || true)
[ -z "$left" ] || fail "left after uninstall: $left"
echo "test-install: OK"
