/// A part of the clinical text under one heading (or before the first heading).
public struct Section: Sendable {
    /// The heading line as written; nil for text before the first heading or after a closed one.
    public var heading: TextLine?
    /// The checklist items the heading names; empty for other headings (medication, findings…).
    public var items: [ChecklistItem]
    public var credit: Lexicon.Credit
    /// The heading is followed directly by headings for its own items ("Bivirkninger/senfølger",
    /// then "Bivirkninger: …"): it is a parent, not an empty heading.
    public var hasSubsections = false
    /// The lines under the heading, starting with any text after its colon, prepared for matching.
    var lines: [AnalysedLine] = []
    /// The lines that say something: no blank lines, placeholders or pointers elsewhere.
    var realContent: [AnalysedLine] = []

    init(heading: TextLine?, items: [ChecklistItem], credit: Lexicon.Credit) {
        self.heading = heading
        self.items = items
        self.credit = credit
    }

    /// The lines under the heading, starting with any text after its colon.
    public var content: [TextLine] { lines.map(\.line) }

    /// The heading's text without its content, for reports (`Senfølger`).
    public var title: String? {
        guard let heading else { return nil }
        let text = heading.text
        // Found among the bytes: the characters' view breaks graphemes all the way to the colon.
        if let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) { return String(text[..<colon]).trimmingSpaces }
        return text
    }
}

import Foundation
