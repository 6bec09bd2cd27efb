/// The part of ICU's regular-expression syntax that an automaton can run: literals, classes,
/// `\w \s \d \p{L}` and their negations, `.`, groups, alternation, every quantifier but the
/// possessive ones, `^ $ \A \z \Z \b \B`, and look-around of one character (`(?<![\p{L}\d])`,
/// `(?!-)`). Anything else (back-references, flags, longer look-around) is `Unsupported`, and
/// the pattern is left to ICU: the automaton is an optimisation, never a change of meaning.
///
/// Only repetition is boxed: a symbol set stored inline saves an allocation per character of
/// every phrase, which was much of the cost of loading the lexicon.
enum RegexNode {
    case empty
    case symbols(SymbolSet)
    case sequence([RegexNode])
    case alternation([RegexNode])
    indirect case repetition(RegexNode, minimum: Int, maximum: Int?, greedy: Bool)
    case assertion(Assertion)
    /// A look-behind of fixed strings, longer than the automaton reads: kept only where it opens
    /// a top-level alternative, whose starts are then checked against it (see `parseAlternatives`).
    case fixedLookBehind(LeadingLookBehind)

    /// The most symbols a match can read, or nil when there is no bound (`+`, `*`, `{n,}`).
    var longestMatch: Int? {
        switch self {
        case .empty, .assertion, .fixedLookBehind: return 0
        case .symbols: return 1
        case .sequence(let nodes):
            return nodes.reduce(0 as Int?) { total, node in total.flatMap { total in node.longestMatch.map { total + $0 } } }
        case .alternation(let nodes):
            return nodes.reduce(0 as Int?) { longest, node in longest.flatMap { longest in node.longestMatch.map { max(longest, $0) } } }
        case .repetition(let node, _, let maximum, _):
            guard let inner = node.longestMatch else { return nil }
            if inner == 0 { return 0 }
            return maximum.map { inner * $0 }
        }
    }

    /// How few symbols a match needs: wherever the node matches, it also matches from the same
    /// start in at most this many symbols, whatever the text (nil: no bound). `kemoterapi\w*`
    /// reads any number, but needs ten: the repetition can match nothing. So once a search knows
    /// the earliest end of any match, no match starts more than this before it, and the start is
    /// looked for there rather than from the start of the range (see `Automaton.firstMatch`).
    var shortestMatchReach: Int? {
        switch self {
        case .empty, .assertion, .fixedLookBehind: return 0
        case .symbols: return 1
        case .alternation(let nodes):
            return nodes.reduce(0 as Int?) { reach, node in reach.flatMap { reach in node.shortestMatchReach.map { max(reach, $0) } } }
        case .repetition(let node, let minimum, _, _):
            // The first `minimum` rounds as they were, the last of them cut short; the rest left out.
            if minimum == 0 { return 0 }
            guard let last = node.shortestMatchReach else { return nil }
            if minimum == 1 { return last }
            return node.longestMatch.map { $0 * (minimum - 1) + last }
        case .sequence(let nodes):
            // What follows the last node that must read (or assert) may match nothing anywhere:
            // the nodes before that one as they were, and that one cut short.
            guard let last = nodes.lastIndex(where: { !$0.matchesNothingAnywhere }) else { return 0 }
            let before = RegexNode.sequence(Array(nodes[..<last])).longestMatch
            return before.flatMap { before in nodes[last].shortestMatchReach.map { before + $0 } }
        }
    }

    /// Whether the node matches the empty string wherever it stands: assertions do not, as they
    /// depend on the text around.
    private var matchesNothingAnywhere: Bool {
        switch self {
        case .empty: return true
        case .symbols, .assertion, .fixedLookBehind: return false
        case .sequence(let nodes): return nodes.allSatisfy(\.matchesNothingAnywhere)
        case .alternation(let nodes): return nodes.contains(where: \.matchesNothingAnywhere)
        case .repetition(let node, let minimum, _, _): return minimum == 0 || node.matchesNothingAnywhere
        }
    }

