import Foundation

/// A pattern (or several, as numbered alternatives) compiled for matching symbols: the lexicon's
/// matching engine. Finds the same matches as ICU's leftmost-first search, in time linear in the
/// line and independent of the number of phrases.
///
/// A search first runs the unanchored DFA to learn whether anything matches at all (most lines
/// match most families nowhere, and that costs one table lookup per symbol); only then does it look
/// for the leftmost start and run the anchored DFA from there for the end.
///
/// Immutable and shareable: the program is compiled once, under a lock, and each thread keeps its
/// own DFAs over it (`ThreadDFAs`), so a search takes no lock and writes nothing another thread
/// reads.
final class Automaton: @unchecked Sendable {
    /// The parsed alternatives; compiled to a program the first time a search needs one, so
    /// that a process checking one letter compiles only the patterns that letter reaches.
    private let alternatives: [RegexNode]
    // Guarded by `lock`.
    private var compiled: Program?
    private let lock = NSLock()
    /// Names this automaton's DFAs in each thread's `ThreadDFAs`; never reused.
    private let serial = ThreadDFAs.nextSerial()
    /// Whether the unanchored automaton collects every alternative's matches (see `screening`).
    private let collecting: Bool
    /// Whether every match begins at the start of the text (a heading's `^…`): the search then
    /// runs the anchored DFA from there alone. The unanchored DFA, whose states always hold the
    /// start, would read every line to its end for nothing.
    private let beginsAtTextStart: Bool
    /// A screen's members whose matches start where the screen's threads for them start: those
    /// that do not open with a gap, which the screen looks past (`withoutLeadingGap`).
    private let boundedStarts: UInt64

    /// Whether matches are the pattern's; if not, look-around was dropped and the automaton only
    /// says where the pattern cannot match.
    let isExact: Bool

    /// Compiles one pattern; its match ids are those of its top-level alternatives, each of which
    /// may open with a look-behind of fixed strings (`(?<!af|be)kræft|malign`).
    init?(pattern: String, approximating: Bool = false) {
        do {
            let parsed = try RegexParser.parseAlternatives(pattern, approximating: approximating)
            self.alternatives = parsed.alternatives.map(\.node)
            let conditions = parsed.alternatives.enumerated().compactMap { id, alternative in
                alternative.leading.map { (id: id, condition: $0) }
            }
            if conditions.contains(where: { $0.id >= 64 }) {
                // A start's conditions are a 64-bit mask; past that they are dropped, as look-around.
                guard approximating else { return nil }
                isExact = false
                self.conditions = []
            } else {
                isExact = parsed.exact
                self.conditions = conditions
            }
            collecting = false
            beginsAtTextStart = alternatives.allSatisfy(\.beginsAtTextStart)
            boundedStarts = 0
        } catch {
            return nil
        }
    }

    /// One automaton over several exact ones, alternative `i` standing for `members[i]`: their
    /// leftmost-first union, built from their parsed alternatives rather than parsed again. Nil
    /// when a member checks a look-behind at its starts, which a union cannot.
    init?(combining members: [Automaton]) {
        guard members.allSatisfy({ $0.isExact && $0.conditions.isEmpty }) else { return nil }
        alternatives = members.map(\.wholeNode)
        isExact = true
        conditions = []
        collecting = false
        beginsAtTextStart = alternatives.allSatisfy(\.beginsAtTextStart)
        boundedStarts = 0
    }

    /// One automaton over several, alternative `i` standing for `members[i]`, that says in one pass
    /// which members match somewhere in a text (`matchingIDsAndStarts`). Their look-behind
    /// conditions are left out, so it may name a member that does not match, never miss one that
    /// does: a screen. Nil past 64 members.
    init?(screening members: [Automaton]) {
        guard members.count <= 64 else { return nil }
        alternatives = members.map(\.wholeNode)
        isExact = false
        conditions = []
        collecting = true
        beginsAtTextStart = false
        boundedStarts = alternatives.enumerated().reduce(0) { mask, member in
            member.element.opensWithGap ? mask : mask | 1 << UInt64(member.offset)
        }
    }

