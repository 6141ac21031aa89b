import RenalCheck

/// What a `renalcheck_checker_t *` points to: a loaded formulary and its checker.
///
/// Immutable and `Sendable`, so one handle may be used from many threads at once. The C host
/// owns one retain (taken by `renalcheck_checker_create`, released by `renalcheck_checker_free`).
final class CheckerHandle: Sendable {
    /// The checker.
    let checker: Checker

    /// Creates a handle for a formulary, with a site's RxNorm map if given.
    init(formulary: Formulary, rxnorm: RxNormMap? = nil) { checker = Checker(formulary: formulary, rxnorm: rxnorm) }

    /// The handle behind an opaque pointer (not retained).
    static func from(_ pointer: OpaquePointer) -> CheckerHandle {
        Unmanaged<CheckerHandle>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue()
    }

    /// A retained opaque pointer to a new handle.
    func retainedPointer() -> OpaquePointer { OpaquePointer(Unmanaged.passRetained(self).toOpaque()) }

    /// Releases the retain taken by ``retainedPointer()``.
    static func release(_ pointer: OpaquePointer) {
        Unmanaged<CheckerHandle>.fromOpaque(UnsafeRawPointer(pointer)).release()
    }
}
