/// A deterministic automaton built from a `Program` as the text demands it: each state is a set of
/// program positions, each transition is computed the first time it is taken and then read from a
/// table. After a few letters the tables hold every state the lexicon's phrases reach, and a line is
/// matched in one table lookup per symbol, whatever the number of phrases.
///
/// Two kinds: `unanchored` states always include the program's start (a match may begin anywhere)
/// and answer "does a match end here"; `anchored` states keep their positions in priority order and
/// drop those below a match, so a run from a start gives the leftmost-first end, as ICU would.
///
/// Not thread-safe: `Automaton` lends each thread its own.
final class LazyDFA {
    /// The tables live behind a pointer: Swift checks every access to a class's stored `var`s at
    /// run time for exclusivity, and on the matching path those checks cost more than the lookups.
    private let tables: UnsafeMutablePointer<Tables>
    static let dead: Int32 = 0
    /// Past this many states the tables are dropped and rebuilt from what the text needs.
    static let stateLimit = 4_096
    /// A screen's limit: every line passes through it, and on varied text its states come near
    /// the ordinary limit, where dropping them costs more than the memory they hold (some 11 MB
    /// a thread at the limit, up to twice that while a long line runs past it).
    static let screenStateLimit = 8_192
    /// A collecting automaton follows each thread (a member's match begun somewhere) for at most
    /// this many symbols; one that gets that far counts as a match of its member. A screen may
    /// name a member that does not match, never miss one that does, and a bound on how far back a
    /// thread began bounds the states: followed to their ends, the threads of sixty families
    /// (phrases ending in `\w*`, gaps such as `.{0,30}`) combined into tens of thousands of states
    /// over a few thousand letters, and kept growing.
    static let screenDepth: Int32 = 8

    /// With `collecting`, an unanchored automaton that follows every alternative past its matches
    /// and tells which alternatives match anywhere (`matchingIDsAndStarts`), as a set of ids
    /// below 64.
    init(program: Program, anchored: Bool, collecting: Bool = false) {
        tables = .allocate(capacity: 1)
        tables.initialize(to: Tables(program: program, anchored: anchored && !collecting, collects: collecting))
    }

    /// Whether a match may begin at `position` of a text searched up to `end`: false only where
    /// none can.
    @inline(__always)
    func canBegin(at position: Int, in symbols: UnsafeBufferPointer<UInt8>, before end: Int) -> Bool {
        tables.pointee.canBegin(at: position, in: symbols, before: end)
    }

    /// How few symbols a match needs from where it starts (`RegexNode.shortestMatchReach`), or nil
    /// when there is no bound.
    var shortestMatchReach: Int? { tables.pointee.shortestMatchReach }

    /// How many states the tables hold now.
    var stateCount: Int { tables.pointee.stateCount }

    deinit {
        tables.pointee.deallocate()
        tables.deinitialize(count: 1)
        tables.deallocate()
    }

    /// The start with some alternatives left out (bit `id` of `disabled`): those whose look-behind
    /// fails where the run starts.
    func start(before symbol: UInt8?, disabled: UInt64) -> Int32 {
        tables.pointee.start(before: symbol, disabled: disabled)
    }

    func start(before symbol: UInt8?) -> Int32 {
        tables.pointee.start(before: symbol)
    }

    /// The transition from `state` on `symbol`: the next state and whether a match ends before it.
    @inline(__always)
    func step(_ state: Int32, _ symbol: UInt8) -> Int32 {
        tables.pointee.step(state, symbol)
    }

    /// Runs from `state` over `symbols[from..<to]` until a match ends (its position is returned)
    /// or the text does (nil; `state` is where the run stopped).
    func scanForMatchEnd(_ symbols: UnsafeBufferPointer<UInt8>, from: Int, to: Int, state: inout Int32) -> Int? {
        tables.pointee.scanForMatchEnd(symbols, from: from, to: to, state: &state)
    }

    /// The alternative whose match was flagged by the last `step(state, symbol)`.
    func matchedID(_ state: Int32, _ symbol: UInt8) -> Int32 {
        tables.pointee.matchedID(state, symbol)
    }

