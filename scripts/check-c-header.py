#!/usr/bin/env python3
"""Checks the hand-written C header against the Swift implementation of the C ABI.

Swift does not check @c functions against a C header, so `make test-c` runs this script with:
  1. the hand-written header (Sources/CRenalCheck/include/renalcheck.h);
  2. the header the Swift compiler generates for the RenalCheckC module (-emit-clang-header-path);
  3. the built library, whose exported `renalcheck_*` symbols are read with `nm -D`.
It fails unless the three name the same functions, and the two headers give each function the
same return type and parameter types (after mapping the header's typedefs to what Swift emits:
renalcheck_status_t and renalcheck_format_t are int32_t, a renalcheck_checker_t pointer is void *).

Usage: check-c-header.py HAND_HEADER GENERATED_HEADER LIBRARY
"""
import re
import subprocess
import sys

TYPEDEFS = {"renalcheck_status_t": ["int32_t"], "renalcheck_format_t": ["int32_t"], "renalcheck_checker_t": ["void"]}
DROP = {"_Nullable", "_Nonnull", "_Null_unspecified", "SWIFT_EXTERN", "extern"}


def normalize(type_tokens):
    tokens = [t for t in type_tokens if t not in DROP]
    # A checker handle is `void *` in Swift's header, with no const.
    if "renalcheck_checker_t" in tokens:
        tokens = [t for t in tokens if t != "const"]
    out = []
    for t in tokens:
        out.extend(TYPEDEFS.get(t, [t]))
    base = [t for t in out if t != "*"]
    stars = out.count("*")
    # `char const` and `const char` are the same type.
    qualifiers = sorted(t for t in base if t == "const")
    names = [t for t in base if t != "const"]
    return " ".join(qualifiers + names) + " " + "*" * stars


def parse_params(text):
    text = text.strip()
    if text in ("", "void"):
        return []
    params = []
    for p in text.split(","):
        tokens = re.findall(r"\w+|\*", p)
        if len(tokens) > 1 and re.match(r"\w+$", tokens[-1]) and tokens[-1] not in DROP and tokens[-1] != "const":
            tokens = tokens[:-1]  # the parameter name
        params.append(normalize(tokens))
    return params


def prototypes(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    text = re.sub(r"(?m)^\s*#.*$", " ", text)
    text = re.sub(r"SWIFT_NOEXCEPT|SWIFT_WARN_UNUSED_RESULT", " ", text)
    found = {}
    for m in re.finditer(r"([\w\s\*]+?)\b(renalcheck_\w+)\s*\(([^)]*)\)\s*;", text):
        ret = normalize(re.findall(r"\w+|\*", m.group(1).split(";")[-1].split("}")[-1]))
        found[m.group(2)] = (ret, parse_params(m.group(3)))
    return found


def main():
    hand_path, generated_path, library = sys.argv[1:4]
    hand = prototypes(open(hand_path).read())
    generated = prototypes(open(generated_path).read())
    nm = subprocess.run(["nm", "-D", "--defined-only", library], capture_output=True, text=True, check=True).stdout
    exported = {line.split()[-1] for line in nm.splitlines() if line.split() and line.split()[-1].startswith("renalcheck_")}
    problems = []
    for name in sorted(set(hand) | set(generated) | exported):
        if name not in hand:
            problems.append(f"{name}: implemented in Swift but not declared in {hand_path}")
        if name not in generated:
            problems.append(f"{name}: declared in the header but not a @c function in Sources/RenalCheckC")
        if name not in exported:
            problems.append(f"{name}: not exported by {library}")
        if name in hand and name in generated and hand[name] != generated[name]:
            problems.append(f"{name}: header says {hand[name]}, Swift says {generated[name]}")
    for p in problems:
        print("check-c-header:", p, file=sys.stderr)
    if problems:
        return 1
    print(f"check-c-header: {len(hand)} functions agree (header, Swift, nm -D)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
