import CLibXML2
import Epicrisis
import EpicrisisRules
import Foundation

/// epicheck-bench: throughput of the whole pipeline (read, extract, rules, JSON report) on one core
/// and on all cores, set against libxml2 parsing alone on the same bytes; peak memory; start-up time.
///
///     swift run -c release epicheck-bench [--count N] [--jobs N] [--rounds N] [--root DIR] [--only text|oioxml]
///     swift run -c release epicheck-bench --patterns          # cost of each lexicon pattern family
///     swift run -c release epicheck-bench --generate DIR --count 100000   # letters on disk for the CLI
///     swift run -c release epicheck-bench --startup .build/release/epicheck
struct Options {
    var root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    var count = 2_000
    var jobs = ProcessInfo.processInfo.processorCount
    /// Each measurement is repeated this many times, the runs of one round interleaved, and the
    /// fastest kept: this machine's speed drifts from minute to minute, and a ratio of two runs
    /// made a minute apart measures the drift as much as the code.
    var rounds = 3
    var patterns = false
    var generate: String?
    var startup: String?
    /// Only this kind of letter (`text` or `oioxml`), e.g. to profile one path.
    var only: String?

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--count": count = Int(iterator.next() ?? "") ?? count
            case "--jobs": jobs = Int(iterator.next() ?? "") ?? jobs
            case "--rounds": rounds = max(1, Int(iterator.next() ?? "") ?? rounds)
            case "--root": root = URL(fileURLWithPath: iterator.next() ?? ".")
            case "--patterns": patterns = true
            case "--generate": generate = iterator.next()
            case "--startup": startup = iterator.next()
            case "--only": only = iterator.next()
            default:
                FileHandle.standardError.write(Data("epicheck-bench: unknown argument \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

let options = Options(CommandLine.arguments)
let lexiconFile = options.root.appendingPathComponent("rules/lexicon/da.yml")
let lexicon = try LexiconLoader.load(yaml: String(contentsOf: lexiconFile, encoding: .utf8), file: lexiconFile.path)
let packs = try ["dsam", "cross-sector", "data-quality"].map {
    try RulePackLoader.load(contentsOf: options.root.appendingPathComponent("rules/\($0).yml"))
}
let extractor = Extractor(lexicon: lexicon)
let engine = RuleEngine(packs: packs, language: .da)
let samples = SampleLetters(directory: options.root.appendingPathComponent("samples"))

if options.patterns {
    print(PatternCost.report(lexicon: lexicon, letters: samples.all.compactMap { try? LetterReader.read($0.bytes, path: $0.name) }.flatMap { $0 }))
    exit(0)
}
if let directory = options.generate {
    try samples.write(count: options.count, to: URL(fileURLWithPath: directory))
    print("wrote \(options.count) letters to \(directory)")
    exit(0)
}
if let binary = options.startup {
    print(try Startup.measure(binary: binary, letter: options.root.appendingPathComponent("samples/good-colon-cancer.xml").path))
    exit(0)
}

let pipeline = Pipeline(extractor: extractor, engine: engine)
print("epicheck-bench: \(options.count) letters per run, \(options.jobs) cores for the parallel runs, fastest of \(options.rounds) rounds")
for (kind, letters) in [("text", samples.text), ("oioxml", samples.xml)] where options.only == nil || options.only == kind {
    let batch = samples.replicate(letters, count: options.count)
    var single = Timing(seconds: .infinity), parallel = single, parse = single
    for _ in 0..<options.rounds {
        single = min(single, pipeline.run(batch, jobs: 1))
        parallel = min(parallel, pipeline.run(batch, jobs: options.jobs))
        if kind == "oioxml" { parse = min(parse, LibXML2Baseline.run(batch)) }
    }
    print("\n\(kind): \(letters.count) distinct sample letters, \(batch.bytes / 1024) KiB per run")
    print("  epicheck, 1 core:        " + single.summary(batch))
    print("  epicheck, \(options.jobs) cores:       " + parallel.summary(batch) + String(format: "  (%.2f× one core)", single.seconds / parallel.seconds))
    if kind == "oioxml" {
        print("  libxml2 parse alone:     " + parse.summary(batch))
        print(String(format: "  epicheck per letter ÷ libxml2 parse per letter: %.1f×", single.seconds / parse.seconds))
        let paired = (0..<options.rounds).map { _ in LibXML2Baseline.pairedRatio(pipeline, batch) }.sorted()
        print(String(format: "    the same, the two timed in turn on blocks of 50 letters: %.1f× (median of %d rounds)",
                     paired[paired.count / 2], paired.count))
    }
}
print(String(format: "\npeak memory (resident): %.1f MiB", PeakMemory.mebibytes))
