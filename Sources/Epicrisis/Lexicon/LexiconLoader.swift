import Foundation

/// Reads a lexicon file strictly: an unknown key, a missing field, an unknown checklist item or a
/// pattern that does not compile is an error naming the file and line.
public enum LexiconLoader {
    public static func load(yaml text: String, file: String) throws -> Lexicon {
        let root = try YAMLValue.parse(text, file: file)
        let fields = try root.fields(
            required: ["version", "language", "headings", "items", "priority", "cancer", "context"],
            optional: ["placeholders", "notAddressing", "treatments"])
        let version = try fields.required("version")
        guard try version.int() == 1 else { throw version.error("unsupported lexicon version (this epicheck reads version 1)") }
        var items: [ChecklistItem: Lexicon.ItemCues] = [:]
        for (key, value) in try fields.required("items").mapping() {
            let item = try checklistItem(key, at: value)
            let entry = try value.fields(required: ["cues"], optional: ["sectionCues", "negationCounts", "ignoreIn"])
            let cues = try sources(entry.required("cues"))
            let sectionCues = try entry["sectionCues"].map { try sources($0) } ?? []
            guard !cues.isEmpty else { throw try entry.required("cues").error("an item needs at least one cue") }
            items[item] = Lexicon.ItemCues(cues: try anyOf(cues), sectionCues: sectionCues.isEmpty ? nil : try anyOf(sectionCues),
                                           negationCounts: try entry["negationCounts"]?.bool() ?? true,
                                           ignoreIn: Set(try (entry["ignoreIn"]?.array() ?? []).map { try checklistItem(try $0.string(), at: $0) }))
        }
        return Lexicon(
            language: try fields.required("language").string(),
            headings: try headings(fields.required("headings")),
            placeholder: try wholeLinePattern(fields["placeholders"]),
            notAddressing: try fields["notAddressing"].map { try patterns($0) } ?? [],
            items: items,
            priority: try priority(fields.required("priority")),
            cancerTerms: try anyOf(try sources(try fields.required("cancer").fields(required: ["terms"]).required("terms"))),
            context: try context(fields.required("context")),
            treatments: try (fields["treatments"]?.mapping() ?? []).map { ($0.key, try anyOf(try sources($0.value))) })
    }

