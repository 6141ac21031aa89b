/// Turns each patient's first index and marker days into incidence, exclusions and cases
/// (cascades.md §4.1), and fills the day histograms for SRnull.
///
/// For a patient who used a drug by the study end, the first dispensing is incident when it
/// falls on or after `incidenceStart` (study start + washout), prevalent otherwise. Patients who
/// used both drugs are then assigned to the first matching outcome: not incident (either is
/// prevalent), tie (same day), outside the window (|gap| > window), in the blackout
/// (|gap| ≤ blackout), a continued-exposure candidate (when that rule is set), or a case.
struct PSSACohortEvaluator {
    let parameters: PSSAParameters
    /// Days since epoch of the first incident day and of the study end.
    let incidenceStart: Int
    let studyEnd: Int

    var counts: PSSACounts
    var nullEffect: PSSANullEffectCalculator
    /// Per patient, filled only with continued exposure: see ``PSSAContinuedExposurePass``.
    var firstDrug: [UInt8] = []
    var secondStart: [Int32] = []

    init(parameters: PSSAParameters, incidenceStart: Int, studyEnd: Int, counts: PSSACounts) {
        self.parameters = parameters
        self.incidenceStart = incidenceStart
        self.studyEnd = studyEnd
        self.counts = counts
        self.nullEffect = PSSANullEffectCalculator(dayCount: max(0, studyEnd - incidenceStart + 1))
    }

    /// The number of continued-exposure candidates found by ``evaluate(firstIndex:firstMarker:)``.
    private(set) var candidates = 0

    /// Classifies every patient.
    mutating func evaluate(firstIndex: [Int32], firstMarker: [Int32]) {
        counts.patients = firstIndex.count
        let needsSecondPass = parameters.continuedExposureDays != nil
        if needsSecondPass {
            firstDrug = Array(repeating: 0, count: firstIndex.count)
            secondStart = Array(repeating: 0, count: firstIndex.count)
        }
        for patient in firstIndex.indices {
            let indexDay = Int(firstIndex[patient])
            let markerDay = Int(firstMarker[patient])
            let usesIndex = firstIndex[patient] != PSSAFirstPass.none && indexDay <= studyEnd
            let usesMarker = firstMarker[patient] != PSSAFirstPass.none && markerDay <= studyEnd
            let incidentIndex = usesIndex && indexDay >= incidenceStart
            let incidentMarker = usesMarker && markerDay >= incidenceStart
            if usesIndex {
                if incidentIndex {
                    counts.incidentIndexUsers += 1
                    nullEffect.addIndexInitiation(day: indexDay - incidenceStart)
                } else {
                    counts.prevalentIndexUsers += 1
                }
            }
            if usesMarker {
                if incidentMarker {
                    counts.incidentMarkerUsers += 1
                    nullEffect.addMarkerInitiation(day: markerDay - incidenceStart)
                } else {
                    counts.prevalentMarkerUsers += 1
                }
            }
            guard usesIndex, usesMarker else { continue }
            guard incidentIndex, incidentMarker else {
                counts.notIncident += 1
                continue
            }
            let gap = markerDay - indexDay
            if gap == 0 {
                counts.ties += 1
            } else if abs(gap) > parameters.windowDays {
                counts.outsideWindow += 1
            } else if abs(gap) <= parameters.blackoutDays {
                counts.inBlackout += 1
            } else if needsSecondPass {
                firstDrug[patient] = gap > 0 ? 1 : 2
                secondStart[patient] = Int32(max(indexDay, markerDay))
                candidates += 1
            } else if gap > 0 {
                counts.indexFirst += 1
            } else {
                counts.markerFirst += 1
            }
        }
    }

    /// Applies the continued-exposure rule to the candidates, given the second pass's latest
    /// first-drug day per patient.
    mutating func applyContinuedExposure(latestFirstDrugDay: [Int32]) {
        guard let limit = parameters.continuedExposureDays else { return }
        for patient in firstDrug.indices where firstDrug[patient] != 0 {
            let latest = latestFirstDrugDay[patient]
            if latest != .min, Int(secondStart[patient]) - Int(latest) <= limit {
                if firstDrug[patient] == 1 { counts.indexFirst += 1 } else { counts.markerFirst += 1 }
            } else {
                counts.noContinuedExposure += 1
            }
        }
    }
}
