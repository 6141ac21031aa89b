// The one libFuzzer function the fuzz targets call, declared for Swift.
//
// SwiftPM links every executable target with its entry point renamed (`main` is defined as
// `<target>_main`), so libFuzzer's own `main` cannot be used. Each target's main.swift calls
// `LLVMFuzzerRunDriver` instead, which is what libFuzzer's `main` does (LLVM 11 and later).
#ifndef CFUZZERDRIVER_H
#define CFUZZERDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer with the command line and the test callback; returns the process exit status.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
