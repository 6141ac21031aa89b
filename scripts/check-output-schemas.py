#!/usr/bin/env python3
"""Check real batch output against the output JSON Schemas in docs/schema/.

    scripts/check-output-schemas.py [--cli PATH]

Builds an NDJSON batch from every screening request in examples/ (each given a requestId), plus
lines that are not valid requests (bad JSON, a missing field, an empty line, an over-long
requestId), runs `renalcheck screen --batch` with the full and the compact report, and checks:
- the exit status is 0 and there is exactly one output record per input line, in order, each
  carrying its line's requestId wherever the line had a readable one;
- every report validates against report.schema.json or compact-report.schema.json, and every error
  record against error-record.schema.json;
- the compact reports are at least 5 times smaller than the full reports;
- every rule and source id in the compact reports is found in `renalcheck formulary export`.
Prints one line per problem and a closing `N passed, N failed` line; exits 1 on any failure.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

try:
    import jsonschema
    from referencing import Registry, Resource
except ImportError as e:  # pragma: no cover
    sys.exit(f"check-output-schemas.py needs jsonschema (4.18+) and referencing: {e}")

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SCHEMAS = os.path.join(ROOT, "docs", "schema")


def validators():
    registry = Registry()
    loaded = {}
    for path in glob.glob(os.path.join(SCHEMAS, "*.schema.json")):
        with open(path, encoding="utf-8") as f:
            schema = json.load(f)
        loaded[os.path.basename(path)] = schema
        resource = Resource.from_contents(schema)
        registry = registry.with_resource(schema["$id"], resource)
        registry = registry.with_resource(os.path.basename(path), resource)
    return {name: jsonschema.Draft202012Validator(schema, registry=registry) for name, schema in loaded.items()}


def batch_lines():
    lines, ids = [], []
    for i, path in enumerate(sorted(glob.glob(os.path.join(ROOT, "examples", "*.json")))):
        with open(path, encoding="utf-8") as f:
            request = json.load(f)
        request["requestId"] = f"ex-{i:03d}"
        lines.append(json.dumps(request))
        ids.append(request["requestId"])
    bad = [
        ('{"requestId": "bad-json", "patient": ', None),          # not JSON: no readable requestId
        ('{"requestId": "no-orders", "patient": {}}', "no-orders"),  # JSON, missing field
        ("", None),                                                # empty line
        ('{"requestId": "' + "x" * 200 + '", "patient": {}, "orders": []}', None),  # requestId too long
    ]
    for text, rid in bad:
        lines.append(text)
        ids.append(rid)
    return lines, ids


def run(cli, form, text):
    proc = subprocess.run([cli, "screen", "--batch", "--report", form, "-"], input=text,
                          capture_output=True, text=True)
    return proc.returncode, proc.stdout.splitlines(), proc.stderr


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", default=os.path.join(ROOT, ".build", "debug", "renalcheck"))
    args = parser.parse_args(argv)
    check = validators()
    lines, ids = batch_lines()
    text = "\n".join(lines) + "\n"
    passed, failed = 0, 0

    def expect(ok, message):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL: {message}")

    sizes = {}
    compact_records = []
    for form, schema in (("full", "report.schema.json"), ("compact", "compact-report.schema.json")):
        status, out, err = run(args.cli, form, text)
        expect(status == 0, f"--batch --report {form} exited {status}: {err.strip()}")
        expect(len(out) == len(lines), f"{form}: {len(out)} records for {len(lines)} lines")
        # Reports only: error records are the same in both forms.
        sizes[form] = sum(len(o) + 1 for o in out if not o.startswith('{"line":'))
        for n, (record_text, rid) in enumerate(zip(out, ids), start=1):
            record = json.loads(record_text)
            is_error = "error" in record
            errors = list(check["error-record.schema.json" if is_error else schema].iter_errors(record))
            expect(not errors, f"{form} line {n}: {errors[0].message if errors else ''}")
            if is_error:
                expect(record["line"] == n, f"{form} line {n}: error record says line {record['line']}")
            expect(record.get("requestId") == rid, f"{form} line {n}: requestId {record.get('requestId')!r}, expected {rid!r}")
            if form == "compact" and not is_error:
                compact_records.append(record)
    # The examples are hazardous on purpose: most requests have findings, as a screening batch does.
    expect(sizes["compact"] * 5 <= sizes["full"],
           f"compact reports {sizes['compact']} bytes are not 5x smaller than full {sizes['full']}")

    exported = {}
    for table in ("rules", "sources"):
        proc = subprocess.run([args.cli, "formulary", "export", table], capture_output=True, text=True)
        expect(proc.returncode == 0, f"formulary export {table} exited {proc.returncode}")
        exported[table] = {json.loads(line)["id"] for line in proc.stdout.splitlines()}
    for record in compact_records:
        for finding in record["findings"]:
            expect(finding["rule"] in exported["rules"], f"rule {finding['rule']} is not in the export")
            for source in finding["sources"]:
                expect(source in exported["sources"], f"source {source} is not in the export")

    print(f"output schemas: full {sizes.get('full')} bytes, compact {sizes.get('compact')} bytes "
          f"({sizes.get('full', 0) / max(1, sizes.get('compact', 1)):.1f}x smaller)", file=sys.stderr)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
