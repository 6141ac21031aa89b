#!/usr/bin/env python3
"""Independent validation of RenalCheck's FHIR and CDS Hooks output (and of the FHIR examples).

Loads librenalcheck.so with ctypes, screens every example input through the C API, and checks:
  - every FHIR output Bundle and each DetectedIssue with the fhir.resources R4B models (FHIR 4.3.0,
    whose DetectedIssue/Bundle/MedicationRequest element sets equal R4 4.0.1), plus the codes
    fhir.resources does not enforce (status, severity, ActCode system and code, mitigation action);
  - every CDS Hooks response against CDS Hooks 2.0's rules (summary under 140 characters, indicator,
    source.label, selectionBehavior with suggestions, uuids, no null or empty values);
  - the example FHIR Bundles and CDS Hooks draftOrders/prefetch resources as R4B resources.
Run by `make test-fhir` inside the .venv-fhir virtual environment.

Usage: validate-fhir.py LIBRARY [REPO_ROOT]
"""
import ctypes
import glob
import json
import os
import re
import sys

from fhir.resources.R4B import get_fhir_model_class
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.detectedissue import DetectedIssue

FORMAT = {"json": 0, "fhir": 1, "cds-hooks": 2}
ACTCODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
ISSUE_CODES = {"DOSEH", "MDOSE", "COND", "TIME", "DOSEIVL", "DOSE", "DOSEDUR", "AGE", "LAB", "NHP", "DRG", "DUPTHPY", "DACT"}
MITIGATION_CODES = {"4", "8", "9", "13"}
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")

passed = 0
failed = 0
issues_seen = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what, file=sys.stderr)


class Library:
    def __init__(self, path):
        self.lib = ctypes.CDLL(path)
        self.lib.renalcheck_checker_create.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(ctypes.c_void_p)]
        self.lib.renalcheck_screen_format.argtypes = [ctypes.c_void_p, ctypes.c_int32, ctypes.c_int32, ctypes.c_char_p,
                                                      ctypes.c_size_t, ctypes.POINTER(ctypes.c_void_p)]
        self.lib.renalcheck_string_free.argtypes = [ctypes.c_void_p]
        self.lib.renalcheck_checker_free.argtypes = [ctypes.c_void_p]
        self.checker = ctypes.c_void_p()
        status = self.lib.renalcheck_checker_create(None, ctypes.byref(self.checker), None)
        if status != 0:
            raise SystemExit(f"renalcheck_checker_create failed: {status}")

    def screen(self, data, input_format, output_format):
        out = ctypes.c_void_p()
        status = self.lib.renalcheck_screen_format(self.checker, FORMAT[input_format], FORMAT[output_format], data, len(data),
                                                   ctypes.byref(out))
        text = ctypes.string_at(out.value).decode("utf-8") if out.value else None
        self.lib.renalcheck_string_free(out)
        return status, text


