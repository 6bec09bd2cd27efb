/// Parses the ways Danish letters write dates: `12.03.2024`, `12-03-2024`, `12/3-2024`,
/// `2024-03-12`, `12. marts 2024`, `12. mar. 2024`, and two-digit years (`12.03.24`).
public enum DanishDate {
    private static let months: [(String, Int)] = [
        ("januar", 1), ("februar", 2), ("marts", 3), ("april", 4), ("maj", 5), ("juni", 6), ("juli", 7),
        ("august", 8), ("september", 9), ("oktober", 10), ("november", 11), ("december", 12),
    ]

    /// The first date in `text`, with its character offset.
    public static func firstDate(in text: String) -> (date: CalendarDate, offset: Int)? {
        allDates(in: text, first: true).first
    }

    /// Every date in `text`, left to right, with their character offsets.
    static func allDates(in text: String) -> [(date: CalendarDate, offset: Int)] {
        allDates(in: text, first: false)
    }

    private static func allDates(in text: String, first: Bool) -> [(date: CalendarDate, offset: Int)] {
        withCharacterBytes(of: text) { allDates(in: $0, first: first) } ?? allDates(in: Array(text)[...], first: first)
    }

    /// `body` on the text's UTF-8 where a byte is a character (ASCII, and no CR, which with LF
    /// makes one), else nil: most dates are in such text, and splitting it into `Character`s
    /// cost more than the rest.
    private static func withCharacterBytes<Result>(of text: String, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> Result) -> Result? {
        var text = text
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 && $0 != 13 } ? body(bytes[...]) : nil }
    }

    /// The dates in `units`, with their offsets from its start: one after another, each searched
    /// for past the one before.
    private static func allDates<Units: RandomAccessCollection>(in units: Units, first: Bool) -> [(date: CalendarDate, offset: Int)]
    where Units.Index == Int, Units.SubSequence == Units, Units.Element: DateUnit {
        var result: [(date: CalendarDate, offset: Int)] = []
        var consumed = 0
        while let (date, offset) = firstDate(in: units[(units.startIndex + consumed)...]) {
            result.append((date, consumed + offset))
            let skip = offset + 8
            guard !first, skip < units.count - consumed else { break }
            consumed += skip
        }
        return result
    }

    /// The first date in `units`, with its offset from their start.
    private static func firstDate<Units: RandomAccessCollection>(in units: Units) -> (date: CalendarDate, offset: Int)?
    where Units.Index == Int, Units.SubSequence == Units, Units.Element: DateUnit {
        var index = units.startIndex
        while index < units.endIndex {
            if units[index].digitValue != nil,
               index == units.startIndex || !units[index - 1].isNumber {
                if let date = parsePrefix(units[index...].prefix(24)) { return (date, index - units.startIndex) }
            }
            index += 1
        }
        return nil
    }

    /// Parses a string that is exactly one date (surrounding spaces allowed).
    public static func parse(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingSpaces
        return withCharacterBytes(of: trimmed) { parsePrefix($0) } ?? parsePrefix(Array(trimmed)[...])
    }

    private static func parsePrefix<Units: RandomAccessCollection>(_ text: Units) -> CalendarDate?
    where Units.Index == Int, Units.SubSequence == Units, Units.Element: DateUnit {
        var scanner = DateScanner(text)
        guard let first = scanner.number(maxDigits: 4) else { return nil }
        if first.digits == 4 {
            // ISO: 2024-03-12
            guard scanner.separator(in: "-"), let month = scanner.number(maxDigits: 2),
                  scanner.separator(in: "-"), let day = scanner.number(maxDigits: 2) else { return nil }
            return CalendarDate(year: first.value, month: month.value, day: day.value)
        }
        guard first.digits <= 2 else { return nil }
        if scanner.separator(in: ".-/"), let month = scanner.number(maxDigits: 2),
           scanner.separator(in: ".-/"), let year = scanner.number(maxDigits: 4), year.digits == 2 || year.digits == 4 {
            return CalendarDate(year: fullYear(year), month: month.value, day: first.value)
        }
        // 12. marts 2024
        var words = DateScanner(text)
        _ = words.number(maxDigits: 2)
        _ = words.separator(in: ".")
        words.skipSpaces()
        guard let name = words.word(), let month = monthNumber(name) else { return nil }
        _ = words.separator(in: ".")
        words.skipSpaces()
        guard let year = words.number(maxDigits: 4), year.digits == 4 else { return nil }
        return CalendarDate(year: year.value, month: month, day: first.value)
    }

    private static func fullYear(_ year: (value: Int, digits: Int)) -> Int {
        guard year.digits == 2 else { return year.value }
        // Two-digit years in letters are recent: 00–69 is this century.
        return year.value < 70 ? 2000 + year.value : 1900 + year.value
    }

    private static func monthNumber(_ word: String) -> Int? {
        let lower = word.lowercased()
        guard lower.count >= 3 else { return nil }
        return months.first { $0.0 == lower || ($0.0.hasPrefix(lower) && lower.count >= 3) }?.1
    }
}

/// What a date is read from: the characters of a text, or the bytes of an ASCII one.
protocol DateUnit {
    var asciiValue: UInt8? { get }
    var isLetter: Bool { get }
    var isNumber: Bool { get }
    var character: Character { get }
}

extension DateUnit {
    /// The value of an ASCII digit, without looking up the unit's properties.
    @inline(__always)
    var digitValue: Int? {
        guard let ascii = asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return Int(ascii - 48)
    }
}

extension Character: DateUnit {
    var character: Character { self }
}

/// A byte of ASCII text, which is its own character.
extension UInt8: DateUnit {
    var asciiValue: UInt8? { self < 0x80 ? self : nil }
    var isLetter: Bool { (65...90).contains(self) || (97...122).contains(self) }
    var isNumber: Bool { (48...57).contains(self) }
    var character: Character { Character(Unicode.Scalar(self)) }
}

/// A tiny cursor over the characters of a date.
private struct DateScanner<Units: RandomAccessCollection> where Units.Index == Int, Units.Element: DateUnit {
    private let characters: Units
    private var index: Int

    init(_ text: Units) {
        characters = text
        index = text.startIndex
    }

    mutating func number(maxDigits: Int) -> (value: Int, digits: Int)? {
        var value = 0
        var digits = 0
        while index < characters.endIndex, digits < maxDigits, let digit = characters[index].digitValue {
            value = value * 10 + digit
            digits += 1
            index += 1
        }
        if index < characters.endIndex, characters[index].digitValue != nil { return nil }
        return digits > 0 ? (value, digits) : nil
    }

    /// Steps over one of the ASCII characters of `allowed`, if one is next. (Compared as bytes:
    /// a variadic list of characters cost an allocation and string comparisons on every call.)
    mutating func separator(in allowed: StaticString) -> Bool {
        guard index < characters.endIndex, let ascii = characters[index].asciiValue else { return false }
        let found = allowed.withUTF8Buffer { $0.contains(ascii) }
        if found { index += 1 }
        return found
    }

    mutating func skipSpaces() {
        while index < characters.endIndex, characters[index].asciiValue == 32 { index += 1 }
    }

    mutating func word() -> String? {
        var letters = ""
        while index < characters.endIndex, characters[index].isLetter {
            letters.append(characters[index].character)
            index += 1
        }
        return letters.isEmpty ? nil : letters
    }
}
