#include <stdint.h>
/// Calls to malloc, calloc, realloc, posix_memalign, aligned_alloc and memalign since start.
uint64_t malloc_counter_calls(void);
/// Bytes requested by those calls since start.
uint64_t malloc_counter_bytes(void);
