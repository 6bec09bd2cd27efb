import Foundation

/// Folds Danish clinical text for matching: lower case, `æ`→`ae`, `ø`→`o`, `å`→`a`, accents dropped.
///
/// Busy doctors write `senfolger` for *senfølger* and `laege` for *læge*; lexicon patterns are folded
/// the same way when they are loaded, so one pattern matches every spelling.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        withFold(text) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the fold's UTF-8 (what `fold` returns), made without a `String` where
    /// the text is ASCII and Danish letters: header fields are folded only to look for a word.
    static func withFold<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        // A text of ASCII and Danish letters (most header fields) is folded by the line fold's
        // fast path, without the rest of a `FoldedText`.
        if let ascii = text.withUTF8(FoldedText.foldSimple) {
            defer { ascii.storage.deallocate() }
            return body(ascii.symbols)
        }
        var folded = FoldedText(text).text
        return folded.withUTF8(body)
    }

    /// Folds the letters of a regular expression and leaves its syntax alone: escapes (`\S`,
    /// `\p{L}`) and punctuation inside character classes (`[-–]`) keep their meaning.
    public static func foldPattern(_ pattern: String) -> String {
        // Built as UTF-8 bytes: appending to a `String.UnicodeScalarView` scalar by scalar cost
        // a fifth of loading the lexicon.
        var out: [UInt8] = []
        out.reserveCapacity(pattern.utf8.count)
        func append(_ scalar: Unicode.Scalar) {
            if scalar.isASCII { out.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { out.append($0) } }
        }
        var previous: Unicode.Scalar = " "
        var scalars = pattern.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\\" {
                append(scalar)
                guard let escaped = scalars.next() else { break }
                append(escaped)
                if escaped == "p" || escaped == "P" {
                    while let next = scalars.next() {
                        append(next)
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
                append(lower)
            } else if scalar.properties.isAlphabetic {
                FoldedText.fold(scalar).forEach(append)
            } else {
                append(scalar)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A folded copy of a text that remembers, for each UTF-16 unit of the fold, the character offset
/// in the original, so a match in the fold can be shown and located in the original.
///
/// Built once per line and letter, in one pass over the line's Unicode scalars: the fold as text
/// (for ICU), as symbols (for the automata), and the map back to the original's characters.
///
/// A class, immutable: lines are handed from reader to sections to judges, and a structure of five
/// arrays cost five reference counts at every hand-over. Its buffers share one allocation, which
/// the text owns: a Swift array of numbers costs a generic-metadata lookup in the runtime each
/// time one is made (some 700 instructions on Linux), more than folding a short line.
///
/// `@unchecked Sendable`: its buffers are written only while it is made, and freed with it.
public final class FoldedText: @unchecked Sendable {
    public let original: String
    /// The fold as UTF-8, where it is not all ASCII; an ASCII fold is its symbols.
    private let foldedBytes: UnsafeBufferPointer<UInt8>?
    /// The fold as text, for ICU and for showing: made when asked for, since most lines are
    /// matched by the automata alone.
    public var text: String { String(decoding: foldedBytes ?? symbols, as: UTF8.self) }
    /// The UTF-16 length of `text`.
    public let length: Int
    /// `text` as the automata read it: one symbol per UTF-16 unit.
    private let symbols: UnsafeBufferPointer<UInt8>
    /// `characterOffsets[i]` is the original character offset of folded UTF-16 unit `i`; one extra
    /// entry at the end maps the end of the text.
    private let characterOffsets: UnsafeBufferPointer<Int32>
    /// Where each character of the original starts in its UTF-8, and one more: the end.
    /// Nil for an all-ASCII text, where character `i` starts at byte `i`.
    private let characterStarts: UnsafeBufferPointer<Int32>?
    /// How many characters the original has.
    private let characterCount: Int
    /// The allocation the buffers above lie in.
    private let storage: UnsafeMutableRawPointer

    /// The `LineScreen` the text was screened by (its serial; -1: none), and which of its members
    /// may match in it.
    let screen: Int
    let screenCandidates: UInt64
    /// Where the candidates' matches may first and last start.
    let screenStarts: ScreenStarts

    /// Folds a text; with `screen`, also screens it, so that the screen's members pass it over where
    /// they cannot match.
    public convenience init(_ original: String, screen: LineScreen? = nil) {
        var source = original
        let fold = source.withUTF8 { Self.foldSimple($0) } ?? Self.foldGeneral(original)
        self.init(original: original, fold, screen: screen)
    }

    /// The fold by the general path whatever the text holds, for comparing the two.
    convenience init(generalFoldOf original: String) {
        self.init(original: original, Self.foldGeneral(original), screen: nil)
    }

    private init(original: String, _ fold: Buffers, screen: LineScreen?) {
        self.original = original
        self.storage = fold.storage
        self.foldedBytes = fold.folded
        self.length = fold.symbols.count
        self.symbols = fold.symbols
        self.characterOffsets = fold.offsets
        self.characterStarts = fold.starts
        self.characterCount = fold.characterCount
        self.screen = screen?.serial ?? -1
        (self.screenCandidates, self.screenStarts) = screen?.candidates(in: fold.symbols) ?? (.max, ScreenStarts())
    }

    deinit {
        storage.deallocate()
    }

    /// Calls `body` with the symbols, which live as long as the text.
    func withSymbols<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(self) { try body(symbols) }
    }

    /// A fold's buffers in the one allocation that holds them.
    fileprivate struct Buffers {
        let storage: UnsafeMutableRawPointer
        let symbols: UnsafeBufferPointer<UInt8>
        let offsets: UnsafeBufferPointer<Int32>
        let starts: UnsafeBufferPointer<Int32>?
        let folded: UnsafeBufferPointer<UInt8>?
        let characterCount: Int
    }

    /// The fold of a line of ASCII and Danish letters (nearly all lines of nearly all letters),
    /// written straight into its buffers: a character is a byte, or æ, ø, å as two, and folds
    /// to at most as many symbols as it has bytes. Nil when the line holds anything else.
    fileprivate static func foldSimple(_ utf8: UnsafeBufferPointer<UInt8>) -> Buffers? {
        let count = utf8.count
        // The numbers first, for their alignment.
        let storage = UnsafeMutableRawPointer.allocate(byteCount: 9 * count + 8, alignment: 4)
        let offsets = storage.bindMemory(to: Int32.self, capacity: count + 1)
        let starts = (storage + 4 * (count + 1)).bindMemory(to: Int32.self, capacity: count + 1)
        let symbols = (storage + 8 * (count + 1)).bindMemory(to: UInt8.self, capacity: count)
        var kept = 0
        var characters = 0
        var index = 0
        var previous = UInt8(ascii: " ")
        // One loop, its arithmetic unchecked: every index is below `count`, which bounds them all.
        if let bytes = utf8.baseAddress {
            while index < count {
                // Eight ASCII bytes with no "oe" or "aa" among them (most of any line) are folded
                // at once.
                if index &+ 8 <= count {
                    let word = UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self)
                    if let lowered = WordFold.lowered(word, after: previous) {
                        UnsafeMutableRawPointer(symbols + kept).storeBytes(of: lowered, as: UInt64.self)
                        WordFold.count(from: Int32(truncatingIfNeeded: characters), into: offsets + kept)
                        WordFold.count(from: Int32(truncatingIfNeeded: index), into: starts + characters)
                        previous = UInt8(truncatingIfNeeded: word >> 56)
                        kept &+= 8
                        characters &+= 8
                        index &+= 8
                        continue
                    }
                }
                let byte = bytes[index]
                if byte < 0x80 {
                    starts[characters] = Int32(truncatingIfNeeded: index)
                    symbols[kept] = byte &- 65 < 26 ? byte | 0x20 : byte
                    offsets[kept] = Int32(truncatingIfNeeded: characters)
                    kept &+= drops(byte, after: previous) ? 0 : 1
                    previous = byte
                    characters &+= 1
                    index &+= 1
                    continue
                }
                // æ, ø, å (C3 A6, C3 B8, C3 A5, and capitals); anything else takes the general fold.
                guard byte == 0xC3, index &+ 1 < count, let fold = danishFold(bytes[index &+ 1]) else {
                    storage.deallocate()
                    return nil
                }
                starts[characters] = Int32(truncatingIfNeeded: index)
                symbols[kept] = fold.0
                offsets[kept] = Int32(truncatingIfNeeded: characters)
                kept &+= 1
                if let second = fold.1 {
                    symbols[kept] = second
                    offsets[kept] = Int32(truncatingIfNeeded: characters)
                    kept &+= 1
                }
                characters &+= 1
                previous = 0x80
                index &+= 2
            }
        }
        offsets[kept] = Int32(truncatingIfNeeded: characters)
        starts[characters] = Int32(truncatingIfNeeded: count)
        // Where every character is a byte, character `i` starts at byte `i`: no table is needed.
        let isASCII = characters == count
        return Buffers(storage: storage, symbols: UnsafeBufferPointer(start: symbols, count: kept),
                       offsets: UnsafeBufferPointer(start: offsets, count: kept + 1),
                       starts: isASCII ? nil : UnsafeBufferPointer(start: starts, count: characters + 1), folded: nil,
                       characterCount: characters)
    }

    /// Folds `count` ASCII bytes into `symbols`, and numbers each kept symbol's character from
    /// `first` in `offsets`; returns how many were kept. There must be room for `count` symbols
    /// and offsets: every byte is written, and counted only when kept.
    @inline(__always)
    private static func foldRun(_ bytes: UnsafePointer<UInt8>, count: Int, after previous: UInt8,
                                into symbols: UnsafeMutablePointer<UInt8>, _ offsets: UnsafeMutablePointer<Int32>,
                                numberedFrom first: Int32) -> Int {
        var previous = previous
        var kept = 0
        for index in 0..<count {
            let byte = bytes[index]
            symbols[kept] = byte &- 65 < 26 ? byte | 0x20 : byte
            offsets[kept] = first &+ Int32(truncatingIfNeeded: index)
            kept &+= drops(byte, after: previous) ? 0 : 1
            previous = byte
        }
        return kept
    }

    /// Without a Danish keyboard ø is written "oe" and å "aa": the second letter of those
    /// (oe Oe OE aa Aa AA) folds away. Asked about `e` and `a` only, so that most bytes cost one
    /// comparison.
    @inline(__always)
    private static func drops(_ byte: UInt8, after previous: UInt8) -> Bool {
        let lower = byte | 0x20
        guard lower == 0x65 || lower == 0x61 else { return false }
        switch previous {
        case 0x6F: return byte == 0x65
        case 0x4F: return lower == 0x65
        case 0x61: return byte == 0x61
        case 0x41: return lower == 0x61
        default: return false
        }
    }

    /// The fold of any line, character by character.
    fileprivate static func foldGeneral(_ original: String) -> Buffers {
        let capacity = original.utf8.count
        // The fold's UTF-8 equals its symbols until a character folds to something not ASCII;
        // only from then on is it written apart.
        var foldsToASCII = true
        var folded = Writer<UInt8>(capacity: 0)
        var symbols = Writer<UInt8>(capacity: capacity)
        var offsets = Writer<Int32>(capacity: capacity + 1)
        var starts = Writer<Int32>(capacity: capacity + 1)
        var previous: Unicode.Scalar = " "
        var joinsNext = false
        var source = original
        // Decoded from the UTF-8 by hand: most of every letter is ASCII, and a byte is its own scalar.
        source.withUTF8 { utf8 in
            guard let bytes = utf8.baseAddress else { return }
            var index = 0
            while index < utf8.count {
                let lead = utf8[index]
                if lead < 0x80 {
                    // A run of ASCII, most of any line: room is made once, then each byte is a
                    // character that folds to at most one byte.
                    var end = index + 1
                    while end < utf8.count, utf8[end] < 0x80 { end += 1 }
                    let run = end - index
                    let startsTail = starts.tail(reserving: run)
                    for offset in 0..<run { startsTail[offset] = Int32(truncatingIfNeeded: index &+ offset) }
                    let symbolsTail = symbols.tail(reserving: run)
                    let kept = foldRun(bytes + index, count: run, after: previous.isASCII ? UInt8(previous.value) : 0x80,
                                       into: symbolsTail, offsets.tail(reserving: run),
                                       numberedFrom: Int32(truncatingIfNeeded: starts.count))
                    if !foldsToASCII { folded.tail(reserving: kept).update(from: symbolsTail, count: kept) }
                    starts.commit(run)
                    if !foldsToASCII { folded.commit(kept) }
                    symbols.commit(kept)
                    offsets.commit(kept)
                    index = end
                    previous = Unicode.Scalar(utf8[end - 1])
                    joinsNext = false
                    continue
                }
                let byteOffset = Int32(index)
                // æ, ø, å (C3 A6, C3 B8, C3 A5, and capitals): most of what is not ASCII in a
                // Danish letter, folded here without decoding or looking up their properties.
                if lead == 0xC3, !joinsNext, index + 1 < utf8.count,
                   let fold = Self.danishFold(utf8[index + 1]) {
                    starts.append(byteOffset)
                    let characterIndex = Int32(starts.count - 1)
                    if !foldsToASCII { folded.append(fold.0) }
                    symbols.append(fold.0)
                    offsets.append(characterIndex)
                    if let second = fold.1 {
                        if !foldsToASCII { folded.append(second) }
                        symbols.append(second)
                        offsets.append(characterIndex)
                    }
                    previous = Unicode.Scalar(UInt32(lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F))!
                    index += 2
                    continue
                }
                let (scalar, width) = Self.decode(utf8, at: index)
                index += width
                // A combining mark (or what a zero-width joiner joins) belongs to the character before
                // it, and folds to nothing: accents are dropped.
                if starts.count > 0, joinsNext || Self.extendsCharacter(scalar) {
                    joinsNext = scalar == "\u{200D}"
                    continue
                }
                joinsNext = scalar == "\u{200D}"
                let characterIndex = Int32(starts.count)
                starts.append(byteOffset)
                previous = scalar
                for foldedScalar in Self.fold(scalar) {
                    if foldsToASCII, !foldedScalar.isASCII {
                        foldsToASCII = false
                        folded.reserve(capacity * 2)
                        symbols.withBuffer { $0.forEach { folded.append($0) } }
                    }
                    if !foldsToASCII { UTF8.encode(foldedScalar)!.forEach { folded.append($0) } }
                    Symbol.forEach(of: foldedScalar) { symbols.append($0) }
                    for _ in 0..<foldedScalar.utf16.count { offsets.append(characterIndex) }
                }
            }
        }
        offsets.append(Int32(starts.count))
        starts.append(Int32(capacity))
        // Into one allocation, the numbers first for their alignment.
        let foldedCount = foldsToASCII ? 0 : folded.count
        let storage = UnsafeMutableRawPointer.allocate(byteCount: 4 * (offsets.count + starts.count) + symbols.count + foldedCount,
                                                       alignment: 4)
        let offsetsCopy = offsets.copy(to: storage)
        let startsCopy = starts.copy(to: storage + 4 * offsets.count)
        let symbolsCopy = symbols.copy(to: storage + 4 * (offsets.count + starts.count))
        let foldedCopy = foldsToASCII ? nil : folded.copy(to: storage + 4 * (offsets.count + starts.count) + symbols.count)
        return Buffers(storage: storage, symbols: symbolsCopy, offsets: offsetsCopy, starts: startsCopy, folded: foldedCopy,
                       characterCount: startsCopy.count - 1)
    }

    /// The fold of the Danish letter whose UTF-8 is C3 followed by `second`, or nil.
    @inline(__always)
    private static func danishFold(_ second: UInt8) -> (UInt8, UInt8?)? {
        switch second {
        case 0xA6, 0x86: (UInt8(ascii: "a"), UInt8(ascii: "e")) // æ Æ
        case 0xB8, 0x98: (UInt8(ascii: "o"), nil) // ø Ø
        case 0xA5, 0x85: (UInt8(ascii: "a"), nil) // å Å
        default: nil
        }
    }

    /// The scalar a UTF-8 sequence starts at `index`, and its width in bytes.
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        var bytes = utf8[index...].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        // A Swift string's bytes are well formed; the replacement is only for form's sake.
        guard case .valid(let encoded) = parser.parseScalar(from: &bytes) else { return ("\u{FFFD}", 1) }
        return (Unicode.UTF8.decode(encoded), encoded.count)
    }

    private static func extendsCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isGraphemeExtend || (0xFE00...0xFE0F).contains(scalar.value)
    }

    /// The original character offset of a UTF-16 offset into `text`.
    public func originalOffset(_ utf16Offset: Int) -> Int {
        Int(characterOffsets[min(max(utf16Offset, 0), characterOffsets.count - 1)])
    }

    /// The original text under a UTF-16 range of the fold.
    public func originalText(_ range: NSRange) -> String {
        let start = originalOffset(range.location)
        let end = range.length == 0 ? start : originalOffset(range.location + range.length - 1) + 1
        guard start < end, end <= characterCount else { return "" }
        return String(original[originalIndex(start)..<originalIndex(end)])
    }

    /// Where original character `offset` starts, as an index into `original`.
    private func originalIndex(_ offset: Int) -> String.Index {
        original.utf8.index(original.utf8.startIndex, offsetBy: originalByteOffset(offset))
    }

    /// Where original character `offset` starts in its UTF-8.
    private func originalByteOffset(_ offset: Int) -> Int {
        characterStarts.map { Int($0[offset]) } ?? offset
    }

    /// Whether the original character behind folded unit `utf16Offset` is upper case.
    public func isUppercaseInOriginal(_ utf16Offset: Int) -> Bool {
        let offset = originalOffset(utf16Offset)
        guard offset < characterCount else { return false }
        let start = originalByteOffset(offset)
        var text = original
        // ASCII, and the Latin-1 capitals (C3 80…9E but ×) without looking up properties.
        let answer: Bool? = text.withUTF8 { bytes in
            let lead = bytes[start]
            if lead < 0x80 { return (65...90).contains(lead) }
            if lead == 0xC3, start + 1 < bytes.count { return (0x80...0x9E).contains(bytes[start + 1]) && bytes[start + 1] != 0x97 }
            return nil
        }
        return answer ?? original.unicodeScalars[originalIndex(offset)].properties.isUppercase
    }

    /// The folded UTF-16 unit at `offset`, as a symbol (ASCII is itself).
    /// (Its bounds are checked here: an `UnsafeBufferPointer` checks them only in debug builds,
    /// where the array it replaced trapped in every build.)
    func symbol(at offset: Int) -> UInt8 {
        precondition(offset >= 0 && offset < length, "folded offset \(offset) outside 0..<\(length)")
        return symbols[offset]
    }

    /// Whether the text holds a line terminator (`\n`, `\r`, VT, FF, NEL, LS, PS), which ICU's
    /// `.` does not match and its `$` stops before.
    var hasLineTerminator: Bool { symbols.contains { (10...13).contains($0) || $0 == Symbol.otherLineEnd } }

    /// The range widened backwards to the start of its word.
    public func extendedToWordStart(_ range: NSRange) -> NSRange {
        precondition(range.location >= 0 && range.location <= length, "folded range \(range) outside 0...\(length)")
        var start = range.location
        while start > 0, SymbolSet.letters.contains(symbols[start - 1]) { start -= 1 }
        return NSRange(location: start, length: range.location + range.length - start)
    }

    public func substring(_ range: NSRange) -> String {
        guard foldedBytes != nil else {
            // An ASCII fold: UTF-16 offsets are offsets into the symbols, which are its bytes.
            precondition(range.location >= 0 && range.length >= 0 && range.location + range.length <= length,
                         "folded range \(range) outside 0...\(length)")
            return String(decoding: symbols[range.location..<(range.location + range.length)], as: UTF8.self)
        }
        let text = self.text
        let units = text.utf16
        let start = units.index(units.startIndex, offsetBy: range.location)
        let end = units.index(start, offsetBy: range.length)
        return String(units[start..<end]) ?? ""
    }

    static func fold(_ character: Unicode.Scalar) -> [Unicode.Scalar] {
        if character.isASCII {
            return [(65...90).contains(character.value) ? Unicode.Scalar(character.value + 32)! : character]
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
            if (0xC0...0xFF).contains(character.value) {
                // Latin-1 letters: lower-cased by offset, accents dropped by table.
                let value = character.value
                let lower = (0xC0...0xDE).contains(value) && value != 0xD7 ? value + 0x20 : value
                // × (D7) and ß (DF) have no lower-case partner in the table's range.
                if lower >= 0xE0, case let folded = latinOne[Int(lower - 0xE0)], folded != "?" { return [folded] }
            }
            return stripped(character)
        }
    }

    /// à…ÿ without accents; `?` where the letter has no ASCII base (ð, þ, ÷) or is folded above.
    private static let latinOne: [Unicode.Scalar] = Array("aaaa???ceeeeiiii?noooo???uuuuy?y".unicodeScalars)

    private static func stripped(_ character: Unicode.Scalar) -> [Unicode.Scalar] {
        if let known = strippedCache.value(for: character.value) { return known }
        let lower = String(character).lowercased()
        let stripped = lower.applyingTransform(.stripDiacritics, reverse: false) ?? lower
        let scalars = Array(stripped.unicodeScalars)
        let result = scalars.isEmpty ? [character] : scalars
        strippedCache.store(result, for: character.value)
        return result
    }

    /// ICU's transform costs some ten thousand instructions a character, and letters repeat the
    /// same few (bullets, quotes, arrows): each is transformed once per process.
    private static let strippedCache = FoldCache()
}

