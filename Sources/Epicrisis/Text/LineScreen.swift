import Foundation

/// A lexicon's families screened together on every line it prepares: one pass over the line, made
/// when the line is folded, says which families may match anywhere in it (none that does is left
/// out), and each family's searches on that line then cost a bit test where it cannot.
///
/// Most lines hold one family or two of the sixty-odd a letter is searched for, and each search
/// would otherwise scan the whole line: one pass per line and family was most of a letter's cost.
/// A line screened holds only a whole-line verdict, which is sound for any range of it, since
/// matching within a range sees the text around it.
public final class LineScreen: Sendable {
    /// A member's place: which screen, and its bit there.
    struct Slot: Sendable {
        let screen: Int
        let bit: UInt64

        /// Whether `text` was screened here and cannot hold the member.
        @inline(__always)
        func rulesOut(_ text: FoldedText) -> Bool {
            text.screen == screen && text.screenCandidates & bit == 0
        }

        /// What of `range` a search of `text` for the member must read: from where its first
        /// match may start, as far as the screen has seen (no match starts before); and where
        /// its last match may start (`Int.max` where the screen cannot say).
        func searched(_ range: NSRange, in text: FoldedText) -> (range: NSRange, latestStart: Int) {
            guard text.screen == screen else { return (range, .max) }
            let index = (text.screenCandidates & (bit &- 1)).nonzeroBitCount
            let earliest = text.screenStarts.start(at: index)
            let end = range.location + range.length
            let start = min(max(range.location, earliest), end)
            return (NSRange(location: start, length: end - start), text.screenStarts.latestStart(at: index))
        }
    }

    /// Names the screen in the lines it screens; never reused.
    let serial: Int
    private let automaton: Automaton?
    /// How many families it screens (at most 64).
    let count: Int

    /// Bit `i` set when member `i` may match somewhere in `symbols`, every bit for a line the
    /// automata do not run on and for a thread's first `warmUp` lines; and where the candidates'
    /// matches may first and last start.
    func candidates(in symbols: UnsafeBufferPointer<UInt8>) -> (UInt64, ScreenStarts) {
        guard let automaton, symbols.count <= Pattern.automatonLineLimit,
              ThreadDFAs.withCurrent({ $0.countLineScreened() > warmUp }) else { return (.max, ScreenStarts()) }
        return automaton.matchingIDsAndStarts(in: symbols)
    }

    /// A thread screens only after this many lines. Compiling the screen and building its first
    /// states costs some forty million instructions, more than it saves on a letter or two: a
    /// process that checks one letter (a GP system's, or `epicheck check letter.xml`) would start
    /// a fifth slower, and a batch makes it up within its first letters.
    static let defaultWarmUp = 400
    let warmUp: Int

    private init(serial: Int, members: [Automaton], warmUp: Int) {
        self.serial = serial
        self.warmUp = warmUp
        count = members.count
        automaton = members.isEmpty ? nil : Automaton(screening: members)
    }

    /// Builds a screen by enrolling patterns one by one: each comes back carrying its slot, to be
    /// stored in its place. Past 64 members (a bit each) patterns come back as they were.
    struct Builder {
        private var members: [Automaton] = []
        // Drawn from the automata's serials: any source of numbers never reused would do.
        private let serial = ThreadDFAs.nextSerial()
        private let warmUp: Int

        init(warmUp: Int = LineScreen.defaultWarmUp) {
            self.warmUp = warmUp
        }

        mutating func enrol(_ pattern: Pattern) -> Pattern {
            guard let slot = slot(for: pattern.screeningAutomaton) else { return pattern }
            return Pattern(pattern, screenSlot: slot)
        }

        mutating func enrol(_ set: PatternSet) -> PatternSet {
            guard let slot = slot(for: set.screeningAutomaton) else { return set }
            var enrolled = set
            enrolled.screenSlot = slot
            return enrolled
        }

        private mutating func slot(for automaton: Automaton?) -> Slot? {
            guard let automaton, members.count < 64 else { return nil }
            members.append(automaton)
            return Slot(screen: serial, bit: 1 << UInt64(members.count - 1))
        }

        func build() -> LineScreen {
            LineScreen(serial: serial, members: members, warmUp: warmUp)
        }
    }
}

/// Where the matches of a screened line's first sixteen candidate members (in the order of their
/// bits) may start: no match starts before the earliest, so a search starts there rather than at
/// the line's start, and reads less of a line whose match, or whose false alarm, stands late in
/// it; and none starts after the latest, so a search that has found no match by the fewest
/// symbols a match needs past it (`RegexNode.shortestMatchReach`) stops there, rather than read
/// the rest of a line the screen named the member for on a word or two (`egen læge` for `egen
/// læge bedes kontakte`). (Most lines have a few candidates, long ones a dozen or more; a member
/// past the sixteenth is searched from the start to the end, and one whose earliest start the
/// screen cannot bound from the start.) 16-bit places, kept in the line itself: a line is at
/// most `Pattern.automatonLineLimit` symbols when screened.
struct ScreenStarts: Sendable {
    static let places = 16
    private var earliest = SIMD4<UInt64>()
    /// The latest starts, each one more than it is: 0 where none is known.
    private var latest = SIMD4<UInt64>()

    mutating func set(_ index: Int, to start: Int) {
        Self.set(index, to: start, in: &earliest)
    }

    /// A start past what 16 bits hold is left unknown, not cut short: a latest start cut short
    /// would stop a search before a match (lines screened are far shorter).
    mutating func setLatest(_ index: Int, to start: Int) {
        guard start + 1 <= Int(UInt16.max) else { return }
        Self.set(index, to: start + 1, in: &latest)
    }

    private static func set(_ index: Int, to value: Int, in words: inout SIMD4<UInt64>) {
        guard index < places else { return }
        words[index / 4] |= UInt64(min(value, Int(UInt16.max))) << UInt64(index % 4 * 16)
    }

    @inline(__always)
    private static func value(at index: Int, in words: SIMD4<UInt64>) -> Int {
        guard index < places else { return 0 }
        return Int(truncatingIfNeeded: (words[index / 4] >> UInt64(index % 4 * 16)) & 0xFFFF)
    }

    @inline(__always)
    func start(at index: Int) -> Int {
        Self.value(at: index, in: earliest)
    }

    /// The latest start, or `Int.max` where none is known.
    @inline(__always)
    func latestStart(at index: Int) -> Int {
        let value = Self.value(at: index, in: latest)
        return value == 0 ? .max : value - 1
    }
}