    /// Whether every match must begin at the start of the text (`^` opening every branch): a
    /// search need not look at any later start. (Conservative: false where unsure.)
    var beginsAtTextStart: Bool {
        switch self {
        case .assertion(.textStart): return true
        case .sequence(let nodes):
            for node in nodes {
                switch node {
                case .assertion(.textStart): return true
                case .assertion, .fixedLookBehind, .empty: continue // reads nothing: look on
                default: return node.beginsAtTextStart
                }
            }
            return false
        case .alternation(let nodes): return !nodes.isEmpty && nodes.allSatisfy(\.beginsAtTextStart)
        case .repetition(let node, let minimum, _, _): return minimum > 0 && node.beginsAtTextStart
        default: return false
        }
    }

    /// The node without the unbounded repetition it opens with (`^[^.;]*\bafventer…` read as
    /// `\bafventer…`), and without what stands before it. Every match of the node holds a
    /// match of what is left, so a screen may look for that instead; and a screen that follows
    /// threads a few symbols only would otherwise let every line through, as the gap matches
    /// anything.
    var withoutLeadingGap: RegexNode { leadingGapCut ?? self }

    /// Whether `withoutLeadingGap` cuts anything: its matches then start later than the node's.
    var opensWithGap: Bool { leadingGapCut != nil }

    /// `withoutLeadingGap`, or nil where the node opens with no gap. A sequence's first node that
    /// reads may be a group (`\b(opereret|\w+ektomi)`) whose branches open with gaps of their
    /// own: what is left of it ends where it did, so the rest follows as before; the assertions
    /// before it held where it began, not where what is left begins, and go.
    private var leadingGapCut: RegexNode? {
        switch self {
        case .alternation(let nodes):
            let cuts = nodes.map(\.leadingGapCut)
            guard cuts.contains(where: { $0 != nil }) else { return nil }
            return .alternation(zip(nodes, cuts).map { $1 ?? $0 })
        case .sequence(let nodes):
            for (index, node) in nodes.enumerated() {
                switch node {
                case .assertion: continue
                case .repetition(_, _, nil, _):
                    let rest = RegexNode.sequence(Array(nodes[(index + 1)...]))
                    return rest.leadingGapCut ?? rest
                case .alternation, .sequence:
                    return node.leadingGapCut.map { .sequence([$0] + nodes[(index + 1)...]) }
                default: return nil
                }
            }
            return nil
        default: return nil
        }
    }

    /// The node with every counted repetition held to `depth` copies (`.{0,30}` read as `.{0,8}`):
    /// for a screen that follows no thread past `depth` symbols, the same up to that depth (each
    /// copy that reads anything reads a symbol), and a smaller program to compile and follow.
    func clamped(to depth: Int) -> RegexNode {
        switch self {
        case .empty, .symbols, .assertion, .fixedLookBehind: return self
        case .sequence(let nodes): return .sequence(nodes.map { $0.clamped(to: depth) })
        case .alternation(let nodes): return .alternation(nodes.map { $0.clamped(to: depth) })
        case .repetition(let node, let minimum, let maximum, let greedy):
            return .repetition(node.clamped(to: depth), minimum: min(minimum, depth), maximum: maximum.map { min($0, depth) }, greedy: greedy)
        }
    }

    /// A condition on the symbols on either side of a position.
    enum Assertion: Hashable {
        case textStart
        case textEnd
        case wordBoundary
        case notWordBoundary
        /// The symbol before is (or, negated, is not) in the set; the start of the text is in no set.
        case behind(SymbolSet, negated: Bool)
        /// The symbol after is (or is not) in the set; the end of the text is in no set.
        case ahead(SymbolSet, negated: Bool)
    }
}

/// A node with how many program steps it compiles to, roughly (saturating, never overflowing):
/// counted as the parser builds the tree, since walking it again cost more than parsing it.
private struct Sized {
    var node: RegexNode
    var size: Int

    init(_ node: RegexNode, size: Int = 1) {
        self.node = node
        self.size = size
    }

    static let saturated = Int.max / 2

    /// A sequence or alternation of `parts`.
    static func combined(_ parts: [Sized], _ make: ([RegexNode]) -> RegexNode) -> Sized {
        Sized(make(parts.map(\.node)), size: parts.reduce(1) { min($0 + $1.size, saturated) })
    }