/// The fold of eight bytes at once, in the bits of one word (byte `i` of the text in bits
/// `8i…8i+7`, as a little-endian load puts it).
enum WordFold {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    /// The top bit of each of eight bytes.
    static let high: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes lower-cased, or nil when one is not ASCII or folds away (the second of
    /// "oe", "Oe", "OE", "aa", "Aa", "AA", the byte before the first being `previous`).
    @inline(__always)
    static func lowered(_ word: UInt64, after previous: UInt8) -> UInt64? {
        guard word & high == 0 else { return nil }
        // Capitals: 0x41…0x5A. Adding to each byte (all below 0x80) carries into no other.
        let atLeastA = (word &+ ones &* (0x80 - 0x41)) & high
        let beyondZ = (word &+ ones &* (0x80 - 0x5B)) & high
        let caseBit = (atLeastA & ~beyondZ) >> 2
        let lower = word | caseBit
        // Each byte beside the one before it.
        let before = word << 8 | UInt64(previous)
        let drops = (equal(before, 0x6F) & equal(word, 0x65)) | (equal(before, 0x4F) & equal(lower, 0x65))
            | (equal(before, 0x61) & equal(word, 0x61)) | (equal(before, 0x41) & equal(lower, 0x61))
        return drops == 0 ? lower : nil
    }

    /// The top bit of each byte of `word` that equals `byte`, exactly (no borrow between bytes).
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return ~(((difference & ~high) &+ ~high) | difference | ~high)
    }

