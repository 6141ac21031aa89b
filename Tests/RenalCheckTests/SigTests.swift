import Testing
import TestSupport

/// The quick-form sig grammar.
struct SigTests {
    @Test func fullSig() throws {
        let e = try Sig.parse("cyclobenzaprine 5 mg po tid for 14 days for muscle-cramps", id: "1")
        #expect(e.drug == .name("cyclobenzaprine"))
        #expect(e.dose == Dose(value: 5, unit: "mg"))
        #expect(e.route == "oral")
        #expect(e.frequency?.code == "tid")
        #expect(e.durationDays == 14)
        #expect(e.indication == "muscle-cramps")
        #expect(e.id == "1")
    }

    @Test func multiWordDrugAndFusedUnit() throws {
        let e = try Sig.parse("calcium carbonate 1250mg po tid")
        #expect(e.drug == .name("calcium carbonate"))
        #expect(e.dose == Dose(value: 1250, unit: "mg"))
    }

    @Test("dialysis timing", arguments: [
        ("before dialysis", "before-dialysis"), ("after dialysis", "after-dialysis"),
        ("during dialysis", "during-dialysis"), ("post hd", "after-dialysis"),
    ])
    func timing(_ words: String, _ timing: String) throws {
        let e = try Sig.parse("gabapentin 300 mg po \(words)")
        #expect(e.timing == timing)
        // A dialysis timing with no frequency means once each session.
        #expect(e.frequency?.code == "each-dialysis")
    }

    @Test func explicitFrequencyWinsOverTheSessionDefault() throws {
        let e = try Sig.parse("gabapentin 100 mg po daily after dialysis")
        #expect(e.frequency?.code == "daily")
        #expect(e.timing == "after-dialysis")
    }

    @Test func nonDialysisDaysDoesNotImplyASessionSchedule() throws {
        let e = try Sig.parse("midodrine 2.5 mg po on non-dialysis days")
        #expect(e.timing == "non-dialysis-days")
        #expect(e.frequency == nil)
    }

    @Test func prnWithMaximum() throws {
        let e = try Sig.parse("shakuyakukanzoto 2.5 g po prn max 3/day")
        #expect(e.frequency?.schedule == .asNeeded(maxPerDay: 3))
    }

    @Test func multiWordFrequencies() throws {
        #expect(try Sig.parse("levocarnitine 1 g iv twice weekly").frequency?.code == "twice-weekly")
        #expect(try Sig.parse("levocarnitine 1 g iv three times weekly").frequency?.code == "thrice-weekly")
        #expect(try Sig.parse("levocarnitine 20 mg/kg iv each dialysis after dialysis").frequency?.code == "each-dialysis")
    }

    @Test("errors name the word", arguments: [
        ("baclofen 10 mg po thrice-daily-ish", "thrice-daily-ish", 5),
        ("baclofen 10 furlongs po", "furlongs", 3),
        ("10 mg", "10", 1),
    ])
    func errorsNameTheWord(_ sig: String, _ word: String, _ position: Int) {
        #expect(throws: SigError.unexpectedWord(sig: sig, word: word, position: position)) { try Sig.parse(sig) }
    }

    @Test("numbers out of range name the word and what it allows", arguments: [
        // The fuzzer's find: a course this long once overflowed the day arithmetic.
        ("cyclobenzaprine 5 mg po tid for 8111111111111111111111111111111111113 days", "8111111111111111111111111111111111113", 7),
        ("baclofen 10 mg po tid for 36501 days", "36501", 7),
        ("baclofen 10 mg po tid x 0 days", "0", 7),
        ("baclofen 0 mg po", "0", 2),
        ("baclofen nan mg po", "nan", 2),
        ("shakuyakukanzoto 2.5 g po prn max 0/day", "0/day", 7),
        ("shakuyakukanzoto 2.5 g po prn max 49/day", "49/day", 7),
    ])
    func numbersOutOfRange(_ sig: String, _ word: String, _ position: Int) throws {
        let error = try #require(throws: SigError.self) { try Sig.parse(sig) }
        guard case .outOfRange(let s, let w, let p, _) = error else { Issue.record("got \(error)"); return }
        #expect(s == sig && w == word && p == position)
        #expect(error.description.contains("'\(word)' is out of range"))
    }

    @Test func longestCourseIsAccepted() throws {
        #expect(try Sig.parse("baclofen 10 mg po tid for 36500 days").durationDays == 36_500)
    }

    @Test func missingDoseAndEmpty() {
        #expect(throws: SigError.missingDose(sig: "baclofen")) { try Sig.parse("baclofen") }
        #expect(throws: SigError.empty) { try Sig.parse("   ") }
    }
}
