import Epicrisis

/// How far epicheck agrees with annotated letters: the figures of docs/evaluation.md, computed
/// the same way as the reference evaluator, so a hospital can measure a rule pack on its own
/// letters before adopting it.
public struct Evaluation: Sendable {
    public struct Disagreement: Sendable {
        public var file: String
        public var field: String
        public var expected: String
        public var got: String
        /// Why epicheck judged as it did: its evidence, or where the heading stood empty.
        public var evidence: [Evidence]
    }

    public private(set) var letters = 0
    public private(set) var unusable = 0
    public private(set) var items: [ChecklistItem: (agree: Int, total: Int)] = [:]
    public private(set) var fields: [String: (agree: Int, total: Int)] = [:]
    public private(set) var missingTruePositives = 0
    public private(set) var missingFalsePositives = 0
    public private(set) var missingFalseNegatives = 0
    public private(set) var disagreements: [Disagreement] = []

    public init() {}

    public mutating func add(file: String, gold: GoldLabel, report: LetterReport?) {
        letters += 1
        guard let report, let extraction = report.extraction else {
            unusable += 1
            scoreUnusable(file: file, gold: gold)
            return
        }
        if let cancer = gold.cancer {
            field("cancer", file: file, expected: String(cancer), got: String(extraction.isCancerLetter), evidence: extraction.cancerEvidence.filter { $0.polarity == .affirmed })
        }
        if let priority = gold.priority {
            field("priority", file: file, expected: priority?.rawValue ?? "null", got: extraction.priority?.colour.rawValue ?? "null",
                  evidence: extraction.priority.map { [$0.evidence] } ?? [])
        }
        if let code = gold.mainDiagnosisCode {
            field("mainDiagnosisCode", file: file, expected: code ?? "null", got: extraction.mainDiagnosisCode ?? "null", evidence: [])
        }
        for item in ChecklistItem.allCases {
            guard let labelled = gold.checklist[item], let present = labelled else { continue }
            let judgement = extraction.judgement(item)
            let expected: ItemStatus = present ? .present : .missing
            var tally = items[item] ?? (0, 0)
            tally.total += 1
            if judgement.status == expected { tally.agree += 1 } else {
                disagreements.append(Disagreement(file: file, field: item.rawValue, expected: expected.rawValue,
                                                  got: judgement.status.rawValue, evidence: judgement.evidence + judgement.emptyHeadings))
            }
            items[item] = tally
            switch (judgement.status == .missing, expected == .missing) {
            case (true, true): missingTruePositives += 1
            case (true, false): missingFalsePositives += 1
            case (false, true): missingFalseNegatives += 1
            default: break
            }
        }
    }

    private mutating func field(_ name: String, file: String, expected: String, got: String, evidence: [Evidence]) {
        var tally = fields[name] ?? (0, 0)
        tally.total += 1
        if expected == got { tally.agree += 1 } else {
            disagreements.append(Disagreement(file: file, field: name, expected: expected, got: got, evidence: Array(evidence.prefix(3))))
        }
        fields[name] = tally
    }

    /// A letter with no usable output is wrong on every judgement, as in the reference evaluator.
    private mutating func scoreUnusable(file: String, gold: GoldLabel) {
        for name in ["cancer", "priority", "mainDiagnosisCode"] {
            let labelled = name == "cancer" ? gold.cancer != nil : name == "priority" ? gold.priority != nil : gold.mainDiagnosisCode != nil
            if labelled { fields[name, default: (0, 0)].total += 1 }
        }
        for (item, value) in gold.checklist where value != nil {
            items[item, default: (0, 0)].total += 1
            if value == false { missingFalseNegatives += 1 }
        }
        disagreements.append(Disagreement(file: file, field: "output", expected: "a report", got: "unreadable", evidence: []))
    }

    public var missingPrecision: Double {
        let found = missingTruePositives + missingFalsePositives
        return found == 0 ? 0 : Double(missingTruePositives) / Double(found)
    }

    public var missingRecall: Double {
        let actual = missingTruePositives + missingFalseNegatives
        return actual == 0 ? 0 : Double(missingTruePositives) / Double(actual)
    }

    public var judgements: Int {
        items.values.reduce(0) { $0 + $1.total } + fields.values.reduce(0) { $0 + $1.total }
    }

    public var overall: Double {
        let agree = items.values.reduce(0) { $0 + $1.agree } + fields.values.reduce(0) { $0 + $1.agree }
        return judgements == 0 ? 0 : Double(agree) / Double(judgements)
    }

    public func accuracy(_ item: ChecklistItem) -> Double? {
        guard let tally = items[item], tally.total > 0 else { return nil }
        return Double(tally.agree) / Double(tally.total)
    }

    public func accuracy(field: String) -> Double? {
        guard let tally = fields[field], tally.total > 0 else { return nil }
        return Double(tally.agree) / Double(tally.total)
    }
}
