import Foundation

/// Judges whether each checklist item is addressed, by the counting rules of docs/checklist.md:
/// a heading with real content, or a cue phrase anywhere, makes an item present; a negative
/// statement counts; a heading with nothing, a placeholder or a dash under it does not.
struct ItemJudge {
    let lexicon: Lexicon
    let context: ContextAnalyzer
    /// How much evidence to keep per item: enough to show, not the whole letter.
    static let evidenceLimit = 3

    func judge(_ item: ChecklistItem, sections: [Section]) -> ItemJudgement {
        var evidence: [Evidence] = []
        var emptyHeadings: [Evidence] = []
        let cues = lexicon.items[item]?.cues ?? []
        let ignoreIn = lexicon.items[item]?.ignoreIn ?? []
        let negationCounts = lexicon.items[item]?.negationCounts ?? true

        for section in sections {
            guard let heading = section.heading, section.items.contains(item) else { continue }
            let content = section.content.filter(isRealContent)
            if content.isEmpty, !section.hasSubsections {
                emptyHeadings.append(Evidence(text: heading.text, location: heading.location, source: .section,
                                              section: section.title))
                continue
            }
            if section.credit == .content, section.items.first == item, let first = content.first {
                evidence.append(Evidence(text: first.text, location: first.location, polarity: answerPolarity(first),
                                         source: .section, section: section.title))
            } else {
                evidence += cueEvidence(cues + (lexicon.items[item]?.sectionCues ?? []), in: content, section: section)
            }
        }
        for section in sections where !section.items.contains(item) && ignoreIn.isDisjoint(with: section.items) {
            evidence += cueEvidence(cues, in: section.content.filter(isRealContent), section: section)
            if evidence.count >= Self.evidenceLimit { break }
        }
        if !negationCounts {
            evidence.removeAll { $0.source == .text && $0.polarity == .negated }
        }
        return ItemJudgement(item: item, status: evidence.isEmpty ? .missing : .present,
                             evidence: Array(evidence.prefix(Self.evidenceLimit)), emptyHeadings: emptyHeadings)
    }

    /// Content that says something: not blank, not a placeholder, not a mere pointer elsewhere.
    func isRealContent(_ line: TextLine) -> Bool {
        guard !line.text.isEmpty else { return false }
        let folded = FoldedText(line.text)
        return !lexicon.placeholders.contains { $0.matches(folded) } && !lexicon.notAddressing.contains { $0.matches(folded) }
    }

    func isPlaceholder(_ line: TextLine) -> Bool {
        let folded = FoldedText(line.text)
        return lexicon.placeholders.contains { $0.matches(folded) }
    }

    private func cueEvidence(_ cues: [Pattern], in lines: [TextLine], section: Section) -> [Evidence] {
        var result: [Evidence] = []
        for line in lines {
            let folded = FoldedText(line.text)
            for cue in cues {
                guard let range = cue.firstMatch(in: folded) else { continue }
                result.append(Evidence(text: line.text, location: line.location.advanced(by: folded.originalOffset(range.location)),
                                       polarity: context.polarity(of: range, in: folded), source: .text, section: section.title))
                break
            }
            if result.count >= Self.evidenceLimit { break }
        }
        return result
    }

    /// A colon answer negates backwards: "Bivirkninger: ingen".
    private func answerPolarity(_ line: TextLine) -> Polarity {
        let folded = FoldedText(line.text)
        guard let range = context.cues.negation.firstMatch(in: folded) else { return .affirmed }
        return range.location == 0 ? .negated : .affirmed
    }
}
