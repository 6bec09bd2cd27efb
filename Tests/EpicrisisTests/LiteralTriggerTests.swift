import Foundation
import Testing
@testable import Epicrisis

@Suite("Literal screening")
struct LiteralTriggerTests {
    @Test("the literals a match cannot do without", arguments: [
        (#"\bsenfølge\w*"#, ["senfolge"]),
        (#"\b(tlf|telefon)\b"#, ["telefon", "tlf"]),
        (#"\bved (mistanke om|tegn på) recidiv"#, [" recidiv"]),
        (#"(?<!af|be)(kræft|cancer)\w*"#, ["cancer", "kraeft"]),
        (#"\b\w*metastase"#, ["metastase"]),
    ])
    func triggers(_ pattern: String, _ expected: [String]) {
        #expect(LiteralTriggers.of(TextFolding.foldPattern(pattern)) == expected)
    }

    @Test("unsure patterns are never screened", arguments: [#"\b\w+"#, #"(?i)abc"#, #"a|\d+"#, #"[abc]+x?"#])
    func unsure(_ pattern: String) {
        #expect(LiteralTriggers.of(pattern) == nil)
    }

    /// Every pattern family of the lexicon, over every line of every letter the project has:
    /// where the expression matches, the screen must let the line through.
    @Test("the screen never hides a match of the lexicon")
    func sound() throws {
        let lexicon = Fixtures.lexicon
        var patterns = [lexicon.headings.pattern, lexicon.placeholder, lexicon.cancerTerms] + lexicon.priority.markings
        patterns += lexicon.items.values.flatMap { [$0.cues, $0.sectionCues].compactMap { $0 } } + lexicon.treatments.map(\.pattern)
        var folders = [Fixtures.samples, Fixtures.root.appendingPathComponent("corpus")]
        if Fixtures.hasShared { folders.append(Fixtures.shared.appendingPathComponent("corpus/dev")) }
        var lines: [FoldedText] = []
        for folder in folders {
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".txt") || file.hasSuffix(".xml") {
                let bytes = Fixtures.bytes(folder.appendingPathComponent(file))
                let letters = (try? LetterReader.read(bytes, path: file)) ?? []
                lines += letters.flatMap(\.lines).map { FoldedText($0.text) }
            }
        }
        #expect(lines.count > 1000)
        var screened = 0
        for pattern in patterns where pattern.screensLines {
            for line in lines where pattern.firstMatchUnscreened(in: line) != nil {
                #expect(pattern.mayMatch(line), "\(pattern.source.prefix(60)) hides a match in: \(line.original)")
            }
            screened += lines.filter { !pattern.mayMatch($0) }.count
        }
        #expect(screened > 0)
    }
}
