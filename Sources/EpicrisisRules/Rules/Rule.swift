import Epicrisis

/// How serious a finding is. Ordered: `info` < `warning` < `error`.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info
    case warning
    case error

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A message in the languages epicheck speaks.
public struct LocalizedText: Sendable, Codable, Hashable {
    public var da: String
    public var en: String

    public func text(_ language: Language) -> String {
        language == .da ? da : en
    }
}

public enum Language: String, Sendable, Codable, CaseIterable {
    case da
    case en
}

/// What a rule checks. Each kind is implemented once in `Checks/`; a rule pack chooses and
/// parameterises them.
public enum RuleKind: String, Sendable, Codable, CaseIterable {
    /// The item is addressed (a negative statement counts).
    case itemPresent = "item-present"
    /// A heading for the item stands with nothing, a placeholder or a dash under it.
    case headingEmpty = "heading-empty"
    /// The letter carries a colour marking.
    case priorityPresent = "priority-present"
    /// Red or yellow with a time frame longer than the colour allows.
    case priorityTimeFrame = "priority-time-frame"
    /// Yellow with the patient making contact themselves; green asking the GP to reach out.
    case priorityContact = "priority-contact"
    /// Red/yellow/green with no recommendation to the GP; white with one.
    case priorityRecommendation = "priority-recommendation"
    /// Two different colours in one letter.
    case priorityConflict = "priority-conflict"
    /// An outpatient letter (XDIS02) marked red or yellow.
    case priorityLetterType = "priority-letter-type"
    /// The CPR number has a valid date.
    case cprValid = "cpr-valid"
    /// The CPR number passes the modulus-11 check.
    case cprModulus11 = "cpr-modulus-11"
    /// SKS codes are well formed.
    case sksFormat = "sks-format"
    /// Admission ≤ discharge ≤ authorisation.
    case dateOrder = "date-order"
    /// Sender, receiver and patient are identified.
    case partiesPresent = "parties-present"
    /// The clinical text is not empty.
    case clinicalText = "clinical-text"
    /// The OIOXML letter is valid against its MedCom schema (when `--schemas` is given).
    case schemaValid = "schema-valid"
    /// A template has a heading or a named slot for each checklist item.
    case templateSlot = "template-slot"
    /// A template's colour-marking slot is there, at the top.
    case templateMarkingSlot = "template-marking-slot"
    /// A template's placeholders each name what goes there.
    case templateUnnamedSlot = "template-unnamed-slot"
}

/// Which letters a rule applies to.
public struct Applicability: Sendable, Hashable {
    /// Only cancer letters (the DSAM checklist).
    public var cancerOnly: Bool
    /// Only these letter types; empty means all.
    public var letterTypes: Set<String>
    /// Rules for templates apply to templates only, and other rules to letters only: a template's
    /// slots are not missing content.
    public var templates: Bool

    public init(cancerOnly: Bool = false, letterTypes: Set<String> = [], templates: Bool = false) {
        self.cancerOnly = cancerOnly
        self.letterTypes = letterTypes
        self.templates = templates
    }

    public func applies(to letter: Letter, extraction: Extraction) -> Bool {
        if templates != letter.isTemplate { return false }
        if cancerOnly && !extraction.isCancerLetter { return false }
        return letterTypes.isEmpty || letterTypes.contains(letter.type.code)
    }
}

/// A letter a rule's documentation and tests run it on, and whether the rule must fire.
public struct RuleExample: Sendable, Hashable {
    public var text: String
    public var triggers: Bool
    public var line: Int?
}

/// One rule of a rule pack: what it checks, how much it matters, and what to tell the author.
public struct Rule: Sendable, Identifiable {
    /// A stable identifier (`DSAM-LATE-EFFECTS`): configuration, suppressions and baselines use it.
    public var id: String
    public var title: String
    public var kind: RuleKind
    /// The checklist item the rule is about, where it is about one.
    public var item: ChecklistItem?
    public var severity: Severity
    /// The rule's weight in the letter's score (DSAM items only).
    public var weight: Double
    public var message: LocalizedText
    public var rationale: String
    /// The section of docs/checklist.md (or another source) the rule rests on.
    public var source: String
    public var applicability: Applicability
    public var examples: [RuleExample]
    /// The pack it came from, and where in it, for error messages.
    public var pack: String
    public var file: String
    public var line: Int?
}
