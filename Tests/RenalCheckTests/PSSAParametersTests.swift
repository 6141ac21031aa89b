import Testing
import TestSupport

@testable import RenalCheck

struct PSSAParametersTests {
    @Test func defaultsFollowTheNotes() throws {
        let parameters = PSSAParameters()
        #expect(parameters.washoutDays == 365)
        #expect(parameters.windowDays == 365)
        #expect(parameters.blackoutDays == 0)
        #expect(parameters.continuedExposureDays == nil)
        #expect(parameters.nullWindow == .sameAsWindow)
        #expect(parameters.intervalMethod == .clopperPearson)
        try parameters.validate()
    }

    @Test(arguments: [
        (PSSAParameters(washoutDays: -1), "washout"),
        (PSSAParameters(windowDays: 0), "window"),
        (PSSAParameters(windowDays: -30), "window"),
        (PSSAParameters(blackoutDays: -2), "blackout"),
        (PSSAParameters(windowDays: 30, blackoutDays: 30), "blackout"),
        (PSSAParameters(continuedExposureDays: -1), "continued-exposure"),
        (PSSAParameters(blackoutDays: 10, nullWindow: .days(10)), "nsr-window"),
        (PSSAParameters(washoutDays: 1_000_000), "washout"),
        (PSSAParameters(start: CalendarDay(iso: "2021-01-02"), end: CalendarDay(iso: "2021-01-01")), "end"),
    ])
    func rejectsImpossibleParameters(parameters: PSSAParameters, name: String) {
        do {
            try parameters.validate()
            Issue.record("expected \(name) to be rejected")
        } catch {
            guard case .invalidParameter(let rejected, _, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(rejected == name)
            #expect(error.code == 3)
        }
    }

    @Test func analysisValidatesBeforeReading() {
        #expect(throws: PSSAError.self) {
            try PSSAAnalysis(parameters: PSSAParameters(windowDays: -1))
                .run(csvPath: "/nonexistent", classifier: PSSATestSupport.classifier)
        }
    }

    /// A start after every dispensing leaves end (the data's last day) before the start.
    @Test func emptyStudyPeriodIsAParameterError() {
        let text = "A,amlodipine,2021-01-01\n"
        #expect(
            throws: PSSAError.invalidParameter(
                name: "start", value: "2022-01-01",
                reason: "leaves an empty study period for data from 2022-01-01 to 2021-01-01")
        ) {
            try PSSAAnalysis(parameters: PSSAParameters(start: CalendarDay(iso: "2022-01-01")))
                .run(csv: text, classifier: PSSATestSupport.classifier)
        }
    }
}
