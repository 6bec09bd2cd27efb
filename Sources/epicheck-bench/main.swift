import Epicrisis
import Foundation

// Placeholder entry until the benchmark proper is written: the pattern-cost report.
let root = URL(fileURLWithPath: CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : ".")
let lexiconFile = root.appendingPathComponent("rules/lexicon/da.yml")
let lexicon = try LexiconLoader.load(yaml: String(contentsOf: lexiconFile, encoding: .utf8), file: lexiconFile.path)
var letters: [Letter] = []
for name in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("samples").path).sorted() where name.hasSuffix(".txt") || name.hasSuffix(".xml") {
    let bytes = [UInt8](FileManager.default.contents(atPath: root.appendingPathComponent("samples/\(name)").path)!)
    letters += (try? LetterReader.read(bytes, path: name)) ?? []
}
print(PatternCost.report(lexicon: lexicon, letters: letters))
