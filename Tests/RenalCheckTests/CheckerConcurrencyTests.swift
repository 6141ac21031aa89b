import Testing
import TestSupport

/// One checker screening from many tasks at once gives the same report every time.
struct CheckerConcurrencyTests {
    @Test func concurrentScreensGiveIdenticalReports() async throws {
        let checker = Checker(formulary: TestFormulary.shipped)
        let req = try request(#"""
        {"asOf": "2026-01-15T12:00:00Z",
         "patient": {"ageYears": 72, "weightKg": 61, "kidney": {"dialysis": "hemodialysis"}, "conditions": [],
                     "labs": [{"test": "magnesium", "value": 0.6, "unit": "mmol/L", "at": "2026-01-10"}]},
         "medications": [{"drug": "atorvastatin", "dose": {"value": 40, "unit": "mg"}, "route": "oral", "frequency": "daily"},
                         {"drug": "Unknown Tea"}],
         "orders": [{"id": "o1", "drug": "baclofen", "dose": {"value": 10, "unit": "mg"}, "route": "oral", "frequency": "tid"},
                    {"id": "o2", "drug": "gabapentin", "dose": {"value": 300, "unit": "mg"}, "route": "oral", "frequency": "daily"},
                    {"id": "o3", "drug": "quinine", "dose": {"value": 300, "unit": "mg"}, "route": "oral", "frequency": "qhs", "indication": "muscle-cramps"},
                    {"id": "o4", "drug": "not-a-drug"}]}
        """#)
        let expected = checker.screen(req).jsonBytes()
        #expect(expected.count > 500)
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var bad = 0
                    for _ in 0..<200 where checker.screen(req).jsonBytes() != expected { bad += 1 }
                    return bad
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
