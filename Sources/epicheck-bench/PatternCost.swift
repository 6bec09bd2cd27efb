import Epicrisis
import Foundation

/// Times each family of lexicon patterns over a set of letters: which vocabulary is expensive to
/// match, so a hospital that extends the lexicon can see what its additions cost.
enum PatternCost {
    static func report(lexicon: Lexicon, letters: [Letter]) -> String {
        let lines = letters.flatMap(\.lines).filter { !$0.text.isEmpty }.map { FoldedText($0.text) }
        var rows: [(String, Duration, String)] = []
        let clock = ContinuousClock()
        func time(_ name: String, _ pattern: Pattern) {
            // A first pass builds the automaton's states, as the first letters of a batch do.
            for line in lines { _ = pattern.firstMatch(in: line) }
            let elapsed = clock.measure {
                for line in lines { _ = pattern.firstMatch(in: line) }
            }
            rows.append((name, elapsed, pattern.engineNote.map { "ICU (\($0))" } ?? "automaton"))
        }
        for (index, heading) in lexicon.headings.patterns.members.enumerated() { time("heading \(index)", heading) }
        time("placeholders", lexicon.placeholder)
        time("cancer terms", lexicon.cancerTerms)
        for item in ChecklistItem.allCases {
            if let cues = lexicon.items[item] { time("cues: \(item.rawValue)", cues.cues) }
        }
        for (index, marking) in lexicon.priority.markings.enumerated() { time("marking \(index)", marking) }
        for (modality, pattern) in lexicon.treatments { time("treatment: \(modality)", pattern) }
        time("negation", lexicon.context.negation)
        let total = rows.reduce(Duration.zero) { $0 + $1.1 }
        var out = "pattern family cost over \(lines.count) lines (one first-match per line, warm):\n"
        for (name, elapsed, engine) in rows.sorted(by: { $0.1 > $1.1 }) {
            let share = elapsed / total * 100
            out += "  \(name.padding(toLength: 32, withPad: " ", startingAt: 0)) \(String(format: "%8.1f µs/line  %5.1f %%", elapsed / .microseconds(1) / Double(lines.count), share))  \(engine)\n"
        }
        return out
    }
}