    /// A heading line: an optional number, letter or bullet, one of the terms, then the end of the
    /// line or a colon, full stop or dash followed by the section's first content. Entries are
    /// tried in file order: the first that matches a line names its section.
    private static func headings(_ value: YAMLValue) throws -> Lexicon.HeadingIndex {
        var entries: [Lexicon.HeadingEntry] = []
        var patterns: [Pattern] = []
        var heads: [MadeOnce<Pattern>] = []
        for entry in try value.array() {
            let fields = try entry.fields(required: ["terms", "items", "credit"])
            let termsValue = try fields.required("terms")
            let terms = try termsValue.strings()
            // Each entry is its own expression, so an error names the entry's line.
            let head = #"^(?:(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]\s*|[-•*]\s*)?(?:"# + terms.map { "(?:\($0))" }.joined(separator: "|") + #")\s*"#
            patterns.append(try compile(head + #"(?:$|(?:[:.]|-\s)\s*(?<content>.*)$)"#, at: termsValue))
            let headSource = head + #"(?:$|(?:[:.]|-\s)\s*)"#
            heads.append(MadeOnce { try? Pattern(headSource) })
            let items = try fields.required("items").array().map { try checklistItem(try $0.string(), at: $0) }
            let creditValue = try fields.required("credit")
            guard let credit = Lexicon.Credit(rawValue: try creditValue.string()) else {
                throw creditValue.error("credit must be 'content' or 'cues'")
            }
            entries.append(Lexicon.HeadingEntry(items: items, credit: credit, line: entry.line))
        }
        return Lexicon.HeadingIndex(entries: entries, patterns: PatternSet(patterns), heads: heads)
    }

    private static func priority(_ value: YAMLValue) throws -> Lexicon.PriorityLexicon {
        let fields = try value.fields(required: ["colours", "markings", "timeFrame", "nextDay", "selfContact", "gpReachesOut"])
        var colourWords: [(PriorityColour, [String])] = []
        for (key, words) in try fields.required("colours").mapping() {
            guard let colour = PriorityColour(rawValue: key) else {
                throw words.error("unknown colour '\(key)' (expected red, yellow, green or white)")
            }
            colourWords.append((colour, try words.strings()))
        }
        var colourMap: [String: PriorityColour] = [:]
        for (colour, words) in colourWords {
            for word in words { colourMap[TextFolding.fold(word)] = colour }
        }
        let alternation = "(?<colour>" + colourMap.keys.sorted().joined(separator: "|") + ")"
        var markings: [Pattern] = []
        for marking in try fields.required("markings").array() {
            let template = try marking.string()
            guard template.contains("{colour}") else { throw marking.error("a marking pattern must contain {colour}") }
            markings.append(try compile(template.replacingOccurrences(of: "{colour}", with: alternation), at: marking))
        }
        return Lexicon.PriorityLexicon(
            markings: markings,
            colourWords: colourMap,
            colourMention: try Pattern(colourMap.keys.sorted().map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")),
            timeFrame: try compile(fields.required("timeFrame").string(), at: fields.required("timeFrame")),
            nextDay: try compile(fields.required("nextDay").string(), at: fields.required("nextDay")),
            selfContact: try patterns(fields.required("selfContact")),
            gpReachesOut: try patterns(fields.required("gpReachesOut")))
    }

    private static func context(_ value: YAMLValue) throws -> Lexicon.ContextCues {
        let keys: Set<String> = ["negation", "negationAfter", "uncertainty", "uncertaintyAfter", "hypothetical", "pseudoNegation",
                                 "otherPerson", "scopeEnd"]
        let fields = try value.fields(required: keys)
        func cueList(_ key: String) throws -> Pattern {
            let list = try fields.required(key)
            let words = try list.strings()
            guard !words.isEmpty else { throw list.error("the list is empty") }
            // Whole words only; the last cue before a term is the one that governs it.
            return try compile(#"(?<![\p{L}\d])(?:"# + words.joined(separator: "|") + #")(?![\p{L}\d])"#, at: list)
        }
        return Lexicon.ContextCues(
            negation: try cueList("negation"), negationAfter: try cueList("negationAfter"),
            uncertainty: try cueList("uncertainty"), uncertaintyAfter: try cueList("uncertaintyAfter"), hypothetical: try cueList("hypothetical"),
            pseudoNegation: try cueList("pseudoNegation"), otherPerson: try cueList("otherPerson"),
            scopeEnd: try cueList("scopeEnd"))
    }

    /// The pattern sources of a list, each with its place in the file.
    private static func sources(_ value: YAMLValue) throws -> [(source: String, at: YAMLValue)] {
        try value.array().map { (try $0.string(), $0) }
    }

    /// One expression for a family of patterns, compiled once. Only when it does not compile are
    /// the members compiled one by one, to name the line of the one at fault.
    private static func anyOf(_ members: [(source: String, at: YAMLValue)]) throws -> Pattern {
        for member in members {
            if let problem = PatternSafety.problem(in: member.source) {
                throw member.at.error("unsafe regular expression: \(problem): \(member.source)")
            }
        }
        let combined = members.map { "(?:\($0.source))" }.joined(separator: "|")
        if let pattern = try? Pattern(combined) { return pattern }
        for member in members { _ = try compile(member.source, at: member.at) }
        throw members[0].at.error("the patterns do not combine into one expression")
    }

    private static func patterns(_ value: YAMLValue) throws -> [Pattern] {
        try value.array().map { try compile(try $0.string(), at: $0) }
    }

    /// One expression matching a whole line that is any of the listed forms.
    private static func wholeLinePattern(_ value: YAMLValue?) throws -> Pattern {
        guard let value else { return try Pattern("(?!)") }
        let forms = try value.array().map { form -> String in
            let source = try form.string()
            _ = try compile(source, at: form)
            return "(?:\(source))"
        }
        return try compile("^\\s*(?:" + (forms.isEmpty ? "(?!)" : forms.joined(separator: "|")) + ")\\s*$", at: value)
    }

    static func compile(_ source: String, at value: YAMLValue) throws -> Pattern {
        if let problem = PatternSafety.problem(in: source) {
            throw value.error("unsafe regular expression: \(problem): \(source)")
        }
        do {
            return try Pattern(source)
        } catch {
            throw value.error("invalid regular expression: \(source)")
        }
    }

    public static func checklistItem(_ key: String, at value: YAMLValue) throws -> ChecklistItem {
        guard let item = ChecklistItem(rawValue: key) else {
            throw value.error("unknown checklist item '\(key)' (expected one of: \(ChecklistItem.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return item
    }
}
