// Shims for jansson's macros and static inline functions.
//
// jansson exposes `json_typeof`, the `json_is_*` family and reference counting
// (`json_incref`/`json_decref`) as macros or static inline functions that do not
// import into Swift reliably. Each wrapper below re-exposes exactly one of them as a
// plain function; nothing else belongs in this file.
#ifndef CJANSSON_SHIM_H
#define CJANSSON_SHIM_H
#include <jansson.h>

/// Wraps the `json_typeof` macro.
static inline int cjansson_typeof(const json_t *json) { return (int)json_typeof(json); }
/// Wraps `json_decref` (static inline in jansson.h).
static inline void cjansson_decref(json_t *json) { json_decref(json); }
/// Wraps `json_incref` (static inline in jansson.h).
static inline json_t *cjansson_incref(json_t *json) { return json_incref(json); }
/// Wraps `json_error_code` (static inline in jansson.h).
static inline int cjansson_error_code(const json_error_t *error) { return (int)json_error_code(error); }
/// The parse flags RenalCheck always uses: reject duplicate keys, and reject a
/// top-level value that is not followed by end of input.
static inline size_t cjansson_parse_flags(void) { return JSON_REJECT_DUPLICATES; }
#endif
