import Epicrisis

/// Something a letter lacks or gets wrong, as one rule sees it.
public struct Finding: Sendable, Codable, Hashable {
    public var rule: String
    public var severity: Severity
    public var message: String
    /// Where in the letter; nil for something *missing*, which has no place (see `section`).
    public var location: SourceLocation?
    /// The checklist item or section the finding is about: the logical place of a missing item.
    public var section: String?
    /// The text that shows the problem, where there is one; kept short.
    public var evidence: String?

    public init(rule: String, severity: Severity, message: String, location: SourceLocation? = nil,
                section: String? = nil, evidence: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.section = section
        self.evidence = evidence
    }
}
