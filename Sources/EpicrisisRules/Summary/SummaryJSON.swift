import Epicrisis

extension BatchSummary {
    /// The summary as JSON: the figures a report shows, for machines.
    public var json: JSONValue {
        func shares(_ group: ItemShares) -> JSONValue {
            .object(ChecklistItem.allCases.map { ($0.rawValue, .optional(group.share($0))) })
        }
        return .object([
            ("letters", .int(letters)),
            ("unreadable", .int(unreadable)),
            ("cancerLetters", .int(cancerLetters)),
            ("medianScore", .optional(medianScore)),
            ("allNineShare", .optional(allNineShare)),
            ("markingShare", .optional(markingShare)),
            ("colours", .object(PriorityColour.allCases.map { ($0.rawValue, .int(colours[$0] ?? 0)) })),
            ("scoreHistogram", .array(histogram.map { .int($0) })),
            ("items", shares(items)),
            ("departments", .object(departments.keys.sorted().map { name in
                (name, .object([("letters", .int(departments[name]!.letters)), ("items", shares(departments[name]!))]))
            })),
            ("months", .object(months.keys.sorted().map { key in
                let month = months[key]!
                return (key, .object([("letters", .int(month.letters)), ("cancerLetters", .int(month.cancerLetters)),
                                      ("meanScore", .optional(month.meanScore))]))
            })),
            ("lowestScores", .array(lowest.map { low in
                .object([("file", .string(low.file)), ("index", .int(low.index)), ("score", .number(low.score)),
                         ("department", .optional(low.department)), ("missing", .array(low.missing.map { .string($0.rawValue) }))])
            })),
        ])
    }
}
