/// The second pass, run only when a continued-exposure interval is set.
///
/// For every candidate case it finds the latest dispensing of the first-started drug on or
/// before the day the second drug started. Memory: one day per patient.
struct PSSAContinuedExposurePass: PSSALineConsumer {
    /// Per patient: 1 when the index drug started first, 2 when the marker did, 0 when the
    /// patient is not a candidate.
    let firstDrug: [UInt8]
    /// Per patient: the day the second drug started (days since epoch).
    let secondStart: [Int32]
    let patients: PSSAByteKeyTable
    let drugs: PSSAByteKeyTable
    let drugRoles: [PSSADrugRole]
    /// Per patient: the latest first-drug dispensing day on or before ``secondStart``.
    var latestFirstDrugDay: [Int32]

    init(
        firstDrug: [UInt8], secondStart: [Int32], patients: PSSAByteKeyTable,
        drugs: PSSAByteKeyTable, drugRoles: [PSSADrugRole]
    ) {
        self.firstDrug = firstDrug
        self.secondStart = secondStart
        self.patients = patients
        self.drugs = drugs
        self.drugRoles = drugRoles
        self.latestFirstDrugDay = Array(repeating: .min, count: firstDrug.count)
    }

    mutating func consume(line: UnsafeMutableBufferPointer<UInt8>, number: Int) {
        var line = line
        if number == 1, line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF {
            line = UnsafeMutableBufferPointer(rebasing: line[3...])
        }
        if number == 1, PSSARowParser.isHeader(line) { return }
        // Header, blank and malformed lines were counted in the first pass; skip them.
        guard case .row(let row) = PSSARowParser.parse(line),
            let drug = drugs.find(row.drug)
        else { return }
        let role = drugRoles[drug]
        guard role.isIndex || role.isMarker, let patient = patients.find(row.patient) else { return }
        let first = firstDrug[patient]
        guard first != 0 else { return }
        let matchesFirst = first == 1 ? role.isIndex : role.isMarker
        let day = row.day.daysSinceEpoch
        if matchesFirst, day <= secondStart[patient], day > latestFirstDrugDay[patient] {
            latestFirstDrugDay[patient] = day
        }
    }
}
