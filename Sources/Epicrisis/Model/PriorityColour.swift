/// The follow-up colour marking of Danish discharge letters (Danske Regioner; *Vejledning om epikriser* 2018).
public enum PriorityColour: String, CaseIterable, Sendable, Codable {
    /// Follow-up in general practice within 1–2 weekdays.
    case red
    /// An especially vulnerable patient; the GP must reach out within 14 weekdays.
    case yellow
    /// Recommendations for the GP; the patient can make contact themselves.
    case green
    /// No recommendation for follow-up at the GP.
    case white

    public var danishName: String {
        switch self {
        case .red: "rød"
        case .yellow: "gul"
        case .green: "grøn"
        case .white: "hvid"
        }
    }

    /// The longest time frame, in weekdays, the colour allows; nil where it sets none.
    public var maximumWeekdays: Int? {
        switch self {
        case .red: 2
        case .yellow: 14
        case .green, .white: nil
        }
    }
}