    /// `inner` repeated from `minimum` to `maximum` times.
    static func repetition(_ inner: Sized, minimum: Int, maximum: Int?, greedy: Bool) -> Sized {
        let copies = (maximum ?? minimum + 1) + 1
        let size = inner.size > (Int.max / 4) / copies ? saturated : inner.size * copies + 1
        return Sized(.repetition(inner.node, minimum: minimum, maximum: maximum, greedy: greedy), size: size)
    }
}

/// A look-behind that opens a top-level alternative and whose body is fixed strings
/// (`(?<!af|be)kræft`): longer than the automaton's one symbol, but a candidate start can be
/// checked against it directly.
struct LeadingLookBehind: Sendable {
    let alternatives: [[SymbolSet]]
    let negated: Bool

    /// Whether the condition holds at `position`; the symbols before it are read even outside
    /// the searched range, as ICU's transparent bounds do.
    func holds(at position: Int, in symbols: UnsafeBufferPointer<UInt8>) -> Bool {
        let found = alternatives.contains { string in
            guard position >= string.count else { return false }
            let start = position - string.count
            return string.indices.allSatisfy { string[$0].contains(symbols[start + $0]) }
        }
        return found != negated
    }

    /// The strings of a look-behind body: symbols, sequences of them, alternations of those.
    static func strings(_ node: RegexNode) -> [[SymbolSet]]? {
        switch node {
        case .symbols(let set): return [[set]]
        case .sequence(let items):
            var string: [SymbolSet] = []
            for item in items {
                guard case .symbols(let set) = item else { return nil }
                string.append(set)
            }
            return string.count <= 16 ? [string] : nil
        case .alternation(let alternatives):
            var result: [[SymbolSet]] = []
            for alternative in alternatives {
                guard let strings = strings(alternative) else { return nil }
                result += strings
            }
            return result
        default: return nil
        }
    }
}

struct Unsupported: Error {
    let reason: String
}

struct RegexParser {
    private let characters: [Unicode.Scalar]
    private var index = 0
    /// The largest program the automaton runs; larger patterns are left to ICU.
    static let sizeLimit = 40_000
    /// Whether look-around the automaton cannot run may be dropped: the automaton then matches
    /// wherever the pattern does and sometimes where it does not, and serves as a screen.
    private var approximating = false
    /// Whether look-around was dropped.
    private(set) var approximated = false
    /// Whether a look-behind of fixed strings may be kept as a node (see `parseAlternatives`).
    private var keepsFixedLookBehind = false
    /// How many such nodes were made.
    private var fixedLookBehindCount = 0

    static func parse(_ pattern: String) throws(Unsupported) -> RegexNode {
        try parse(pattern, approximating: false).node
    }

    /// The pattern, and whether it had to be approximated (only when `approximating`).
    static func parse(_ pattern: String, approximating: Bool) throws(Unsupported) -> (node: RegexNode, exact: Bool) {
        var parser = try RegexParser(pattern, approximating: approximating, keepingFixedLookBehind: false)
        let node = try parser.parseWhole()
        return (node, !parser.approximated)
    }

    /// As `parse(_:approximating:)`, but split into its top-level alternatives (groups that make
    /// up a whole alternative opened, as in `(?:a|b)|(?:c)`), each with the look-behind of fixed
    /// strings that opens it (`(?<!af|be)kræft|malign`). Such a look-behind then does not make the
    /// pattern unsupported: the automaton checks it at each candidate start.
    static func parseAlternatives(_ pattern: String, approximating: Bool) throws(Unsupported)
        -> (alternatives: [(node: RegexNode, leading: LeadingLookBehind?)], exact: Bool) {
        var parser = try RegexParser(pattern, approximating: approximating, keepingFixedLookBehind: true)
        let node = try parser.parseWhole()
        var exact = !parser.approximated
        var result: [(node: RegexNode, leading: LeadingLookBehind?)] = []
        for alternative in topLevelAlternatives(node) {
            var leading: LeadingLookBehind?
            var body = alternative
            if case .fixedLookBehind(let condition) = alternative {
                (leading, body) = (condition, .empty)
            } else if case .sequence(let items) = alternative, case .fixedLookBehind(let condition) = items[0] {
                (leading, body) = (condition, .sequence(Array(items.dropFirst())))
            }
            result.append((body, leading))
        }
        // Anywhere else the condition is not one the automaton can check. Most patterns have
        // none: the trees are rebuilt without them only when the parser made more than it opened.
        let opened = result.count { $0.leading != nil }
        if parser.fixedLookBehindCount > opened {
            for index in result.indices {
                let (kept, dropped) = withoutFixedLookBehind(result[index].node)
                if dropped {
                    guard approximating else { throw Unsupported(reason: "look-around longer than one character") }
                    exact = false
                }
                result[index].node = kept
            }
        }
        return (result, exact)
    }