    /// The automaton's alternatives as one node, to stand as one alternative of another.
    private var wholeNode: RegexNode {
        alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    /// Bit `i` set when alternative `i` may match somewhere in `symbols` (a `screening`
    /// automaton), with where the members' matches may first and last start.
    func matchingIDsAndStarts(in symbols: UnsafeBufferPointer<UInt8>) -> (UInt64, ScreenStarts) {
        withDFAs { unanchored, _ in unanchored.matchingIDsAndStarts(symbols, bounded: boundedStarts) }
    }

    /// The alternatives whose match's start must meet a look-behind beyond what the program reads.
    private let conditions: [(id: Int, condition: LeadingLookBehind)]

    /// Why a pattern cannot run on the automaton, or nil when it can.
    static func unsupported(_ pattern: String) -> String? {
        do {
            _ = try RegexParser.parse(pattern)
            return nil
        } catch {
            return error.reason
        }
    }

    struct Match: Equatable {
        var range: NSRange
        /// Which alternative matched.
        var id: Int
    }

    /// The leftmost-first match within `range` of `symbols`; assertions see the symbols around it.
    /// No match starts after `latestStart` (a line screen's word: see `ScreenStarts`).
    func firstMatch(in symbols: UnsafeBufferPointer<UInt8>, range: NSRange, latestStart: Int = .max) -> Match? {
        withDFAs { unanchored, anchored in
            Self.firstMatch(in: symbols, from: range.location, to: range.location + range.length, latestStart: latestStart, conditions,
                            unanchored, anchored, beginsAtTextStart: beginsAtTextStart)
        }
    }

    /// Whether anything matches within `range`; no match starts after `latestStart`.
    func matches(_ symbols: UnsafeBufferPointer<UInt8>, range: NSRange, latestStart: Int = .max) -> Bool {
        withDFAs { unanchored, anchored in
            guard !conditions.isEmpty || beginsAtTextStart else {
                let to = range.location + range.length
                guard range.location <= latestStart else { return false }
                return Self.earliestEnd(in: symbols, from: range.location, to: Self.scanEnd(to, latestStart, anchored), unanchored) != nil
            }
            return Self.firstMatch(in: symbols, from: range.location, to: range.location + range.length, latestStart: latestStart,
                                   conditions, unanchored, anchored, beginsAtTextStart: beginsAtTextStart) != nil
        }
    }

    /// Where a search for the earliest end of a match may stop: if a match starts no later than
    /// `latestStart`, one from the same start ends within the fewest symbols a match needs.
    @inline(__always)
    private static func scanEnd(_ to: Int, _ latestStart: Int, _ dfa: LazyDFA) -> Int {
        guard latestStart < to, let reach = dfa.shortestMatchReach else { return to }
        return min(to, latestStart + reach)
    }

    /// Where every match lies, left to right, without overlaps (as `NSRegularExpression.matches`);
    /// none starts after `latestStart`.
    func allMatches(in symbols: UnsafeBufferPointer<UInt8>, range: NSRange, latestStart: Int = .max) -> [NSRange] {
        withDFAs { unanchored, anchored in
            var result: [NSRange] = []
            var position = range.location
            let end = range.location + range.length
            while position <= end,
                  let match = Self.firstMatch(in: symbols, from: position, to: end, latestStart: latestStart, conditions, unanchored, anchored,
                                              beginsAtTextStart: beginsAtTextStart) {
                result.append(match.range)
                let matchEnd = match.range.location + match.range.length
                position = match.range.length > 0 ? matchEnd : matchEnd + 1
            }
            return result
        }
    }

    private func withDFAs<T>(_ body: (LazyDFA, LazyDFA) -> T) -> T {
        ThreadDFAs.withCurrent { cache in
            if let found = cache.withDFAs(serial, body) { return found }
            lock.lock()
            // A screen follows no thread past `screenDepth` symbols: it reads counted repetitions
            // no further, and looks past a gap that opens a member.
            let program = compiled ?? Program(alternatives: collecting
                ? alternatives.map { $0.withoutLeadingGap.clamped(to: Int(LazyDFA.screenDepth)) } : alternatives)
            compiled = program
            lock.unlock()
            let unanchored = LazyDFA(program: program, anchored: false, collecting: collecting)
            let anchored = LazyDFA(program: program, anchored: true)
            cache.store(unanchored: unanchored, anchored: anchored, serial)
            return body(unanchored, anchored)
        }
    }

    /// Where the first match to end within [from, to) ends, or nil.
    private static func earliestEnd(in symbols: UnsafeBufferPointer<UInt8>, from: Int, to: Int, _ dfa: LazyDFA) -> Int? {
        var state = dfa.start(before: from > 0 ? symbols[from - 1] : nil)
        if let end = dfa.scanForMatchEnd(symbols, from: from, to: to, state: &state) { return end }
        if to < symbols.count { return dfa.step(state, symbols[to]) & 1 != 0 ? to : nil }
        return dfa.matchAtEnd(state) >= 0 ? to : nil
    }

    private static func firstMatch(in symbols: UnsafeBufferPointer<UInt8>, from: Int, to: Int, latestStart: Int,
                                   _ conditions: [(id: Int, condition: LeadingLookBehind)],
                                   _ unanchored: LazyDFA, _ anchored: LazyDFA, beginsAtTextStart: Bool) -> Match? {
        if beginsAtTextStart {
            // The one start there is: where the leftmost-first match from it ends, if anywhere.
            guard from == 0, anchored.canBegin(at: 0, in: symbols, before: to) else { return nil }
            let disabled = failing(conditions, at: 0, in: symbols)
            return longestFirst(in: symbols, from: 0, to: to, disabled: disabled, anchored).map {
                Match(range: NSRange(location: 0, length: $0.0), id: Int($0.1))
            }
        }
        var from = from
        // The unanchored automaton's search for an end may stop early where the screen says when
        // the last match starts; the anchored one reads on, for the match's whole length.
        let scanTo = scanEnd(to, latestStart, anchored)
        while from <= min(to, latestStart) {
            // The unanchored automaton ignores the conditions: it may report an end too early,
            // never too late.
            guard let earliest = earliestEnd(in: symbols, from: from, to: scanTo, unanchored) else { return nil }
            // Some match ends at `earliest`, so one starts at or before it: the leftmost start is the
            // first position from which the anchored automaton matches. No match ends before
            // `earliest`, so none starts further back than the fewest symbols any match needs
            // (else a shorter match from its start would end before); and positions no match can
            // begin at are skipped. On a long line, trying every position from the last match on
            // was most of finding a match.
            let lowest = anchored.shortestMatchReach.map { max(from, earliest - $0) } ?? from
            for start in lowest...earliest {
                if !anchored.canBegin(at: start, in: symbols, before: to) { continue }
                let disabled = failing(conditions, at: start, in: symbols)
                if let (end, id) = longestFirst(in: symbols, from: start, to: to, disabled: disabled, anchored) {
                    return Match(range: NSRange(location: start, length: end - start), id: Int(id))
                }
            }
            // Every start up to `earliest` failed a condition; a match meeting them starts later.
            from = earliest + 1
        }
        return nil
    }

    /// Bit `id` set for each alternative whose look-behind fails at `start`: left out of a match
    /// begun there.
    @inline(__always)
    private static func failing(_ conditions: [(id: Int, condition: LeadingLookBehind)], at start: Int,
                                in symbols: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var disabled: UInt64 = 0
        for (id, condition) in conditions where !condition.holds(at: start, in: symbols) {
            disabled |= 1 << UInt64(id)
        }
        return disabled
    }

    /// The end of the leftmost-first match starting at `from`, or nil.
    private static func longestFirst(in symbols: UnsafeBufferPointer<UInt8>, from: Int, to: Int, disabled: UInt64,
                                     _ dfa: LazyDFA) -> (Int, Int32)? {
        var state = dfa.start(before: from > 0 ? symbols[from - 1] : nil, disabled: disabled)
        guard state != LazyDFA.dead else { return nil }
        var found: (Int, Int32)?
        var position = from
        while position < to {
            let symbol = symbols[position]
            let step = dfa.step(state, symbol)
            if step & 1 != 0 { found = (position, dfa.matchedID(state, symbol)) }
            state = step >> 1
            if state == LazyDFA.dead { return found }
            position += 1
        }
        if to < symbols.count {
            if dfa.step(state, symbols[to]) & 1 != 0 { found = (to, dfa.matchedID(state, symbols[to])) }
        } else {
            let id = dfa.matchAtEnd(state)
            if id >= 0 { found = (to, id) }
        }
        return found
    }
}

/// One thread's DFAs, for every automaton it has searched with: kept in thread-local storage, so a
/// search finds its DFAs without a lock, and two threads never write the same memory.
///
/// A direct-mapped table by automaton serial: an automaton that is gone (a lexicon reloaded) only
/// leaves DFAs behind until a newer one takes its slot, and a thread's table is freed when the
/// thread ends.
final class ThreadDFAs {
    /// The DFAs are held unmanaged, retained by the table, and lent to searches without a
    /// reference count: a search is some hundred instructions, and the two atomic counts of each
    /// DFA on every search cost more than a tenth of that. This holds because a search runs no
    /// other automaton while it holds its DFAs, so nothing can take their slot under it.
    private struct Slot {
        var serial = -1
        var unanchored: Unmanaged<LazyDFA>?
        var anchored: Unmanaged<LazyDFA>?
    }

