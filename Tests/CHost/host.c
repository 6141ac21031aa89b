/*
 * A C host for librenalcheck: compiled against the hand-written header and the built library by
 * `make test-c`, and run (under valgrind when available). Exits non-zero on the first failed
 * check. Usage: host REPO_ROOT
 */
#include "renalcheck.h"

#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int checks = 0, failures = 0;

#define CHECK(cond)                                                                 \
    do {                                                                            \
        checks++;                                                                   \
        if (!(cond)) {                                                              \
            failures++;                                                             \
            fprintf(stderr, "host.c:%d: check failed: %s\n", __LINE__, #cond);      \
        }                                                                           \
    } while (0)

static const char *REQUEST =
    "{\"asOf\": \"2026-11-21T10:00:00Z\","
    " \"patient\": {\"id\": \"pt-c\", \"ageYears\": 72, \"weightKg\": 60,"
    "  \"kidney\": {\"dialysis\": \"hemodialysis\", \"egfr\": 7}},"
    " \"orders\": [{\"id\": \"ord-1\", \"drug\": \"baclofen\", \"dose\": {\"value\": 10, \"unit\": \"mg\"},"
    "  \"route\": \"oral\", \"frequency\": \"tid\"}]}";

static char *read_file(const char *root, const char *relative, size_t *length) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", root, relative);
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) { free(buf); buf = NULL; }
    fclose(f);
    if (buf) { buf[n] = 0; *length = (size_t)n; }
    return buf;
}

/* The report's findings contain one with this rule id and severity. */
static int has_finding(json_t *report, const char *rule, const char *severity) {
    json_t *findings = json_object_get(report, "findings");
    size_t i;
    json_t *f;
    json_array_foreach(findings, i, f) {
        const char *r = json_string_value(json_object_get(f, "ruleId"));
        const char *s = json_string_value(json_object_get(f, "severity"));
        if (r && s && strcmp(r, rule) == 0 && strcmp(s, severity) == 0) return 1;
    }
    return 0;
}

/* The error object's error.code, or -1. */
static long long error_code(const char *text) {
    json_error_t e;
    json_t *root = json_loads(text, 0, &e);
    long long code = -1;
    if (root) code = json_integer_value(json_object_get(json_object_get(root, "error"), "code"));
    json_decref(root);
    return code;
}

static void test_versions(void) {
    CHECK(renalcheck_abi_version() == RENALCHECK_ABI_VERSION);
    char *v = NULL;
    CHECK(renalcheck_library_version(&v) == RENALCHECK_OK);
    CHECK(v != NULL && strlen(v) > 0);
    renalcheck_string_free(v);
    CHECK(renalcheck_library_version(NULL) == RENALCHECK_ERR_NULL_ARGUMENT);
}