    /// The id of a match ending at the end of the text, or -1.
    func matchAtEnd(_ state: Int32) -> Int32 {
        tables.pointee.matchAtEnd(state)
    }

    /// Bit `id` set for each alternative that matches somewhere in `symbols` (collecting
    /// automata only), with where the matches of the alternatives in `bounded` may first start,
    /// and of all of them last start (see `ScreenStarts`). A long line is run in halves unless
    /// `inHalves` is false (for testing that the answer is one run's).
    func matchingIDsAndStarts(_ symbols: UnsafeBufferPointer<UInt8>, bounded: UInt64, inHalves: Bool = true) -> (UInt64, ScreenStarts) {
        let found = tables.pointee.matchingIDs(symbols, inHalves: inHalves)
        return (found, tables.pointee.starts(of: found & bounded, among: found))
    }
}

/// A `LazyDFA`'s states and transitions.
private struct Tables {
    private let program: Program
    var shortestMatchReach: Int? { program.shortestMatchReach }
    var stateCount: Int { positions.count }
    private let anchored: Bool
    private let collects: Bool
    private let stride: Int
    /// Per class and state: `next << 1 | matchedBefore`, or `unknown`. (In a collecting automaton
    /// the low bit also marks a transition that drops a thread, see `collect`: only
    /// `matchingIDs` runs one, and reads the masks.) Kept as a raw buffer so the
    /// scanning loops read it without bounds checks (they are the hot path), and in 16 bits: the
    /// loops wait on these loads, and a line screen's table outgrew the cache at 32 bits (with
    /// the next state also kept as its row's offset, in a second table, twice that). A DFA holds
    /// at most its limit, the states its runs start in and one per symbol they read (a line
    /// screened in halves: its symbols and `screenDepth` more): callers keep lines to
    /// `Pattern.automatonLineLimit` symbols, so fewer than 2^15 (`addState` traps beyond).
    ///
    /// A column per class, `columnLength` states long: the entry a symbol leads to is at its
    /// column's offset (`columnOf`, read apart from the state) plus the state, so each step of a
    /// loop waits on a load and an addition, where a row per state made it wait on a
    /// multiplication as well (2 % less time per XML letter, measured in turn; the screen's
    /// loop misses the cache a little more often, and text letters came out even).
    private var table: UnsafeMutablePointer<UInt16>
    /// All ones: its low bit is the match flag's, so the scanning loops find both with one test.
    private static let unknown = UInt16.max
    /// How many states each column holds room for: doubled as the states outgrow it.
    private var columnLength = 64
    /// Per symbol, where its class's column starts in `table`.
    private let columnOf: UnsafeMutablePointer<Int32>
    /// The class of each symbol, copied from the program for the same reason.
    private let classOf: UnsafeMutablePointer<UInt8>
    /// Per pair of classes, whether a match can begin with them; nil when a match can be empty.
    /// Made the first time a run asks: most automata only ever say that a line has no match.
    private var beginnings: UnsafeMutablePointer<Bool>?
    private var beginningsKnown = false
    /// The id of the alternative matched before reading the class (when the flag is set).
    private var matchedID: [Int32] = []
    /// Per state: -2 unknown, -1 no match at the end of the text, else the id matched there.
    private var endMatch: [Int32] = []
    /// When collecting: per state and class, the ids matched before reading the class; per
    /// state, those matched at the end of the text.
    private var matchMasks: [UInt64] = []
    private var endMasks: [UInt64] = []
    /// When collecting: per state and class, and per state at the end of the text, the ids of
    /// threads dropped there for threads that began later (see `collect`).
    private var dropMasks: [UInt64] = []
    private var endDropMasks: [UInt64] = []
    /// When collecting: where the last `matchingIDs` run first flagged each alternative (64
    /// entries, written only as an alternative is first flagged), 64 more for the second half of
    /// a line screened in halves, and after those, as many of where each was last flagged.
    private let firstFlags: UnsafeMutablePointer<Int32>
    /// When collecting: the closure of the start per previous-symbol group and class after.
    private var startClosures: [Int: (next: [Int32], mask: UInt64, dropped: UInt64)] = [:]
    private var positions: [[Int32]] = []
    private var prevGroups: [Int] = []
    private var index: [StateKey: Int32] = [:]
    /// Start states per previous-symbol group (the last is the start of the text); -1 unknown.
    private var starts: [Int32]
    private var maskedStarts: [MaskedStart: Int32] = [:]
    /// Scratch for closures: a position is visited (or, in `readStamps`, reached by reading)
    /// when its stamp is the current generation.
    private var stamps: [UInt32]
    private var readStamps: [UInt32]
    /// When collecting: the depth of the thread kept at each stamped position (see `collect`).
    private var keptDepths: [Int32]
    private var keptReadDepths: [Int32]
    private var generation: UInt32 = 0
    private static let dead = LazyDFA.dead
    private let stateLimit: Int

