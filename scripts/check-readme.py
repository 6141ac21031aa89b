#!/usr/bin/env python3
"""Run every shell example in README.md and check its documented exit status (make test-readme).

    scripts/check-readme.py CLI [README]

Every ```sh block is read. A line that starts with `renalcheck` (joined with its `\\`
continuations) is run with `renalcheck` meaning CLI, in a scratch folder where examples/,
formulary/ and Tests/ are links into the repository (so an example can write files without
touching the checkout). Its expected exit status is the first `exit N` in its trailing
`# comment` (default 0). Pipelines that feed `renalcheck` (`parallel`, `split`) are run the same
way (and the `ls`/`cat` lines around them), with `renalcheck` on PATH and
examples/requests.ndjson as requests.ndjson; `parallel` is
skipped when GNU parallel is not installed. Build commands (`swift`, `make`, `alias`) are not run
here: they are what runs this script. Any other command line is an error, so a new kind of
example cannot slip past unchecked.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
NOT_RUN = ("swift ", "make ", "alias ")


def blocks(text):
    """Yields (line number, [logical lines]) for each ```sh block."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if lines[i].strip() == "```sh":
            start = i + 1
            body = []
            i += 1
            while i < len(lines) and lines[i].strip() != "```":
                body.append((i + 1, lines[i]))
                i += 1
            logical = []
            current, first = "", None
            for n, line in body:
                if first is None:
                    first = n
                if line.rstrip().endswith("\\"):
                    current += line.rstrip()[:-1] + " "
                    continue
                if line.rstrip().endswith(("&&", "|")):
                    current += line.rstrip() + " "
                    continue
                current += line
                logical.append((first, current.strip()))
                current, first = "", None
            yield start, logical
        i += 1


def split_comment(line):
    """The command and its trailing comment (a # outside quotes)."""
    quote = None
    for i, c in enumerate(line):
        if c in "'\"" and quote in (None, c):
            quote = None if quote == c else c
        elif c == "#" and quote is None and (i == 0 or line[i - 1] == " "):
            return line[:i].strip(), line[i + 1:].strip()
    return line.strip(), ""


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cli = os.path.abspath(sys.argv[1])
    readme = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "README.md")
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    scratch = tempfile.mkdtemp(prefix="renalcheck-readme-")
    bindir = os.path.join(scratch, ".bin")
    os.makedirs(bindir)
    os.symlink(cli, os.path.join(bindir, "renalcheck"))
    for name in ("examples", "formulary", "Tests"):
        os.symlink(os.path.join(ROOT, name), os.path.join(scratch, name))
    shutil.copy(os.path.join(ROOT, "examples", "requests.ndjson"), os.path.join(scratch, "requests.ndjson"))
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""), NO_COLOR="1")
    failures, ran, skipped = [], 0, []
    try:
        for _, logical in blocks(text):
            for n, line in logical:
                command, comment = split_comment(line)
                if not command:
                    continue
                if command.startswith(NOT_RUN):
                    skipped.append(f"README.md:{n}: {command} (a build command)")
                    continue
                if command.startswith("parallel ") and shutil.which("parallel") is None:
                    skipped.append(f"README.md:{n}: {command} (GNU parallel is not installed)")
                    continue
                if not command.startswith(("renalcheck ", "parallel ", "split ", "ls ", "cat ")):
                    failures.append(f"README.md:{n}: not a command this check knows how to run: {command}")
                    continue
                m = re.search(r"\bexit (\d+)", comment)
                expected = int(m.group(1)) if m else 0
                result = subprocess.run(command, shell=True, cwd=scratch, env=env, capture_output=True, text=True, timeout=300)
                ran += 1
                if result.returncode != expected:
                    failures.append(f"README.md:{n}: exit {result.returncode}, documented {expected}: {command}\n"
                                    + "\n".join("    " + l for l in (result.stderr or result.stdout).strip().split("\n")[-8:]))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for s in skipped:
        print("not run here:", s)
    for f in failures:
        print(f, file=sys.stderr)
    print(f"check-readme: {ran} example(s) run, {len(failures)} failure(s)")
    sys.exit(1 if failures or ran == 0 else 0)


if __name__ == "__main__":
    main()
