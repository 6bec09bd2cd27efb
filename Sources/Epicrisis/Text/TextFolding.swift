import Foundation

/// Folds Danish clinical text for matching: lower case, `æ`→`ae`, `ø`→`o`, `å`→`a`, accents dropped.
///
/// Busy doctors write `senfolger` for *senfølger* and `laege` for *læge*; lexicon patterns are folded
/// the same way when they are loaded, so one pattern matches every spelling.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        FoldedText(text).text
    }

    /// Folds the letters of a regular expression and leaves its syntax alone: escapes (`\S`,
    /// `\p{L}`) and punctuation inside character classes (`[-–]`) keep their meaning.
    public static func foldPattern(_ pattern: String) -> String {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(pattern.utf8.count)
        var previous: Unicode.Scalar = " "
        var scalars = pattern.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\\" {
                out.append(scalar)
                guard let escaped = scalars.next() else { break }
                out.append(escaped)
                if escaped == "p" || escaped == "P" {
                    while let next = scalars.next() {
                        out.append(next)
                        if next == "}" { break }
                    }
                }
                previous = " "
                continue
            }
            defer { previous = scalar }
            if scalar.isASCII {
                let value = UInt8(scalar.value)
                let lower = (65...90).contains(value) ? Unicode.Scalar(value + 32) : scalar
                let before = previous.value | 0x20 // lower-cases an ASCII letter
                if (before == 0x6F && lower == "e") || (before == 0x61 && lower == "a") { continue } // "oe", "aa"
                out.append(lower)
            } else if scalar.properties.isAlphabetic {
                out.append(contentsOf: FoldedText.fold(Character(scalar)))
            } else {
                out.append(scalar)
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: out)
        return String(view)
    }
}

/// A folded copy of a text that remembers, for each UTF-16 unit of the fold, the character offset
/// in the original, so a match in the fold can be shown and located in the original.
///
/// Built once per line and letter: the fold, its bridged `NSString` and the original's characters
/// are what every matcher needs, and computing them per match was the hot spot.
public struct FoldedText: @unchecked Sendable {
    // NSString and the arrays are immutable after init.
    public let original: String
    public let text: String
    /// `text` as an `NSString`, bridged once.
    public let ns: NSString
    /// The UTF-16 length of `text`.
    public let length: Int
    /// `text` as UTF-8, for screening by literals.
    let utf8: [UInt8]
    /// `characterOffsets[i]` is the original character offset of folded UTF-16 unit `i`; one extra
    /// entry at the end maps the end of the text.
    private let characterOffsets: [Int]
    private let originalCharacters: [Character]

    public init(_ original: String) {
        self.original = original
        var folded = String.UnicodeScalarView()
        var offsets: [Int] = []
        offsets.reserveCapacity(original.utf16.count + 1)
        var characters: [Character] = []
        characters.reserveCapacity(original.utf16.count)
        var characterIndex = 0
        var previous: Character = " "
        for character in original {
            characters.append(character)
            defer { previous = character }
            // Without a Danish keyboard ø is written "oe" and å "aa": fold them like the letters.
            if Self.isDigraphTail(previous, character) {
                characterIndex += 1
                continue
            }
            if let ascii = character.asciiValue {
                // The common case, without allocating: ASCII folds to one lower-case UTF-16 unit.
                folded.append(Unicode.Scalar((65...90).contains(ascii) ? ascii + 32 : ascii))
                offsets.append(characterIndex)
            } else {
                for scalar in Self.fold(character) {
                    folded.append(scalar)
                    offsets.append(contentsOf: repeatElement(characterIndex, count: scalar.utf16.count))
                }
            }
            characterIndex += 1
        }
        offsets.append(characterIndex)
        self.text = String(folded)
        self.ns = NSString(string: text)
        self.length = ns.length
        self.utf8 = Array(text.utf8)
        self.characterOffsets = offsets
        self.originalCharacters = characters
    }

    /// The original character offset of a UTF-16 offset into `text`.
    public func originalOffset(_ utf16Offset: Int) -> Int {
        characterOffsets[min(max(utf16Offset, 0), characterOffsets.count - 1)]
    }

    /// The original text under a UTF-16 range of the fold.
    public func originalText(_ range: NSRange) -> String {
        let start = originalOffset(range.location)
        let end = range.length == 0 ? start : originalOffset(range.location + range.length - 1) + 1
        guard start < end, end <= originalCharacters.count else { return "" }
        return String(originalCharacters[start..<end])
    }

    /// Whether the original character behind folded unit `utf16Offset` is upper case.
    public func isUppercaseInOriginal(_ utf16Offset: Int) -> Bool {
        let offset = originalOffset(utf16Offset)
        return offset < originalCharacters.count && originalCharacters[offset].isUppercase
    }

    /// The range widened backwards to the start of its word.
    public func extendedToWordStart(_ range: NSRange) -> NSRange {
        var start = range.location
        while start > 0, let scalar = Unicode.Scalar(ns.character(at: start - 1)), CharacterSet.letters.contains(scalar) { start -= 1 }
        return NSRange(location: start, length: range.location + range.length - start)
    }

    public func substring(_ range: NSRange) -> String {
        ns.substring(with: range)
    }

    static func isDigraphTail(_ previous: Character, _ character: Character) -> Bool {
        switch (previous, character) {
        case ("o", "e"), ("O", "e"), ("O", "E"), ("a", "a"), ("A", "a"), ("A", "A"): true
        default: false
        }
    }

    static func fold(_ character: Character) -> [Unicode.Scalar] {
        if character.isASCII {
            return character.unicodeScalars.map { scalar in
                (65...90).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32)! : scalar
            }
        }
        switch character {
        case "æ", "Æ", "ä", "Ä": return ["a", "e"]
        case "ø", "Ø", "ö", "Ö": return ["o"]
        case "å", "Å": return ["a"]
        case "\u{A0}", "\u{2007}", "\u{202F}": return [" "]
        case "\u{2013}", "\u{2014}", "\u{2212}": return ["-"]
        case "\u{2018}", "\u{2019}": return ["'"]
        case "\u{201C}", "\u{201D}": return ["\""]
        case "\u{2026}": return [".", ".", "."]
        default:
            let lower = String(character).lowercased()
            let stripped = lower.applyingTransform(.stripDiacritics, reverse: false) ?? lower
            let scalars = Array(stripped.unicodeScalars)
            return scalars.isEmpty ? Array(character.unicodeScalars) : scalars
        }
    }
}
