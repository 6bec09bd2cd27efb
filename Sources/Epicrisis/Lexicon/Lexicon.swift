/// How a language writes what the checklist asks for: headings, cue phrases, the colour marking,
/// cancer wording and the context cues of negation and uncertainty, compiled for matching.
///
/// Loaded once per process from `rules/lexicon/*.yml` (see `LexiconLoader`). Every pattern is
/// parsed and checked at load and compiled to its automaton once, at its first use (a process
/// checking one letter compiles only what that letter reaches), never per letter. Each family of
/// patterns is combined into one expression, so a line is matched once per family rather than
/// once per phrase.
///
/// A class, immutable: every matcher of every letter holds it, and copying a structure of some
/// hundred compiled patterns cost a reference count for each, thousands of times a letter.
public final class Lexicon: Sendable {
    public let language: String
    public let headings: HeadingIndex
    /// Matches a whole line that is only a placeholder.
    public let placeholder: Pattern
    public let notAddressing: [Pattern]
    public let items: [ChecklistItem: ItemCues]
    public let priority: PriorityLexicon
    public let cancerTerms: Pattern
    public let context: ContextCues
    public let treatments: [(modality: String, pattern: Pattern)]
    /// SKS diagnosis codes written in text: not wording but syntax, the same in every language,
    /// and held here because every line is searched for them, so they are screened with the rest.
    public let diagnosisCodes: Pattern

    /// Screens every line the extractor prepares for the families searched on lines (see
    /// `LineScreen`); the patterns above carry their places in it.
    public let lineScreen: LineScreen

    init(language: String, headings: HeadingIndex, placeholder: Pattern, notAddressing: [Pattern],
         items: [ChecklistItem: ItemCues], priority: PriorityLexicon, cancerTerms: Pattern, context: ContextCues,
         treatments: [(modality: String, pattern: Pattern)]) {
        // Enrolled most searched first, in case a lexicon has more families than the screen has
        // places (the shipped one has some sixty): item cues, headings and the forms that say
        // nothing run on every line of every section, the rest on fewer.
        var screen = LineScreen.Builder()
        var items = items
        for item in ChecklistItem.allCases {
            guard var cues = items[item] else { continue }
            cues.cues = screen.enrol(cues.cues)
            cues.sectionCues = cues.sectionCues.map { screen.enrol($0) }
            items[item] = cues
        }
        var headings = headings
        headings.patterns = screen.enrol(headings.patterns)
        let placeholder = screen.enrol(placeholder)
        let notAddressing = notAddressing.map { screen.enrol($0) }
        let treatments = treatments.map { (modality: $0.modality, pattern: screen.enrol($0.pattern)) }
        let cancerTerms = screen.enrol(cancerTerms)
        diagnosisCodes = screen.enrol(CancerDetector.codeInText)
        var priority = priority
        priority.colourMention = screen.enrol(priority.colourMention)
        priority.markings = priority.markings.map { screen.enrol($0) }
        priority.selfContact = priority.selfContact.map { screen.enrol($0) }
        priority.gpReachesOut = priority.gpReachesOut.map { screen.enrol($0) }
        priority.timeFrame = screen.enrol(priority.timeFrame)
        priority.nextDay = screen.enrol(priority.nextDay)
        var context = context
        for cue in [\ContextCues.negation, \.negationAfter, \.uncertainty, \.uncertaintyAfter, \.hypothetical, \.pseudoNegation,
                    \.otherPerson, \.scopeEnd] {
            context[keyPath: cue] = screen.enrol(context[keyPath: cue])
        }
        self.language = language
        self.headings = headings
        self.placeholder = placeholder
        self.notAddressing = notAddressing
        self.items = items
        self.priority = priority
        self.cancerTerms = cancerTerms
        self.context = context
        self.treatments = treatments
        self.lineScreen = screen.build()
    }

    /// A family of section headings and the items its sections speak to.
    public struct HeadingEntry: Sendable {
        public var items: [ChecklistItem]
        public var credit: Credit
        public var line: Int?
    }

    /// The heading entries, each as a whole-line expression whose group `content` holds what
    /// follows the colon; matched together, so one pass tells which entry a line is, if any.
    public struct HeadingIndex: Sendable {
        public var entries: [HeadingEntry]
        public var patterns: PatternSet
        /// Per entry, its pattern cut before the content: the heading, its colon and spaces.
        /// Where its match ends, the content starts; ICU, which the content group would need,
        /// costs more than all the other matching of a heading line.
        var heads: [MadeOnce<Pattern>] = []

        /// Where the content starts on a line entry `index` matches (`folded.length`: nothing
        /// follows the heading); nil when ICU must say: the line holds a line terminator, which
        /// the content's `.*$` does not cross, or the head does not compile on its own.
        func contentStart(_ index: Int, in folded: FoldedText) -> Int? {
            guard index < heads.count, !folded.hasLineTerminator, let head = heads[index].value,
                  let match = head.firstMatch(in: folded) else { return nil }
            return match.location + match.length
        }
    }

    /// What makes a section's content count for its items.
    public enum Credit: String, Sendable {
        /// Any real content counts for the first item; further items need their cues.
        case content
        /// Every item needs one of its cues inside the section.
        case cues
    }

    /// The phrases that state an item anywhere in a letter.
    public struct ItemCues: Sendable {
        /// Any of the item's cue phrases.
        public var cues: Pattern
        /// The phrases that count only under the item's own headings (besides `cues`), if any.
        public var sectionCues: Pattern?
        /// Whether a negated cue still states the item ("Bivirkninger: ingen" does; "ingen tegn på
        /// recidiv" is a finding, not a list of alarm symptoms).
        public var negationCounts: Bool
        /// Sections whose content is not read for this item.
        public var ignoreIn: Set<ChecklistItem>
    }

    public struct PriorityLexicon: Sendable {
        /// Marking forms; the group `colour` holds the colour word.
        public var markings: [Pattern]
        /// Folded colour words and their colours.
        public var colourWords: [String: PriorityColour]
        /// Any colour word anywhere: most lines have none and need no marking form tried.
        public var colourMention: Pattern
        public var timeFrame: Pattern
        public var nextDay: Pattern
        public var selfContact: [Pattern]
        public var gpReachesOut: [Pattern]
    }

    public struct ContextCues: Sendable {
        public var negation: Pattern
        public var negationAfter: Pattern
        public var uncertainty: Pattern
        public var uncertaintyAfter: Pattern
        public var hypothetical: Pattern
        public var pseudoNegation: Pattern
        public var otherPerson: Pattern
        public var scopeEnd: Pattern
    }
}
