import Testing
import TestSupport

@testable import RenalCheck

struct CalendarDayTests {
    @Test func epochIsDayZero() throws {
        let day = try #require(CalendarDay(iso: "1970-01-01"))
        #expect(day.daysSinceEpoch == 0)
        #expect(day.description == "1970-01-01")
    }

    @Test(arguments: [
        ("2020-06-01", Int32(18_414)), ("1969-12-31", -1), ("2000-02-29", 11_016),
        ("2024-12-31", 20_088), ("0000-03-01", -719_468), ("9999-12-31", 2_932_896),
    ])
    func knownDays(iso: String, days: Int32) throws {
        let day = try #require(CalendarDay(iso: iso))
        #expect(day.daysSinceEpoch == days)
        #expect(CalendarDay(daysSinceEpoch: days).description == iso)
    }

    @Test(arguments: [
        "2021-02-29", "1900-02-29", "2020-13-01", "2020-00-10", "2020-04-31", "2020-01-00",
        "2020-1-01", "2020/01/01", "20200101", "2020-01-011", " 2020-01-01", "2020-01-0a", "",
    ])
    func rejectsInvalidText(iso: String) {
        #expect(CalendarDay(iso: iso) == nil)
    }

    @Test func acceptsLeapDays() {
        #expect(CalendarDay(iso: "2000-02-29") != nil)
        #expect(CalendarDay(iso: "2024-02-29") != nil)
        #expect(CalendarDay.isLeapYear(1900) == false)
    }

    @Test func parsesByteSlices() throws {
        let bytes = Array("x,2020-03-31,y".utf8)
        let day = try #require(CalendarDay(isoUTF8: bytes[2..<12]))
        #expect(day.description == "2020-03-31")
    }

    @Test func roundTripsEveryDayAcrossFourHundredYears() {
        let first = CalendarDay(iso: "1900-01-01")!.daysSinceEpoch
        for days in first..<(first + 146_097) {
            let text = CalendarDay(daysSinceEpoch: days).description
            #expect(CalendarDay(iso: text)?.daysSinceEpoch == days)
        }
    }

    @Test func arithmeticAndOrdering() throws {
        let start = try #require(CalendarDay(iso: "2020-01-01"))
        #expect((start + 90).description == "2020-03-31")
        #expect((start - 1).description == "2019-12-31")
        #expect(CalendarDay(iso: "2020-12-31")! - start == 365)
        #expect(start < start + 1)
        #expect((CalendarDay(daysSinceEpoch: .max) + 5).daysSinceEpoch == .max)
    }

    @Test func digitsReadsASCIIDecimals() {
        let bytes = Array("12:3x".utf8)
        #expect(CalendarDay.digits(bytes[0..<2]) == 12)
        #expect(CalendarDay.digits(bytes[2..<4]) == nil)
        #expect(CalendarDay.digits(bytes[0..<0]) == nil)
        #expect(CalendarDay.daysIn(month: 2, year: 2024) == 29)
    }
}
