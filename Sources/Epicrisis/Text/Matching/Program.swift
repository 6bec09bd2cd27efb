/// A pattern compiled to a Thompson automaton over symbols, with the symbols grouped into the
/// classes the pattern tells apart (a family of Danish phrases tells apart some forty: the letters
/// it names, digits, space, the rest), so that the lazy DFA's tables are narrow.
struct Program {
    enum Instruction {
        /// Read one symbol in the class set `set`, then go on at `next`.
        case read(set: Int, next: Int32)
        /// Try `first`, then `second` (the order is the priority of leftmost-first matching).
        case split(first: Int32, second: Int32)
        case assert(Int, next: Int32)
        /// A match of alternative `id` ends here.
        case match(id: Int32)
    }

    private(set) var instructions: [Instruction] = []
    private(set) var start: Int32 = 0
    /// Where each alternative starts; `start` tries them in order.
    private(set) var entries: [Int32] = []
    /// How few symbols a match needs (`RegexNode.shortestMatchReach`), or nil when there is no bound.
    let shortestMatchReach: Int?
    /// The alternative each instruction belongs to (-1: the start's own splits).
    private(set) var owner: [Int32] = []
    /// The class of each symbol.
    private(set) var classOf = [UInt8](repeating: 0, count: 256)
    private(set) var classCount = 1
    /// For each read set, whether each class is in it.
    private(set) var readSets: [[Bool]] = []
    private(set) var assertions: [RegexNode.Assertion] = []
    /// Per class, the class of its symbols as assertions see them; `prevGroupCount` of them, and
    /// one more for the start of the text. A DFA state remembers only this of the symbol before it.
    private(set) var prevGroup: [Int] = []
    private(set) var prevGroupCount = 1
    /// Whether any assertion looks at the symbol before a position.
    private(set) var looksBehind = false
    /// A representative symbol of each class.
    private(set) var representative: [UInt8] = []
    /// A representative symbol of each previous-symbol group.
    private var groupRepresentative: [UInt8] = []

    /// One program for several alternatives; a match says which one (the first in order that matches,
    /// as in leftmost-first alternation).
    init(alternatives: [RegexNode]) {
        shortestMatchReach = RegexNode.alternation(alternatives).shortestMatchReach
        var sets: [SymbolSet] = []
        var setIndex: [SymbolSet: Int] = [:]
        var singles = [Int](repeating: -1, count: 256)
        var assertionIndex: [RegexNode.Assertion: Int] = [:]

        /// The index of `value` in `list`, appending it the first time.
        func intern<Value: Hashable>(_ value: Value, _ list: inout [Value], _ index: inout [Value: Int]) -> Int {
            if let known = index[value] { return known }
            list.append(value)
            index[value] = list.count - 1
            return list.count - 1
        }
        func append(_ instruction: Instruction) -> Int32 {
            instructions.append(instruction)
            return Int32(instructions.count - 1)
        }
        /// Splits trying `entries` in order.
        func chain(_ entries: [Int32]) -> Int32 {
            var entry = entries[entries.count - 1]
            for alternative in entries.dropLast().reversed() { entry = append(.split(first: alternative, second: entry)) }
            return entry
        }
        func emit(_ node: RegexNode, next: Int32) -> Int32 {
            switch node {
            case .empty:
                return next
            case .fixedLookBehind:
                // `RegexParser.parseAlternatives` takes these out (or refuses the pattern) before
                // anything is compiled: the automaton checks them apart, at a match's start.
                preconditionFailure("a look-behind of fixed strings reached the program")
            case .symbols(let set):
                // Most sets are one letter of a phrase: those are found by their symbol.
                if let symbol = set.single {
                    if singles[Int(symbol)] < 0 { singles[Int(symbol)] = intern(set, &sets, &setIndex) }
                    return append(.read(set: singles[Int(symbol)], next: next))
                }
                return append(.read(set: intern(set, &sets, &setIndex), next: next))
            case .sequence(let nodes):
                var entry = next
                for node in nodes.reversed() { entry = emit(node, next: entry) }
                return entry
            case .alternation(let nodes):
                return chain(nodes.map { emit($0, next: next) })
            case .assertion(let assertion):
                return append(.assert(intern(assertion, &assertions, &assertionIndex), next: next))
            case .repetition(let node, let minimum, let maximum, let greedy):
                var entry = next
                if let maximum {
                    // (x(x(x)?)?)? for the optional copies, innermost first.
                    for _ in 0..<(maximum - minimum) {
                        let body = emit(node, next: entry)
                        entry = append(greedy ? .split(first: body, second: next) : .split(first: next, second: body))
                    }
                } else {
                    let loop = append(.match(id: -1)) // placeholder, replaced below
                    let body = emit(node, next: loop)
                    instructions[Int(loop)] = greedy ? .split(first: body, second: next) : .split(first: next, second: body)
                    entry = loop
                }
                for _ in 0..<minimum { entry = emit(node, next: entry) }
                return entry
            }
        }

        // Each alternative's instructions are emitted in one run, opening with its match.
        var firsts: [Int32] = []
        entries = alternatives.enumerated().map { id, node in
            let match = append(.match(id: Int32(id)))
            firsts.append(match)
            return emit(node, next: match)
        }
        let bodiesEnd = Int32(instructions.count)
        start = chain(entries)
        owner = [Int32](repeating: -1, count: instructions.count)
        for (id, first) in firsts.enumerated() {
            let end = id + 1 < firsts.count ? firsts[id + 1] : bodiesEnd
            for position in first..<end { owner[Int(position)] = Int32(id) }
        }

        classify(readSets: sets)
    }

