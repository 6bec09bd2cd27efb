/// A Danish civil registration number (CPR), `DDMMYY-SSSS`.
///
/// The seventh digit and the two-digit year give the century. Since 2007 numbers are issued
/// without a valid modulus-11 check digit, so a failed check is worth a warning, never an error.
public struct CPRNumber: Hashable, Sendable {
    public let digits: String

    /// Accepts `DDMMYYSSSS` and `DDMMYY-SSSS` (spaces around the hyphen tolerated).
    public init?(_ text: String) {
        // Read as bytes: every check of every letter reads the patient's number.
        let digits = text.utf8.filter { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: " ") }
        guard digits.count == 10, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        self.digits = String(decoding: digits, as: UTF8.self)
    }

    private var values: [Int] { digits.utf8.map { Int($0 - UInt8(ascii: "0")) } }

    /// `0000000000` means the number is unknown.
    public var isUnknown: Bool { digits == "0000000000" }

    /// The date of birth, or nil where the number's date is impossible.
    public var birthDate: CalendarDate? {
        let v = values
        let day = v[0] * 10 + v[1], month = v[2] * 10 + v[3], year = v[4] * 10 + v[5]
        return CalendarDate(year: century(seventh: v[6], year: year) + year, month: month, day: day)
    }

    public var passesModulus11: Bool {
        let weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]
        return zip(values, weights).map(*).reduce(0, +) % 11 == 0
    }

    /// The hyphenated form with the serial part masked, for reports that travel: `010858-****`.
    public var masked: String { "\(digits.prefix(6))-****" }

    public var formatted: String { "\(digits.prefix(6))-\(digits.suffix(4))" }

    /// The CPR office's century table.
    private func century(seventh: Int, year: Int) -> Int {
        switch seventh {
        case 0...3: 1900
        case 4, 9: year <= 36 ? 2000 : 1900
        default: year <= 57 ? 2000 : 1800
        }
    }
}