static void test_null_and_bad_arguments(renalcheck_checker_t *checker) {
    char *out = (char *)1;
    renalcheck_checker_free(NULL);
    renalcheck_string_free(NULL);
    CHECK(renalcheck_checker_create(NULL, NULL, NULL) == RENALCHECK_ERR_NULL_ARGUMENT);
    CHECK(renalcheck_checker_create(NULL, NULL, &out) == RENALCHECK_ERR_NULL_ARGUMENT);
    CHECK(out != NULL && error_code(out) == RENALCHECK_ERR_NULL_ARGUMENT);
    renalcheck_string_free(out);

    CHECK(renalcheck_screen(checker, REQUEST, strlen(REQUEST), NULL) == RENALCHECK_ERR_NULL_ARGUMENT);
    out = (char *)1;
    CHECK(renalcheck_screen(NULL, REQUEST, strlen(REQUEST), &out) == RENALCHECK_ERR_NULL_ARGUMENT);
    CHECK(out != NULL && error_code(out) == RENALCHECK_ERR_NULL_ARGUMENT);
    renalcheck_string_free(out);
    CHECK(renalcheck_screen(checker, NULL, 10, &out) == RENALCHECK_ERR_NULL_ARGUMENT);
    renalcheck_string_free(out);
    CHECK(renalcheck_checker_formulary_version(NULL, &out) == RENALCHECK_ERR_NULL_ARGUMENT);
    CHECK(out == NULL);
    CHECK(renalcheck_checker_formulary_version(checker, NULL) == RENALCHECK_ERR_NULL_ARGUMENT);

    CHECK(renalcheck_screen_format(checker, 99, RENALCHECK_FORMAT_JSON, REQUEST, strlen(REQUEST), &out) == RENALCHECK_ERR_INVALID_ARGUMENT);
    CHECK(out != NULL && error_code(out) == RENALCHECK_ERR_INVALID_ARGUMENT);
    renalcheck_string_free(out);
    /* A length over the limit is refused before the buffer is read. */
    CHECK(renalcheck_screen(checker, REQUEST, (size_t)1 << 40, &out) == RENALCHECK_ERR_INVALID_ARGUMENT);
    renalcheck_string_free(out);

    char *err = NULL;
    renalcheck_checker_t *none = (renalcheck_checker_t *)1;
    CHECK(renalcheck_checker_create("/nonexistent/formulary", &none, &err) == RENALCHECK_ERR_FORMULARY);
    CHECK(none == NULL);
    CHECK(err != NULL && error_code(err) == RENALCHECK_ERR_FORMULARY);
    renalcheck_string_free(err);
    CHECK(renalcheck_checker_create("/nonexistent/formulary", &none, NULL) == RENALCHECK_ERR_FORMULARY);
}

static void test_malformed(renalcheck_checker_t *checker) {
    const char *cases[] = {"{not json", "", "[]", "{\"patient\": {}, \"orders\": [{\"drug\": 7}]}", "\xff\xfe"};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *out = NULL;
        CHECK(renalcheck_screen(checker, cases[i], strlen(cases[i]), &out) == RENALCHECK_ERR_INVALID_REQUEST);
        CHECK(out != NULL && error_code(out) == RENALCHECK_ERR_INVALID_REQUEST);
        json_t *root = out ? json_loads(out, 0, NULL) : NULL;
        json_t *problems = json_object_get(json_object_get(root, "error"), "problems");
        CHECK(json_array_size(problems) >= 1);
        json_decref(root);
        renalcheck_string_free(out);
    }
    /* Issue 12: the error object never quotes the request (jansson's "near '...'" context). */
    const char *secrets[] = {"{\"patient\":{\"id\":\"MRN-7731-SECRET",
                             "{\"asOf\": \"MRN-7731-SECRET\", \"patient\": {}, \"orders\": []}"};
    for (size_t i = 0; i < sizeof secrets / sizeof *secrets; i++) {
        char *out = NULL;
        CHECK(renalcheck_screen(checker, secrets[i], strlen(secrets[i]), &out) == RENALCHECK_ERR_INVALID_REQUEST);
        CHECK(out != NULL && strstr(out, "7731") == NULL);
        renalcheck_string_free(out);
    }
    /* Not NUL-terminated: only `length` bytes are read. */
    char buf[8] = {'{', '}', 'X', 'X', 'X', 'X', 'X', 'X'};
    char *out = NULL;
    CHECK(renalcheck_screen(checker, buf, 2, &out) == RENALCHECK_ERR_INVALID_REQUEST);
    renalcheck_string_free(out);
}

static void test_screen(renalcheck_checker_t *checker) {
    char *out = NULL;
    CHECK(renalcheck_screen(checker, REQUEST, strlen(REQUEST), &out) == RENALCHECK_OK);
    json_error_t e;
    json_t *report = out ? json_loads(out, 0, &e) : NULL;
    CHECK(report != NULL);
    CHECK(strcmp(json_string_value(json_object_get(report, "patient")) ?: "", "pt-c") == 0);
    json_t *order = json_array_get(json_object_get(report, "orders"), 0);
    CHECK(strcmp(json_string_value(json_object_get(order, "id")) ?: "", "ord-1") == 0);
    CHECK(strcmp(json_string_value(json_object_get(order, "highestSeverity")) ?: "", "contraindicated") == 0);
    CHECK(has_finding(report, "baclofen.kidney.avoid", "contraindicated"));
    json_decref(report);
    renalcheck_string_free(out);
}

