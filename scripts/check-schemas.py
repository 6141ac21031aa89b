#!/usr/bin/env python3
"""Validate formulary files against the JSON Schemas in formulary/schema/.

    scripts/check-schemas.py [FORMULARY_DIR]
        Validate every *.json file of the formulary (default: formulary/ next to this script's
        folder) against its schema, chosen by path:
            formulary.json, sources.json, classes.json, conditions.json, indications.json,
            ingredients.json, labs.json, cascades.json, dialysis.json  -> the schema of the same name
            drugs/*.json -> drug.schema.json, rules/*.json -> rules.schema.json,
            sources/*.json, classes/*.json … (topic files of a vocabulary) -> that vocabulary's schema
        Prints `file: $.path: message` for each problem; exits 1 if there is any.

    scripts/check-schemas.py --expect-invalid FILE KIND
        Check that FILE is rejected by the schema for KIND; exits 0 if it is, 1 if it is accepted.
    scripts/check-schemas.py --expect-valid FILE KIND
        Check that FILE is accepted by the schema for KIND (prints its problems otherwise).

    KIND is one of: formulary, sources, classes, conditions, indications, ingredients, labs,
    drug, rules, cascades (plural/singular spellings such as drugs, rule, cascade also work).

The schemas check the shape of each file (required fields, allowed keys, enumerations, units).
Whether a referenced id exists, and other cross-file facts, is checked by
`renalcheck formulary validate`, which is the authority. Like that validator, this script also
reports duplicate keys in an object, which JSON Schema cannot see.

Needs python3 with jsonschema 4.18+ (and its dependency referencing).
"""
import argparse
import json
import os
import sys

try:
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
except ImportError as e:  # pragma: no cover
    sys.exit(f"check-schemas.py needs the python packages jsonschema (4.18+) and referencing: {e}")

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FORMULARY = os.path.normpath(os.path.join(HERE, "..", "formulary"))

KINDS = {
    "formulary": "formulary.schema.json",
    "sources": "sources.schema.json",
    "classes": "classes.schema.json",
    "conditions": "conditions.schema.json",
    "indications": "indications.schema.json",
    "ingredients": "ingredients.schema.json",
    "labs": "labs.schema.json",
    "drug": "drug.schema.json",
    "rules": "rules.schema.json",
    "cascades": "cascades.schema.json",
    "dialysis": "dialysis.schema.json",
}
ALIASES = {"manifest": "formulary", "source": "sources", "class": "classes", "condition": "conditions",
           "indication": "indications", "ingredient": "ingredients", "lab": "labs", "drugs": "drug",
           "rule": "rules", "cascade": "cascades"}
# Files the formulary must have (cascades.json is optional), as in Formulary+Load.swift.
REQUIRED_FILES = ["formulary.json", "sources.json", "classes.json", "conditions.json", "indications.json",
                  "ingredients.json", "labs.json"]


def kind_for(relative):
    """The schema kind for a path relative to the formulary folder, or None."""
    if relative.startswith("drugs/"):
        return "drug"
    if relative.startswith("rules/"):
        return "rules"
    stem = relative[:-len(".json")] if relative.endswith(".json") else relative
    folder, _, rest = stem.partition("/")
    if rest and "/" not in rest and folder in ("sources", "classes", "conditions", "indications", "ingredients", "labs", "dialysis"):
        return folder  # a topic file continuing a vocabulary, e.g. sources/cardiovascular.json
    if "/" not in stem and stem in KINDS and stem not in ("drug", "rules"):
        return stem
    return None


class Checker:
    def __init__(self, schema_dir):
        self.schemas = {}
        resources = []
        for name in sorted(os.listdir(schema_dir)):
            if not name.endswith(".schema.json"):
                continue
            with open(os.path.join(schema_dir, name), encoding="utf-8") as f:
                schema = json.load(f)
            self.schemas[name] = schema
            resource = Resource.from_contents(schema, default_specification=DRAFT202012)
            resources.append((schema["$id"], resource))
        self.registry = Registry().with_resources(resources)
        missing = [s for s in KINDS.values() if s not in self.schemas]
        if missing:
            sys.exit(f"schema files missing in {schema_dir}: {', '.join(missing)}")
        self.validators = {}
        for kind, name in KINDS.items():
            schema = self.schemas[name]
            jsonschema.Draft202012Validator.check_schema(schema)
            self.validators[kind] = jsonschema.Draft202012Validator(
                schema, registry=self.registry, format_checker=None)

    def problems(self, path, kind):
        """Yields (json path, message) for every problem in the file at `path`."""
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError as e:
            yield "", f"cannot read file: {e.strerror}"
            return
        duplicates = []

        def pairs(items, where=None):
            seen = {}
            for k, v in items:
                if k in seen:
                    duplicates.append(k)
                seen[k] = v
            return seen

        try:
            document = json.loads(raw.decode("utf-8"), object_pairs_hook=pairs)
        except UnicodeDecodeError as e:
            yield "", f"not UTF-8: {e}"
            return
        except json.JSONDecodeError as e:
            yield "", f"not JSON: {e.msg} (line {e.lineno}, column {e.colno})"
            return
        for k in duplicates:
            yield "", f"duplicate key '{k}' in an object"
        errors = sorted(self.validators[kind].iter_errors(document),
                        key=lambda e: ([(0, p, "") if isinstance(p, int) else (1, 0, p) for p in e.absolute_path], e.message))
        for error in errors:
            for leaf in explain(error):
                path = list(leaf.absolute_path)
                if leaf.validator == "additionalProperties" and isinstance(leaf.instance, dict):
                    known = leaf.schema.get("properties", {})
                    for key in leaf.instance:
                        if key not in known:
                            yield render_path(path + [key]), f"unknown field '{key}'"
                    continue
                if leaf.validator == "required" and isinstance(leaf.instance, dict):
                    for key in leaf.validator_value:
                        if key not in leaf.instance:
                            yield render_path(path + [key]), f"missing required field '{key}'"
                    continue
                if "propertyNames" in leaf.absolute_schema_path:
                    path.append(leaf.instance)
                yield render_path(path), message(leaf)


