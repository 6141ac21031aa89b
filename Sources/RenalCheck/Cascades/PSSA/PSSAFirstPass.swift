/// The first (and usually only) pass over the dispensing data.
///
/// For each patient it keeps just the first index day and the first marker day, so memory is
/// proportional to patients. It also records the data's date span, the malformed rows, and the
/// rows per distinct drug string (classified once, then cached by byte string).
struct PSSAFirstPass: PSSALineConsumer {
    /// "No dispensing yet" for the first-day arrays.
    static let none = Int32.max

    let classifier: any PSSADrugClassifier
    /// Patient id → dense patient number.
    var patients = PSSAByteKeyTable(initialCapacity: 1 << 14)
    /// Per patient: the first index dispensing day (days since epoch), or ``none``.
    var firstIndex: [Int32] = []
    /// Per patient: the first marker dispensing day, or ``none``.
    var firstMarker: [Int32] = []
    /// Drug string → dense drug number.
    var drugs = PSSAByteKeyTable(initialCapacity: 256)
    /// Per drug number: the classifier's answer.
    var drugRoles: [PSSADrugRole] = []
    /// Per drug number: well-formed rows naming it.
    var drugRows: [Int] = []
    /// The earliest and latest dispensing day among well-formed rows.
    var earliestDay = Int32.max
    var latestDay = Int32.min
    var counts = PSSACounts()
    var firstMalformedLines: [Int] = []

    init(classifier: any PSSADrugClassifier) {
        self.classifier = classifier
    }

    mutating func consume(line: UnsafeMutableBufferPointer<UInt8>, number: Int) {
        var line = line
        if number == 1 {
            // Skip a UTF-8 byte-order mark, then a header line.
            if line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF {
                line = UnsafeMutableBufferPointer(rebasing: line[3...])
            }
            if PSSARowParser.isHeader(line) { return }
        }
        switch PSSARowParser.parse(line) {
        case .blank:
            return
        case .malformed:
            counts.dataRows += 1
            counts.malformedRows += 1
            if firstMalformedLines.count < PSSAResult.maximumReportedMalformedLines {
                firstMalformedLines.append(number)
            }
        case .row(let row):
            counts.dataRows += 1
            counts.validRows += 1
            record(row)
        }
    }

    /// Most distinct drug strings remembered. Beyond it, index and marker drugs are still
    /// remembered (the second pass needs them) but other strings are classified row by row and
    /// counted without their names, so memory grows with patients, not rows (10^7 rows with a
    /// unique drug string each once reached 1.9 GB).
    static let maxRememberedDrugs = 50_000

    /// Rows naming a drug string not remembered (beyond ``maxRememberedDrugs``).
    var unlistedUnknownRows = 0

    /// The number of a drug string (classifying and caching it on first sight), or nil for a
    /// string that is neither index nor marker once ``maxRememberedDrugs`` strings are remembered.
    mutating func drugNumber(_ name: UnsafeBufferPointer<UInt8>) -> Int? {
        if drugRoles.count >= Self.maxRememberedDrugs, drugs.find(name) == nil {
            let role = classifier.role(ofDrugNamed: String(decoding: name, as: UTF8.self))
            guard role.isIndex || role.isMarker else { return nil }
        }
        let (id, inserted) = drugs.findOrInsert(name)
        if inserted {
            drugRoles.append(classifier.role(ofDrugNamed: String(decoding: name, as: UTF8.self)))
            drugRows.append(0)
        }
        return id
    }

    private mutating func record(_ row: PSSARow) {
        let day = row.day.daysSinceEpoch
        if day < earliestDay { earliestDay = day }
        if day > latestDay { latestDay = day }
        let role: PSSADrugRole
        if let drug = drugNumber(row.drug) {
            drugRows[drug] += 1
            role = drugRoles[drug]
        } else {
            role = classifier.role(ofDrugNamed: String(decoding: row.drug, as: UTF8.self))
            if role == .unknown { unlistedUnknownRows += 1 }
        }
        if role == .unknown { counts.unknownDrugRows += 1 }
        let (patient, inserted) = patients.findOrInsert(row.patient)
        if inserted {
            firstIndex.append(Self.none)
            firstMarker.append(Self.none)
        }
        if role.isIndex, day < firstIndex[patient] { firstIndex[patient] = day }
        if role.isMarker, day < firstMarker[patient] { firstMarker[patient] = day }
    }

    /// The unknown drug names with their row counts, most rows first, then by name.
    func unknownDrugs() -> [PSSAUnknownDrug] {
        var result: [PSSAUnknownDrug] = []
        for id in drugRoles.indices where drugRoles[id] == .unknown {
            result.append(
                PSSAUnknownDrug(name: String(decoding: drugs.key(id), as: UTF8.self), rows: drugRows[id]))
        }
        result.sort { ($0.rows, $1.name) > ($1.rows, $0.name) }
        if unlistedUnknownRows > 0 {
            result.append(PSSAUnknownDrug(name: "(more names than \(Self.maxRememberedDrugs), not listed)", rows: unlistedUnknownRows))
        }
        return result
    }
}
