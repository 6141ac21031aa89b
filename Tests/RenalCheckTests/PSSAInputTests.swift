import Glibc
import Testing
import TestSupport

@testable import RenalCheck

/// Reading dispensing rows: headers, malformed rows, unknown drugs, quoting, block boundaries,
/// files and errors.
struct PSSAInputTests {
    typealias S = PSSATestSupport

    /// Line 1 header; lines 3, 5, 6, 7, 8, 12 malformed (two fields, bad leap day, empty
    /// patient, five fields, non-numeric supply, unterminated quote — last, since a quoted field
    /// may span lines, RFC 4180); line 9 blank (skipped, not counted); lines 2, 4, 10, 11 valid,
    /// 11 with an unknown drug.
    @Test func countsMalformedRowsWithLineNumbers() throws {
        let text = """
            Patient_ID,drug,date,days_supply
            A,amlodipine,2021-06-01,30
            A,amlodipine
            A,furosemide,2021-06-11,
            B,amlodipine,2021-02-29
            ,amlodipine,2021-06-01
            B,amlodipine,2021-06-01,30,extra
            B,amlodipine,2021-06-01,thirty

            C,metformin,2021-06-01
            C,Mystery Pill,2021-06-02
            B,"amlodipine,2021-06-01
            """
        let result = try PSSAAnalysis(parameters: PSSAParameters(washoutDays: 0))
            .run(csv: text, classifier: S.classifier)
        #expect(result.counts.malformedRows == 6)
        #expect(result.firstMalformedLines == [3, 5, 6, 7, 8, 12])
        #expect(result.counts.validRows == 4)
        #expect(result.counts.dataRows == 10)
        #expect(result.counts.unknownDrugRows == 1)
        #expect(result.unknownDrugs == [PSSAUnknownDrug(name: "Mystery Pill", rows: 1)])
        #expect(result.counts.indexFirst == 1)
    }

    @Test func keepsOnlyTheFirstTenMalformedLineNumbers() throws {
        var text = "A,amlodipine,2021-06-01\n"
        for _ in 0..<25 { text += "garbage\n" }
        let result = try PSSAAnalysis().run(csv: text, classifier: S.classifier)
        #expect(result.counts.malformedRows == 25)
        #expect(result.firstMalformedLines == Array(2...11))
    }

    /// A byte-order mark, CRLF line ends, spaces around fields, quoted fields with commas and
    /// doubled quotes, case-insensitive classification, no final newline, no header.
    @Test func toleratesCommonCSVVariants() throws {
        let text =
            "\u{FEFF}A , AMLODIPINE ,2021-06-01\r\n\"A\",\"furosemide\",2021-06-11\r\n"
            + "B,\"Pill, \"\"special\"\"\",2021-06-01\r\nB,Pill X,2021-06-02\r\nB,Pill X,2021-06-03"
        let result = try PSSAAnalysis(parameters: PSSAParameters(washoutDays: 0))
            .run(csv: text, classifier: S.classifier)
        #expect(result.counts.malformedRows == 0)
        #expect(result.counts.validRows == 5)
        #expect(result.counts.patients == 2)
        #expect(result.counts.indexFirst == 1)
        #expect(
            result.unknownDrugs == [
                PSSAUnknownDrug(name: "Pill X", rows: 2), PSSAUnknownDrug(name: "Pill, \"special\"", rows: 1),
            ])
    }

    /// Tiny blocks force every line across a block boundary and the buffer to grow; the result
    /// must equal the one-block result, with and without the second (continued-exposure) pass.
    @Test(arguments: [1, 16, 17, 33, 100])
    func blockSizeDoesNotChangeTheResult(blockSize: Int) throws {
        for exposure in [nil, 5] as [Int?] {
            var parameters = S.workedExample2Parameters()
            parameters.continuedExposureDays = exposure
            let bytes = Array(S.workedExample2().utf8)
            let analysis = PSSAAnalysis(parameters: parameters)
            let whole = try analysis.run(csvBytes: bytes, classifier: S.classifier)
            let chunked = try analysis.run(csvBytes: bytes, classifier: S.classifier, blockSize: blockSize)
            #expect(whole == chunked)
        }
    }

    /// The file path streams with fread and gives the in-memory result, including the second pass.
    @Test func readsFilesInBlocks() throws {
        let path = "/tmp/pssa-test-\(getpid())-example2.csv"
        let text = S.workedExample2()
        let handle = try #require(fopen(path, "wb"))
        _ = Array(text.utf8).withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        fclose(handle)
        defer { unlink(path) }
        var parameters = S.workedExample2Parameters()
        parameters.continuedExposureDays = 5
        let analysis = PSSAAnalysis(parameters: parameters)
        let fromFile = try analysis.run(csvPath: path, blockSize: 16, classifier: S.classifier)
        let fromDefaultBlocks = try analysis.run(csvPath: path, classifier: S.classifier)
        let fromMemory = try analysis.run(csv: text, classifier: S.classifier)
        #expect(fromFile == fromMemory)
        #expect(fromDefaultBlocks == fromMemory)
        #expect(fromFile.counts.indexFirst == 1)
    }

    @Test func missingFileIsFileNotFound() {
        #expect(throws: PSSAError.fileNotFound(path: "/nonexistent/d.csv")) {
            try PSSAAnalysis().run(csvPath: "/nonexistent/d.csv", classifier: S.classifier)
        }
    }

    @Test func directoryIsUnreadable() {
        do {
            _ = try PSSAAnalysis().run(csvPath: "/tmp", classifier: S.classifier)
            Issue.record("expected an error")
        } catch {
            guard case .unreadable(let path, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == "/tmp")
            #expect(error.code == 2)
        }
    }

    @Test(arguments: ["", "patient_id,drug,date\n", "\n\n", "x\ny\n"])
    func emptyOrAllMalformedDataIsAnError(text: String) {
        #expect(throws: PSSAError.self) {
            try PSSAAnalysis().run(csv: text, classifier: S.classifier)
        }
        do {
            _ = try PSSAAnalysis().run(csv: text, classifier: S.classifier)
        } catch {
            #expect(error.code == 4)
        }
    }
}
