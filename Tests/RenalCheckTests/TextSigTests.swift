import Testing
import TestSupport

/// Frequencies and doses written as text (FHIR timing.code.text, dosageInstruction.text).
struct TextSigTests {
    @Test(arguments: [
        ("3 times daily", 3.0), ("three times a day", 3), ("Take 1 capsule by mouth 3 times daily", 3), ("twice daily", 2),
        ("once daily", 1), ("TID", 3), ("every 8 hours", 3), ("q 6 h", 4), ("4 times per day", 4), ("daily", 1),
        ("at bedtime", 1), ("5 times a day", 5),
    ])
    func readsDailySchedules(text: String, perDay: Double) throws {
        let f = try #require(Sig.frequency(fromText: text))
        #expect(f.dosesPerDay(sessionsPerWeek: 3) == perDay)
    }

    @Test func readsWeeklyDialysisAndAsNeeded() throws {
        #expect(Sig.frequency(fromText: "3 times weekly")?.schedule == .every(times: 3, per: .week))
        #expect(Sig.frequency(fromText: "once a week")?.schedule == .every(times: 1, per: .week))
        #expect(Sig.frequency(fromText: "after each dialysis session")?.code == "each-dialysis")
        #expect(Sig.frequency(fromText: "as needed for cramps")?.code == "prn")
        #expect(Sig.frequency(fromText: "use as directed") == nil)
        #expect(Sig.frequency(fromText: "") == nil)
    }

    @Test func readsDoses() {
        #expect(Sig.dose(fromText: "Take 1 capsule by mouth 3 times daily") == Dose(value: 1, unit: "capsule"))
        #expect(Sig.dose(fromText: "take two tablets at night") == Dose(value: 2, unit: "tablet"))
        #expect(Sig.dose(fromText: "300mg three times daily") == Dose(value: 300, unit: "mg"))
        #expect(Sig.dose(fromText: "use as directed") == nil)
    }

    @Test func anEpicStyleTextTimingIsRead() throws {
        let dosage = #"{"timing": {"code": {"coding": [{"system": "urn:oid:1.2.840.114350.1.13.0.1.7.4.798268.300", "code": "200023"}], "text": "3 times daily"}}, "doseAndRate": [{"doseQuantity": {"value": 300, "unit": "mg", "system": "http://unitsofmeasure.org", "code": "mg"}}]}"#
        let r = try FHIRRequestTests.decode(FHIRRequestTests.bundle([FHIRRequestTests.order("g", concept: FHIRRequestTests.rxnorm("25480"), dosage: dosage)]))
        #expect(r.orders.first?.frequency?.code == "tid")
        #expect(r.provenance["orders[0].frequency"] == "timing.code text \"3 times daily\"")
    }

    @Test func anUnreadableTextLeavesTheOrderUnscreenedWithTheTextQuoted() throws {
        let dosage = #"{"text": "use as directed by your nephrologist"}"#
        let r = try FHIRRequestTests.decode(FHIRRequestTests.bundle([FHIRRequestTests.order("g", concept: FHIRRequestTests.rxnorm("25480"), dosage: dosage)]))
        #expect(r.orders.first?.unrecognizedFrequency == "\"use as directed by your nephrologist\"")
        let report = Checker(formulary: TestFormulary.shipped).screen(r)
        #expect(report.orders.first?.status == .unscreened)
        #expect(report.findings.contains { $0.detail.contains("use as directed by your nephrologist") })
    }

    @Test func aTextOnlyDosageGivesDoseAndFrequency() throws {
        let dosage = #"{"text": "Take 1 tablet by mouth three times a day", "patientInstruction": "with food"}"#
        let r = try FHIRRequestTests.decode(FHIRRequestTests.bundle([FHIRRequestTests.order("b", concept: FHIRRequestTests.rxnorm("197391", display: "baclofen 10 MG Oral Tablet"), dosage: dosage)]))
        let o = try #require(r.orders.first)
        #expect(o.dose == Dose(value: 1, unit: "tablet"))
        #expect(o.frequency?.code == "tid")
        let resolved = r.resolvingClinicalDrugs(formulary: TestFormulary.shipped)
        #expect(resolved.orders.first?.dose == Dose(value: 10, unit: "mg"))
        #expect(resolved.orders.first?.drug == .name("baclofen"))
    }
}
