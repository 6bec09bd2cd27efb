/// Whether a statement is asserted, denied, hedged, conditional, or about someone other than the patient.
public enum Polarity: String, Sendable, Codable {
    case affirmed
    case negated
    case uncertain
    case hypothetical
    case otherPerson = "other-person"
}

/// Where a piece of evidence was found.
public enum EvidenceSource: String, Sendable, Codable {
    /// The content of a section whose heading names the item.
    case section
    /// A cue phrase in the running text.
    case text
    /// A coded field (an SKS code in `Diagnose`).
    case code
    /// A structured header field (the sender's phone number).
    case structured
    /// The colour marking.
    case marking
}

/// The text that supports a judgement, and where it stands in the letter.
public struct Evidence: Sendable, Codable, Hashable {
    public var text: String
    public var location: SourceLocation
    public var polarity: Polarity
    public var source: EvidenceSource
    /// The heading of the section it stands in, where there is one.
    public var section: String?

    public init(text: String, location: SourceLocation, polarity: Polarity = .affirmed,
                source: EvidenceSource, section: String? = nil) {
        self.text = text
        self.location = location
        self.polarity = polarity
        self.source = source
        self.section = section
    }
}