    /// The alternatives of an alternation, with groups that are whole alternatives opened.
    private static func topLevelAlternatives(_ node: RegexNode) -> [RegexNode] {
        guard case .alternation(let alternatives) = node else { return [node] }
        return alternatives.flatMap(topLevelAlternatives)
    }

    private static func withoutFixedLookBehind(_ node: RegexNode) -> (RegexNode, dropped: Bool) {
        switch node {
        case .fixedLookBehind: return (.empty, true)
        case .empty, .symbols, .assertion: return (node, false)
        case .sequence(let nodes):
            let parts = nodes.map(withoutFixedLookBehind)
            return (.sequence(parts.map(\.0)), parts.contains(where: \.dropped))
        case .alternation(let nodes):
            let parts = nodes.map(withoutFixedLookBehind)
            return (.alternation(parts.map(\.0)), parts.contains(where: \.dropped))
        case .repetition(let inner, let minimum, let maximum, let greedy):
            let (kept, dropped) = withoutFixedLookBehind(inner)
            return (.repetition(kept, minimum: minimum, maximum: maximum, greedy: greedy), dropped)
        }
    }

    private init(_ pattern: String, approximating: Bool, keepingFixedLookBehind: Bool) throws(Unsupported) {
        let characters = Array(pattern.unicodeScalars)
        guard characters.count <= Self.sizeLimit else { throw Unsupported(reason: "too large") }
        self.init(characters: characters)
        self.approximating = approximating
        self.keepsFixedLookBehind = keepingFixedLookBehind
    }

    private mutating func parseWhole() throws(Unsupported) -> RegexNode {
        let parsed = try alternation()
        guard index == characters.count else { throw Unsupported(reason: "unbalanced )") }
        // Repetitions multiply: `(a{1000}){1000}` would be a million steps of program.
        guard parsed.size <= Self.sizeLimit else { throw Unsupported(reason: "too large") }
        return parsed.node
    }

    private init(characters: [Unicode.Scalar]) {
        self.characters = characters
    }

    private var current: Unicode.Scalar? { index < characters.count ? characters[index] : nil }
    private var next: Unicode.Scalar? { index + 1 < characters.count ? characters[index + 1] : nil }

    private static func isQuantifier(_ character: Unicode.Scalar?) -> Bool {
        character == "?" || character == "*" || character == "+" || character == "{"
    }

    /// The symbol of a character that stands for itself, or nil (syntax, or none of the alphabet).
    private static func plainLiteral(_ character: Unicode.Scalar) -> UInt8? {
        switch character {
        case "(", ")", "[", "]", "{", "}", ".", "^", "$", "\\", "*", "+", "?", "|": nil
        default: Symbol.named(character)
        }
    }

    private mutating func alternation() throws(Unsupported) -> Sized {
        var alternatives = [try sequence()]
        while current == "|" {
            index += 1
            alternatives.append(try sequence())
        }
        return alternatives.count == 1 ? alternatives[0] : .combined(alternatives, RegexNode.alternation)
    }

    private mutating func sequence() throws(Unsupported) -> Sized {
        var items: [Sized] = []
        while let character = current, character != "|", character != ")" {
            // A plain letter, not quantified: most of every phrase, taken without the general path.
            if let symbol = Self.plainLiteral(character), !Self.isQuantifier(next) {
                items.append(Sized(.symbols(SymbolSet(symbol))))
                index += 1
                continue
            }
            let atom = try self.atom()
            items.append(try quantified(atom))
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? Sized(.empty) : .combined(items, RegexNode.sequence))
    }

