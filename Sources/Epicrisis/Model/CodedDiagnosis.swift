/// What a coded diagnosis is to the letter (MedCom's `Diagnose/Main`, `MainAdditional`, `Other`).
public enum DiagnosisRole: String, Sendable, Codable {
    /// The main diagnosis (*aktionsdiagnose*).
    case main
    /// An additional main diagnosis (`MainAdditional`).
    case mainAdditional = "main-additional"
    /// A secondary diagnosis (*bidiagnose*).
    case other
    /// A procedure or treatment (`DiagnoseDescriptionCode` `operation`, or a `K…`/`B…` code).
    case procedure
    /// The diagnosis the patient was referred with (`Referral/Refer`).
    case referral
}

/// An SKS code with its text, as the letter carries it.
public struct CodedDiagnosis: Hashable, Sendable, Codable {
    public var code: String
    public var text: String?
    public var role: DiagnosisRole
    public var location: SourceLocation?

    public init(code: String, text: String? = nil, role: DiagnosisRole, location: SourceLocation? = nil) {
        self.code = code
        self.text = text
        self.role = role
        self.location = location
    }
}
