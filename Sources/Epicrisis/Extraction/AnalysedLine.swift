/// A line of clinical text prepared once per letter for every matcher: folded, and judged for
/// whether it says anything at all.
///
/// A class, immutable: sections and judges pass lines around, and each copy of a structure
/// holding a line's text and its fold cost a reference count per array.
final class AnalysedLine: Sendable {
    let line: TextLine
    let folded: FoldedText
    /// A placeholder (`[udfyldes]`, `{{plan}}`, `XXX`, `-`): no content.
    let isPlaceholder: Bool
    /// A pointer elsewhere or a mention that says nothing ("se journal").
    let isNotAddressing: Bool
    /// The line is blank. (Kept: every matcher asks of every line, and asking the text copied it.)
    let isEmpty: Bool

    /// With `blank`, an empty fold that a blank line takes as its own: a letter's blank lines (a
    /// third of an XML letter's lines, between its sections) share one, rather than each be folded,
    /// screened and given two allocations.
    init(_ line: TextLine, lexicon: Lexicon, blank: FoldedText? = nil) {
        self.line = line
        let isEmpty = line.text.isEmpty
        let folded = isEmpty ? blank ?? FoldedText("") : FoldedText(line.text, screen: lexicon.lineScreen)
        self.folded = folded
        self.isEmpty = isEmpty
        self.isPlaceholder = !isEmpty && lexicon.placeholder.matches(folded)
        // The line screen passes over the forms the line cannot hold.
        self.isNotAddressing = !isEmpty && lexicon.notAddressing.contains { $0.matches(folded) }
    }

    var text: String { line.text }

    /// Content that says something: not blank, not a placeholder, not a mere pointer elsewhere.
    var isRealContent: Bool { !isEmpty && !isPlaceholder && !isNotAddressing }

    /// Evidence at a match in this line.
    func evidence(at range: NSRange, polarity: Polarity = .affirmed, source: EvidenceSource, section: String? = nil) -> Evidence {
        Evidence(text: line.text, location: line.location.advanced(by: folded.originalOffset(range.location)),
                 polarity: polarity, source: source, section: section)
    }
}

import Foundation
