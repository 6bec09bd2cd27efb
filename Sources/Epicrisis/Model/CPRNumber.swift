/// A Danish civil registration number (CPR), `DDMMYY-SSSS`.
///
/// The seventh digit and the two-digit year give the century. Since 2007 numbers are issued
/// without a valid modulus-11 check digit, so a failed check is worth a warning, never an error.
public struct CPRNumber: Hashable, Sendable {
    public let digits: String

    /// Accepts `DDMMYYSSSS` and `DDMMYY-SSSS` (spaces around the hyphen tolerated).
    public init?(_ text: String) {
        // Read as bytes into ten places, no array: every check of every letter reads the
        // patient's number, and ten digits make a string that needs no allocation either.
        var places: (UInt64, UInt64) = (0, 0)
        let digits = withUnsafeMutableBytes(of: &places) { places -> String? in
            var count = 0
            for byte in text.utf8 where byte != UInt8(ascii: "-") && byte != UInt8(ascii: " ") {
                guard count < 10, byte.isNumber else { return nil }
                places[count] = byte
                count += 1
            }
            guard count == 10 else { return nil }
            return String(decoding: UnsafeRawBufferPointer(rebasing: places[..<10]), as: UTF8.self)
        }
        guard let digits else { return nil }
        self.digits = digits
    }

    /// The digit at each place.
    private func value(_ place: Int) -> Int {
        Int(digits.utf8[digits.utf8.index(digits.utf8.startIndex, offsetBy: place)] - UInt8(ascii: "0"))
    }

    /// `0000000000` means the number is unknown.
    public var isUnknown: Bool { digits == "0000000000" }

    /// The date of birth, or nil where the number's date is impossible.
    public var birthDate: CalendarDate? {
        let day = value(0) * 10 + value(1), month = value(2) * 10 + value(3), year = value(4) * 10 + value(5)
        return CalendarDate(year: century(seventh: value(6), year: year) + year, month: month, day: day)
    }

    public var passesModulus11: Bool {
        let weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]
        return weights.indices.reduce(0) { $0 + value($1) * weights[$1] } % 11 == 0
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