    private struct StateKey: Hashable {
        var group: Int
        var positions: [Int32]
    }

    init(program: Program, anchored: Bool, collects: Bool) {
        self.program = program
        self.anchored = anchored
        self.collects = collects
        self.stateLimit = collects ? LazyDFA.screenStateLimit : LazyDFA.stateLimit
        self.firstFlags = .allocate(capacity: collects ? 4 * 64 : 0)
        self.stride = program.classCount
        self.starts = [Int32](repeating: -1, count: program.prevGroupCount + 1)
        self.stamps = [UInt32](repeating: 0, count: program.instructions.count)
        self.readStamps = stamps
        self.keptDepths = collects ? [Int32](repeating: 0, count: program.instructions.count) : []
        self.keptReadDepths = keptDepths
        self.classOf = .allocate(capacity: 256)
        for symbol in 0..<256 { classOf[symbol] = program.classOf[symbol] }
        self.table = .allocate(capacity: stride * columnLength)
        table.initialize(repeating: Self.unknown, count: stride * columnLength)
        self.columnOf = .allocate(capacity: 256)
        for symbol in 0..<256 { columnOf[symbol] = Int32(Int(classOf[symbol]) * columnLength) }
        reset()
    }

    /// Called once, by `LazyDFA.deinit`.
    func deallocate() {
        firstFlags.deallocate()
        table.deallocate()
        columnOf.deallocate()
        classOf.deallocate()
        beginnings?.deallocate()
    }

    @inline(__always)
    mutating func canBegin(at position: Int, in symbols: UnsafeBufferPointer<UInt8>, before end: Int) -> Bool {
        if !beginningsKnown { makeBeginnings() }
        guard let beginnings else { return true }
        guard position < end else { return false }
        let row = Int(classOf[Int(symbols[position])]) &* stride
        // At the end of the range a match can be one symbol only; the second is not asked.
        guard position + 1 < end else { return (0..<stride).contains { beginnings[row &+ $0] } }
        return beginnings[row &+ Int(classOf[Int(symbols[position + 1])])]
    }

    private mutating func makeBeginnings() {
        beginningsKnown = true
        beginnings = program.beginnings().map { pairs in
            let table = UnsafeMutablePointer<Bool>.allocate(capacity: pairs.count)
            table.initialize(from: pairs, count: pairs.count)
            return table
        }
    }

    private mutating func reset() {
        matchedID.removeAll(keepingCapacity: true)
        endMatch.removeAll(keepingCapacity: true)
        matchMasks.removeAll(keepingCapacity: true)
        endMasks.removeAll(keepingCapacity: true)
        dropMasks.removeAll(keepingCapacity: true)
        endDropMasks.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        prevGroups.removeAll(keepingCapacity: true)
        index.removeAll(keepingCapacity: true)
        for group in starts.indices { starts[group] = -1 }
        maskedStarts.removeAll(keepingCapacity: true)
        _ = addState(StateKey(group: 0, positions: [])) // the dead state
    }

