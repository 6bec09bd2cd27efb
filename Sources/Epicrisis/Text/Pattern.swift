import Foundation

/// A regular expression compiled once, matched against folded text.
///
/// Patterns are written as people write Danish (`senfølger`) and folded like the text they match,
/// so they are case- and diacritic-insensitive.
public struct Pattern: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as thread-safe.
    private let expression: NSRegularExpression
    public let source: String

    public init(_ source: String) throws {
        self.source = source
        self.expression = try NSRegularExpression(pattern: TextFolding.foldPattern(source), options: [])
    }

    /// A pattern from the project's own code, known to compile.
    init(literal source: String) {
        // swiftlint:disable:next force_try
        try! self.init(source)
    }

    public func firstMatch(in text: FoldedText, from start: Int = 0) -> NSRange? {
        let length = (text.text as NSString).length
        guard start <= length else { return nil }
        let range = expression.rangeOfFirstMatch(in: text.text, options: [], range: NSRange(location: start, length: length - start))
        return range.location == NSNotFound ? nil : range
    }

    public func matches(in text: FoldedText) -> [NSTextCheckingResult] {
        expression.matches(in: text.text, options: [], range: NSRange(location: 0, length: (text.text as NSString).length))
    }

    public func matches(_ text: FoldedText) -> Bool {
        firstMatch(in: text) != nil
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
