/// Screens proposed orders against a formulary.
///
/// Immutable and `Sendable`: one checker can screen from many threads at once. ``screen(_:)``
/// is a pure function of the request (and of the clock only when the request has no `asOf`).
public struct Checker: Sendable {
    /// The formulary screened against.
    public let formulary: Formulary
    /// The site's RxNorm map, used to resolve orders coded with clinical-drug RxCUIs.
    public let rxnorm: RxNormMap?

    /// Creates a checker.
    ///
    /// - Parameters:
    ///   - formulary: the formulary.
    ///   - rxnorm: a site's RxNorm map (``RxNormMap``) for orders coded with SCD, SBD, GPCK or BPCK RxCUIs.
    public init(formulary: Formulary, rxnorm: RxNormMap? = nil) {
        self.formulary = formulary
        self.rxnorm = rxnorm
    }

    /// Screens a request.
    ///
    /// Clinical drugs are first resolved to their ingredients and strengths
    /// (``ScreeningRequest/resolvingClinicalDrugs(formulary:rxnorm:)``). Every proposed order gets a result; an order whose drug, unit, route or frequency is not
    /// understood, or that a rule could not be checked on for missing data, is `unscreened` and
    /// carries a finding that says why. Nothing is reported as safe that was not checked.
    ///
    /// - Parameter request: the patient, current medications and proposed orders.
    /// - Returns: the report.
    public func screen(_ request: ScreeningRequest) -> ScreeningReport {
        let request = request.resolvingClinicalDrugs(formulary: formulary, rxnorm: rxnorm)
        let asOf = request.asOf ?? Instant.now()
        let ctx = ScreeningContext(request: request, formulary: formulary, asOf: asOf)
        var run = ScreeningRun(ctx: ctx)
        run.screenOrders()
        run.screenInteractions()
        run.screenDuplicates()
        run.screenCumulative()
        run.screenCascades()
        run.reportCoverage()
        return run.report(formulary: formulary, requestID: request.requestID)
    }
}
