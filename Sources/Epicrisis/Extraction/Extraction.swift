/// Whether a checklist item is addressed by a letter.
public enum ItemStatus: String, Sendable, Codable {
    case present
    case missing
    case notApplicable = "not-applicable"
}

/// What the letter says about one checklist item, with the evidence.
public struct ItemJudgement: Sendable, Codable {
    public var item: ChecklistItem
    public var status: ItemStatus
    /// What makes it present; empty where it is missing.
    public var evidence: [Evidence]
    /// Headings for this item that stand with no real content (empty, a placeholder, a dash).
    public var emptyHeadings: [Evidence]

    public init(item: ChecklistItem, status: ItemStatus, evidence: [Evidence] = [], emptyHeadings: [Evidence] = []) {
        self.item = item
        self.status = status
        self.evidence = evidence
        self.emptyHeadings = emptyHeadings
    }
}

/// A colour marking found in the letter.
public struct PriorityMarking: Sendable, Codable, Hashable {
    public var colour: PriorityColour
    public var evidence: Evidence
}

/// A time frame stated for the GP's follow-up ("inden for 1-2 hverdage").
public struct TimeFrame: Sendable, Codable, Hashable {
    /// The longest time the text allows, in weekdays (calendar days and weeks converted).
    public var maximumWeekdays: Int
    public var evidence: Evidence
}

/// A kind of treatment the letter names.
public struct TreatmentFact: Sendable, Codable, Hashable {
    public var modality: String
    public var evidence: Evidence
}

/// Everything epicheck reads out of one letter: the facts a GP looks for, each with its evidence.
public struct Extraction: Sendable {
    public var sections: [Section]
    public var priority: PriorityMarking?
    /// Further markings of another colour than the first.
    public var conflictingPriorities: [PriorityMarking]
    public var timeFrame: TimeFrame?
    /// The letter says the patient contacts the GP themselves.
    public var selfContact: Evidence?
    /// The letter asks the GP to reach out to the patient.
    public var gpReachesOut: Evidence?
    public var isCancerLetter: Bool
    /// Why the letter is (or is not) taken as a cancer letter: codes and wording, with polarity.
    public var cancerEvidence: [Evidence]
    /// The SKS code of the main diagnosis: the coded one, or the first one written by the diagnosis.
    public var mainDiagnosisCode: String?
    /// Every diagnosis code written in the text.
    public var diagnosisCodesInText: [Evidence]
    public var treatments: [TreatmentFact]
    /// Each item's judgement, by the item's place in the checklist (`ChecklistItem.order`): rules
    /// and reports look items up some hundred times a letter, and a dictionary hashed the item
    /// every time. Read through `judgement(_:)` or `judgements`.
    private(set) var judgementsInOrder: [ItemJudgement?]
    /// For a template: what it provides for.
    public var template: TemplateFacts?

    public var judgements: [ChecklistItem: ItemJudgement] {
        get {
            Dictionary(uniqueKeysWithValues: ChecklistItem.allCases.compactMap { item in judgementsInOrder[item.order].map { (item, $0) } })
        }
        set {
            judgementsInOrder = ChecklistItem.allCases.map { newValue[$0] }
        }
    }

    public func judgement(_ item: ChecklistItem) -> ItemJudgement {
        judgementsInOrder[item.order] ?? ItemJudgement(item: item, status: .missing)
    }
}