    /// Writes `first`, `first + 1`, … `first + 7`.
    @inline(__always)
    static func count(from first: Int32, into destination: UnsafeMutablePointer<Int32>) {
        let steps = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
        UnsafeMutableRawPointer(destination).storeBytes(of: SIMD8(repeating: first) &+ steps, as: SIMD8<Int32>.self)
    }
}

/// The folds of characters outside the table, shared by all threads; bounded, so text full of
/// distinct rare characters cannot grow it without end (those are then transformed each time).
private final class FoldCache: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var folds: [UInt32: [Unicode.Scalar]] = [:]
    private static let limit = 4_096

    func value(for scalar: UInt32) -> [Unicode.Scalar]? {
        lock.lock()
        defer { lock.unlock() }
        return folds[scalar]
    }

    func store(_ fold: [Unicode.Scalar], for scalar: UInt32) {
        lock.lock()
        defer { lock.unlock() }
        if folds.count < Self.limit { folds[scalar] = fold }
    }
}

/// An append-only buffer for the fold's loop, which appends some four values a byte: `Array`
/// checks on every append that its storage is not shared, a call into the runtime each time.
/// Freed when turned into its result.
private struct Writer<Element: BitwiseCopyable>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: capacity * 2) }
        appendAssumingCapacity(element)
    }

    /// Makes room for `additional` more elements, so they can be appended without checks.
    mutating func reserve(_ additional: Int) {
        if count + additional > capacity { grow(to: max(capacity * 2, count + additional)) }
    }

    /// Room for `count` more elements, to be written through the pointer and then `commit`ted.
    mutating func tail(reserving count: Int) -> UnsafeMutablePointer<Element> {
        reserve(count)
        return base + self.count
    }

    /// Counts in the elements written at `tail`.
    mutating func commit(_ written: Int) {
        count &+= written
    }

    /// Appends where `reserve` has made room.
    @inline(__always)
    mutating func appendAssumingCapacity(_ element: Element) {
        (base + count).initialize(to: element)
        count &+= 1
    }

    private mutating func grow(to newCapacity: Int) {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity = newCapacity
    }

    /// Copies the elements to `destination`, which must have room and alignment for them.
    func copy(to destination: UnsafeMutableRawPointer) -> UnsafeBufferPointer<Element> {
        let typed = destination.bindMemory(to: Element.self, capacity: count)
        typed.initialize(from: base, count: count)
        return UnsafeBufferPointer(start: typed, count: count)
    }

    func withBuffer<Result>(_ body: (UnsafeBufferPointer<Element>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: base, count: count))
    }
}
