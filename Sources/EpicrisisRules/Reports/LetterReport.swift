import Epicrisis

/// Everything epicheck says about one letter: its checklist, score and findings.
public struct LetterReport: Sendable {
    /// The path as given on the command line (or `-`).
    public var file: String
    /// Which letter of the file, for messages holding several.
    public var index: Int
    public var letter: Letter?
    public var extraction: Extraction?
    public var findings: [Finding]
    /// 0–100 for cancer letters; nil where the DSAM checklist does not apply or the letter was unreadable.
    public var score: Double?
    /// Why the letter could not be read, where it could not.
    public var readError: ReadError?

    public init(file: String, index: Int = 0, letter: Letter? = nil, extraction: Extraction? = nil,
                findings: [Finding] = [], score: Double? = nil, readError: ReadError? = nil) {
        self.file = file
        self.index = index
        self.letter = letter
        self.extraction = extraction
        self.findings = findings
        self.score = score
        self.readError = readError
    }

    /// For a letter, whether it addresses each item; for a template, whether it has a place for it.
    public var checklist: [ChecklistItem: ItemStatus] {
        guard extraction != nil else { return [:] }
        return Dictionary(uniqueKeysWithValues: ChecklistItem.allCases.compactMap { item in status(of: item).map { (item, $0) } })
    }

    /// One item of `checklist` (nil for a letter that was not read), without making the rest.
    public func status(of item: ChecklistItem) -> ItemStatus? {
        guard let extraction else { return nil }
        if let template = extraction.template { return template.covered[item] == nil ? .missing : .present }
        return extraction.judgement(item).status
    }

    public var highestSeverity: Severity? { findings.map(\.severity).max() }

    /// A finding for a letter that could not be read, so it shows in every report format.
    public static func unreadable(file: String, error: ReadError) -> LetterReport {
        let location = error.line.map { SourceLocation(line: $0, column: error.column ?? 1) }
        let finding = Finding(rule: "EPICHECK-UNREADABLE", severity: .error, message: error.message, location: location)
        return LetterReport(file: file, findings: [finding], readError: error)
    }
}
