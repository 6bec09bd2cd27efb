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
            items[item] = Lexicon.ItemCues(cues: try patterns(entry.required("cues")),
                                           sectionCues: try entry["sectionCues"].map { try patterns($0) } ?? [],
                                           negationCounts: try entry["negationCounts"]?.bool() ?? true,
                                           ignoreIn: Set(try (entry["ignoreIn"]?.array() ?? []).map { try checklistItem(try $0.string(), at: $0) }))
        }
        return Lexicon(
            language: try fields.required("language").string(),
            headings: try headings(fields.required("headings")),
            placeholders: try fields["placeholders"].map { try wholeLinePatterns($0) } ?? [],
            notAddressing: try fields["notAddressing"].map { try patterns($0) } ?? [],
            items: items,
            priority: try priority(fields.required("priority")),
            cancerTerms: try patterns(try fields.required("cancer").fields(required: ["terms"]).required("terms")),
            context: try context(fields.required("context")),
            treatments: try (fields["treatments"]?.mapping() ?? []).map { ($0.key, try patterns($0.value)) })
    }

    /// A heading line: an optional number, letter or bullet, the term, then the end of the line or a
    /// colon, dash or full stop followed by the section's first content.
    private static func headings(_ value: YAMLValue) throws -> [Lexicon.HeadingEntry] {
        try value.array().map { entry in
            let fields = try entry.fields(required: ["terms", "items", "credit"])
            let terms = try fields.required("terms").strings()
            let alternation = terms.map { "(?:\($0))" }.joined(separator: "|")
            let source = #"^(?:(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]\s*|[-•*]\s*)?(?:"# + alternation
                + #")\s*(?:$|(?:[:.]|-\s)\s*(?<content>.*)$)"#
            let pattern = try compile(source, at: fields.required("terms"))
            let itemsValue = try fields.required("items")
            let items = try itemsValue.array().map { try checklistItem(try $0.string(), at: $0) }
            let creditValue = try fields.required("credit")
            guard let credit = Lexicon.Credit(rawValue: try creditValue.string()) else {
                throw creditValue.error("credit must be 'content' or 'cues'")
            }
            return Lexicon.HeadingEntry(pattern: pattern, items: items, credit: credit, line: entry.line)
        }
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
        var markings: [(PriorityColour, Pattern)] = []
        for marking in try fields.required("markings").array() {
            let template = try marking.string()
            guard template.contains("{colour}") else { throw marking.error("a marking pattern must contain {colour}") }
            for (colour, words) in colourWords {
                let alternation = "(?:" + words.joined(separator: "|") + ")"
                markings.append((colour, try compile(template.replacingOccurrences(of: "{colour}", with: alternation), at: marking)))
            }
        }
        return Lexicon.PriorityLexicon(
            markings: markings,
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

    private static func patterns(_ value: YAMLValue) throws -> [Pattern] {
        try value.array().map { try compile(try $0.string(), at: $0) }
    }

    private static func wholeLinePatterns(_ value: YAMLValue) throws -> [Pattern] {
        try value.array().map { try compile("^\\s*(?:" + (try $0.string()) + ")\\s*$", at: $0) }
    }

    static func compile(_ source: String, at value: YAMLValue) throws -> Pattern {
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
