/*
 * renalcheck.h — the C API of RenalCheck, a medication-safety checker for patients with kidney
 * failure and on dialysis.
 *
 * JSON in, JSON out: no Swift type crosses this boundary. Open a checker once (it loads and
 * validates a formulary), screen any number of requests with it from any number of threads, and
 * close it. Every string the library returns is newly allocated UTF-8, NUL-terminated, and must be
 * released with renalcheck_string_free().
 *
 * Conventions
 *   - Functions return a renalcheck_status_t (RENALCHECK_OK on success) and pass results through
 *     out-parameters. Output pointers are set to NULL first, so they are NULL on any failure
 *     that produced no error object.
 *   - Every function accepts NULL for any pointer argument: a NULL where a value is required
 *     returns RENALCHECK_ERR_NULL_ARGUMENT; it never crashes.
 *   - A renalcheck_checker_t may be used from several threads at once. It must not be freed while
 *     another thread is using it.
 *   - Where a function has a string output, a failure other than a NULL output pointer stores an
 *     error object there instead of a result:
 *       {"error": {"code": 2, "status": "invalid-request", "message": "...",
 *                  "problems": [{"code": 5, "file": "request", "line": 3, "column": 9,
 *                                "path": "$.orders[0].dose.value", "message": "..."}]}}
 *     "code" is the renalcheck_status_t; each problem's "code" is a stable input-problem number
 *     (1 syntax, 2 duplicate key, 3 missing field, 4 wrong type, 5 invalid value, 6 unknown field,
 *     7 unknown reference, 8 duplicate name, 9 inconsistent, 10 missing file, 11 unreadable).
 *   - Formats and fields of requests and reports: docs/integration.md and README.md.
 *
 * Link with `pkg-config --cflags --libs renalcheck` (or -lrenalcheck).
 */
#ifndef RENALCHECK_H
#define RENALCHECK_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The ABI version this header describes; compare with renalcheck_abi_version() at run time. */
#define RENALCHECK_ABI_VERSION 1

/** A status code. Values are stable: new codes may be added, none renumbered. */
typedef int32_t renalcheck_status_t;

enum {
    /** Success. */
    RENALCHECK_OK = 0,
    /** A required pointer argument was NULL. */
    RENALCHECK_ERR_NULL_ARGUMENT = 1,
    /** The request could not be decoded; the output holds an error object listing every problem. */
    RENALCHECK_ERR_INVALID_REQUEST = 2,
    /** The formulary folder is missing or invalid; the error output holds an error object. */
    RENALCHECK_ERR_FORMULARY = 3,
    /** An argument is out of range: an unknown format, or a length over the 4 MiB request limit. */
    RENALCHECK_ERR_INVALID_ARGUMENT = 4,
    /** Memory for the result could not be allocated; the output is NULL. */
    RENALCHECK_ERR_OUT_OF_MEMORY = 5
};

/** An input or output format for renalcheck_screen_format(). */
typedef int32_t renalcheck_format_t;

enum {
    /** The RenalCheck request JSON in; the RenalCheck report JSON out. */
    RENALCHECK_FORMAT_JSON = 0,
    /** A FHIR R4 Bundle in; a FHIR R4 Bundle (type collection) of DetectedIssue resources out. */
    RENALCHECK_FORMAT_FHIR = 1,
    /** A CDS Hooks 2.0 order-select or order-sign request in; a CDS Hooks cards response out. */
    RENALCHECK_FORMAT_CDS_HOOKS = 2
};

/** A loaded formulary and its checker. Opaque; immutable; safe to share between threads. */
typedef struct renalcheck_checker renalcheck_checker_t;

/**
 * The ABI version of the loaded library (RENALCHECK_ABI_VERSION of the header it was built with).
 *
 * @return the version; a host built against a different RENALCHECK_ABI_VERSION should refuse it.
 */
uint32_t renalcheck_abi_version(void);

/**
 * The library's version, e.g. "0.1.0".
 *
 * @param out_version receives a new string; release it with renalcheck_string_free().
 * @return RENALCHECK_OK, RENALCHECK_ERR_NULL_ARGUMENT or RENALCHECK_ERR_OUT_OF_MEMORY.
 */
renalcheck_status_t renalcheck_library_version(char **out_version);

/**
 * Opens a checker: loads and validates a formulary.
 *
 * @param formulary_dir a formulary folder (UTF-8 path), or NULL for the formulary built into the
 *        library.
 * @param out_checker receives the checker, or NULL on failure; close it with
 *        renalcheck_checker_free().
 * @param out_error may be NULL; otherwise receives NULL on success, or an error object listing
 *        every problem in the formulary (release it with renalcheck_string_free()).
 * @return RENALCHECK_OK, RENALCHECK_ERR_NULL_ARGUMENT (out_checker is NULL),
 *         RENALCHECK_ERR_FORMULARY or RENALCHECK_ERR_OUT_OF_MEMORY.
 */
