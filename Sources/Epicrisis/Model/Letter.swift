/// A discharge letter as read from its source, before any interpretation.
///
/// Readers fill what the source carries; the `Extractor` interprets the clinical text.
public struct Letter: Sendable, Codable {
    public var format: LetterFormat
    public var type: LetterType
    /// MedCom's status (`nytbrev`, `rettetbrev`…), where given.
    public var status: String?
    /// The MedCom namespace the letter was written in, for OIOXML.
    public var namespace: String?
    public var sender: Party
    public var receiver: Party
    public var patient: Patient
    public var dates: LetterDates
    public var diagnoses: [CodedDiagnosis]
    /// The clinical text, line by line, in reading order.
    public var lines: [TextLine]
    /// The follow-up colour as a structured field of a newer MedCom version, where configured and present.
    public var structuredPriority: TextLine?
    /// The author's `epicheck-disable` comments.
    public var suppressions: [Suppression] = []
    /// The file is a letter template (slots, not content), not a letter.
    public var isTemplate = false
    /// Where the letter breaks its MedCom schema, when validation was asked for.
    public var schemaViolations: [ReadError] = []

    public init(format: LetterFormat, type: LetterType = .unknown, status: String? = nil, namespace: String? = nil,
                sender: Party = Party(), receiver: Party = Party(), patient: Patient = Patient(),
                dates: LetterDates = LetterDates(), diagnoses: [CodedDiagnosis] = [], lines: [TextLine] = [],
                structuredPriority: TextLine? = nil) {
        self.format = format
        self.type = type
        self.status = status
        self.namespace = namespace
        self.sender = sender
        self.receiver = receiver
        self.patient = patient
        self.dates = dates
        self.diagnoses = diagnoses
        self.lines = lines
        self.structuredPriority = structuredPriority
    }

    /// The main coded diagnosis, where the letter carries one.
    public var mainDiagnosis: CodedDiagnosis? {
        diagnoses.first { $0.role == .main }
    }
}
