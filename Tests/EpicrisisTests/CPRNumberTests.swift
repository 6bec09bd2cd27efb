import Testing
@testable import Epicrisis

@Suite("CPR numbers")
struct CPRNumberTests {
    @Test("reads both written forms")
    func writtenForms() {
        #expect(CPRNumber("140366-2218")?.digits == "1403662218")
        #expect(CPRNumber("1403662218")?.digits == "1403662218")
        #expect(CPRNumber("14036-62218") != nil)
        #expect(CPRNumber("140366-221") == nil)
        #expect(CPRNumber("14036a-2218") == nil)
    }

    @Test("the seventh digit and the year give the century")
    func century() {
        #expect(CPRNumber("0101583131")?.birthDate?.year == 1958)
        #expect(CPRNumber("0101055131")?.birthDate?.year == 2005)
        #expect(CPRNumber("0101585131")?.birthDate?.year == 1858)
        #expect(CPRNumber("0101364131")?.birthDate?.year == 2036)
        #expect(CPRNumber("0101374131")?.birthDate?.year == 1937)
    }

    @Test("an impossible date has no birth date", arguments: ["3113801234", "3202801234", "0000801234"])
    func invalidDate(_ number: String) {
        #expect(CPRNumber(number)?.birthDate == nil)
    }

    @Test("29 February exists in leap years only")
    func leapDay() {
        #expect(CPRNumber("2902004234")?.birthDate?.description == "2000-02-29")
        // Seventh digit 1 with year 00 is 1900, which was not a leap year.
        #expect(CPRNumber("2902001234")?.birthDate == nil)
        #expect(CPRNumber("2902011234")?.birthDate == nil)
    }

    @Test("modulus 11")
    func modulus11() {
        #expect(CPRNumber("010158-5131")?.passesModulus11 == true)
        #expect(CPRNumber("010180-1234")?.passesModulus11 == false)
    }

    @Test("masking keeps the date and hides the serial")
    func masking() {
        #expect(CPRNumber("1403662218")?.masked == "140366-****")
    }
}