    private mutating func quantified(_ atom: Sized) throws(Unsupported) -> Sized {
        var node = atom
        while let character = current {
            let bounds: (Int, Int?)
            switch character {
            case "?": bounds = (0, 1); index += 1
            case "*": bounds = (0, nil); index += 1
            case "+": bounds = (1, nil); index += 1
            case "{":
                guard let counted = try counts() else { throw Unsupported(reason: "brace") }
                bounds = counted
            default: return node
            }
            var greedy = true
            if current == "?" { greedy = false; index += 1 } else if current == "+" { throw Unsupported(reason: "possessive quantifier") }
            if case .assertion = node.node { throw Unsupported(reason: "quantified assertion") }
            if case .fixedLookBehind = node.node { throw Unsupported(reason: "quantified assertion") }
            node = .repetition(node, minimum: bounds.0, maximum: bounds.1, greedy: greedy)
        }
        return node
    }

    /// `{n}`, `{n,}`, `{n,m}`; nil (nothing consumed) when the brace does not start one.
    private mutating func counts() throws(Unsupported) -> (Int, Int?)? {
        var cursor = index + 1
        var text = ""
        while cursor < characters.count, characters[cursor] != "}" {
            text.unicodeScalars.append(characters[cursor])
            cursor += 1
        }
        guard cursor < characters.count else { return nil }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let minimum = Int(parts[0]) else { return nil }
        let maximum: Int? = parts.count == 1 ? minimum : (parts[1].isEmpty ? nil : Int(parts[1]))
        if parts.count == 2, !parts[1].isEmpty, maximum == nil { return nil }
        guard minimum <= 1_000, (maximum ?? minimum) <= 1_000, minimum <= (maximum ?? minimum) else {
            throw Unsupported(reason: "repetition count")
        }
        index = cursor + 1
        return (minimum, maximum)
    }

    private mutating func atom() throws(Unsupported) -> Sized {
        guard let character = current else { throw Unsupported(reason: "unexpected end") }
        index += 1
        switch character {
        case "(": return try group()
        case "[": return Sized(.symbols(try characterClass()))
        case ".": return Sized(.symbols(.notLineEnd))
        case "^": return Sized(.assertion(.textStart))
        case "$": return Sized(.assertion(.textEnd))
        case "\\": return Sized(try escape(inClass: false))
        case "*", "+", "?": throw Unsupported(reason: "nothing to repeat")
        case "{", "}", "]": throw Unsupported(reason: "bare \(character)") // ICU's reading of these varies
        default: return Sized(.symbols(try literal(character)))
        }
    }

    private func literal(_ character: Unicode.Scalar) throws(Unsupported) -> SymbolSet {
        guard let symbol = Symbol.named(character) else { throw Unsupported(reason: "character \(character)") }
        return SymbolSet([symbol])
    }

    private mutating func group() throws(Unsupported) -> Sized {
        enum Kind { case plain, behind(negated: Bool), ahead(negated: Bool) }
        var kind = Kind.plain
        if current == "?" {
            index += 1
            switch current {
            case ":": index += 1
            case "=": index += 1; kind = .ahead(negated: false)
            case "!": index += 1; kind = .ahead(negated: true)
            case "<":
                index += 1
                switch current {
                case "=": index += 1; kind = .behind(negated: false)
                case "!": index += 1; kind = .behind(negated: true)
                default:
                    // A named group: the name does not matter to the automaton, but it must be one
                    // ICU accepts (an ASCII letter, then letters and digits).
                    var name = ""
                    while let character = current, character != ">" { name.unicodeScalars.append(character); index += 1 }
                    guard current == ">", let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
                          name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
                    else { throw Unsupported(reason: "group name") }
                    index += 1
                }
            default: throw Unsupported(reason: "group flags")
            }
        }
        let parsed = try alternation()
        guard current == ")" else { throw Unsupported(reason: "unclosed group") }
        index += 1
        if case .plain = kind { return parsed }
        let inner = parsed.node
        do throws(Unsupported) {
            switch kind {
            case .plain: return parsed
            case .ahead(let negated):
                if case .empty = inner { return Sized(negated ? .symbols(SymbolSet()) : .empty) }
                return Sized(.assertion(.ahead(try Self.oneSymbol(inner), negated: negated)))
            case .behind(let negated):
                if case .empty = inner { return Sized(negated ? .symbols(SymbolSet()) : .empty) }
                return Sized(.assertion(.behind(try Self.oneSymbol(inner), negated: negated)))
            }
        } catch {
            if case .behind(let negated) = kind, keepsFixedLookBehind, let strings = LeadingLookBehind.strings(inner) {
                fixedLookBehindCount += 1
                return Sized(.fixedLookBehind(LeadingLookBehind(alternatives: strings, negated: negated)))
            }
            // Dropping a condition only adds matches.
            guard approximating else { throw error }
            approximated = true
            return Sized(.empty)
        }
    }

