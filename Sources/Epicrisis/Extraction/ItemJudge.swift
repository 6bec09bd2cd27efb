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
        guard let cues = lexicon.items[item] else { return ItemJudgement(item: item, status: .missing) }
        var evidence: [Evidence] = []
        var emptyHeadings: [Evidence] = []

        for section in sections {
            guard let heading = section.heading, section.items.contains(item) else { continue }
            let content = section.realContent
            if content.isEmpty, !section.hasSubsections {
                emptyHeadings.append(Evidence(text: heading.text, location: heading.location, source: .section, section: section.title))
                continue
            }
            if section.credit == .content, section.items.first == item, let first = content.first {
                evidence.append(first.evidence(at: NSRange(location: 0, length: 0), polarity: answerPolarity(first),
                                               source: .section, section: section.title))
            } else {
                evidence += cueEvidence(cues.cues, in: content, section: section)
                if evidence.isEmpty, let sectionCues = cues.sectionCues {
                    evidence += cueEvidence(sectionCues, in: content, section: section)
                }
            }
        }
        // Elsewhere in the letter one statement settles it; reading on would only cost time.
        for section in sections {
            guard evidence.isEmpty else { break }
            guard !section.items.contains(item), cues.ignoreIn.isDisjoint(with: section.items) else { continue }
            evidence += cueEvidence(cues.cues, in: section.realContent, section: section, limit: 1)
        }
        if !cues.negationCounts {
            evidence.removeAll { $0.source == .text && $0.polarity == .negated }
        }
        return ItemJudgement(item: item, status: evidence.isEmpty ? .missing : .present,
                             evidence: Array(evidence.prefix(Self.evidenceLimit)), emptyHeadings: emptyHeadings)
    }

    private func cueEvidence(_ cue: Pattern, in lines: [AnalysedLine], section: Section, limit: Int = evidenceLimit) -> [Evidence] {
        var result: [Evidence] = []
        for line in lines {
            guard let range = cue.firstMatch(in: line.folded) else { continue }
            result.append(line.evidence(at: range, polarity: context.polarity(of: range, in: line.folded), source: .text,
                                        section: section.title))
            if result.count >= limit { break }
        }
        return result
    }

    /// A colon answer negates backwards: "Bivirkninger: ingen".
    private func answerPolarity(_ line: AnalysedLine) -> Polarity {
        guard let range = context.cues.negation.firstMatch(in: line.folded) else { return .affirmed }
        return range.location == 0 ? .negated : .affirmed
    }
}