    private mutating func addState(_ key: StateKey) -> Int32 {
        if let existing = index[key] { return existing }
        let state = Int32(positions.count)
        // The last id would encode, with its match flag, as `unknown`.
        precondition(state < (1 << 15) - 1, "a DFA past 2^15 - 1 states: its table holds 16 bits")
        positions.append(key.positions)
        prevGroups.append(key.group)
        if Int(state) == columnLength { lengthenColumns() }
        for symbolClass in 0..<stride { table[symbolClass * columnLength + Int(state)] = Self.unknown }
        matchedID.append(contentsOf: repeatElement(-1, count: stride))
        endMatch.append(-2)
        if collects {
            matchMasks.append(contentsOf: repeatElement(0, count: stride))
            endMasks.append(0)
            dropMasks.append(contentsOf: repeatElement(0, count: stride))
            endDropMasks.append(0)
        }
        index[key] = state
        return state
    }

    /// Doubles the room for states in every column.
    private mutating func lengthenColumns() {
        let longer = columnLength * 2
        let grown = UnsafeMutablePointer<UInt16>.allocate(capacity: stride * longer)
        grown.initialize(repeating: Self.unknown, count: stride * longer)
        for symbolClass in 0..<stride {
            (grown + symbolClass * longer).update(from: table + symbolClass * columnLength, count: columnLength)
        }
        table.deallocate()
        table = grown
        columnLength = longer
        for symbol in 0..<256 { columnOf[symbol] = Int32(Int(classOf[symbol]) * longer) }
    }

    /// The previous-symbol group of a position's left neighbour (nil: start of text).
    @inline(__always)
    private func group(before symbol: UInt8?) -> Int {
        guard program.looksBehind else { return 0 }
        guard let symbol else { return program.prevGroupCount }
        return program.prevGroup[Int(program.classOf[Int(symbol)])]
    }

    /// The start with some alternatives left out (bit `id` of `disabled`): those whose look-behind
    /// fails where the run starts.
    mutating func start(before symbol: UInt8?, disabled: UInt64) -> Int32 {
        guard disabled != 0 else { return start(before: symbol) }
        if positions.count > stateLimit { reset() }
        let group = group(before: symbol)
        let key = MaskedStart(group: group, disabled: disabled)
        if let known = maskedStarts[key] { return known }
        let entries = program.entries.enumerated().filter { id, _ in id >= 64 || disabled & (1 << UInt64(id)) == 0 }.map(\.element)
        let state = entries.isEmpty ? Self.dead : addState(StateKey(group: group, positions: entries))
        maskedStarts[key] = state
        return state
    }

    private struct MaskedStart: Hashable {
        var group: Int
        var disabled: UInt64
    }

    mutating func start(before symbol: UInt8?) -> Int32 {
        // Every run begins here, holding no state yet: the one moment a full cache can be dropped.
        if positions.count > stateLimit { reset() }
        return startKeepingStates(before: symbol)
    }

    /// The start, with the states already made kept whatever their number: for a second run
    /// begun beside one that holds a state.
    private mutating func startKeepingStates(before symbol: UInt8?) -> Int32 {
        let group = group(before: symbol)
        if starts[group] >= 0 { return starts[group] }
        let state = addState(StateKey(group: group, positions: [program.start]))
        starts[group] = state
        return state
    }

    /// The transition from `state` on `symbol`: the next state and whether a match ends before it.
    @inline(__always)
    mutating func step(_ state: Int32, _ symbol: UInt8) -> Int32 {
        let known = table[Int(columnOf[Int(symbol)]) &+ Int(state)]
        return known != Self.unknown ? Int32(known) : computeStep(state, symbolClass: Int(classOf[Int(symbol)]))
    }