    private static let size = 4_096
    /// Behind a pointer, not in an array: a class's array is checked for exclusive access on
    /// every read.
    private let slots: UnsafeMutablePointer<Slot>

    private init() {
        slots = .allocate(capacity: Self.size)
        slots.initialize(repeating: Slot(), count: Self.size)
    }

    deinit {
        for index in 0..<Self.size {
            slots[index].unanchored?.release()
            slots[index].anchored?.release()
        }
        slots.deinitialize(count: Self.size)
        slots.deallocate()
    }

    /// How many lines this thread has asked a `LineScreen` about (see `LineScreen.warmUp`).
    private var linesScreened = 0

    /// Counts a line asked about, and says how many have been.
    func countLineScreened() -> Int {
        if linesScreened < Int.max { linesScreened += 1 }
        return linesScreened
    }

    #if DEBUG
    /// How many searches hold DFAs lent by this table: a slot must not be replaced under one.
    private var lent = 0
    #endif

    /// Runs `body` with the automaton's DFAs, if this thread has them.
    @inline(__always)
    func withDFAs<T>(_ serial: Int, _ body: (LazyDFA, LazyDFA) -> T) -> T? {
        let slot = slots[serial & (Self.size - 1)]
        guard slot.serial == serial, let unanchored = slot.unanchored, let anchored = slot.anchored else { return nil }
        #if DEBUG
        lent += 1
        defer { lent -= 1 }
        #endif
        return unanchored._withUnsafeGuaranteedRef { unanchored in
            anchored._withUnsafeGuaranteedRef { anchored in body(unanchored, anchored) }
        }
    }

    func store(unanchored: LazyDFA, anchored: LazyDFA, _ serial: Int) {
        #if DEBUG
        assert(lent == 0, "a search ran another automaton while it held its DFAs")
        #endif
        let index = serial & (Self.size - 1)
        slots[index].unanchored?.release()
        slots[index].anchored?.release()
        slots[index] = Slot(serial: serial, unanchored: .passRetained(unanchored), anchored: .passRetained(anchored))
    }

    /// Runs `body` with this thread's table.
    @inline(__always)
    static func withCurrent<T>(_ body: (ThreadDFAs) -> T) -> T {
        let table: Unmanaged<ThreadDFAs>
        if let stored = pthread_getspecific(key) {
            table = Unmanaged<ThreadDFAs>.fromOpaque(stored)
        } else {
            table = Unmanaged.passRetained(ThreadDFAs())
            pthread_setspecific(key, table.toOpaque())
        }
        return table._withUnsafeGuaranteedRef(body)
    }

    private static let key = ThreadObjectKey.make()

    private static let serials = SerialCounter()

    static func nextSerial() -> Int {
        serials.next()
    }
}

/// Hands out 0, 1, 2, … to any thread.
private final class SerialCounter: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var last = -1

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        last += 1
        return last
    }
}
