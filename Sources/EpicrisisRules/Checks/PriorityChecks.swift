import Epicrisis

/// The letter carries a colour marking.
struct PriorityPresentCheck: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        context.extraction.priority == nil ? [rule.finding(context, section: "priority")] : []
    }
}

/// Red with a time frame over 2 weekdays, yellow over 14.
struct PriorityTimeFrameCheck: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        guard let marking = context.extraction.priority, let limit = marking.colour.maximumWeekdays,
              let frame = context.extraction.timeFrame, frame.maximumWeekdays > limit else { return [] }
        let detail = context.language == .da
            ? "\(marking.colour.danishName) tillader \(limit) hverdage; teksten siger op til ca. \(frame.maximumWeekdays) hverdage"
            : "\(marking.colour.rawValue) allows \(limit) weekdays; the text says up to about \(frame.maximumWeekdays) weekdays"
        return [rule.finding(context, location: frame.evidence.location, section: "priority", evidence: frame.evidence.text, detail: detail)]
    }
}

/// Yellow where the patient contacts the GP themselves (that is green); green where the GP must reach out.
struct PriorityContactCheck: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        guard let marking = context.extraction.priority else { return [] }
        switch marking.colour {
        case .yellow:
            guard let evidence = context.extraction.selfContact else { return [] }
            return [rule.finding(context, location: evidence.location, section: "priority", evidence: evidence.text)]
        case .green:
            guard let evidence = context.extraction.gpReachesOut else { return [] }
            return [rule.finding(context, location: evidence.location, section: "priority", evidence: evidence.text)]
        default:
            return []
        }
    }
}

/// Red, yellow or green with no recommendation to the GP; white with one.
struct PriorityRecommendationCheck: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        guard let marking = context.extraction.priority else { return [] }
        let recommendation = context.extraction.judgement(.gpRecommendation).evidence.filter { $0.source != .marking }
        if marking.colour == .white {
            // The marking's own line ("Hvid epikrise – ingen opfølgning hos egen læge") and statements
            // that there is nothing to do are not recommendations.
            let tasks = recommendation.filter {
                $0.polarity != .negated && !($0.text == marking.evidence.text && $0.location.line == marking.evidence.location.line)
            }
            if let first = tasks.first {
                return [rule.finding(context, location: first.location, section: "priority", evidence: first.text)]
            }
        } else if recommendation.isEmpty {
            return [rule.finding(context, location: marking.evidence.location, section: "priority", evidence: marking.evidence.text)]
        }
        return []
    }
}

/// Two different colours in one letter; the first in reading order is the letter's.
struct PriorityConflictCheck: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        guard let first = context.extraction.priority else { return [] }
        return context.extraction.conflictingPriorities.map { other in
            let detail = context.language == .da
                ? "\(first.colour.danishName) på linje \(first.evidence.location.line), \(other.colour.danishName) på linje \(other.evidence.location.line)"
                : "\(first.colour.rawValue) on line \(first.evidence.location.line), \(other.colour.rawValue) on line \(other.evidence.location.line)"
            return rule.finding(context, location: other.evidence.location, section: "priority", evidence: other.evidence.text, detail: detail)
        }
    }
}

/// Regional guidance allows outpatient letters (XDIS02) only white or green.
struct PriorityLetterTypeCheck: Check {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding] {
        guard context.letter.type == .outpatient, let marking = context.extraction.priority,
              marking.colour == .red || marking.colour == .yellow else { return [] }
        return [rule.finding(context, location: marking.evidence.location, section: "priority", evidence: marking.evidence.text)]
    }
}