    /// Runs from `state` over `symbols[from..<to]` until a match ends (its position is returned)
    /// or the text does (nil; `state` is where the run stopped).
    mutating func scanForMatchEnd(_ symbols: UnsafeBufferPointer<UInt8>, from: Int, to: Int, state: inout Int32) -> Int? {
        // The tables are read through locals, which stay in registers: read through `self`, they
        // were loaded again at every symbol, since a new state may move them. One does, and then
        // they are read again.
        let columnOf = self.columnOf
        var table = self.table
        var current = Int(state)
        var position = from
        while position < to {
            let symbol = symbols[position]
            var next = table[Int(columnOf[Int(symbol)]) &+ current]
            if next & 1 != 0 { // a match, or a transition not made yet (see `unknown`)
                if next == Self.unknown { next = transition(from: current, on: symbol, in: &table) }
                if next & 1 != 0 {
                    state = Int32(current)
                    return position
                }
            }
            current = Int(next >> 1)
            position &+= 1
        }
        state = Int32(current)
        return nil
    }

    /// The transition from state `current` on `symbol`, made now: the first time it is asked.
    /// `table` is the scanning loop's copy of the table pointer: a new state may move the table
    /// (and its columns, whose offsets `columnOf` keeps), and then the copy is read again.
    private mutating func transition(from current: Int, on symbol: UInt8, in table: inout UnsafeMutablePointer<UInt16>) -> UInt16 {
        _ = computeStep(Int32(current), symbolClass: Int(classOf[Int(symbol)]))
        table = self.table
        return table[Int(columnOf[Int(symbol)]) &+ current]
    }

    /// The alternative whose match was flagged by the last `step(state, symbol)`.
    func matchedID(_ state: Int32, _ symbol: UInt8) -> Int32 {
        matchedID[Int(state) * stride + Int(program.classOf[Int(symbol)])]
    }

    /// The id of a match ending at the end of the text, or -1.
    mutating func matchAtEnd(_ state: Int32) -> Int32 {
        let known = endMatch[Int(state)]
        if known != -2 { return known }
        let (_, id, mask, dropped) = closure(of: state, after: nil)
        endMatch[Int(state)] = id
        if collects {
            endMasks[Int(state)] = mask
            endDropMasks[Int(state)] = dropped
        }
        return id
    }

    /// The ids that match somewhere in `symbols`, noting in `firstFlags` where each id is first
    /// and last flagged (for `starts`).
    mutating func matchingIDs(_ symbols: UnsafeBufferPointer<UInt8>, inHalves: Bool) -> UInt64 {
        if inHalves, symbols.count >= Self.halvedLength { return matchingIDsInHalves(symbols) }
        var found: UInt64 = 0
        // The ids flagged so far, by a match or by a dropped thread.
        var flagged: UInt64 = 0
        var current = Int(start(before: nil))
        // Read through locals, as in `scanForMatchEnd`.
        let columnOf = self.columnOf
        var table = self.table
        var position = 0
        while position < symbols.count {
            screenStep(&current, symbols, position, columnOf, &table, &found, &flagged, firstFlags)
            position &+= 1
        }
        return found | endOfText(current, at: symbols.count, flagged: &flagged, firstFlags)
    }

    /// Lines at least this long are screened in two halves, a step of each in turn: each step
    /// waits on the load of the one before (a table a screen's size is read from the cache's
    /// second level as often as not), and the other half's step goes on meanwhile.
    private static let halvedLength = 48