static void test_formats(renalcheck_checker_t *checker, const char *root) {
    size_t n = 0;
    char *bundle = read_file(root, "examples/fhir/dialysis-patient-bundle.json", &n);
    CHECK(bundle != NULL);
    if (!bundle) return;
    char *out = NULL;
    CHECK(renalcheck_screen_format(checker, RENALCHECK_FORMAT_FHIR, RENALCHECK_FORMAT_FHIR, bundle, n, &out) == RENALCHECK_OK);
    json_t *b = out ? json_loads(out, 0, NULL) : NULL;
    CHECK(strcmp(json_string_value(json_object_get(b, "resourceType")) ?: "", "Bundle") == 0);
    json_t *first = json_object_get(json_array_get(json_object_get(b, "entry"), 0), "resource");
    CHECK(strcmp(json_string_value(json_object_get(first, "resourceType")) ?: "", "DetectedIssue") == 0);
    CHECK(strcmp(json_string_value(json_object_get(first, "severity")) ?: "", "high") == 0);
    json_decref(b);
    renalcheck_string_free(out);

    CHECK(renalcheck_screen_format(checker, RENALCHECK_FORMAT_FHIR, RENALCHECK_FORMAT_JSON, bundle, n, &out) == RENALCHECK_OK);
    json_t *report = out ? json_loads(out, 0, NULL) : NULL;
    CHECK(has_finding(report, "baclofen.kidney.avoid", "contraindicated"));
    json_decref(report);
    renalcheck_string_free(out);
    free(bundle);

    char *hook = read_file(root, "examples/cds-hooks/order-sign.json", &n);
    CHECK(hook != NULL);
    if (!hook) return;
    CHECK(renalcheck_screen_format(checker, RENALCHECK_FORMAT_CDS_HOOKS, RENALCHECK_FORMAT_CDS_HOOKS, hook, n, &out) == RENALCHECK_OK);
    json_t *response = out ? json_loads(out, 0, NULL) : NULL;
    json_t *cards = json_object_get(response, "cards");
    json_t *card = json_array_get(cards, 0);
    CHECK(json_array_size(cards) >= 1);
    CHECK(strcmp(json_string_value(json_object_get(card, "indicator")) ?: "", "critical") == 0);
    CHECK(strlen(json_string_value(json_object_get(card, "summary")) ?: "") < 140);
    json_decref(response);
    renalcheck_string_free(out);
    free(hook);
}

struct worker {
    renalcheck_checker_t *checker;
    const char *expected;
    int mismatches;
};

static void *work(void *arg) {
    struct worker *w = arg;
    for (int i = 0; i < 25; i++) {
        char *out = NULL;
        if (renalcheck_screen(w->checker, REQUEST, strlen(REQUEST), &out) != RENALCHECK_OK || !out || strcmp(out, w->expected) != 0)
            w->mismatches++;
        renalcheck_string_free(out);
        out = NULL;
        if (renalcheck_screen(w->checker, "{", 1, &out) != RENALCHECK_ERR_INVALID_REQUEST) w->mismatches++;
        renalcheck_string_free(out);
    }
    return NULL;
}

static void test_threads(renalcheck_checker_t *checker) {
    char *expected = NULL;
    CHECK(renalcheck_screen(checker, REQUEST, strlen(REQUEST), &expected) == RENALCHECK_OK);
    enum { N = 4 };
    pthread_t threads[N];
    struct worker workers[N];
    for (int i = 0; i < N; i++) {
        workers[i] = (struct worker){checker, expected, 0};
        CHECK(pthread_create(&threads[i], NULL, work, &workers[i]) == 0);
    }
    for (int i = 0; i < N; i++) {
        pthread_join(threads[i], NULL);
        CHECK(workers[i].mismatches == 0);
    }
    renalcheck_string_free(expected);
}

