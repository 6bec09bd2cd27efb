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
