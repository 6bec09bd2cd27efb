import Epicrisis

/// Runs rule packs over extracted letters: findings, checklist verdicts and the score.
///
/// Build one per process and share it; it holds no per-letter state.
public struct RuleEngine: Sendable {
    public let rules: [Rule]
    public let language: Language

    public init(packs: [RulePack], configuration: Configuration = Configuration(), language: Language = .da) {
        self.rules = configuration.apply(to: packs.flatMap(\.rules))
        self.language = language
        self.weights = rules.compactMap { rule in
            guard rule.kind == .itemPresent, let item = rule.item, item.isDSAM, rule.weight > 0 else { return nil }
            return (item, rule.weight)
        }
        self.bound = rules.compactMap { rule in Self.checks[rule.kind].map { BoundRule(rule: rule, check: $0) } }
    }

    /// Each rule with its check, looked up once: a dictionary lookup per rule and letter cost
    /// more than most checks.
    private let bound: [BoundRule]

    /// The weighted DSAM items of the `item-present` rules, for the score.
    private let weights: [(item: ChecklistItem, weight: Double)]

    private static let checks: [RuleKind: any Check] = [
        .itemPresent: ItemPresentCheck(), .headingEmpty: HeadingEmptyCheck(),
        .priorityPresent: PriorityPresentCheck(), .priorityTimeFrame: PriorityTimeFrameCheck(),
        .priorityContact: PriorityContactCheck(), .priorityRecommendation: PriorityRecommendationCheck(),
        .priorityConflict: PriorityConflictCheck(), .priorityLetterType: PriorityLetterTypeCheck(),
        .cprValid: CPRValidCheck(), .cprModulus11: CPRModulus11Check(), .sksFormat: SKSFormatCheck(),
        .dateOrder: DateOrderCheck(), .partiesPresent: PartiesPresentCheck(), .clinicalText: ClinicalTextCheck(),
        .schemaValid: SchemaValidCheck(),
        .templateSlot: TemplateSlotCheck(), .templateMarkingSlot: TemplateMarkingSlotCheck(),
        .templateUnnamedSlot: TemplateUnnamedSlotCheck(),
    ]

    /// The findings of every applicable rule, in rule order.
    public func findings(letter: Letter, extraction: Extraction, only ruleIDs: Set<String>? = nil) -> [Finding] {
        let context = CheckContext(letter: letter, extraction: extraction, language: language)
        var findings: [Finding] = []
        for entry in bound where ruleIDs?.contains(entry.rule.id) ?? true {
            guard entry.rule.applicability.applies(to: letter, extraction: extraction) else { continue }
            findings += entry.check.run(entry, context)
        }
        return findings
    }

    /// The share of the weighted DSAM items the letter addresses, 0–100; nil for letters the
    /// checklist does not apply to. Weights come from the `item-present` rules of the packs.
    public func score(_ extraction: Extraction) -> Double? {
        guard extraction.isCancerLetter, extraction.template == nil else { return nil }
        let total = weights.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        let present = weights.filter { extraction.judgement($0.item).status == .present }.reduce(0) { $0 + $1.weight }
        return (present / total * 1000).rounded() / 10
    }

    /// Reads nothing itself: scores a letter already read and extracted.
    public func report(file: String, index: Int = 0, letter: Letter, extraction: Extraction) -> LetterReport {
        let findings = Suppressions.apply(letter.suppressions, to: findings(letter: letter, extraction: extraction), language: language)
        return LetterReport(file: file, index: index, letter: letter, extraction: extraction,
                            findings: findings, score: score(extraction))
    }

    public func rule(_ id: String) -> Rule? {
        rules.first { $0.id == id }
    }
}