/* A site's RxNorm map: an order coded only with SCD 310431 is screened as gabapentin 300 mg. */
static void test_rxnorm(renalcheck_checker_t *checker) {
    static const char *MAP =
        "{\"format\": \"renalcheck-rxnorm-map\", \"version\": 1, \"concepts\": ["
        " {\"rxcui\": \"310431\", \"tty\": \"SCD\", \"name\": \"gabapentin 300 MG Oral Capsule\", \"ingredients\": [\"25480\"]}]}";
    static const char *ORDER =
        "{\"asOf\": \"2026-11-21T10:00:00Z\", \"patient\": {\"kidney\": {\"dialysis\": \"hemodialysis\"}},"
        " \"orders\": [{\"id\": \"o\", \"drug\": {\"rxnorm\": \"310431\"}, \"dose\": {\"value\": 1, \"unit\": \"capsule\"},"
        " \"route\": \"oral\", \"frequency\": \"tid\"}]}";
    renalcheck_checker_t *with_map = NULL;
    char *err = NULL, *out = NULL;
    CHECK(renalcheck_checker_with_rxnorm(NULL, MAP, strlen(MAP), &with_map, &err) == RENALCHECK_ERR_NULL_ARGUMENT);
    renalcheck_string_free(err);
    err = NULL;
    CHECK(renalcheck_checker_with_rxnorm(checker, "{\"format\": 1}", 13, &with_map, &err) == RENALCHECK_ERR_INVALID_ARGUMENT);
    CHECK(with_map == NULL && err != NULL && strstr(err, "invalid-argument") != NULL);
    renalcheck_string_free(err);
    err = NULL;
    CHECK(renalcheck_checker_with_rxnorm(checker, MAP, strlen(MAP), &with_map, &err) == RENALCHECK_OK);
    CHECK(with_map != NULL && err == NULL);
    if (!with_map) return;
    CHECK(renalcheck_screen(with_map, ORDER, strlen(ORDER), &out) == RENALCHECK_OK);
    CHECK(out != NULL && strstr(out, "gabapentin.renal-dose.hemodialysis") != NULL);
    renalcheck_string_free(out);
    out = NULL;
    /* Without the map the same order is unscreened, never silently passed. */
    CHECK(renalcheck_screen(checker, ORDER, strlen(ORDER), &out) == RENALCHECK_OK);
    CHECK(out != NULL && strstr(out, "\"unscreened\"") != NULL);
    renalcheck_string_free(out);
    renalcheck_checker_free(with_map);
}

int main(int argc, char **argv) {
    const char *root = argc > 1 ? argv[1] : ".";
    test_versions();

    renalcheck_checker_t *checker = NULL;
    char *err = (char *)1;
    CHECK(renalcheck_checker_create(NULL, &checker, &err) == RENALCHECK_OK);
    CHECK(checker != NULL && err == NULL);
    if (!checker) { fprintf(stderr, "cannot open the built-in formulary\n"); return 1; }

    char *fv = NULL;
    CHECK(renalcheck_checker_formulary_version(checker, &fv) == RENALCHECK_OK);
    CHECK(fv != NULL && strlen(fv) >= 8);
    renalcheck_string_free(fv);

    char path[4096];
    snprintf(path, sizeof path, "%s/formulary", root);
    renalcheck_checker_t *from_dir = NULL;
    CHECK(renalcheck_checker_create(path, &from_dir, NULL) == RENALCHECK_OK);
    CHECK(from_dir != NULL);
    if (from_dir) test_screen(from_dir);
    renalcheck_checker_free(from_dir);

    test_null_and_bad_arguments(checker);
    test_malformed(checker);
    test_screen(checker);
    test_formats(checker, root);
    test_threads(checker);
    test_rxnorm(checker);
    renalcheck_checker_free(checker);

    printf("%d passed, %d failed\n", checks - failures, failures);
    return failures == 0 ? 0 : 1;
}
