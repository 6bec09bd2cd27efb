import Foundation

/// A regular expression compiled once, matched against folded text.
///
/// Patterns are written as people write Danish (`senfølger`) and folded like the text they match,
/// so they are case- and diacritic-insensitive.
public struct Pattern: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as thread-safe.
    private let expression: NSRegularExpression
    /// The pattern as written.
    public let source: String
    /// The pattern as compiled: its letters folded like the text it matches.
    let folded: String
    /// Literals every match contains one of (UTF-8), or nil where that is not known.
    let triggers: [[UInt8]]?
    /// Families with more literals than this are cheaper to run than to screen.
    static let triggerLimit = 256

    public init(_ source: String) throws {
        try self.init(source: source, folded: TextFolding.foldPattern(source))
    }

    private init(source: String, folded: String) throws {
        self.source = source
        self.folded = folded
        self.expression = try NSRegularExpression(pattern: folded, options: [])
        self.triggers = LiteralTriggers.of(folded).flatMap { $0.count <= Self.triggerLimit ? $0.map { Array($0.utf8) } : nil }
    }

    /// Whether lines are screened by literals before the expression runs.
    public var screensLines: Bool { triggers != nil }

    /// False when `text` holds none of the pattern's literals, so it cannot match: most lines are
    /// ruled out this way for most patterns without running the regular expression.
    public func mayMatch(_ text: FoldedText) -> Bool {
        guard let triggers else { return true }
        return text.utf8.withUnsafeBufferPointer { haystack in
            triggers.contains { needle in Self.contains(haystack, needle) }
        }
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count, haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    /// A pattern from the project's own code, known to compile.
    init(literal source: String) {
        // swiftlint:disable:next force_try
        try! self.init(source)
    }

    /// Matching within `range` sees the text around it, so `\\b` and look-behind work at its edges.
    private static let options: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]

    public func firstMatch(in text: FoldedText, range: NSRange? = nil) -> NSRange? {
        if range == nil, !mayMatch(text) { return nil }
        return firstMatchUnscreened(in: text, range: range)
    }

    /// The match without the literal screen, for checking that the screen never hides one.
    func firstMatchUnscreened(in text: FoldedText, range: NSRange? = nil) -> NSRange? {
        let found = expression.rangeOfFirstMatch(in: text.text, options: range == nil ? [] : Self.options,
                                                 range: range ?? NSRange(location: 0, length: text.length))
        return found.location == NSNotFound ? nil : found
    }

    public func matches(in text: FoldedText, range: NSRange? = nil) -> [NSTextCheckingResult] {
        if range == nil, !mayMatch(text) { return [] }
        return expression.matches(in: text.text, options: range == nil ? [] : Self.options,
                           range: range ?? NSRange(location: 0, length: text.length))
    }

    public func matches(_ text: FoldedText, range: NSRange? = nil) -> Bool {
        firstMatch(in: text, range: range) != nil
    }

    /// One pattern that matches where any of `patterns` does.
    public static func anyOf(_ patterns: [Pattern]) throws -> Pattern {
        try Pattern(source: patterns.map { "(?:\($0.source))" }.joined(separator: "|"),
                    folded: patterns.map { "(?:\($0.folded))" }.joined(separator: "|"))
    }
}

/// A match found in a text, given in the original's characters.
public struct TextMatch: Sendable, Hashable {
    public var text: String
    /// Character offset in the original text.
    public var offset: Int
}

/// CPR numbers written in text: `DDMMYY-SSSS` or `DDMMYYSSSS`.
public enum CPRPattern {
    static let pattern = Pattern(literal: #"(?<![\d-])[0-3]\d[01]\d\d\d[ ]?-?[ ]?\d{4}(?![\d-])"#)

    public static func first(in text: String) -> TextMatch? {
        let folded = FoldedText(text)
        guard let range = pattern.firstMatch(in: folded) else { return nil }
        return TextMatch(text: folded.originalText(range), offset: folded.originalOffset(range.location))
    }
}

/// Danish phone numbers: eight digits, grouped or not, optionally with `+45`.
public enum PhonePattern {
    static let pattern = Pattern(literal: #"(?<![\d.,-])(?:\+45 ?)?\d{2} ?\d{2} ?\d{2} ?\d{2}(?![\d.,]\d)"#)

    public static func first(in text: String) -> String? {
        let folded = FoldedText(text)
        return pattern.firstMatch(in: folded).map { folded.originalText($0) }
    }
}
