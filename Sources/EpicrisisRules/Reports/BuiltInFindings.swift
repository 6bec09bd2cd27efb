/// Findings epicheck itself raises, outside the rule packs: what each means, for `epicheck explain`.
public enum BuiltInFindings {
    public struct Entry: Sendable {
        public var id: String
        public var severity: Severity
        public var meaning: String
    }

    public static let all: [Entry] = [
        Entry(id: "EPICHECK-UNREADABLE", severity: .error,
              meaning: "The letter could not be read or judged: malformed XML or EDIFACT (with line and column), binary data, an empty file, a file over --max-bytes, or a letter over --max-seconds. The other letters of the batch are still checked."),
        Entry(id: "EPICHECK-SUPPRESSION-REASON", severity: .error,
              meaning: "An 'epicheck-disable RULE-ID' comment has no reason. Write 'epicheck-disable RULE-ID: why', so the suppression documents a decision."),
        Entry(id: "EPICHECK-UNUSED-SUPPRESSION", severity: .warning,
              meaning: "An 'epicheck-disable' comment suppresses no finding: the problem was fixed or the rule id is wrong. Remove it."),
        Entry(id: "EPICHECK-MIN-SCORE", severity: .error,
              meaning: "A cancer letter scored below --min-score."),
        Entry(id: "EPICHECK-BASELINE-STALE", severity: .info,
              meaning: "A finding recorded in the --baseline file no longer occurs: it was fixed. Write the baseline again with --write-baseline."),
    ]
}
