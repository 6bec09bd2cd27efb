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
    func markings(in lines: [TextLine], structured: TextLine?) -> [PriorityMarking] {
        var found: [PriorityMarking] = []
        if let structured, let colour = colour(named: structured.text) {
            found.append(PriorityMarking(colour: colour, evidence: Evidence(text: structured.text, location: structured.location,
                                                                            source: .marking)))
        }
        for line in lines where !line.text.isEmpty {
            let folded = FoldedText(line.text)
            var best: (offset: Int, marking: PriorityMarking)?
            for (colour, pattern) in lexicon.markings {
                guard let range = pattern.firstMatch(in: folded), context.polarity(of: range, in: folded) != .negated else { continue }
                if best == nil || range.location < best!.offset {
                    let evidence = Evidence(text: line.text, location: line.location.advanced(by: folded.originalOffset(range.location)),
                                            source: .marking)
                    best = (range.location, PriorityMarking(colour: colour, evidence: evidence))
                }
            }
            if let best { found.append(best.marking) }
        }
        return found
    }

    /// A structured field holds just the colour, in Danish or English.
    private func colour(named text: String) -> PriorityColour? {
        let folded = TextFolding.fold(text).trimmingCharacters(in: .whitespaces)
        return PriorityColour.allCases.first { folded == TextFolding.fold($0.danishName) || folded == $0.rawValue }
    }

    /// The first time frame stated in `lines`, as weekdays.
    func timeFrame(in lines: [TextLine]) -> TimeFrame? {
        for line in lines {
            let folded = FoldedText(line.text)
            if let range = lexicon.nextDay.firstMatch(in: folded) {
                return TimeFrame(maximumWeekdays: 1, evidence: evidence(line, folded, range))
            }
            guard let match = lexicon.timeFrame.matches(in: folded).first else { continue }
            let ns = folded.text as NSString
            let upper = match.range(at: 5).location != NSNotFound ? match.range(at: 5) : match.range(at: 3)
            guard let amount = Int(ns.substring(with: upper)) else { continue }
            let unit = ns.substring(with: match.range(at: 6))
            return TimeFrame(maximumWeekdays: Self.weekdays(amount, unit: unit), evidence: evidence(line, folded, match.range))
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

    func firstAffirmed(_ patterns: [Pattern], in lines: [TextLine]) -> Evidence? {
        for line in lines where !line.text.isEmpty {
            let folded = FoldedText(line.text)
            for pattern in patterns {
                if let range = pattern.firstMatch(in: folded), context.polarity(of: range, in: folded) != .negated {
                    return evidence(line, folded, range)
                }
            }
        }
        return nil
    }

    private func evidence(_ line: TextLine, _ folded: FoldedText, _ range: NSRange) -> Evidence {
        Evidence(text: line.text, location: line.location.advanced(by: folded.originalOffset(range.location)), source: .text)
    }
}
