#include <jansson.h>
/// jansson's json_decref is a macro; this re-exposes it as a function for Swift.
static inline void cjanssonbench_decref(json_t *value) { json_decref(value); }
/// The flags RenalCheck parses with.
static inline size_t cjanssonbench_flags(void) { return JSON_REJECT_DUPLICATES; }
