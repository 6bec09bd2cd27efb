import Epicrisis

/// What a check sees of a letter.
public struct CheckContext: Sendable {
    public var letter: Letter
    public var extraction: Extraction
    public var language: Language
}

/// One kind of rule, implemented once. A check returns what it found; the engine attaches the
/// rule's id, severity and message.
protocol Check: Sendable {
    func run(_ rule: BoundRule, _ context: CheckContext) -> [Finding]
}

/// A rule with its check, looked up once when the engine is built. Checks are handed this
/// reference, not the rule: a `Rule` passed through the existential `Check` was copied on every
/// call, some dozen reference counts per rule and letter.
final class BoundRule: Sendable {
    let rule: Rule
    let check: any Check

    init(rule: Rule, check: any Check) {
        self.rule = rule
        self.check = check
    }

    var item: ChecklistItem? { rule.item }

    func finding(_ context: CheckContext, location: SourceLocation? = nil, section: String? = nil,
                 evidence: String? = nil, detail: String? = nil) -> Finding {
        rule.finding(context, location: location, section: section, evidence: evidence, detail: detail)
    }
}

extension Rule {
    /// A finding of this rule, with its message in `language` and anything particular appended.
    func finding(_ context: CheckContext, location: SourceLocation? = nil, section: String? = nil,
                 evidence: String? = nil, detail: String? = nil) -> Finding {
        var message = self.message.text(context.language)
        if let detail { message += " (\(detail))" }
        return Finding(rule: id, severity: severity, message: message, location: location,
                       section: section ?? item?.rawValue, evidence: evidence.map(Self.shorten))
    }

    /// Evidence is shown, not dumped: one line, at most 160 characters.
    static func shorten(_ text: String) -> String {
        let line = text.utf8.contains(UInt8(ascii: "\n")) ? text.replacingOccurrences(of: "\n", with: " ") : text
        // No more bytes than that is no more characters: most evidence is counted no further.
        return line.utf8.count <= 160 || line.count <= 160 ? line : String(line.prefix(157)) + "…"
    }
}
