import Foundation

/// Decides whether a letter is a cancer letter (docs/checklist.md): a cancer code, or cancer wording
/// that is affirmed. Wording that is negated ("ingen tegn på malignitet"), ruled out ("malignitet
/// afkræftet"), about someone else ("mor havde tyktarmskræft") or an unconfirmed suspicion
/// ("mhp. at udelukke malignitet") does not make a cancer letter.
struct CancerDetector {
    let terms: Pattern
    /// `Lexicon.diagnosisCodes`.
    let codes: Pattern
    let context: ContextAnalyzer

    /// An SKS diagnosis code as written in text (folded: `dc509`).
    static let codeInText = Pattern(literal: #"(?<![\p{L}\d])d[a-z]\d{2}[a-z0-9]{0,4}(?![\p{L}\d])"#)

    /// All the evidence, for and against; the letter is a cancer letter when any of it is affirmed.
    func evidence(letter: Letter, lines: [AnalysedLine], codesInText: [Evidence]) -> [Evidence] {
        var result: [Evidence] = []
        for diagnosis in letter.diagnoses where diagnosis.role != .referral && SKSCode.isCancer(diagnosis.code) {
            result.append(Evidence(text: [diagnosis.code, diagnosis.text].compactMap { $0 }.joined(separator: " "),
                                   location: diagnosis.location ?? SourceLocation(line: 0, column: 0), source: .code))
        }
        result += codesInText.filter { SKSCode.isCancer($0.text) }
        for line in lines where !line.isEmpty {
            for match in terms.ranges(in: line.folded) {
                // The pattern starts at the telling part ("kræft"); the evidence is the whole word.
                let word = line.folded.extendedToWordStart(match)
                result.append(Evidence(text: line.folded.originalText(word),
                                       location: line.line.location.advanced(by: line.folded.originalOffset(word.location)),
                                       polarity: context.polarity(of: match, in: line.folded), source: .text))
            }
        }
        return result
    }

    /// Every SKS diagnosis code written in the text, with its polarity.
    func codesInText(_ lines: [AnalysedLine]) -> [Evidence] {
        var result: [Evidence] = []
        for line in lines where !line.isEmpty {
            for match in codes.ranges(in: line.folded) {
                result.append(Evidence(text: line.folded.originalText(match).uppercased(),
                                       location: line.line.location.advanced(by: line.folded.originalOffset(match.location)),
                                       polarity: context.polarity(of: match, in: line.folded), source: .text))
            }
        }
        return result
    }
}
