/// A condition on the patient, the order or the other medications, under which a rule applies.
///
/// Evaluated three-valued: a predicate that needs data the request lacks is *unknown*, and the
/// checker says what was missing rather than assuming. See `formulary/README.md` for the keys.
public indirect enum Predicate: Sendable, Hashable {
    /// All hold.
    case all([Predicate])
    /// Any holds.
    case any([Predicate])
    /// Does not hold.
    case not(Predicate)
    /// The patient's modality is one of a bit set of ``DialysisModality``.
    case dialysis(UInt8)
    /// eGFR in range.
    case egfr(NumericRange)
    /// CrCl in range.
    case crcl(NumericRange)
    /// Any kidney-function measure given (CrCl or eGFR) in range; unknown only when neither is given.
    case kidneyFunction(NumericRange)
    /// Age in years in range.
    case age(NumericRange)
    /// Hepatic impairment is one of a bit set of ``HepaticImpairment``.
    case hepatic(UInt8)
    /// The patient has any of these condition ids.
    case conditions([String])
    /// The order's indication is one of these.
    case indications([String])
    /// The order's route is one of a bit set of ``Route``.
    case routes(UInt8)
    /// The order's timing is one of a bit set of ``DialysisTiming``.
    case timings(UInt8)
    /// The order's frequency code is one of these.
    case frequencies([String])
    /// The order is (is not) a scheduled repeating dose.
    case regular(Bool)
    /// No current medication is the same drug (or, false: one is).
    case newStart(Bool)
    /// Some current medication is in the set.
    case current(DrugSet)
    /// No current medication is in the set.
    case notCurrent(DrugSet)
    /// Another proposed order, or a current medication not stopped, is in the set (a dose limit
    /// that applies only alongside an interacting drug: simvastatin with amlodipine).
    case alongside(DrugSet)
    /// The latest result of a lab (index into the formulary's labs), within a window, meets a threshold.
    case lab(test: Int, threshold: Threshold, withinDays: Double?)
    /// No result of a lab within the window.
    case labMissing(test: Int, withinDays: Double)
}
