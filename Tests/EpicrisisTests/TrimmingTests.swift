import Foundation
import Testing
@testable import Epicrisis

/// The reader's own trimming must cut what Foundation's does: the fields and headings it trims are
/// shown to users and compared with the lexicon.
@Suite("Trimming")
struct TrimmingTests {
    static let texts = [
        "", " ", "  Afsender:  ", "\tKirurgisk afd.\t", "\u{A0}Odense\u{A0}", "\u{2003}em space\u{2009}",
        "ingen\n", "\r\nlinjeskift\u{2028}", "æblegrød ", " ø", "x", " \u{301}accent", "a\u{85}",
    ]

    @Test("spaces and tabs", arguments: texts)
    func spaces(_ text: String) {
        #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces))
    }

    @Test("spaces, tabs and line breaks", arguments: texts)
    func spacesAndNewlines(_ text: String) {
        #expect(text.trimmingSpacesAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Random texts of spaces, tabs and what stands beside them: cut by bytes or by scalars, the
    /// same as Foundation's.
    @Test("random spaces and tabs")
    func randomSpaces() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(" \taå.\u{A0}\u{2003}\r-")
        for _ in 0..<3_000 {
            let text = generator.text(lengths: 0...8, of: alphabet)
            #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(text.trimmingSpacesAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        }
    }

    /// The byte search the reader uses in place of `contains`: it must find what a plain
    /// comparison of UTF-8 finds, at the edges too.
    @Test("a byte search finds what a comparison at every offset finds")
    func byteSearch() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abå ")
        for _ in 0..<2_000 {
            let text = generator.text(lengths: 0...12, of: alphabet)
            let needle = generator.text(lengths: 0...3, of: alphabet)
            let bytes = Array(text.utf8), sought = Array(needle.utf8)
            let expected = sought.isEmpty || (sought.count <= bytes.count
                && (0...(bytes.count - sought.count)).contains { Array(bytes[$0..<($0 + sought.count)]) == sought })
            #expect(text.containsBytes(needle) == expected, "\(text) / \(needle)")
        }
    }

    @Test("given characters")
    func given() {
        #expect(" Jens Hansen, .:".trimming([" ", ",", ".", ":"]) == "Jens Hansen")
        #expect("::".trimming([":"]) == "")
    }

    /// Found by `fuzz-text`: × and ß sit in Latin-1's letter block but have no lower-case partner
    /// there, and folding them overflowed.
    @Test("Latin-1 letters without a lower-case partner fold without trapping")
    func latinOneWithoutPartner() {
        #expect(FoldedText("5 × 3").text == "5 × 3")
        #expect(FoldedText("Straße ÀÉÎÕÜ").text == "straße aeiou")
        #expect(FoldedText("Straße").originalText(NSRange(location: 4, length: 1)) == "ß")
    }
}

/// A line's bytes trimmed the quick way (most lines) must give what the general way gives: tabs
/// made four spaces, the spaces and no-break spaces before the text counted, white space dropped.
@Suite("Line bytes")
struct LineBytesTests {
    /// The general way, as `LineBytes` takes it for lines the quick way leaves.
    private func reference(_ bytes: [UInt8]) -> (String, Int) {
        let expanded = String(decoding: bytes.flatMap { $0 == 0x09 ? [0x20, 0x20, 0x20, 0x20] : [$0] }, as: UTF8.self)
        let leading = expanded.prefix { $0 == " " || $0 == "\u{A0}" }.count
        return (String(expanded.dropFirst(leading)).trimmingSpaces, leading)
    }

    @Test("random lines trim the same either way")
    func randomLines() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [" ", " ", "\t", "a", "B", "ø", "Å", "é", "\u{A0}", "\u{2003}", "e\u{301}", "\u{301}", "-", "."]
        for _ in 0..<5_000 {
            let line = generator.text(lengths: 0...7, of: pieces)
            let bytes = Array(line.utf8)
            let (text, leading) = LineBytes.trimmed(bytes[...])
            let expected = reference(bytes)
            #expect(Array(text.utf8) == Array(expected.0.utf8) && leading == expected.1, "\(line.debugDescription)")
        }
    }
}
