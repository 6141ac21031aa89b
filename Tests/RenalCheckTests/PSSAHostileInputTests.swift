import Glibc
import Testing
import TestSupport

@testable import RenalCheck

/// Issue 12: PSSA input that once grew without bound, lost data or passed quietly.
struct PSSAHostileInputTests {
    typealias S = PSSATestSupport

    @Test func aQuotedNewlineIsOneRowNotTwoMalformedOnes() throws {
        let text = "patient_id,drug,date\nA,\"amlo\ndipine\",2021-06-01\nA,amlodipine,2021-06-02\n"
        let result = try PSSAAnalysis(parameters: PSSAParameters(washoutDays: 0)).run(csvBytes: Array(text.utf8), classifier: S.classifier, blockSize: 16)
        #expect(result.counts.malformedRows == 0)
        #expect(result.counts.dataRows == 2)
    }

    @Test func oneEndlessLineIsAnErrorNotAGigabyte() {
        let text = Array(repeating: UInt8(ascii: "x"), count: PSSAByteSource.maxLineBytes + 10)
        #expect(throws: PSSAError.lineTooLong(line: 1, limit: PSSAByteSource.maxLineBytes)) {
            _ = try PSSAAnalysis(parameters: PSSAParameters(washoutDays: 0)).run(csvBytes: text, classifier: S.classifier, blockSize: 1 << 16)
        }
    }

    @Test func tooManyMalformedRowsIsAnErrorWhenAThresholdIsSet() {
        var p = PSSAParameters(washoutDays: 0)
        p.maxMalformedFraction = 0.05
        let text = "A,amlodipine,2021-06-01\nB,x\nC,y\n"
        #expect(throws: PSSAError.tooManyMalformedRows(malformed: 2, rows: 3, limitPercent: 5)) {
            _ = try PSSAAnalysis(parameters: p).run(csv: text, classifier: S.classifier)
        }
    }

    @Test func aPipeIsRefusedForContinuedExposure() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]); close(fds[1]) }
        let p = PSSAParameters(washoutDays: 0, continuedExposureDays: 30)
        #expect(throws: PSSAError.needsRegularFile(path: "/proc/self/fd/\(fds[0])")) {
            _ = try PSSAAnalysis(parameters: p).run(csvPath: "/proc/self/fd/\(fds[0])", classifier: S.classifier)
        }
    }

    /// Unique unknown drug strings beyond the remembered limit are counted, not stored.
    @Test func uniqueDrugStringsDoNotGrowMemoryWithRows() throws {
        let n = PSSAFirstPass.maxRememberedDrugs + 500
        var text = "A,amlodipine,2021-06-01\n"
        for i in 0..<n { text += "P\(i % 7),unknown-\(i),2021-06-02\n" }
        let result = try PSSAAnalysis(parameters: PSSAParameters(washoutDays: 0)).run(csv: text, classifier: S.classifier)
        #expect(result.counts.unknownDrugRows == n)
        #expect(result.unknownDrugs.count == PSSAFirstPass.maxRememberedDrugs)
        #expect(result.unknownDrugs.last?.rows == n - (PSSAFirstPass.maxRememberedDrugs - 1))
    }
}