    /// The set of a look-around body that reads exactly one symbol.
    private static func oneSymbol(_ node: RegexNode) throws(Unsupported) -> SymbolSet {
        switch node {
        case .symbols(let set): return set
        case .alternation(let alternatives):
            var union = SymbolSet()
            for alternative in alternatives { union = union.union(try oneSymbol(alternative)) }
            return union
        default: throw Unsupported(reason: "look-around longer than one character")
        }
    }

    private mutating func escape(inClass: Bool) throws(Unsupported) -> RegexNode {
        guard let character = current else { throw Unsupported(reason: "trailing backslash") }
        index += 1
        switch character {
        case "b" where !inClass: return .assertion(.wordBoundary)
        case "B" where !inClass: return .assertion(.notWordBoundary)
        case "A" where !inClass: return .assertion(.textStart)
        case "z", "Z": if inClass { break }; return .assertion(.textEnd)
        case "w": return .symbols(.word)
        case "W": return .symbols(SymbolSet.word.inverted)
        case "s": return .symbols(.space)
        case "S": return .symbols(SymbolSet.space.inverted)
        case "d": return .symbols(.digits)
        case "D": return .symbols(SymbolSet.digits.inverted)
        case "p", "P":
            guard current == "{" else { throw Unsupported(reason: "property") }
            var name = ""
            index += 1
            while let next = current, next != "}" { name.unicodeScalars.append(next); index += 1 }
            guard current == "}" else { throw Unsupported(reason: "property") }
            index += 1
            let set: SymbolSet
            switch name {
            case "L", "Letter", "Alphabetic": set = .letters
            case "N", "Nd": set = .digits
            default: throw Unsupported(reason: "property \(name)")
            }
            return .symbols(character == "p" ? set : set.inverted)
        case "n": return .symbols(SymbolSet([10]))
        case "t": return .symbols(SymbolSet([9]))
        case "r": return .symbols(SymbolSet([13]))
        case "f": return .symbols(SymbolSet([12]))
        default: break
        }
        // Any other letter or digit escape means something this engine does not know.
        guard !character.properties.isAlphabetic, !("0"..."9").contains(character) else {
            throw Unsupported(reason: "escape \\\(character)")
        }
        return .symbols(try literal(character))
    }

    /// `[...]`, after its opening bracket.
    private mutating func characterClass() throws(Unsupported) -> SymbolSet {
        var set = SymbolSet()
        var negated = false
        if current == "^" { negated = true; index += 1 }
        if current == "]" { throw Unsupported(reason: "class starting with ]") }
        while let character = current, character != "]" {
            index += 1
            var member: SymbolSet
            var single: Unicode.Scalar?
            switch character {
            case "[": throw Unsupported(reason: "nested class")
            case "&" where current == "&": throw Unsupported(reason: "class intersection")
            case "\\":
                let escapeStart = index
                guard case .symbols(let escaped) = try escape(inClass: true) else { throw Unsupported(reason: "class escape") }
                member = escaped
                if index == escapeStart + 1, !characters[escapeStart].properties.isAlphabetic, !("0"..."9").contains(characters[escapeStart]) {
                    single = characters[escapeStart]
                }
            default:
                member = try literal(character)
                single = character
            }
            // A range: ASCII ends only.
            if let low = single, current == "-", index + 1 < characters.count, characters[index + 1] != "]" {
                index += 1
                var high = characters[index]
                index += 1
                if high == "\\" {
                    guard let escaped = current, !escaped.properties.isAlphabetic else { throw Unsupported(reason: "class range") }
                    high = escaped
                    index += 1
                }
                guard low.isASCII, high.isASCII, low.value <= high.value else { throw Unsupported(reason: "class range") }
                member = SymbolSet(UInt8(low.value)...UInt8(high.value))
            }
            set = set.union(member)
        }
        guard current == "]" else { throw Unsupported(reason: "unclosed class") }
        index += 1
        return negated ? set.inverted : set
    }
}
