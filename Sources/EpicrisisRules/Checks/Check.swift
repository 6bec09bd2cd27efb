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
    func run(_ rule: Rule, _ context: CheckContext) -> [Finding]
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
