#!/usr/bin/env python3
"""Check behaviour fixtures against a formulary folder with the built CLI, without rebuilding.

    scripts/check-fixtures.py [--cli PATH] [--formulary DIR] [FIXTURE_OR_GLOB ...]

Screens each fixture's request with `renalcheck screen --formulary DIR --format json` and checks
its `expect` block exactly as `BehaviourFixtureTests` does (see Tests/Fixtures/README.md).
A formulary author uses it while editing `formulary/`; `make test` runs the Swift test, which is
the authority. Defaults: `.build/debug/renalcheck`, `formulary/`, every file in
`Tests/Fixtures/behaviour/`. Prints one line per failing fixture; exits 1 if any fails.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SEVERITIES = ["info", "minor", "moderate", "major", "contraindicated"]


def matches(finding, want):
    for key, value in want.items():
        if key == "drug" and value not in finding.get("drugs", []):
            return False
        if key == "ruleId" and finding.get("ruleId") != value:
            return False
        if key == "severity" and finding.get("severity") != value:
            return False
        if key == "category" and finding.get("category") != value:
            return False
        if key == "order" and value not in finding.get("orders", []):
            return False
        if key not in ("drug", "ruleId", "severity", "category", "order"):
            return False
    return True


def check(cli, formulary, path):
    with open(path, encoding="utf-8") as f:
        fixture = json.load(f)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as tmp:
        json.dump(fixture["request"], tmp)
    try:
        run = subprocess.run([cli, "screen", "--formulary", formulary, "--format", "json", tmp.name],
                             capture_output=True, text=True)
    finally:
        os.unlink(tmp.name)
    if run.returncode not in (0, 2, 3, 4):
        return [f"exit {run.returncode}: {run.stderr.strip()}"]
    report = json.loads(run.stdout)
    findings = report.get("findings", [])
    expect = fixture.get("expect", {})
    got = "; ".join(f"{f['severity']} {f['category']} {f['ruleId']}" for f in findings) or "no findings"
    problems = []
    for want in expect.get("findings", []):
        if not any(matches(f, want) for f in findings):
            problems.append(f"expected {want}, got: {got}")
    for unwanted in expect.get("absent", []):
        if any(matches(f, unwanted) for f in findings):
            problems.append(f"did not expect {unwanted}, got: {got}")
    level = expect.get("noFindingAtOrAbove")
    if level:
        floor = SEVERITIES.index(level)
        if any(SEVERITIES.index(f["severity"]) >= floor for f in findings):
            problems.append(f"expected nothing at or above {level}, got: {got}")
    orders = {o["id"]: o for o in report.get("orders", [])}
    for order, status in expect.get("orderStatus", {}).items():
        actual = orders.get(order, {}).get("status")
        if actual != status:
            problems.append(f"order {order} is {actual}, expected {status} ({got})")
    return problems


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", default=os.path.join(ROOT, ".build/debug/renalcheck"))
    parser.add_argument("--formulary", default=os.path.join(ROOT, "formulary"))
    parser.add_argument("fixtures", nargs="*")
    args = parser.parse_args(argv)
    patterns = args.fixtures or [os.path.join(ROOT, "Tests/Fixtures/behaviour/*.json")]
    paths = sorted({p for pattern in patterns for p in (glob.glob(pattern) or [pattern])})
    failed = 0
    for path in paths:
        problems = check(args.cli, args.formulary, path)
        for problem in problems:
            print(f"{os.path.relpath(path, ROOT)}: {problem}")
        failed += bool(problems)
    print(f"{len(paths) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
