/// A part of the clinical text under one heading (or before the first heading).
public struct Section: Sendable, Codable {
    /// The heading line as written; nil for the text before the first heading.
    public var heading: TextLine?
    /// The checklist items the heading names; empty for other headings (medication, findings…).
    public var items: [ChecklistItem]
    public var credit: Lexicon.Credit
    /// The lines under the heading, starting with any text after its colon.
    public var content: [TextLine]
    /// The heading is followed directly by headings for its own items ("Bivirkninger/senfølger",
    /// then "Bivirkninger: …"): it is a parent, not an empty heading.
    public var hasSubsections = false

    public init(heading: TextLine?, items: [ChecklistItem], credit: Lexicon.Credit, content: [TextLine] = []) {
        self.heading = heading
        self.items = items
        self.credit = credit
        self.content = content
    }

    /// The heading's text without its content, for reports (`Senfølger`).
    public var title: String? {
        guard let heading else { return nil }
        let text = heading.text
        if let colon = text.firstIndex(of: ":") { return String(text[..<colon]).trimmingCharacters(in: .whitespaces) }
        return text
    }
}

extension Lexicon.Credit: Codable {}