    /// Symbols that every set treats alike share a class.
    private mutating func classify(readSets sets: [SymbolSet]) {
        // `\b` looks at word characters on both sides; look-around at its own set on one side.
        var behindSets: [SymbolSet] = [.word]
        var allSets = sets + [.word]
        for assertion in assertions {
            switch assertion {
            case .behind(let set, _):
                looksBehind = true
                behindSets.append(set)
                allSets.append(set)
            case .ahead(let set, _): allSets.append(set)
            case .wordBoundary, .notWordBoundary, .textStart: looksBehind = true
            case .textEnd: break
            }
        }
        // Symbols share a class when every set treats them alike: when they are in the same sets.
        // Found by refinement: each set splits the classes it cuts through. Classes are numbered
        // in the order of their first symbol.
        func partition(by sets: [SymbolSet]) -> ([Int], Int) {
            var classes = [Int](repeating: 0, count: 256)
            var sizes = [256]
            var inSet = [Int](repeating: 0, count: 256)
            var moveTo = [Int](repeating: 0, count: 256)
            var done = Set<SymbolSet>()
            for set in sets where done.insert(set).inserted {
                for index in sizes.indices { inSet[index] = 0 }
                set.forEach { inSet[classes[Int($0)]] += 1 }
                for index in sizes.indices {
                    // A class wholly inside or outside the set is not cut.
                    moveTo[index] = inSet[index] == 0 || inSet[index] == sizes[index] ? index : sizes.count
                    if moveTo[index] != index {
                        sizes[index] -= inSet[index]
                        sizes.append(inSet[index])
                    }
                }
                set.forEach { classes[Int($0)] = moveTo[classes[Int($0)]] }
            }
            var renumbered = [Int](repeating: -1, count: sizes.count)
            var count = 0
            for symbol in 0..<256 {
                if renumbered[classes[symbol]] < 0 { renumbered[classes[symbol]] = count; count += 1 }
                classes[symbol] = renumbered[classes[symbol]]
            }
            return (classes, count)
        }
        let (classes, count) = partition(by: allSets)
        classOf = classes.map { UInt8($0) }
        classCount = count
        representative = [UInt8](repeating: 0, count: count)
        for symbol in (0..<256).reversed() { representative[classes[symbol]] = UInt8(symbol) }
        readSets = sets.map { set in (0..<count).map { set.contains(representative[$0]) } }
        let (groups, groupCount) = partition(by: behindSets)
        prevGroup = (0..<count).map { groups[Int(representative[$0])] }
        prevGroupCount = groupCount
        groupRepresentative = (0..<groupCount).map { group in representative[prevGroup.firstIndex(of: group)!] }
    }

    /// The pairs of classes a match can begin with, as a table by `first * classCount + second`
    /// (where a match can be one symbol long, its first class pairs with every class), or nil
    /// when a match can be empty: the search for a match's start skips every other position.
    /// Assertions are taken to hold, so the table may allow more than it could, never less.
    func beginnings() -> [Bool]? {
        var visited = [Int](repeating: -1, count: instructions.count)
        var walk = 0
        /// The reads reached from `root` through splits and assertions, and whether a match is.
        func reads(from root: Int32) -> (reads: [(set: Int, next: Int32)], matches: Bool) {
            walk += 1
            var stack = [root]
            var found: [(set: Int, next: Int32)] = []
            var matches = false
            while let position = stack.popLast() {
                guard visited[Int(position)] != walk else { continue }
                visited[Int(position)] = walk
                switch instructions[Int(position)] {
                case .split(let first, let second): stack += [first, second]
                case .assert(_, let next): stack.append(next)
                case .read(let set, let next): found.append((set, next))
                case .match: matches = true
                }
            }
            return (found, matches)
        }
        let first = reads(from: start)
        guard !first.matches else { return nil }
        var pairs = [Bool](repeating: false, count: classCount * classCount)
        for read in first.reads {
            let second = reads(from: read.next)
            for firstClass in 0..<classCount where readSets[read.set][firstClass] {
                let row = firstClass * classCount
                if second.matches {
                    for secondClass in 0..<classCount { pairs[row + secondClass] = true }
                    continue
                }
                for next in second.reads {
                    for secondClass in 0..<classCount where readSets[next.set][secondClass] { pairs[row + secondClass] = true }
                }
            }
        }
        return pairs
    }

    /// Whether an assertion holds between the symbol before (nil: start of text) and after (nil:
    /// end of text), given as representatives.
    func holds(_ assertion: Int, before: UInt8?, after: UInt8?) -> Bool {
        switch assertions[assertion] {
        case .textStart: return before == nil
        case .textEnd: return after == nil
        case .wordBoundary: return isWord(before) != isWord(after)
        case .notWordBoundary: return isWord(before) == isWord(after)
        case .behind(let set, let negated): return (before.map(set.contains) ?? false) != negated
        case .ahead(let set, let negated): return (after.map(set.contains) ?? false) != negated
        }
    }

    private func isWord(_ symbol: UInt8?) -> Bool {
        symbol.map(SymbolSet.word.contains) ?? false
    }

    /// A symbol standing for previous-symbol group `group` (the last group is the start of the text).
    func representative(ofGroup group: Int) -> UInt8? {
        group < prevGroupCount ? groupRepresentative[group] : nil
    }
}