renalcheck_status_t renalcheck_checker_create(const char *formulary_dir, renalcheck_checker_t **out_checker,
                                              char **out_error);

/**
 * Opens a checker on the same formulary that also resolves clinical-drug RxCUIs (SCD, SBD, GPCK,
 * BPCK) with a site's RxNorm map: the JSON written by `renalcheck rxnorm import`.
 *
 * @param checker an open checker (not modified; still to be freed by the caller).
 * @param map_json the map as UTF-8 JSON (need not be NUL-terminated).
 * @param length its length in bytes.
 * @param out_checker receives the new checker, or NULL on failure; close it with
 *        renalcheck_checker_free().
 * @param out_error may be NULL; otherwise receives NULL on success, or an error object naming
 *        each problem in the map (release it with renalcheck_string_free()).
 * @return RENALCHECK_OK, RENALCHECK_ERR_NULL_ARGUMENT, RENALCHECK_ERR_INVALID_ARGUMENT (the map is
 *         not a valid map) or RENALCHECK_ERR_OUT_OF_MEMORY.
 */
renalcheck_status_t renalcheck_checker_with_rxnorm(const renalcheck_checker_t *checker, const char *map_json,
                                                   size_t length, renalcheck_checker_t **out_checker,
                                                   char **out_error);

/**
 * Closes a checker. renalcheck_checker_free(NULL) does nothing.
 *
 * @param checker a checker from renalcheck_checker_create(), no longer used by any thread.
 */
void renalcheck_checker_free(renalcheck_checker_t *checker);

/**
 * The version of the checker's formulary (CalVer, e.g. "2026.11.0").
 *
 * @param checker the checker.
 * @param out_version receives a new string; release it with renalcheck_string_free().
 * @return RENALCHECK_OK, RENALCHECK_ERR_NULL_ARGUMENT or RENALCHECK_ERR_OUT_OF_MEMORY.
 */
renalcheck_status_t renalcheck_checker_formulary_version(const renalcheck_checker_t *checker, char **out_version);

/**
 * Screens one request (RenalCheck request JSON) and returns the report (RenalCheck report JSON).
 *
 * Same as renalcheck_screen_format(checker, RENALCHECK_FORMAT_JSON, RENALCHECK_FORMAT_JSON, ...).
 *
 * @param checker the checker.
 * @param request UTF-8 JSON; need not be NUL-terminated.
 * @param length bytes in request (at most 4 MiB).
 * @param out_json receives a new string (the report, or an error object on failure); release it
 *        with renalcheck_string_free().
 * @return RENALCHECK_OK, RENALCHECK_ERR_NULL_ARGUMENT, RENALCHECK_ERR_INVALID_REQUEST,
 *         RENALCHECK_ERR_INVALID_ARGUMENT or RENALCHECK_ERR_OUT_OF_MEMORY. A report that contains
 *         findings or unscreened orders is still RENALCHECK_OK: read its "findings" and
 *         "orders[].status".
 */
renalcheck_status_t renalcheck_screen(const renalcheck_checker_t *checker, const char *request, size_t length,
                                      char **out_json);

/**
 * Screens one request in a chosen input format and renders the report in a chosen output format.
 *
 * @param checker the checker.
 * @param input_format RENALCHECK_FORMAT_JSON, RENALCHECK_FORMAT_FHIR or RENALCHECK_FORMAT_CDS_HOOKS.
 * @param output_format RENALCHECK_FORMAT_JSON, RENALCHECK_FORMAT_FHIR or RENALCHECK_FORMAT_CDS_HOOKS.
 * @param request UTF-8 JSON; need not be NUL-terminated.
 * @param length bytes in request (at most 4 MiB).
 * @param out_json receives a new string (the rendered report, or an error object on failure);
 *        release it with renalcheck_string_free().
 * @return as renalcheck_screen(); RENALCHECK_ERR_INVALID_ARGUMENT for an unknown format.
 */
renalcheck_status_t renalcheck_screen_format(const renalcheck_checker_t *checker, renalcheck_format_t input_format,
                                             renalcheck_format_t output_format, const char *request, size_t length,
                                             char **out_json);

/**
 * Releases a string returned by this library. renalcheck_string_free(NULL) does nothing.
 *
 * @param string a string from this library, not yet released.
 */
void renalcheck_string_free(char *string);

#ifdef __cplusplus
}
#endif

#endif /* RENALCHECK_H */
