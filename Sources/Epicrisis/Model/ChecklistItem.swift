/// The items epicheck checks a letter for. The raw values are a stable contract: reports, gold
/// labels, rule packs and configuration refer to them (see `docs/checklist.md`).
public enum ChecklistItem: String, CaseIterable, Sendable, Codable, Comparable {
    // DSAM's good cancer epicrisis
    case courseSummary = "course-summary"
    case diagnosis
    case stage
    case treatment
    case sideEffects = "side-effects"
    case lateEffects = "late-effects"
    case recurrenceAlarmSymptoms = "recurrence-alarm-symptoms"
    case recurrenceWorkup = "recurrence-workup"
    case followUpPlan = "follow-up-plan"
    // Cross-sector items, every discharge letter
    case gpRecommendation = "gp-recommendation"
    case responsibility
    case contact
    case patientInformed = "patient-informed"

    /// The nine items of DSAM's checklist, which apply to cancer letters only.
    public static let dsam: [ChecklistItem] = [
        .courseSummary, .diagnosis, .stage, .treatment, .sideEffects, .lateEffects,
        .recurrenceAlarmSymptoms, .recurrenceWorkup, .followUpPlan,
    ]

    /// The items every letter is checked for.
    public static let crossSector: [ChecklistItem] = [.gpRecommendation, .responsibility, .contact, .patientInformed]

    public var isDSAM: Bool { Self.dsam.contains(self) }

    /// The Danish name, as the checklist and the letters' headings say it.
    public var danishName: String {
        switch self {
        case .courseSummary: "Resumé af kræftforløbet"
        case .diagnosis: "Diagnose"
        case .stage: "Sygdomsstadie"
        case .treatment: "Behandling"
        case .sideEffects: "Bivirkninger"
        case .lateEffects: "Senfølger"
        case .recurrenceAlarmSymptoms: "Alarmsymptomer på recidiv"
        case .recurrenceWorkup: "Recidivudredning"
        case .followUpPlan: "Plan for opfølgning"
        case .gpRecommendation: "Anbefaling til egen læge"
        case .responsibility: "Ansvarsfordeling"
        case .contact: "Kontaktoplysninger"
        case .patientInformed: "Information til patienten"
        }
    }

    public var englishName: String {
        switch self {
        case .courseSummary: "Summary of the cancer course"
        case .diagnosis: "Diagnosis"
        case .stage: "Disease stage"
        case .treatment: "Treatment"
        case .sideEffects: "Side effects"
        case .lateEffects: "Late effects"
        case .recurrenceAlarmSymptoms: "Alarm symptoms of recurrence"
        case .recurrenceWorkup: "Recurrence work-up"
        case .followUpPlan: "Follow-up plan"
        case .gpRecommendation: "Recommendation to the GP"
        case .responsibility: "Responsibility for follow-up"
        case .contact: "Contact details"
        case .patientInformed: "What the patient was told"
        }
    }

    /// The item's place in the checklist: also its index among `allCases`.
    var order: Int {
        switch self {
        case .courseSummary: 0
        case .diagnosis: 1
        case .stage: 2
        case .treatment: 3
        case .sideEffects: 4
        case .lateEffects: 5
        case .recurrenceAlarmSymptoms: 6
        case .recurrenceWorkup: 7
        case .followUpPlan: 8
        case .gpRecommendation: 9
        case .responsibility: 10
        case .contact: 11
        case .patientInformed: 12
        }
    }

    public static func < (lhs: ChecklistItem, rhs: ChecklistItem) -> Bool { lhs.order < rhs.order }

    // By place rather than by raw value, which a raw-value enum would otherwise compare and hash:
    // items key the dictionaries of every letter's judgements, and hashing their names cost
    // more than the lookups.
    public static func == (lhs: ChecklistItem, rhs: ChecklistItem) -> Bool { lhs.order == rhs.order }

    public func hash(into hasher: inout Hasher) { hasher.combine(order) }
}
