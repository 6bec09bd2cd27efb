/// The alphabet the automata read: one byte per UTF-16 unit of folded text.
///
/// Folded text is almost all ASCII (æ, ø, å fold to ASCII letters), and an ASCII unit is its own
/// symbol. A non-ASCII unit becomes either the symbol of one of the few characters patterns name
/// (`«`, `»`, `≥`, `•`, …) or the symbol of its kind (letter, digit, space, …), which is all that
/// `\w`, `\p{L}`, `\s` or `.` ask of it. One symbol per UTF-16 unit keeps a match's offsets equal
/// to the `NSRange` offsets the rest of the code uses.
enum Symbol {
    /// A letter not named by any pattern (`\p{L}`, `\w`).
    static let otherLetter: UInt8 = 0x80
    /// A decimal digit outside ASCII (`\d`, `\w`).
    static let otherDigit: UInt8 = 0x81
    /// White space outside ASCII (`\s`).
    static let otherSpace: UInt8 = 0x82
    /// U+0085, U+2028, U+2029: line terminators, which `.` does not match.
    static let otherLineEnd: UInt8 = 0x83
    /// Marks and connectors: word characters that are not letters (`\w` only).
    static let otherWordPart: UInt8 = 0x84
    /// Punctuation, symbols and anything else.
    static let other: UInt8 = 0x85
    /// The second unit of a character outside the Basic Multilingual Plane.
    static let lowSurrogate: UInt8 = 0x86

    /// Non-ASCII characters patterns may name, each with a symbol of its own.
    private static let named: [UInt32: UInt8] = {
        let characters: [Unicode.Scalar] = ["«", "»", "≥", "≤", "•", "–", "—", "°", "µ", "§", "·", "×", "±", "½", "²", "³",
                                            "→", "€", "\u{A0}", "‘", "’", "“", "”", "…", "´", "¨", "¤", "†", "‰"]
        var table: [UInt32: UInt8] = [:]
        for (index, character) in characters.enumerated() { table[character.value] = 0xA0 + UInt8(index) }
        return table
    }()

    /// The symbol of a character a pattern names, or nil when it has none (the pattern is then
    /// left to the regular-expression library).
    static func named(_ scalar: Unicode.Scalar) -> UInt8? {
        scalar.isASCII ? UInt8(scalar.value) : named[scalar.value]
    }

    /// The symbol of one character of folded text; a character outside the BMP has two units, so
    /// it appends two symbols.
    @inline(__always)
    static func forEach(of scalar: Unicode.Scalar, _ body: (UInt8) -> Void) {
        if scalar.value < 0x80 {
            body(UInt8(truncatingIfNeeded: scalar.value))
            return
        }
        body(named[scalar.value] ?? kind(of: scalar))
        if scalar.value > 0xFFFF { body(lowSurrogate) }
    }

    private static func kind(of scalar: Unicode.Scalar) -> UInt8 {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return otherLetter
        case .decimalNumber: return otherDigit
        case .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation: return otherWordPart
        default: break
        }
        if [0x85, 0x2028, 0x2029].contains(scalar.value) { return otherLineEnd }
        if properties.isWhitespace { return otherSpace }
        return properties.isAlphabetic ? otherWordPart : other
    }

    /// What a symbol stands for, for the classes: a representative character.
    static func representative(_ symbol: UInt8) -> Unicode.Scalar? {
        if symbol < 0x80 { return Unicode.Scalar(symbol) }
        return named.first { $0.value == symbol }.flatMap { Unicode.Scalar($0.key) }
    }
}

/// A set of symbols: what one step of a pattern may read.
struct SymbolSet: Hashable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    static func == (lhs: SymbolSet, rhs: SymbolSet) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    /// The words mixed into one before hashing: programs intern thousands of sets as they are
    /// compiled, and four rounds of the hasher per set were most of it.
    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0 ^ (words.1 &* 0x9E37_79B9_7F4A_7C15) ^ (words.2 &* 0xC2B2_AE3D_27D4_EB4F) ^ (words.3 &* 0x1656_67B1_9E37_79F9))
    }

    /// The one symbol in the set, or nil when it holds none or several.
    var single: UInt8? {
        let counts = (words.0.nonzeroBitCount, words.1.nonzeroBitCount, words.2.nonzeroBitCount, words.3.nonzeroBitCount)
        guard counts.0 + counts.1 + counts.2 + counts.3 == 1 else { return nil }
        for (index, word) in [words.0, words.1, words.2, words.3].enumerated() where word != 0 {
            return UInt8(index * 64 + word.trailingZeroBitCount)
        }
        return nil
    }

    init() {}

    init(_ symbols: some Sequence<UInt8>) {
        for symbol in symbols { insert(symbol) }
    }

    init(_ symbol: UInt8) {
        insert(symbol)
    }

    init(where predicate: (UInt8) -> Bool) {
        for symbol in 0...255 where predicate(UInt8(symbol)) { insert(UInt8(symbol)) }
    }

    func contains(_ symbol: UInt8) -> Bool {
        let bit = UInt64(1) << (symbol & 63)
        switch symbol >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    mutating func insert(_ symbol: UInt8) {
        let bit = UInt64(1) << (symbol & 63)
        switch symbol >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    /// Calls `body` with each symbol in the set, in ascending order.
    func forEach(_ body: (UInt8) -> Void) {
        for (index, word) in [words.0, words.1, words.2, words.3].enumerated() {
            var rest = word
            while rest != 0 {
                body(UInt8(index * 64 + rest.trailingZeroBitCount))
                rest &= rest - 1
            }
        }
    }

    func union(_ other: SymbolSet) -> SymbolSet {
        var result = self
        result.words = (words.0 | other.words.0, words.1 | other.words.1, words.2 | other.words.2, words.3 | other.words.3)
        return result
    }

    var inverted: SymbolSet {
        var result = self
        result.words = (~words.0, ~words.1, ~words.2, ~words.3)
        return result
    }

    var isEmpty: Bool { self == SymbolSet() }

    // The classes ICU gives the escapes, in this alphabet.
    static let letters = SymbolSet { symbol in
        if symbol == Symbol.otherLetter { return true }
        guard let scalar = Symbol.representative(symbol) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
    static let digits = SymbolSet { symbol in
        symbol == Symbol.otherDigit || (48...57).contains(symbol)
    }
    static let word = letters.union(digits).union(SymbolSet([UInt8(ascii: "_"), Symbol.otherWordPart]))
    static let space = SymbolSet([9, 10, 11, 12, 13, 32, Symbol.otherSpace, Symbol.otherLineEnd, Symbol.named("\u{A0}")!])
    /// What `.` matches: anything but a line terminator.
    static let notLineEnd = SymbolSet([10, 11, 12, 13, Symbol.otherLineEnd]).inverted
}
