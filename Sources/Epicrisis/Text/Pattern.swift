import Foundation

/// A regular expression compiled once, matched against folded text.
///
/// Patterns are written as people write Danish (`senfølger`) and folded like the text they match,
/// so they are case- and diacritic-insensitive. Each runs on an `Automaton` (a lazy DFA, one table
/// lookup per character, whatever the number of phrases in it) when its syntax allows, which the
/// shipped lexicon's always does; ICU runs the rest, and gives capture groups.
///
/// A class, immutable: matchers hold and pass patterns around thousands of times a letter, and a
/// structure of six references cost a reference count for each at every copy.
public final class Pattern: @unchecked Sendable {
    /// ICU's compiled form: made at load for patterns the automaton cannot run exactly (which also
    /// checks their syntax), and on first use (capture groups) for the others, whose syntax the
    /// automaton's parser has checked: compiling every pattern for ICU at start-up doubled it.
    /// (NSRegularExpression is immutable and thread-safe once made.)
    private let expression: MadeOnce<NSRegularExpression>
    /// Runs the pattern, when its syntax allows.
    fileprivate let automaton: Automaton?
    /// Says where the pattern cannot match, when the automaton cannot run it exactly: ICU then runs
    /// only on lines the screen lets through.
    private let screen: Automaton?
    /// The pattern as written.
    public let source: String
    /// The pattern as compiled: its letters folded like the text it matches.
    let folded: String
    /// Its place in a lexicon's `LineScreen`, if it has one: a line screened there that cannot
    /// hold the pattern is passed over without a search.
    let screenSlot: LineScreen.Slot?

    public convenience init(_ source: String) throws {
        try self.init(source: source, folded: TextFolding.foldPattern(source))
    }

    private init(source: String, folded: String) throws {
        self.source = source
        self.folded = folded
        self.screenSlot = nil
        let approximation = Automaton(pattern: folded, approximating: true)
        // Nil only if ICU rejects what the automaton's parser accepted: capture groups are then
        // never found.
        self.expression = approximation?.isExact == true ? MadeOnce { try? NSRegularExpression(pattern: folded) }
            : MadeOnce(value: try NSRegularExpression(pattern: folded))
        self.automaton = approximation?.isExact == true ? approximation : nil
        self.screen = approximation?.isExact == false ? approximation : nil
    }

    /// The automaton runs on lines up to this long: a run adds at most one DFA state per character,
    /// so this bounds its memory whatever a hostile line holds. Longer lines (none in real
    /// letters) go to ICU.
    static let automatonLineLimit = 8_192

    private func automaton(for text: FoldedText) -> Automaton? {
        text.length <= Self.automatonLineLimit ? automaton : nil
    }

    /// The part of `range` ICU must search, or nil where it can skip the text: from where the
    /// screen's first match starts, since the screen matches wherever the pattern does (and more),
    /// so no match of the pattern starts before its first. ICU sees the text before it (bounds
    /// are transparent), and tried every position from the range's start, which for a phone
    /// number at the end of a sender's line cost most of reading the header.
    private func icuRange(_ text: FoldedText, _ range: NSRange) -> NSRange? {
        guard let screen, text.length <= Self.automatonLineLimit else { return range }
        guard let first = text.withSymbols({ screen.firstMatch(in: $0, range: range) }) else { return nil }
        return NSRange(location: first.range.location, length: range.location + range.length - first.range.location)
    }

    /// The automaton that says where the pattern may match: its own, or its screen.
    var screeningAutomaton: Automaton? { automaton ?? screen }

    /// Whether the pattern runs on the automaton (else on ICU).
    public var isAutomatic: Bool { automaton != nil }

    /// Why the pattern runs on ICU, or nil when it runs on the automaton.
    public var engineNote: String? {
        guard automaton == nil else { return nil }
        return screen != nil ? "screened by the automaton" : Automaton.unsupported(folded) ?? "unsupported"
    }

    /// The same pattern, enrolled in a line screen.
    init(_ pattern: Pattern, screenSlot: LineScreen.Slot) {
        expression = pattern.expression
        automaton = pattern.automaton
        screen = pattern.screen
        source = pattern.source
        folded = pattern.folded
        self.screenSlot = screenSlot
    }

