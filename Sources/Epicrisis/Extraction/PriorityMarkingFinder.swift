import Foundation

/// Finds the follow-up colour marking, in every spelling and wherever it stands, and what the letter
/// says around it: the time frame, and whether the patient or the GP makes contact.
///
/// A colour word counts only in a marking form from the lexicon ("Prioritet: grøn", "[GUL]",
/// "Rød epikrise"), never in running text ("rødme", "gul farvning af huden", "grøn stær").
struct PriorityMarkingFinder {
    let lexicon: Lexicon.PriorityLexicon
    let context: ContextAnalyzer

    /// Every marking in reading order.
    func markings(in lines: [AnalysedLine], structured: TextLine?) -> [PriorityMarking] {
        var found: [PriorityMarking] = []
        if let structured, let colour = lexicon.colourWords[TextFolding.fold(structured.text).trimmingSpaces] {
            found.append(PriorityMarking(colour: colour, evidence: Evidence(text: structured.text, location: structured.location,
                                                                            source: .marking)))
        }
        // A blank line names no colour (and shares one fold, which no screen has read).
        for line in lines where !line.isEmpty && mentionsColour(line.folded) {
            var best: (range: NSRange, colour: PriorityColour)?
            for pattern in lexicon.markings {
                guard let match = pattern.captures(in: line.folded),
                      context.polarity(of: match.range, in: line.folded) != .negated,
                      let colour = lexicon.colourWords[line.folded.substring(match.range(withName: "colour"))] else { continue }
                if best == nil || match.range.location < best!.range.location { best = (match.range, colour) }
            }
            if let best {
                found.append(PriorityMarking(colour: best.colour, evidence: line.evidence(at: best.range, source: .marking)))
            }
        }
        return found
    }

    /// Most lines name no colour at all; only those that do are matched against the marking forms.
    private func mentionsColour(_ folded: FoldedText) -> Bool {
        lexicon.colourMention.matches(folded)
    }

    /// The first time frame stated in `lines`, as weekdays.
    func timeFrame(in lines: [AnalysedLine]) -> TimeFrame? {
        for line in lines {
            if let range = lexicon.nextDay.firstMatch(in: line.folded) {
                return TimeFrame(maximumWeekdays: 1, evidence: line.evidence(at: range, source: .text))
            }
            guard let match = lexicon.timeFrame.captures(in: line.folded) else { continue }
            let upper = match.range(at: 5).location != NSNotFound ? match.range(at: 5) : match.range(at: 3)
            guard let amount = Int(line.folded.substring(upper)) else { continue }
            let unit = line.folded.substring(match.range(at: 6))
            return TimeFrame(maximumWeekdays: Self.weekdays(amount, unit: unit), evidence: line.evidence(at: match.range, source: .text))
        }
        return nil
    }

    /// Calendar days, weeks and months in weekdays, rounded up: "14 dage" is 10 weekdays.
    static func weekdays(_ amount: Int, unit: String) -> Int {
        switch unit {
        case "hverdage", "arbejdsdage": amount
        case "dage", "dogn": (amount * 5 + 6) / 7
        case "uge", "uger": amount * 5
        default: amount * 21 // months
        }
    }

    func firstAffirmed(_ patterns: [Pattern], in lines: [AnalysedLine]) -> Evidence? {
        for line in lines where !line.isEmpty {
            for pattern in patterns {
                if let range = pattern.firstMatch(in: line.folded), context.polarity(of: range, in: line.folded) != .negated {
                    return line.evidence(at: range, source: .text)
                }
            }
        }
        return nil
    }
}
