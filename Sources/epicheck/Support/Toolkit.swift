import Epicrisis
import EpicrisisRules
import Foundation

/// Everything a command needs to read and judge letters, loaded once per process: the lexicon,
/// the rule packs and the configuration, from the rules directory.
struct Toolkit: Sendable {
    let rulesDirectory: URL
    let lexicon: Lexicon
    let packs: [RulePack]
    let configuration: Configuration
    let extractor: Extractor
    let engine: RuleEngine
    let readingOptions: ReadingOptions
    /// How long one letter may take to judge.
    let maximumDuration: Duration?
    private let maximumSeconds: Double?
    /// Read every input as a template (`check --template`); otherwise a file is a template when its
    /// first line says `epicheck: template`, or by its name (see `namesTemplate`).
    var treatAllAsTemplates = false

    init(rulesPath: String?, configPath: String?, language: Language, maximumBytes: Int? = nil, schemas: String? = nil,
         maximumSeconds: Double? = nil) throws {
        self.maximumSeconds = maximumSeconds
        maximumDuration = maximumSeconds.map { .milliseconds(Int64($0 * 1000)) }
        rulesDirectory = try RulesDirectory.locate(explicit: rulesPath)
        // The lexicon takes longest to compile; the rule packs and configuration load meanwhile.
        let rulesDirectory = rulesDirectory
        let lexiconLoad = LexiconPrefetch.take(for: rulesDirectory) ?? Concurrently { try Self.loadLexicon(in: rulesDirectory) }
        let loaded: (configuration: Configuration, packs: [RulePack])
        do {
            loaded = try Self.loadPacks(in: rulesDirectory, configPath: configPath)
        } catch {
            // A broken lexicon is still reported before a broken pack, as when they loaded in turn.
            _ = try lexiconLoad.value()
            throw error
        }
        let (configuration, packs) = loaded
        lexicon = try lexiconLoad.value()
        self.packs = packs
        self.configuration = configuration
        extractor = Extractor(lexicon: lexicon)
        engine = RuleEngine(packs: packs, configuration: configuration, language: language)
        var schemaValidator: SchemaValidator?
        if let schemas {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: schemas, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ConfigurationError(file: schemas, message: "--schemas: not a directory")
            }
            schemaValidator = SchemaValidator(directory: URL(fileURLWithPath: schemas))
        }
        readingOptions = ReadingOptions(maximumBytes: maximumBytes ?? ReadingOptions().maximumBytes,
                                        priorityElementPath: configuration.priorityElementPath, schemaValidator: schemaValidator)
    }

    /// The configuration (`.epicheck.yml`, found from the working directory unless given) and the
    /// rule packs, its extra packs included, checked against each other.
    private static func loadPacks(in rulesDirectory: URL, configPath: String?) throws -> (configuration: Configuration, packs: [RulePack]) {
        var configuration = Configuration()
        let configURL = configPath.map { URL(fileURLWithPath: $0) }
            ?? ConfigurationLoader.find(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        if let configURL {
            configuration = try ConfigurationLoader.load(yaml: try read(configURL), file: configURL.path)
        }
        var packs = try packFiles(in: rulesDirectory).map { try RulePackLoader.load(contentsOf: $0) }
        for extra in configuration.extraPacks {
            let base = configURL?.deletingLastPathComponent() ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            packs.append(try RulePackLoader.load(contentsOf: URL(fileURLWithPath: extra, relativeTo: base)))
        }
        try checkUniqueIDs(packs)
        try configuration.validate(against: Set(packs.flatMap(\.rules).map(\.id)))
        return (configuration, packs)
    }

    /// Reads one file (or stdin as `-`) and judges every letter in it; a letter that cannot be read
    /// becomes a report with that error, so the batch goes on.
    func reports(for input: String) -> [LetterReport] {
        let bytes: [UInt8]
        do {
            bytes = try InputFiles.read(input, limit: readingOptions.maximumBytes)
        } catch let error as ReadError {
            return [LetterReport.unreadable(file: input, error: error)]
        } catch {
            return [LetterReport.unreadable(file: input, error: ReadError(file: input, message: "\(error)"))]
        }
        do {
            var letters = try LetterReader.read(bytes, path: input, options: readingOptions)
            if treatAllAsTemplates || Self.namesTemplate(input) {
                for index in letters.indices { letters[index].isTemplate = true }
            }
            let deadline = maximumDuration.map { Deadline.after($0) } ?? .none
            return try letters.enumerated().map { index, letter in
                engine.report(file: input, index: index, letter: letter, extraction: try extractor.extract(letter, deadline: deadline))
            }
        } catch let error as ReadError {
            return [LetterReport.unreadable(file: input, error: error)]
        } catch {
            let limit = maximumSeconds.map { String(format: "%g s", $0) } ?? "its time limit"
            return [LetterReport.unreadable(file: input, error: ReadError(file: input, message: "not judged: the letter took longer than \(limit)"))]
        }
    }

    /// `onkologi.template.txt`, `epikrise.skabelon.xml`, or any file in a folder called `templates`
    /// or `skabeloner`.
    static func namesTemplate(_ path: String) -> Bool {
        let components = path.lowercased().split(separator: "/").map(String.init)
        guard let name = components.last else { return false }
        let stem = (name as NSString).deletingPathExtension
        return stem.hasSuffix(".template") || stem.hasSuffix(".skabelon")
            || components.dropLast().contains { ["templates", "skabeloner", "skabelon"].contains($0) }
    }

    /// Reads and judges every letter under `paths` on `jobs` threads, handing each report to `body`
    /// in input order; a path that cannot be listed becomes an unreadable-letter report, and a
    /// progress bar shows on a terminal.
    func eachReport(in paths: [String], jobs: Int, _ body: (LetterReport) -> Void) {
        let (files, problems) = InputFiles.expand(paths)
        for (path, why) in problems {
            body(LetterReport.unreadable(file: path, error: ReadError(file: path, message: why)))
        }
        let progress = Progress(total: files.count)
        BatchRunner(toolkit: self, files: files, jobs: jobs).run { reports in
            reports.forEach(body)
            progress.advance()
        }
        progress.finish()
    }

    static func loadLexicon(in directory: URL) throws -> Lexicon {
        let file = directory.appendingPathComponent("lexicon/da.yml")
        return try LexiconLoader.load(yaml: try read(file), file: file.path)
    }

    /// Every `*.yml` directly in the rules directory is a rule pack, loaded in name order.
    private static func packFiles(in directory: URL) throws -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map { directory.appendingPathComponent($0) }
    }

    private static func checkUniqueIDs(_ packs: [RulePack]) throws {
        var seen: [String: String] = [:]
        for pack in packs {
            for rule in pack.rules {
                if let other = seen[rule.id] {
                    throw ConfigurationError(file: pack.file, line: rule.line, message: "rule id '\(rule.id)' is also defined in \(other)")
                }
                seen[rule.id] = pack.file
            }
        }
    }

    static func read(_ url: URL) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigurationError(file: url.path, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: url.path, message: "the file is not UTF-8")
        }
        return text
    }
}