    /// A pattern from the project's own code, known to compile.
    convenience init(literal source: String) {
        // swiftlint:disable:next force_try
        try! self.init(source)
    }

    /// Matching within `range` sees the text around it, so `\b` and look-behind work at its edges.
    private static let options: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]

    /// Whether the text's line screen has found that the pattern matches nowhere in it.
    @inline(__always)
    private func passedOver(_ text: FoldedText) -> Bool {
        guard let screenSlot else { return false }
        return screenSlot.rulesOut(text)
    }

    /// `range` (the whole text when nil), from where the line screen says that the first match
    /// may start; and where the screen says the last may start (`Int.max`: anywhere).
    @inline(__always)
    private func searched(_ range: NSRange?, in text: FoldedText) -> (range: NSRange, latestStart: Int) {
        let range = range ?? NSRange(location: 0, length: text.length)
        return screenSlot?.searched(range, in: text) ?? (range, .max)
    }

    public func firstMatch(in text: FoldedText, range: NSRange? = nil) -> NSRange? {
        if passedOver(text) { return nil }
        let (range, latestStart) = searched(range, in: text)
        guard let automaton = automaton(for: text) else { return icuRange(text, range).flatMap { icuFirstMatch(in: text, range: $0) } }
        return text.withSymbols { automaton.firstMatch(in: $0, range: range, latestStart: latestStart)?.range }
    }

    public func matches(_ text: FoldedText, range: NSRange? = nil) -> Bool {
        if passedOver(text) { return false }
        let (range, latestStart) = searched(range, in: text)
        guard let automaton = automaton(for: text) else { return icuRange(text, range).flatMap { icuFirstMatch(in: text, range: $0) } != nil }
        return text.withSymbols { automaton.matches($0, range: range, latestStart: latestStart) }
    }

    /// The ranges of every match, left to right, without overlaps.
    public func ranges(in text: FoldedText, range: NSRange? = nil) -> [NSRange] {
        if passedOver(text) { return [] }
        let (range, latestStart) = searched(range, in: text)
        guard let automaton = automaton(for: text) else { return icuRange(text, range).map { icuMatches(in: text, range: $0).map(\.range) } ?? [] }
        return text.withSymbols { automaton.allMatches(in: $0, range: range, latestStart: latestStart) }
    }

    /// The first match with its capture groups. ICU runs only when the automaton has found that
    /// there is a match, so lines without one cost no more than with `matches`; and it starts
    /// where that match starts (seeing the text before it), so it finds the same match without
    /// trying every position before it, which for an expression with gaps cost more than all the
    /// rest of the line's matching.
    /// (On a line holding a line terminator ICU's `$` also matches before it, where the
    /// automaton's does not: there the automaton's start may not be ICU's, and ICU reads the whole
    /// line.)
    public func captures(in text: FoldedText) -> NSTextCheckingResult? {
        guard let found = firstMatch(in: text) else { return nil }
        let from = text.hasLineTerminator ? 0 : found.location
        return expression.value?.firstMatch(in: text.text, options: Self.options, range: NSRange(location: from, length: text.length - from))
    }

    /// Every match with its capture groups; ICU runs only on lines the automaton finds a match in.
    public func allCaptures(in text: FoldedText) -> [NSTextCheckingResult] {
        guard matches(text) else { return [] }
        return icuMatches(in: text, range: NSRange(location: 0, length: text.length))
    }

    /// ICU's answer, for patterns the automaton does not run and for testing that it agrees.
    func icuFirstMatch(in text: FoldedText, range: NSRange) -> NSRange? {
        guard let found = expression.value?.rangeOfFirstMatch(in: text.text, options: Self.options, range: range),
              found.location != NSNotFound else { return nil }
        return found
    }

    func icuMatches(in text: FoldedText, range: NSRange) -> [NSTextCheckingResult] {
        expression.value?.matches(in: text.text, options: Self.options, range: range) ?? []
    }
}

/// A value made the first time it is needed, once, whichever thread needs it first; nil when it
/// cannot be made. ICU expressions of patterns the automaton runs (needed only for capture
/// groups), and patterns derived from ones already checked at load, are made this way: a process
/// checking one letter mostly never needs them.
final class MadeOnce<Value>: @unchecked Sendable {
    private let make: @Sendable () -> Value?
    private let lock = NSLock()
    // Guarded by `lock`: nil until made, then what was made (nil when it could not be).
    private var made: Value??

