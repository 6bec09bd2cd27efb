import Foundation

/// Finds the sections of a letter's clinical text by their headings, whatever their style:
/// `Diagnose:`, `DIAGNOSE`, `1. Diagnose`, a bold line, or one heading for two items.
public struct SectionFinder: Sendable {
    let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// A short label alone on its line with a colon (`Sociale forhold:`) heads a section too.
    private static let bareLabel = Pattern(literal: #"^[\p{L} /&-]{2,40}:$"#)

    public func sections(of lines: [TextLine]) -> [Section] {
        var sections = [Section(heading: nil, items: [], credit: .content)]
        for line in lines where !line.text.isEmpty {
            let folded = FoldedText(line.text)
            if line.isHeaderField {
                sections[sections.count - 1].content.append(line)
            } else if let (entry, content) = heading(folded) {
                var section = Section(heading: line, items: entry.items, credit: entry.credit)
                if let content {
                    let text = folded.originalText(content).trimmingCharacters(in: .whitespaces)
                    if !text.isEmpty {
                        let offset = folded.originalOffset(content.location)
                        section.content.append(TextLine(text: text, location: line.location.advanced(by: offset)))
                    }
                }
                if let parent = sections.last, parent.heading != nil, parent.content.isEmpty || parent.hasSubsections,
                   !entry.items.isEmpty, Set(entry.items).isSubset(of: parent.items) {
                    sections[sections.count - 1].hasSubsections = true
                }
                sections.append(section)
            } else if isUnnamedHeading(line, folded) {
                sections.append(Section(heading: line, items: [], credit: .content))
            } else if let last = sections.last, last.heading != nil, !last.content.isEmpty,
                      last.content.allSatisfy({ isPlaceholder($0.text) }) {
                // "Opfølgning: XXX" is the whole answer; what follows is not its content.
                sections.append(Section(heading: nil, items: [], credit: .content, content: [line]))
            } else {
                sections[sections.count - 1].content.append(line)
            }
        }
        return sections
    }

    /// The heading entry a line matches, with the range of any content after its colon.
    func heading(_ folded: FoldedText) -> (Lexicon.HeadingEntry, NSRange?)? {
        for entry in lexicon.headings {
            guard let match = entry.pattern.matches(in: folded).first else { continue }
            let content = match.range(withName: "content")
            return (entry, content.location == NSNotFound ? nil : content)
        }
        return nil
    }

    private func isPlaceholder(_ text: String) -> Bool {
        let folded = FoldedText(text)
        return lexicon.placeholders.contains { $0.matches(folded) }
    }

    /// A bold or upper-case line, or a bare label with a colon, that names no checklist item.
    private func isUnnamedHeading(_ line: TextLine, _ folded: FoldedText) -> Bool {
        let letters = line.text.filter(\.isLetter)
        guard letters.count >= 3, line.text.count <= 60 else { return false }
        if line.isEmphasised { return true }
        if Self.bareLabel.matches(folded) { return true }
        let words = line.text.split(separator: " ").count
        return words <= 5 && letters.allSatisfy(\.isUppercase) && !line.text.contains(where: \.isNumber)
    }
}