def no_empty_values(value, path="$"):
    """CDS Hooks: no null, "", [] or {} anywhere (except the top-level cards array)."""
    problems = []
    if value is None or value == "" or value == [] or value == {}:
        problems.append(path)
    elif isinstance(value, dict):
        for k, v in value.items():
            problems += no_empty_values(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            problems += no_empty_values(v, f"{path}[{i}]")
    return problems


def validate_fhir_output(name, text):
    data = json.loads(text)
    try:
        Bundle.model_validate(data)
        check(True, "")
    except Exception as e:  # noqa: BLE001 - any validation error is a failure to report
        check(False, f"{name}: output Bundle does not validate as R4B: {e}")
    check(data.get("type") == "collection", f"{name}: Bundle.type is collection")
    entries = data.get("entry", [])
    check("entry" not in data or entries, f"{name}: no empty entry array")
    global issues_seen
    issues_seen += len(entries)
    for i, entry in enumerate(entries):
        issue = entry["resource"]
        where = f"{name}: entry[{i}]"
        try:
            DetectedIssue.model_validate(issue)
            check(True, "")
        except Exception as e:  # noqa: BLE001
            check(False, f"{where}: DetectedIssue does not validate as R4B: {e}")
        check(issue.get("status") in ("final", "preliminary"), f"{where}: status")
        check(issue.get("severity") in ("high", "moderate", "low"), f"{where}: severity")
        for coding in issue.get("code", {}).get("coding", []):
            check(coding.get("system") == ACTCODE and coding.get("code") in ISSUE_CODES, f"{where}: code {coding}")
        for m in issue.get("mitigation", []):
            codes = [c.get("code") for c in m["action"].get("coding", [])]
            check(all(c in MITIGATION_CODES for c in codes) and codes, f"{where}: mitigation action {codes}")
        check(entry.get("fullUrl") == "urn:uuid:" + issue.get("id", ""), f"{where}: fullUrl matches id")
        for ref in issue.get("implicated", []):
            check(ref.get("reference", "").startswith(("MedicationRequest/", "urn:")), f"{where}: implicated {ref}")


def validate_cds_output(name, text):
    data = json.loads(text)
    cards = data.get("cards")
    check(isinstance(cards, list), f"{name}: cards is an array")
    empty = [p for i, card in enumerate(cards or []) for p in no_empty_values(card, f"$.cards[{i}]")]
    check(not empty, f"{name}: no null or empty values: {empty}")
    uuids = set()
    for i, card in enumerate(cards or []):
        where = f"{name}: cards[{i}]"
        check(isinstance(card.get("summary"), str) and 0 < len(card["summary"]) < 140, f"{where}: summary under 140 characters")
        check(card.get("indicator") in ("info", "warning", "critical"), f"{where}: indicator")
        check(isinstance(card.get("source", {}).get("label"), str), f"{where}: source.label")
        check(UUID.match(card.get("uuid", "")) is not None, f"{where}: uuid {card.get('uuid')}")
        uuids.add(card.get("uuid"))
        if "suggestions" in card:
            check(card.get("selectionBehavior") in ("at-most-one", "any"), f"{where}: selectionBehavior with suggestions")
            for s in card["suggestions"]:
                check(isinstance(s.get("label"), str), f"{where}: suggestion label")
                for a in s.get("actions", []):
                    check(a.get("type") in ("create", "update", "delete") and a.get("description"), f"{where}: action")
    check(len(uuids) == len(cards or []), f"{name}: card uuids are unique")


def validate_input_resources(name, data):
    """Example inputs: Bundles (with type) as R4B Bundles; draftOrders without type entry by entry."""
    def resource(res, where):
        try:
            get_fhir_model_class(res["resourceType"]).model_validate(res)
            check(True, "")
        except Exception as e:  # noqa: BLE001
            check(False, f"{name}: {where} does not validate as R4B: {e}")

    def bundle_or_resource(value, where):
        if value is None:
            return
        if value.get("resourceType") == "Bundle" and "type" not in value:
            for i, e in enumerate(value.get("entry", [])):  # CDS Hooks draftOrders may lack Bundle.type
                resource(e["resource"], f"{where}.entry[{i}]")
        else:
            resource(value, where)

    if data.get("resourceType"):
        bundle_or_resource(data, "$")
    else:
        bundle_or_resource(data["context"]["draftOrders"], "$.context.draftOrders")
        for key, value in data.get("prefetch", {}).items():
            bundle_or_resource(value, f"$.prefetch.{key}")


def main():
    library = sys.argv[1]
    root = sys.argv[2] if len(sys.argv) > 2 else os.getcwd()
    lib = Library(library)
    inputs = [(p, "fhir") for p in sorted(glob.glob(os.path.join(root, "examples/fhir/*.json")))]
    inputs += [(p, "cds-hooks") for p in sorted(glob.glob(os.path.join(root, "examples/cds-hooks/*.json")))]
    inputs += [(p, "json") for p in sorted(glob.glob(os.path.join(root, "examples/*.json")))]
    check(len(inputs) >= 3, "there are example inputs")
    for path, fmt in inputs:
        name = os.path.relpath(path, root)
        data = open(path, "rb").read()
        if fmt != "json":
            validate_input_resources(name, json.loads(data))
        status, text = lib.screen(data, fmt, "fhir")
        check(status == 0, f"{name}: screening to FHIR returned status {status}: {text}")
        if status == 0:
            validate_fhir_output(name, text)
        status, text = lib.screen(data, fmt, "cds-hooks")
        check(status == 0, f"{name}: screening to CDS Hooks returned status {status}")
        if status == 0:
            validate_cds_output(name, text)
    check(issues_seen >= 10, f"the examples produced DetectedIssues ({issues_seen})")
    lib.lib.renalcheck_checker_free(lib.checker)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
