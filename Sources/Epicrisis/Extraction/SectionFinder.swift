import Foundation

/// Finds the sections of a letter's clinical text by their headings, whatever their style:
/// `Diagnose:`, `DIAGNOSE`, `1. Diagnose`, a bold line, or one heading for two items.
struct SectionFinder {
    let lexicon: Lexicon

    /// A short label alone on its line with a colon (`Sociale forhold:`) heads a section too.
    private static let bareLabel = Pattern(literal: #"^[\p{L} /&-]{2,40}:$"#)

    func sections(of lines: [AnalysedLine]) -> [Section] {
        var sections = [Section(heading: nil, items: [], credit: .content)]
        for line in lines where !line.text.isEmpty {
            if line.line.isHeaderField {
                sections[sections.count - 1].lines.append(line)
            } else if let (entry, content) = heading(line.folded) {
                var section = Section(heading: line.line, items: entry.items, credit: entry.credit)
                if let content {
                    let text = line.folded.originalText(content).trimmingCharacters(in: .whitespaces)
                    if !text.isEmpty {
                        let offset = line.folded.originalOffset(content.location)
                        section.lines.append(AnalysedLine(TextLine(text: text, location: line.line.location.advanced(by: offset)),
                                                          lexicon: lexicon))
                    }
                }
                if let parent = sections.last, parent.heading != nil, parent.lines.isEmpty || parent.hasSubsections,
                   !entry.items.isEmpty, Set(entry.items).isSubset(of: parent.items) {
                    sections[sections.count - 1].hasSubsections = true
                }
                sections.append(section)
            } else if isUnnamedHeading(line) {
                sections.append(Section(heading: line.line, items: [], credit: .content))
            } else if let last = sections.last, last.heading != nil, !last.lines.isEmpty, !last.lines.contains(where: \.isRealContent) {
                // "Opfølgning: XXX" or "Kontrol: afventer svar, videre plan herefter" is the whole
                // answer; what follows is not its content.
                var rest = Section(heading: nil, items: [], credit: .content)
                rest.lines = [line]
                sections.append(rest)
            } else {
                sections[sections.count - 1].lines.append(line)
            }
        }
        // Every item reads the same content; sift it once, not once per item.
        return sections.map { section in
            var section = section
            section.realContent = section.lines.filter(\.isRealContent)
            return section
        }
    }

    /// The heading entry a line matches, with the range of any content after its colon.
    func heading(_ folded: FoldedText) -> (Lexicon.HeadingEntry, NSRange?)? {
        guard let match = lexicon.headings.pattern.captures(in: folded) else { return nil }
        for (index, entry) in lexicon.headings.entries.enumerated() where match.range(withName: "h\(index)").location != NSNotFound {
            let content = match.range(withName: "content")
            return (entry, content.location == NSNotFound ? nil : content)
        }
        return nil
    }

    /// A bold or upper-case line, or a bare label with a colon, that names no checklist item.
    private func isUnnamedHeading(_ line: AnalysedLine) -> Bool {
        let text = line.text
        let letters = text.filter(\.isLetter)
        guard letters.count >= 3, text.count <= 60 else { return false }
        if line.line.isEmphasised { return true }
        if Self.bareLabel.matches(line.folded) { return true }
        let words = text.split(separator: " ").count
        return words <= 5 && letters.allSatisfy(\.isUppercase) && !text.contains(where: \.isNumber)
    }
}
