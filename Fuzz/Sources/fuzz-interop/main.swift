#if canImport(Glibc)
import Glibc
#endif
import CFuzzerDriver

// libFuzzer's driver with this target's LLVMFuzzerTestOneInput (see CFuzzerDriver.h for why).
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, { data, size in fuzzInterop(data, size) }))
