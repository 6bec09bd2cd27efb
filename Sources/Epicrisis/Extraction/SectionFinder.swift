import Foundation

/// Finds the sections of a letter's clinical text by their headings, whatever their style:
/// `Diagnose:`, `DIAGNOSE`, `1. Diagnose`, a bold line, or one heading for two items.
struct SectionFinder {
    let lexicon: Lexicon

    /// A short label alone on its line with a colon (`Sociale forhold:`) heads a section too.
    private static let bareLabel = Pattern(literal: #"^[\p{L} /&-]{2,40}:$"#)

    func sections(of lines: [AnalysedLine]) -> [Section] {
        var sections = [Section(heading: nil, items: [], credit: .content)]
        for line in lines where !line.isEmpty {
            if line.line.isHeaderField {
                sections[sections.count - 1].lines.append(line)
            } else if let (entry, content) = heading(line.folded) {
                var section = Section(heading: line.line, items: entry.items, credit: entry.credit)
                if let content {
                    let text = line.folded.originalText(content).trimmingSpaces
                    if !text.isEmpty {
                        let offset = line.folded.originalOffset(content.location)
                        section.lines.append(AnalysedLine(TextLine(text: text, location: line.line.location.advanced(by: offset)),
                                                          lexicon: lexicon))
                    }
                }
                // The sections are read in place: a copy of one costs a reference count per field.
                let parent = sections.count - 1
                if sections[parent].heading != nil, sections[parent].lines.isEmpty || sections[parent].hasSubsections,
                   !entry.items.isEmpty, entry.items.allSatisfy(sections[parent].items.contains) {
                    sections[parent].hasSubsections = true
                }
                sections.append(section)
            } else if isUnnamedHeading(line) {
                sections.append(Section(heading: line.line, items: [], credit: .content))
            } else if sections[sections.count - 1].heading != nil, !sections[sections.count - 1].lines.isEmpty,
                      !sections[sections.count - 1].lines.contains(where: \.isRealContent) {
                // "Opfølgning: XXX" or "Kontrol: afventer svar, videre plan herefter" is the whole
                // answer; what follows is not its content.
                var rest = Section(heading: nil, items: [], credit: .content)
                rest.lines = [line]
                sections.append(rest)
            } else {
                sections[sections.count - 1].lines.append(line)
            }
        }
        // Every item reads the same content; sift it once, not once per item. (Most sections'
        // lines all say something: they are shared, not copied.)
        for index in sections.indices {
            let lines = sections[index].lines
            sections[index].realContent = lines.allSatisfy(\.isRealContent) ? lines : lines.filter(\.isRealContent)
        }
        return sections
    }

    /// The heading entry a line matches, with the range of any content after its colon.
    func heading(_ folded: FoldedText) -> (Lexicon.HeadingEntry, NSRange?)? {
        let headings = lexicon.headings
        guard let index = headings.patterns.firstMatching(in: folded) else { return nil }
        if let start = headings.contentStart(index, in: folded) {
            // Empty content is no content, as when the heading ends the line.
            return (headings.entries[index], start < folded.length ? NSRange(location: start, length: folded.length - start) : nil)
        }
        guard let match = headings.patterns.members[index].captures(in: folded) else { return nil }
        let content = match.range(withName: "content")
        return (headings.entries[index], content.location == NSNotFound ? nil : content)
    }

    /// Whether a text of at most 240 bytes has at most 60 scalars: its bytes that start one are
    /// counted as far as the 61st.
    private static func hasAtMost60Scalars(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var scalars = 0
            for byte in bytes where byte & 0xC0 != 0x80 {
                scalars += 1
                if scalars > 60 { return false }
            }
            return true
        }
    }

    /// A bold or upper-case line, or a bare label with a colon, that names no checklist item.
    private func isUnnamedHeading(_ line: AnalysedLine) -> Bool {
        let text = line.text
        guard text.utf8.count <= 240 else { return false } // surely more than 60 characters
        // Most lines are longer than a heading: counted among the bytes (those that start a
        // scalar), they are let go before their scalars are read.
        guard text.utf8.count <= 60 || Self.hasAtMost60Scalars(text) else { return false }
        var letters = 0, characters = 0, words = 0
        var allUppercase = true, hasNumber = false, inWord = false
        for scalar in text.unicodeScalars {
            characters += 1
            if characters > 60 { return false } // too long for a heading: no need to read on
            if scalar == " " { inWord = false; continue }
            if !inWord { words += 1; inWord = true }
            if scalar.isASCII {
                let value = scalar.value
                if (65...90).contains(value) { letters += 1 } else if (97...122).contains(value) { letters += 1; allUppercase = false }
                if (48...57).contains(value) { hasNumber = true }
            } else if (0xC0...0xFF).contains(scalar.value), scalar.value != 0xD7, scalar.value != 0xF7 {
                // Latin-1 letters (æ, ø, å and the accented ones), without looking up their
                // properties: capitals up to Þ, ß and the rest small.
                letters += 1
                if scalar.value >= 0xDF { allUppercase = false }
            } else if scalar.properties.isAlphabetic {
                letters += 1
                if !scalar.properties.isUppercase { allUppercase = false }
            } else if scalar.properties.numericType != nil {
                hasNumber = true
            }
        }
        guard letters >= 3, characters <= 60 else { return false }
        if line.line.isEmphasised { return true }
        if Self.bareLabel.matches(line.folded) { return true }
        return words <= 5 && allUppercase && !hasNumber
    }
}