    /// `matchingIDs` in two runs. A screen's state at a position holds only the threads begun
    /// within `screenDepth` symbols before it, and each is flagged within as many of its start:
    /// so a run from the start to `screenDepth` past the middle flags every thread begun before
    /// the middle, just where one run would, and a run begun at the middle flags every thread
    /// begun after (no older thread changes what becomes of a younger one: where two meet, the
    /// younger is kept), and is in one run's state from `screenDepth` past the middle on. The
    /// ids, first flags and last flags are those of one run.
    private mutating func matchingIDsInHalves(_ symbols: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = symbols.count
        let middle = count / 2
        let firstEnd = middle + Int(Self.screenDepth)
        // The second start keeps the first's state, which a dropped cache would not.
        var first = Int(start(before: nil))
        var second = Int(startKeepingStates(before: symbols[middle - 1]))
        var foundFirst: UInt64 = 0, flaggedFirst: UInt64 = 0
        var foundSecond: UInt64 = 0, flaggedSecond: UInt64 = 0
        let secondFlags = firstFlags + Self.secondRunFlagsOffset
        let columnOf = self.columnOf
        var table = self.table
        // The second half is the shorter: `count - middle` is at most `firstEnd`.
        var offset = 0
        while offset < count &- middle {
            screenStep(&first, symbols, offset, columnOf, &table, &foundFirst, &flaggedFirst, firstFlags)
            screenStep(&second, symbols, middle &+ offset, columnOf, &table, &foundSecond, &flaggedSecond, secondFlags)
            offset &+= 1
        }
        while offset < firstEnd {
            screenStep(&first, symbols, offset, columnOf, &table, &foundFirst, &flaggedFirst, firstFlags)
            offset &+= 1
        }
        foundSecond |= endOfText(second, at: count, flagged: &flaggedSecond, secondFlags)
        // An id the first run flagged was flagged there first; the others where the second did.
        // Last where either did last.
        let last = firstFlags + Self.lastFlagsOffset
        var fromSecond = flaggedSecond
        while fromSecond != 0 {
            let id = fromSecond.trailingZeroBitCount
            if flaggedFirst & (1 << UInt64(id)) == 0 {
                firstFlags[id] = secondFlags[id]
                last[id] = last[Self.secondRunFlagsOffset + id]
            } else {
                last[id] = max(last[id], last[Self.secondRunFlagsOffset + id])
            }
            fromSecond &= fromSecond &- 1
        }
        return foundFirst | foundSecond
    }

    /// One symbol of a screening run: the step from `current`, and the ids it flags.
    @inline(__always)
    private mutating func screenStep(_ current: inout Int, _ symbols: UnsafeBufferPointer<UInt8>, _ position: Int,
                                     _ columnOf: UnsafeMutablePointer<Int32>, _ table: inout UnsafeMutablePointer<UInt16>,
                                     _ found: inout UInt64, _ flagged: inout UInt64, _ firstFlags: UnsafeMutablePointer<Int32>) {
        let symbol = symbols[position]
        var next = table[Int(columnOf[Int(symbol)]) &+ current]
        if next & 1 != 0 { // a match, or a transition not made yet (see `unknown`)
            if next == Self.unknown { next = transition(from: current, on: symbol, in: &table) }
            if next & 1 != 0 {
                let slot = current &* stride &+ Int(classOf[Int(symbol)])
                let mask = matchMasks[slot]
                let flags = mask | dropMasks[slot]
                Self.record(flags & ~flagged, at: position, in: firstFlags)
                Self.record(flags, at: position, in: firstFlags + Self.lastFlagsOffset)
                flagged |= flags
                found |= mask
            }
        }
        current = Int(next >> 1)
    }

    /// What matches at the end of the text, from a screening run's last state.
    private mutating func endOfText(_ current: Int, at end: Int, flagged: inout UInt64, _ firstFlags: UnsafeMutablePointer<Int32>) -> UInt64 {
        let state = Int32(current)
        _ = matchAtEnd(state)
        let last = endMasks[Int(state)]
        let flags = last | endDropMasks[Int(state)]
        Self.record(flags & ~flagged, at: end, in: firstFlags)
        Self.record(flags, at: end, in: firstFlags + Self.lastFlagsOffset)
        flagged |= flags
        return last
    }

    /// Where in `firstFlags` the last flags are kept.
    private static let lastFlagsOffset = 128
    /// Where in `firstFlags` (and past `lastFlagsOffset`) the second half of a line keeps its flags.
    private static let secondRunFlagsOffset = 64

    /// Notes `position` as where the alternatives in `new` were flagged (first, or last).
    private static func record(_ new: UInt64, at position: Int, in firstFlags: UnsafeMutablePointer<Int32>) {
        var new = new
        while new != 0 {
            firstFlags[new.trailingZeroBitCount] = Int32(truncatingIfNeeded: position)
            new &= new &- 1
        }
    }

