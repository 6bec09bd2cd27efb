/// Parses the ways Danish letters write dates: `12.03.2024`, `12-03-2024`, `12/3-2024`,
/// `2024-03-12`, `12. marts 2024`, `12. mar. 2024`, and two-digit years (`12.03.24`).
public enum DanishDate {
    private static let months: [(String, Int)] = [
        ("januar", 1), ("februar", 2), ("marts", 3), ("april", 4), ("maj", 5), ("juni", 6), ("juli", 7),
        ("august", 8), ("september", 9), ("oktober", 10), ("november", 11), ("december", 12),
    ]

    /// The first date in `text`, with its character offset.
    public static func firstDate(in text: String) -> (date: CalendarDate, offset: Int)? {
        firstDate(in: Array(text)[...])
    }

    /// The first date in `characters`, with its offset from their start; a header line's dates
    /// are read one after another from the same characters.
    static func firstDate(in characters: ArraySlice<Character>) -> (date: CalendarDate, offset: Int)? {
        var index = characters.startIndex
        while index < characters.endIndex {
            if isASCIIDigit(characters[index]),
               index == characters.startIndex || !isNumber(characters[index - 1]) {
                if let date = parsePrefix(characters[index...].prefix(24)) { return (date, index - characters.startIndex) }
            }
            index += 1
        }
        return nil
    }

    /// Parses a string that is exactly one date (surrounding spaces allowed).
    public static func parse(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingSpaces
        return parsePrefix(Array(trimmed)[...])
    }

    /// A digit 0–9, without looking up the character's properties.
    @inline(__always)
    static func isASCIIDigit(_ character: Character) -> Bool {
        character.asciiValue.map { (48...57).contains($0) } ?? false
    }

    /// `Character.isNumber`, answered for ASCII without looking up the character's properties.
    @inline(__always)
    static func isNumber(_ character: Character) -> Bool {
        character.asciiValue.map { (48...57).contains($0) } ?? character.isNumber
    }

    private static func parsePrefix(_ text: ArraySlice<Character>) -> CalendarDate? {
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

/// A tiny cursor over the characters of a date.
private struct DateScanner {
    private let characters: ArraySlice<Character>
    private var index: Int

    init(_ text: ArraySlice<Character>) {
        characters = text
        index = text.startIndex
    }

    mutating func number(maxDigits: Int) -> (value: Int, digits: Int)? {
        var value = 0
        var digits = 0
        while index < characters.endIndex, digits < maxDigits, let digit = Self.digit(characters[index]) {
            value = value * 10 + digit
            digits += 1
            index += 1
        }
        if index < characters.endIndex, Self.digit(characters[index]) != nil { return nil }
        return digits > 0 ? (value, digits) : nil
    }

    /// The value of an ASCII digit.
    @inline(__always)
    private static func digit(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue, ascii >= 48, ascii <= 57 else { return nil }
        return Int(ascii - 48)
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
        while index < characters.endIndex, characters[index] == " " { index += 1 }
    }

    mutating func word() -> String? {
        var letters = ""
        while index < characters.endIndex, characters[index].isLetter {
            letters.append(characters[index])
            index += 1
        }
        return letters.isEmpty ? nil : letters
    }
}
