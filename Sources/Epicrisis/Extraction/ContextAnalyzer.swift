import Foundation

/// Decides whether a phrase found in a line is affirmed, negated, uncertain, hypothetical, or about
/// someone else, from the Danish cues around it in the same clause.
///
/// A negation's scope runs back over a list ("ingen dysplasi eller malignitet") and ends at a
/// sentence end or at *men*, *dog*, *derimod*; a few cues right after the phrase negate it too
/// ("malignitet afkræftet"). "Hvis ikke bedring …" is an instruction, not a negation.
public struct ContextAnalyzer: Sendable {
    let cues: Lexicon.ContextCues
    /// How far back (in UTF-16 units of folded text) a cue may stand and still govern a phrase.
    static let reach = 60
    /// How far after a phrase a cue may stand (and never past a comma: "(DC169), HER2 negativ").
    static let reachAfter = 50

    public init(cues: Lexicon.ContextCues) {
        self.cues = cues
    }

    public func polarity(of range: NSRange, in text: FoldedText) -> Polarity {
        let start = clauseStart(before: range.location, in: text)
        let clause = NSRange(location: start, length: range.location - start)
        let windowStart = max(start, range.location - Self.reach)
        let before = NSRange(location: windowStart, length: range.location - windowStart)
        let afterStart = range.location + range.length
        // Both looked for only within reach: the nearest of the three ends the window.
        let reachEnd = min(afterStart + Self.reachAfter, text.length)
        let end = min(clauseEnd(after: afterStart, before: reachEnd, in: text), commaAfter(afterStart, before: reachEnd, in: text),
                      afterStart + Self.reachAfter)
        let after = NSRange(location: afterStart, length: max(0, end - afterStart))

        if cues.otherPerson.matches(text, range: clause) { return .otherPerson }
        if let negation = cues.negation.ranges(in: text, range: before).last {
            let pseudo = cues.pseudoNegation.ranges(in: text, range: before).contains { NSIntersectionRange($0, negation).length > 0 }
            if !pseudo { return .negated }
            if text.substring(before).containsBytes("hvis") { return .hypothetical }
        }
        // "kan ikke udelukkes" hedges; it is not "udelukket".
        if cues.uncertaintyAfter.matches(text, range: after) { return .uncertain }
        if cues.negationAfter.matches(text, range: after) { return .negated }
        if cues.hypothetical.matches(text, range: before) { return .hypothetical }
        if cues.uncertainty.matches(text, range: before) { return .uncertain }
        return .affirmed
    }

    /// The start of the clause holding `location`: after a sentence end or a scope-ending word.
    private func clauseStart(before location: Int, in text: FoldedText) -> Int {
        var index = location - 1
        while index >= 0, !isSentenceEnd(at: index, in: text) { index -= 1 }
        let start = index + 1
        let head = NSRange(location: start, length: location - start)
        if let scopeEnd = cues.scopeEnd.ranges(in: text, range: head).last {
            return scopeEnd.location + scopeEnd.length
        }
        return start
    }

    /// The first sentence end from `location` on, or `limit` where there is none before it.
    private func clauseEnd(after location: Int, before limit: Int, in text: FoldedText) -> Int {
        var index = location
        while index < limit {
            if isSentenceEnd(at: index, in: text) { return index }
            index += 1
        }
        return limit
    }

    /// The first comma from `location` on, or `limit` where there is none before it.
    private func commaAfter(_ location: Int, before limit: Int, in text: FoldedText) -> Int {
        var index = location
        while index < limit, text.symbol(at: index) != UInt8(ascii: ",") { index += 1 }
        return index
    }

    /// `;`, `!`, `?`, or a full stop followed by a capital letter in the original text. Abbreviations
    /// ("pt. er", "obs. for") are followed by lower case and do not end a sentence.
    private func isSentenceEnd(at index: Int, in text: FoldedText) -> Bool {
        switch text.symbol(at: index) {
        case 0x3B, 0x21: return true // ; !
        case 0x2E: // .
            var next = index + 1
            while next < text.length, text.symbol(at: next) == 0x20 { next += 1 }
            guard next > index + 1, next < text.length else { return next >= text.length }
            return text.isUppercaseInOriginal(next)
        default: return false
        }
    }
}
