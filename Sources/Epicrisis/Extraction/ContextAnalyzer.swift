import Foundation

/// Decides whether a phrase found in a line is affirmed, negated, uncertain, hypothetical, or about
/// someone else, from the Danish cues around it in the same clause.
///
/// A negation's scope runs back over a list ("ingen dysplasi eller malignitet") and ends at a
/// sentence end or at *men*, *dog*, *derimod*; a few cues after the phrase negate it too
/// ("malignitet afkræftet"). "Hvis ikke bedring …" is an instruction, not a negation.
public struct ContextAnalyzer: Sendable {
    let cues: Lexicon.ContextCues
    /// How far back (in UTF-16 units of folded text) a cue may stand and still govern a phrase.
    static let reach = 60
    static let reachAfter = 30

    public init(cues: Lexicon.ContextCues) {
        self.cues = cues
    }

    public func polarity(of range: NSRange, in text: FoldedText) -> Polarity {
        let ns = text.text as NSString
        let start = clauseStart(before: range.location, in: text)
        let windowStart = max(start, range.location - Self.reach)
        let before = FoldedText(ns.substring(with: NSRange(location: windowStart, length: range.location - windowStart)))
        // After a phrase, a cue governs it only within the same list item: "(DC169), HER2 negativ".
        let end = min(clauseEnd(after: range.location + range.length, in: text),
                      commaAfter(range.location + range.length, in: ns))
        let afterLength = min(end - (range.location + range.length), Self.reachAfter)
        let after = FoldedText(ns.substring(with: NSRange(location: range.location + range.length, length: max(0, afterLength))))

        let clause = FoldedText(ns.substring(with: NSRange(location: start, length: range.location - start)))
        if cues.otherPerson.matches(clause) { return .otherPerson }
        if let negation = lastMatch(cues.negation, in: before) {
            let pseudo = cues.pseudoNegation.matches(in: before).contains { NSIntersectionRange($0.range, negation).length > 0 }
            if !pseudo { return .negated }
            if before.text.contains("hvis") { return .hypothetical }
        }
        // "kan ikke udelukkes" hedges; it is not "udelukket".
        if cues.uncertaintyAfter.matches(after) { return .uncertain }
        if cues.negationAfter.matches(after) { return .negated }
        if cues.hypothetical.matches(before) { return .hypothetical }
        if cues.uncertainty.matches(before) { return .uncertain }
        return .affirmed
    }

    private func commaAfter(_ location: Int, in ns: NSString) -> Int {
        let found = ns.range(of: ",", range: NSRange(location: location, length: ns.length - location))
        return found.location == NSNotFound ? ns.length : found.location
    }

    private func lastMatch(_ pattern: Pattern, in text: FoldedText) -> NSRange? {
        pattern.matches(in: text).last?.range
    }

    /// The start of the clause holding `location`: after a sentence end or a scope-ending word.
    private func clauseStart(before location: Int, in text: FoldedText) -> Int {
        let ns = text.text as NSString
        var index = location - 1
        while index >= 0 {
            if isSentenceEnd(at: index, in: text) { break }
            index -= 1
        }
        var start = index + 1
        let head = NSRange(location: start, length: location - start)
        if let scopeEnd = cues.scopeEnd.matches(in: FoldedText(ns.substring(with: head))).last {
            start += scopeEnd.range.location + scopeEnd.range.length
        }
        return start
    }

    private func clauseEnd(after location: Int, in text: FoldedText) -> Int {
        let length = (text.text as NSString).length
        var index = location
        while index < length {
            if isSentenceEnd(at: index, in: text) { return index }
            index += 1
        }
        return length
    }

    /// `;`, `!`, `?`, or a full stop followed by a capital letter in the original text. Abbreviations
    /// ("pt. er", "obs. for") are followed by lower case and do not end a sentence.
    private func isSentenceEnd(at index: Int, in text: FoldedText) -> Bool {
        let ns = text.text as NSString
        let unit = ns.character(at: index)
        switch unit {
        case 0x3B, 0x21: return true // ; !
        case 0x2E: // .
            var next = index + 1
            while next < ns.length, ns.character(at: next) == 0x20 { next += 1 }
            guard next > index + 1, next < ns.length else { return next >= ns.length }
            let characters = Array(text.original)
            let offset = text.originalOffset(next)
            return offset < characters.count && characters[offset].isUppercase
        default: return false
        }
    }
}