    /// Where the matches of the alternatives in `found` may start, from the last run that
    /// recorded its flags: the earliest for those in `bounded` (a subset of `found`), the latest
    /// for all. Every thread that a match of an alternative begins is flagged within
    /// `screenDepth` symbols of its start: where the match ends, where the thread reads its last
    /// symbol, or where it is dropped for a thread that began later (`collect`). So no match
    /// starts more than `screenDepth` symbols before the alternative's first flag, nor after its
    /// last. (A member whose opening gap the screen looks past begins its thread after the gap:
    /// its matches start before the thread, and the earliest is not bounded, but the latest is.)
    func starts(of bounded: UInt64, among found: UInt64) -> ScreenStarts {
        var starts = ScreenStarts()
        var remaining = found
        let last = firstFlags + Self.lastFlagsOffset
        // The ids in the order of their bits: the index of each is the count of those before.
        var index = 0
        while remaining != 0, index < ScreenStarts.places {
            let id = remaining.trailingZeroBitCount
            if bounded & (1 << UInt64(id)) != 0 { starts.set(index, to: max(0, Int(firstFlags[id]) - Int(Self.screenDepth))) }
            starts.setLatest(index, to: Int(last[id]))
            remaining &= remaining &- 1
            index += 1
        }
        return starts
    }

    private mutating func computeStep(_ state: Int32, symbolClass: Int) -> Int32 {
        let (next, id, mask, dropped) = closure(of: state, after: symbolClass)
        var nextPositions = next
        if !anchored {
            if !nextPositions.contains(program.start) { nextPositions.append(program.start) }
            // Order does not matter for "does a match end here"; a collecting automaton's entries
            // carry their depth in their high bits, so the numeric order puts the least deep
            // first, as `collect` wants.
            nextPositions.sort()
        }
        let nextGroup = program.looksBehind ? program.prevGroup[symbolClass] : 0
        var target = Self.dead
        if !nextPositions.isEmpty {
            // A full cache is dropped only at the start of a run, when no state is held, so the
            // states of this run stay valid.
            target = addState(StateKey(group: nextGroup, positions: nextPositions))
        }
        let value = target << 1 | (id >= 0 || mask | dropped != 0 ? 1 : 0)
        table[symbolClass * columnLength + Int(state)] = UInt16(value)
        // The rest is read only where a match is flagged: kept a row per state.
        let slot = Int(state) * stride + symbolClass
        matchedID[slot] = id
        if collects {
            matchMasks[slot] = mask
            dropMasks[slot] = dropped
        }
        return value
    }

    /// Follows the state's positions in priority order through splits and assertions, given the
    /// class after (nil: end of text). Returns the positions reached by reading that class, those
    /// ahead of the first match only, and the id of that match (-1: none). When collecting, it
    /// goes on past matches and returns every position and the ids of every match it met.
    private mutating func closure(of state: Int32, after symbolClass: Int?) -> ([Int32], Int32, UInt64, UInt64) {
        let group = prevGroups[Int(state)]
        guard collects else {
            nextGeneration()
            let (next, id) = traverse(positions[Int(state)], group: group, after: symbolClass)
            return (next, id, 0, 0)
        }
        // Every state of a collecting automaton holds the start, whose closure (the first step of
        // every member) is most of the work and always the same: it is computed once per
        // neighbourhood and merged in, first, since what it reaches it reaches at the least depth.
        let key = group * (program.classCount + 1) + (symbolClass ?? program.classCount)
        let fromStart = startClosures[key] ?? {
            nextGeneration()
            var next: [Int32] = []
            var mask: UInt64 = 0
            var dropped: UInt64 = 0
            collect([program.start], group: group, after: symbolClass, into: &next, mask: &mask, dropped: &dropped)
            startClosures[key] = (next, mask, dropped)
            return (next, mask, dropped)
        }()
        nextGeneration()
        var next = fromStart.next
        for entry in next {
            readStamps[Int(entry & Self.positionBits)] = generation
            keptReadDepths[Int(entry & Self.positionBits)] = entry >> 24
        }
        var mask = fromStart.mask
        var dropped = fromStart.dropped
        collect(positions[Int(state)].filter { $0 != program.start }, group: group, after: symbolClass, into: &next, mask: &mask,
                dropped: &dropped)
        return (next, -1, mask, dropped)
    }