def explain(error):
    """The errors worth printing for one top-level error (descends into oneOf/anyOf when useful)."""
    if error.validator in ("anyOf", "oneOf") and error.context and not error.schema.get("errorMessage"):
        best = jsonschema.exceptions.best_match(error.context)
        if best is not None:
            return explain(best)
    return [error]


def message(error):
    schema = error.schema if isinstance(error.schema, dict) else {}
    if "propertyNames" in error.relative_schema_path or "propertyNames" in error.absolute_schema_path:
        allowed = schema.get("enum")
        hint = f"; allowed here: {', '.join(allowed)}" if isinstance(allowed, list) else ""
        return f"unknown field '{error.instance}'{hint}"
    if error.validator == "pattern" and schema.get("patternErrorMessage"):
        return f"{error.instance!r}: {schema['patternErrorMessage']}"
    if error.validator in ("anyOf", "oneOf", "not") and schema.get("errorMessage"):
        return schema["errorMessage"]
    if error.validator == "false" or (error.validator is None and schema is False):
        return "not allowed here"
    return error.message


def render_path(parts):
    """`$.rules[2].limits.daily`, in the same style as `renalcheck formulary validate`."""
    text = "$"
    for p in parts:
        if isinstance(p, int):
            text += f"[{p}]"
        elif p and all(c.isascii() and (c.isalnum() or c in "_-") for c in p):
            text += "." + p
        else:
            text += '["' + p.replace('"', '\\"') + '"]'
    return text


def check_folder(checker, folder):
    failures = 0
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.endswith(".json") or name.startswith("."):
                continue
            relative = os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/")
            if relative.startswith("schema/"):
                continue
            found.append(relative)
    for relative in REQUIRED_FILES:
        if relative not in found:
            print(f"{relative}: required file is missing")
            failures += 1
    for relative in sorted(found):
        kind = kind_for(relative)
        if kind is None:
            print(f"{relative}: not part of the formulary format (expected drugs/, rules/ or a known file)")
            failures += 1
            continue
        for where, text in checker.problems(os.path.join(folder, relative), kind):
            print(f"{relative}: {where}: {text}" if where else f"{relative}: {text}")
            failures += 1
    checked = len(found)
    print(f"{checked} file(s) checked, {failures} problem(s)", file=sys.stderr)
    return failures == 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("formulary", nargs="?", default=DEFAULT_FORMULARY,
                        help="the formulary folder (default: %(default)s)")
    parser.add_argument("--schemas", help="the schema folder (default: FORMULARY/schema, "
                                          "or formulary/schema for --expect-*)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--expect-invalid", nargs=2, metavar=("FILE", "KIND"),
                       help="succeed only if FILE is rejected by the schema for KIND")
    group.add_argument("--expect-valid", nargs=2, metavar=("FILE", "KIND"),
                       help="succeed only if FILE is accepted by the schema for KIND")
    args = parser.parse_args(argv)

    single = args.expect_invalid or args.expect_valid
    if single:
        schema_dir = args.schemas or os.path.join(DEFAULT_FORMULARY, "schema")
    else:
        schema_dir = args.schemas or os.path.join(args.formulary, "schema")
    checker = Checker(schema_dir)

    if single:
        path, kind = single
        kind = ALIASES.get(kind, kind)
        if kind not in KINDS:
            parser.error(f"unknown KIND '{single[1]}'; expected one of: {', '.join(KINDS)}")
        problems = list(checker.problems(path, kind))
        for where, text in problems:
            print(f"{path}: {where}: {text}" if where else f"{path}: {text}")
        if args.expect_invalid:
            if problems:
                print(f"{path}: rejected by {KINDS[kind]}, as expected", file=sys.stderr)
                return 0
            print(f"{path}: accepted by {KINDS[kind]}, but it was expected to be invalid")
            return 1
        return 0 if not problems else 1

    if not os.path.isdir(args.formulary):
        print(f"formulary folder not found: {args.formulary}")
        return 2
    return 0 if check_folder(checker, args.formulary) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
