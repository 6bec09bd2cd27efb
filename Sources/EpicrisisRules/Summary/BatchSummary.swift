import Epicrisis

/// Figures for a whole batch, aggregated letter by letter so that a batch of any size is summed up
/// in constant memory: no letter is kept, only counts and the few lowest-scoring letters.
public struct BatchSummary: Sendable {
    /// How present each checklist item is in a group of letters.
    public struct ItemShares: Sendable {
        /// Letters the item applies to, and letters where it is present, per item.
        public var applicable: [ChecklistItem: Int] = [:]
        public var present: [ChecklistItem: Int] = [:]
        public var letters = 0

        public func share(_ item: ChecklistItem) -> Double? {
            guard let total = applicable[item], total > 0 else { return nil }
            return Double(present[item] ?? 0) / Double(total)
        }

        mutating func add(_ checklist: [ChecklistItem: ItemStatus]) {
            letters += 1
            for (item, status) in checklist where status != .notApplicable {
                applicable[item, default: 0] += 1
                if status == .present { present[item, default: 0] += 1 }
            }
        }
    }

    /// A letter worth learning from: where it is and what it misses (no identifiers).
    public struct LowScore: Sendable {
        public var file: String
        public var index: Int
        public var score: Double
        public var department: String?
        public var missing: [ChecklistItem]
    }

    public struct Month: Sendable {
        public var letters = 0
        public var cancerLetters = 0
        public var scoreTotal = 0.0
        public var allNine = 0
        public var meanScore: Double? { cancerLetters == 0 ? nil : scoreTotal / Double(cancerLetters) }
    }

    public private(set) var letters = 0
    public private(set) var unreadable = 0
    public private(set) var cancerLetters = 0
    /// Cancer letters with all nine DSAM items present.
    public private(set) var allNine = 0
    public private(set) var withMarking = 0
    public private(set) var colours: [PriorityColour: Int] = [:]
    /// Scores in tenths of a point, counted: enough for the median and the histogram.
    public private(set) var scoreCounts: [Int: Int] = [:]
    public private(set) var items = ItemShares()
    public private(set) var departments: [String: ItemShares] = [:]
    public private(set) var months: [String: Month] = [:]
    public private(set) var lowest: [LowScore] = []
    /// How many low-scoring letters to keep.
    public let keepLowest: Int

    public init(keepLowest: Int = 10) {
        self.keepLowest = keepLowest
    }

    public mutating func add(_ report: LetterReport) {
        // A template is not a letter: it has slots, not content.
        guard report.letter?.isTemplate != true else { return }
        letters += 1
        guard report.readError == nil, let extraction = report.extraction, let letter = report.letter else {
            unreadable += 1
            return
        }
        let checklist = report.checklist
        items.add(checklist)
        let department = letter.sender.displayName ?? "—"
        departments[department, default: ItemShares()].add(checklist)
        if let colour = extraction.priority?.colour {
            withMarking += 1
            colours[colour, default: 0] += 1
        }
        let complete = ChecklistItem.dsam.allSatisfy { checklist[$0] == .present }
        let month = (letter.dates.discharge ?? letter.dates.authorisation ?? letter.dates.admission)
            .map { String($0.date.description.prefix(7)) }
        if let month { months[month, default: Month()].letters += 1 }
        guard extraction.isCancerLetter, let score = report.score else { return }
        cancerLetters += 1
        if complete { allNine += 1 }
        scoreCounts[Int((score * 10).rounded()), default: 0] += 1
        if let month {
            months[month]!.cancerLetters += 1
            months[month]!.scoreTotal += score
            if complete { months[month]!.allNine += 1 }
        }
        let missing = ChecklistItem.allCases.filter { checklist[$0] == .missing }
        lowest.append(LowScore(file: report.file, index: report.index, score: score, department: letter.sender.displayName, missing: missing))
        lowest.sort { ($0.score, $0.file, $0.index) < ($1.score, $1.file, $1.index) }
        if lowest.count > keepLowest { lowest.removeLast() }
    }

    /// The median score of cancer letters.
    public var medianScore: Double? {
        guard cancerLetters > 0 else { return nil }
        let sorted = scoreCounts.sorted { $0.key < $1.key }
        func value(at rank: Int) -> Double {
            var seen = 0
            for (tenths, count) in sorted {
                seen += count
                if seen > rank { return Double(tenths) / 10 }
            }
            return Double(sorted.last!.key) / 10
        }
        return cancerLetters % 2 == 1 ? value(at: cancerLetters / 2)
            : (value(at: cancerLetters / 2 - 1) + value(at: cancerLetters / 2)) / 2
    }

    /// Cancer letters per score band of ten points (the last band includes 100).
    public var histogram: [Int] {
        var bands = Array(repeating: 0, count: 10)
        for (tenths, count) in scoreCounts { bands[min(9, tenths / 100)] += count }
        return bands
    }

    /// The share of letters with a colour marking.
    public var markingShare: Double? {
        let readable = letters - unreadable
        return readable == 0 ? nil : Double(withMarking) / Double(readable)
    }

    public var allNineShare: Double? {
        cancerLetters == 0 ? nil : Double(allNine) / Double(cancerLetters)
    }
}