    init(_ make: @escaping @Sendable () -> Value?) {
        self.make = make
    }

    /// Already made.
    init(value: Value) {
        make = { nil }
        made = .some(value)
    }

    var value: Value? {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = .some(value)
        return value
    }
}

/// Several patterns matched at once, to learn which one matches first: the leftmost match, and of
/// those starting there the first listed (as in an ICU alternation). The lexicon's headings are
/// such a set: one pass over a line says which heading, if any, it is.
public struct PatternSet: Sendable {
    public let members: [Pattern]
    private let automaton: Automaton?
    /// The set's place in a lexicon's `LineScreen`, if it has one (see `Pattern.screenSlot`).
    var screenSlot: LineScreen.Slot?

    public init(_ members: [Pattern]) {
        self.members = members
        let automata = members.compactMap(\.automaton)
        self.automaton = !members.isEmpty && automata.count == members.count ? Automaton(combining: automata) : nil
    }

    /// The automaton that says where a member may match.
    var screeningAutomaton: Automaton? { automaton }

    /// The index of the member that matches first (within `range`), or nil.
    public func firstMatching(in text: FoldedText, range: NSRange? = nil) -> Int? {
        if let screenSlot, screenSlot.rulesOut(text) { return nil }
        let whole = range ?? NSRange(location: 0, length: text.length)
        let (range, latestStart) = screenSlot?.searched(whole, in: text) ?? (whole, .max)
        if let automaton, text.length <= Pattern.automatonLineLimit {
            return text.withSymbols { automaton.firstMatch(in: $0, range: range, latestStart: latestStart)?.id }
        }
        var best: (location: Int, index: Int)?
        for (index, member) in members.enumerated() {
            if let found = member.firstMatch(in: text, range: range), best == nil || found.location < best!.location { best = (found.location, index) }
        }
        return best?.index
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
    private static let bodySource = #"(?<![\d.,-])(?:\+45 ?)?\d{2} ?\d{2} ?\d{2} ?\d{2}"#
    static let pattern = Pattern(literal: bodySource + #"(?![\d.,]\d)"#)
    /// The pattern without its look-ahead, which reads two symbols and so is beyond the automaton:
    /// run on the automaton, with the look-ahead checked after each match. ICU ran the whole
    /// pattern on every sender's line, most of reading a plain-text header.
    static let body = Pattern(literal: bodySource)

    public static func first(in text: String) -> String? {
        // A number needs eight digits; most text has fewer. (ICU's `\d` also takes digits beyond
        // ASCII, two to four bytes each: every byte beyond ASCII is counted as one, so none is
        // counted short.)
        var text = text
        let digits = text.withUTF8 { bytes in bytes.reduce(0) { $0 + ((48...57).contains($1) || $1 >= 0x80 ? 1 : 0) } }
        guard digits >= 8 else { return nil }
        let folded = FoldedText(text)
        return firstMatch(in: folded).map { folded.originalText($0) }
    }

    /// The pattern's first match. From any start the body matches at most one way (its optional
    /// parts are a space or `+45` that nothing else there could match), so where the look-ahead
    /// fails no match starts there, and the search goes on from the next start.
    static func firstMatch(in text: FoldedText) -> NSRange? {
        guard let automaton = body.automaton, text.length <= Pattern.automatonLineLimit else { return pattern.firstMatch(in: text) }
        return text.withSymbols { symbols in
            var from = 0
            while from < symbols.count,
                  let found = automaton.firstMatch(in: symbols, range: NSRange(location: from, length: symbols.count - from))?.range {
                let end = found.location + found.length
                let lookAheadFails = end + 1 < symbols.count && isDigit(symbols[end + 1])
                    && (isDigit(symbols[end]) || symbols[end] == UInt8(ascii: ".") || symbols[end] == UInt8(ascii: ","))
                if !lookAheadFails { return found }
                from = found.location + 1
            }
            return nil
        }
    }

    /// Whether `\d` matches the symbol.
    private static func isDigit(_ symbol: UInt8) -> Bool {
        (48...57).contains(symbol) || symbol == Symbol.otherDigit
    }
}