    private static let screenDepth = LazyDFA.screenDepth
    /// A collecting state's entries carry, above these bits, how many symbols their thread has read.
    private static let positionBits: Int32 = 0xFF_FFFF

    /// The collecting closure of `roots` (entries of one state, least depth first), added to
    /// `next` and `mask`: every thread goes on past matches, and one that reads its
    /// `screenDepth`th symbol stops there and counts as a match. Where two threads reach one
    /// position, the one of least depth is kept: it goes wherever the other would, and further.
    /// The deeper one is noted in `dropped` where it goes: so every thread of a member, kept or
    /// not, is flagged (as a match, or as dropped) within `screenDepth` symbols of where it
    /// began, which bounds where the member's first match may start (`starts`). (Threads meet
    /// rarely: in a loop, or where branches of different lengths join.)
    private mutating func collect(_ roots: [Int32], group: Int, after symbolClass: Int?, into next: inout [Int32], mask: inout UInt64,
                                  dropped: inout UInt64) {
        let before = program.looksBehind ? program.representative(ofGroup: group) : nil
        let after = symbolClass.map { program.representative[$0] }
        var stack = Array(roots.reversed())
        while let entry = stack.popLast() {
            let position = Int(entry & Self.positionBits)
            let depth = entry >> 24
            if stamps[position] == generation {
                if depth > keptDepths[position] { Self.flag(program.owner[position], in: &dropped) }
                continue
            }
            stamps[position] = generation
            keptDepths[position] = depth
            switch program.instructions[position] {
            case .split(let first, let second):
                stack.append(depth << 24 | second)
                stack.append(depth << 24 | first)
            case .assert(let assertion, let target):
                if program.holds(assertion, before: before, after: after) { stack.append(depth << 24 | target) }
            case .read(let set, let target):
                guard let symbolClass, program.readSets[set][symbolClass] else { continue }
                if depth + 1 >= Self.screenDepth {
                    Self.flag(program.owner[Int(target)], in: &mask)
                } else if readStamps[Int(target)] != generation {
                    readStamps[Int(target)] = generation
                    keptReadDepths[Int(target)] = depth + 1
                    next.append((depth + 1) << 24 | target)
                } else if depth + 1 > keptReadDepths[Int(target)] {
                    Self.flag(program.owner[Int(target)], in: &dropped)
                }
            case .match(let id):
                Self.flag(id, in: &mask)
            }
        }
    }

    private static func flag(_ id: Int32, in mask: inout UInt64) {
        if id >= 0, id < 64 { mask |= 1 << UInt64(id) }
    }

    private mutating func nextGeneration() {
        generation &+= 1
        if generation == 0 {
            for index in stamps.indices { stamps[index] = 0; readStamps[index] = 0 }
            generation = 1
        }
    }

    /// The closure of an exact automaton's state: stops at the first match.
    private mutating func traverse(_ roots: [Int32], group: Int, after symbolClass: Int?) -> ([Int32], Int32) {
        let before = program.looksBehind ? program.representative(ofGroup: group) : nil
        let after = symbolClass.map { program.representative[$0] }
        var next: [Int32] = []
        var stack = Array(roots.reversed())
        while let position = stack.popLast() {
            if stamps[Int(position)] == generation { continue }
            stamps[Int(position)] = generation
            switch program.instructions[Int(position)] {
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .assert(let assertion, let target):
                if program.holds(assertion, before: before, after: after) { stack.append(target) }
            case .read(let set, let target):
                if let symbolClass, program.readSets[set][symbolClass], readStamps[Int(target)] != generation {
                    readStamps[Int(target)] = generation
                    next.append(target)
                }
            case .match(let id):
                return (next, id)
            }
        }
        return (next, -1)
    }
}
