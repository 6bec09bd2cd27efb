import Foundation
import Testing
@testable import Epicrisis

/// The automaton must find what ICU finds: the same first match and the same list of matches, for
/// every pattern family of the lexicon, over every line of every letter the project has.
@Suite("Matching automaton")
struct AutomatonTests {
    @Test("small patterns agree with ICU", arguments: [
        (#"\bsenfølge\w*"#, ["Senfølger: ingen", "ingen senfolger", "præsenfølger", ""]),
        (#"(?<![\p{L}\d])d[a-z]\d{2}[a-z0-9]{0,4}(?![\p{L}\d])"#, ["DC18.7 og DC187 samt xdc187, dc18-", "DC50 9", "d"]),
        (#"a|ab|abc"#, ["xabcx", "ab", "abab"]),
        (#"(a|ab)(c|bcd)"#, ["abcd", "xabcdx"]),
        (#"a.{0,3}?b"#, ["axxbxb", "ab"]),
        (#"\bkontrol(ler)?\b.{0,20}\b(om|efter) \d+ (uger|mdr)"#, ["kontrol hos os om 3 uger", "kontroller efter 12 mdr.", "kontrol om x uger"]),
        (#"^\W*se (journal(en)?|ovenfor)\W*$"#, ["  se journalen.", "se ovenfor", "du se journal"]),
        (#"[^.;]*\bafventer\b"#, ["vi afventer svar; afventer", "afventer"]),
        (#"x{2,}|\.{2,}|[-–—_*?]+"#, ["xx", "...", "–", "a-b"]),
        (#"\B-\b|\b-\B"#, ["a-b", "a- b", " -b"]),
        (#"$|^"#, ["", "abc"]),
        (#"(?=a)|b(?!c)"#, ["bc", "ba", "a"]),
        (#"«[^»]*»|≥ ?\d+"#, ["«navn» ≥ 5", "≥5"]),
        (#"\s+\S+"#, ["  a b  c"]),
        // The search for a match's start skips positions by the pairs of symbols a match begins
        // with and by the longest match: the leftmost match may end after the earliest one.
        (#"abcd|bc"#, ["abcd", "xabcdx", "abc", "bcabcd"]),
        (#"a|bcd"#, ["xxa", "bcda", "xbcx", "a"]),
        (#"ab|cd\w*"#, ["acdx abx cab", "ccdd", "c"]),
        (#"x*"#, ["axxb", ""]),
        // A start is looked for no further back than the fewest symbols a match needs before the
        // earliest end: `a\w*z` needs all its word, `bc\w*` two symbols, `(?:ab){2,}x?` four.
        (#"a\w*z|bc\w*"#, ["xawbcz", "abcz bcx", "bcaz"]),
        (#"kemo\w*\b|mo"#, ["kemoterapi mo", "xmokemo"]),
        (#"(?:ab){2,}x?|ba"#, ["abababx", "aabab", "abba"]),
        (#"c(?:ab)+|b"#, ["cababab", "xcab"]),
        // Where every branch opens with `^`, only the text's start is searched (and a range that
        // begins later finds nothing, as ICU with transparent bounds); where one branch does not,
        // every start is.
        (#"^(?:\d+\.\s*)?(diagnose|plan)\b\s*:?"#, ["Diagnose: x", "2. plan", " plan", "x diagnose", "plan plan"]),
        (#"^ab|^(?:c|d)e+"#, ["abab", "cee", "xab", "dex", "de"]),
        (#"(?:^|\s)ab"#, ["ab ab", "xab ab"]),
        (#"\b^a"#, ["a a", "ba"]),
        // A leading look-behind of fixed strings is checked at each candidate start.
        (#"(?<!af|be)(kræft|cancer)\w*"#, ["afkræftet, bekræftet men brystkræft", "kræft", "af kræft", "bebecancer", "fbekræft"]),
        (#"(?<=ab)c+"#, ["abc", "c abcc xbc", "ab"]),
        (#"(?<!a[bc])d"#, ["abd acd d add", "ad", "cd"]),
        (#"(?<!af|be)kræft\w*|\bmalign\w*|(?<=ab)c"#, ["afkræftet malignt abc", "bekræft xc kræft", "abkræft"]),
        (#"x|(?<!ab)c|c"#, ["abc", "c", "xabcx"]),
        // As the lexicon combines a family's members: each a group, opened into the alternatives.
        (#"(?:(?<!af|be)kræft\w*)|(?:metastas\w*|(?<!x)malign)"#, ["afkræftet metastaser", "bekræftelse, malignt", "brystkræft"]),
    ])
    func agrees(_ source: String, _ lines: [String]) throws {
        let pattern = try Pattern(source)
        #expect(pattern.isAutomatic)
        for line in lines {
            let text = FoldedText(line)
            let whole = NSRange(location: 0, length: text.length)
            #expect(pattern.firstMatch(in: text) == pattern.icuFirstMatch(in: text, range: whole), "\(source) on \(line)")
            #expect(pattern.ranges(in: text) == pattern.icuMatches(in: text, range: whole).map(\.range), "\(source) on \(line)")
            if text.length > 2 {
                let inner = NSRange(location: 1, length: text.length - 2)
                #expect(pattern.ranges(in: text, range: inner) == pattern.icuMatches(in: text, range: inner).map(\.range), "\(source) in \(line)")
            }
        }
    }

    /// What a screen looks for in place of a member: a long word ("behandlingsforløbet") holds no
    /// `\w+ektomi` once the gap is gone, so the screen can pass the member over.
    @Test("a screen drops the gaps a member's branches open with", arguments: [
        (#"\b(opereret|\w+ektomi)\b"#, #"(?:opereret|ektomi)\b"#), (#"^[^.;]*\bafventer"#, #"afventer"#),
        (#"\b(?:a|b)c"#, #"\b(?:a|b)c"#), (#"x\w+y"#, #"x\w+y"#), (#"(?:\w*fri|ingen)"#, #"(?:fri|ingen)"#),
    ])
    func screenDropsGaps(_ source: String, _ expected: String) throws {
        let dropped = try RegexParser.parse(source).withoutLeadingGap
        // Compared by what they find: from every position of a line, where the first match ends.
        let line = FoldedText("behandlingsforløbet er en opereret hemikolektomi, afventer xay fri ingen")
        func ends(_ node: RegexNode) -> [Int?] {
            let dfa = LazyDFA(program: Program(alternatives: [node]), anchored: false)
            return line.withSymbols { symbols in
                (0..<symbols.count).map { start in
                    var state = dfa.start(before: start > 0 ? symbols[start - 1] : nil)
                    return dfa.scanForMatchEnd(symbols, from: start, to: symbols.count, state: &state)
                }
            }
        }
        #expect(ends(dropped) == ends(try RegexParser.parse(expected)), "\(source)")
    }

    @Test("the fewest symbols a match needs, whatever follows", arguments: [
        (#"kemoterapi\w*"#, 10 as Int?), (#"ab+c*"#, 2), (#"(?:ab){2,}x?"#, 4), (#"a{3}\d*|xy"#, 3), (#"x*"#, 0),
        (#"a\w*z"#, nil), (#"kemo\w*\b"#, nil), (#"a\w*(?:b|)"#, 1), (#"(?:a\w*)+"#, 1), (#"\w+b"#, nil),
    ])
    func shortestMatchReach(_ source: String, _ expected: Int?) throws {
        #expect(try RegexParser.parse(source).shortestMatchReach == expected, "\(source)")
    }

    @Test("a node begins at the text's start only where every branch opens with ^", arguments: [
        (#"^a"#, true), (#"^a|^b"#, true), (#"(?:^a|^b)c"#, true), (#"\b^a"#, true), (#"(?:^a)+"#, true),
        (#"a|^b"#, false), (#"(?:^|x)a"#, false), (#"(?:^a)*b"#, false), (#"a^"#, false), (#"$"#, false),
    ])
    func beginsAtTextStart(_ source: String, _ expected: Bool) throws {
        #expect(try RegexParser.parse(source).beginsAtTextStart == expected, "\(source)")
    }

    /// A pattern the automaton cannot run goes to ICU, from where its screen's first match starts:
    /// the same matches as ICU from the start of the range.
    @Test("patterns on ICU find from the screen's first match what ICU finds from the start", arguments: [
        (#"(?<![\d.,-])(?:\+45 ?)?\d{2} ?\d{2} ?\d{2} ?\d{2}(?![\d.,]\d)"#,
         ["Kirurgisk afd., tlf. 65 41 22 33", "12 34 56 78 9.1, +45 11223344 og 1122334455", "1.22 33 44 55", "ingen"]),
        (#"\bse (?=journal\b)\w+|x(?!yz)y"#, ["se journalen, se journal, xyz xya", "xy"]),
    ])
    func screenedOnICU(_ source: String, _ lines: [String]) throws {
        let pattern = try Pattern(source)
        #expect(!pattern.isAutomatic)
        for line in lines {
            let text = FoldedText(line)
            for start in 0...text.length {
                let range = NSRange(location: start, length: text.length - start)
                #expect(pattern.firstMatch(in: text, range: range) == pattern.icuFirstMatch(in: text, range: range), "\(line) from \(start)")
                #expect(pattern.ranges(in: text, range: range) == pattern.icuMatches(in: text, range: range).map(\.range), "\(line) from \(start)")
                #expect(pattern.matches(text, range: range) == (pattern.icuFirstMatch(in: text, range: range) != nil))
            }
        }
    }

    /// The phone number's look-ahead is checked after the automaton's match, the search going on
    /// from the next start where it fails: the same first match as ICU's on the whole pattern.
    @Test("phone numbers: the automaton and a look-ahead find what ICU finds")
    func phoneNumbers() {
        let pieces = ["1", "2", "0", "12", "34", "56", " ", " ", ".", ",", "-", "+45", "+45 ", "٣", "a", "tlf. "]
        var generator = SystemRandomNumberGenerator()
        var lines = ["Kirurgisk afd., tlf. 65 41 22 33", "12 34 56 78 9.1, +45 11223344 og 1122334455", "1.22 33 44 55",
                     "1122334455 11 22 33 44", "11 22 33 44,5", "11 22 33 44.x", "11223344,"]
        for _ in 0..<4_000 {
            lines.append(generator.text(lengths: 0...24, of: pieces))
        }
        for line in lines {
            let text = FoldedText(line)
            let icu = PhonePattern.pattern.icuFirstMatch(in: text, range: NSRange(location: 0, length: text.length))
            #expect(PhonePattern.firstMatch(in: text) == icu, "\(line)")
        }
    }

    /// ICU is started where the automaton's match starts; where a line terminator ends the line,
    /// ICU's `$` matches before it and the automaton's does not, so ICU reads the whole line.
    @Test("capture groups are those of ICU's first match on the whole line", arguments: [
        ("ab$|b", "ab\u{0C}"), ("(a)(b)?", "xxab"), (#"\bkontrol (om|efter) (\d+)"#, "aftalt kontrol om 3 uger"), ("x(y)", "zzz"),
    ])
    func capturesAsICU(_ source: String, _ line: String) throws {
        let pattern = try Pattern(source)
        let text = FoldedText(line)
        let icu = pattern.icuMatches(in: text, range: NSRange(location: 0, length: text.length)).first
        let found = pattern.captures(in: text)
        #expect(found?.range == icu?.range, "\(source) on \(line)")
        #expect((0..<(icu?.numberOfRanges ?? 0)).map { found?.range(at: $0) } == (0..<(icu?.numberOfRanges ?? 0)).map { icu?.range(at: $0) })
    }

    @Test("syntax it does not run is left to ICU", arguments: [#"(a)\1"#, #"(?i)abc"#, #"a++"#, #"x(?<=ab)c"#, #"(x(?<=ab)c|d)"#, #"(?:(?<!ab)c|d)e"#, #"[[a-z]&&[^b]]"#, #"\p{Lu}"#, #"(a{1000}){1000}"#])
    func fallsBack(_ source: String) throws {
        #expect(try !Pattern(source).isAutomatic)
    }

    /// A run adds at most one state per character, so very long lines go to ICU, with the same answer.
    @Test("a line past the automaton's limit is matched by ICU")
    func longLine() throws {
        let pattern = try Pattern(#"\bsenfølger\b"#)
        let line = FoldedText(String(repeating: "x ", count: Pattern.automatonLineLimit) + "senfølger")
        #expect(pattern.firstMatch(in: line) == pattern.icuFirstMatch(in: line, range: NSRange(location: 0, length: line.length)))
        #expect(pattern.firstMatch(in: line) != nil)
    }

    @Test("every lexicon family runs on the automaton and agrees with ICU on every line the project has")
    func lexiconAgrees() throws {
        let lexicon = Fixtures.lexicon
        var patterns = lexicon.headings.patterns.members + [lexicon.placeholder, lexicon.cancerTerms] + lexicon.notAddressing
        patterns += lexicon.priority.markings + lexicon.priority.selfContact + lexicon.priority.gpReachesOut
        patterns += [lexicon.priority.timeFrame, lexicon.priority.nextDay]
        patterns += lexicon.items.values.flatMap { [$0.cues, $0.sectionCues].compactMap { $0 } } + lexicon.treatments.map(\.pattern)
        let context = lexicon.context
        patterns += [context.negation, context.negationAfter, context.uncertainty, context.uncertaintyAfter, context.hypothetical,
                     context.pseudoNegation, context.otherPerson, context.scopeEnd]
        for pattern in patterns { #expect(pattern.engineNote == nil || pattern.engineNote == "screened by the automaton", "\(pattern.source.prefix(80))") }

        let lines = Self.projectLines()
        #expect(lines.count > 1000)
        var disagreements: [String] = []
        var matched = 0
        for pattern in patterns {
            for line in lines {
                let whole = NSRange(location: 0, length: line.length)
                let expected = pattern.icuMatches(in: line, range: whole).map(\.range)
                matched += expected.isEmpty ? 0 : 1
                if pattern.ranges(in: line) != expected || pattern.firstMatch(in: line) != expected.first {
                    disagreements.append("\(pattern.source.prefix(50)) on: \(line.original)")
                }
            }
        }
        #expect(matched > 500)
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, first: \(disagreements.prefix(5))")
    }

    /// The heading set names the entry ICU's alternation of all entries would: the first that matches.
    @Test("the heading index picks the entry an alternation of all entries picks")
    func headingIndex() throws {
        let headings = Fixtures.lexicon.headings.patterns
        let alternation = try NSRegularExpression(pattern: headings.members.enumerated().map { "(?<h\($0.offset)>\($0.element.folded.replacingOccurrences(of: "(?<content>", with: "(?:")))" }
            .joined(separator: "|"))
        var headingLines = 0
        for line in Self.projectLines() {
            let match = alternation.firstMatch(in: line.text, range: NSRange(location: 0, length: line.length))
            let expected = match.flatMap { match in headings.members.indices.first { match.range(withName: "h\($0)").location != NSNotFound } }
            headingLines += expected == nil ? 0 : 1
            #expect(headings.firstMatching(in: line) == expected, "\(line.original)")
        }
        #expect(headingLines > 200)
    }

    /// A line of ASCII and Danish letters is folded straight into its buffers; the general fold
    /// must agree on every line, down to where each folded unit comes from in the original.
    @Test("lines fold the same by the fast path and the general one")
    func simpleFold() {
        var simple = 0
        let extra = ["", "Oe aa AA oE", "AAA ooe", "Æbler og ØL på Åen", "aæ øe åa ÆE", "é and å\u{301}", "tab\there –"]
        for line in Self.projectLines() + extra.map({ FoldedText($0) }) {
            let general = FoldedText(generalFoldOf: line.original)
            #expect(line.text == general.text && line.withSymbols(Array.init) == general.withSymbols(Array.init), "\(line.original)")
            #expect(TextFolding.fold(line.original) == line.text, "\(line.original)")
            for offset in 0...line.length {
                #expect(line.originalOffset(offset) == general.originalOffset(offset), "\(line.original)")
                #expect(line.isUppercaseInOriginal(offset) == general.isUppercaseInOriginal(offset), "\(line.original)")
                let range = NSRange(location: offset / 2, length: offset - offset / 2)
                #expect(line.originalText(range) == general.originalText(range), "\(line.original)")
            }
            simple += line.original.unicodeScalars.allSatisfy { $0.isASCII || "æøåÆØÅ".unicodeScalars.contains($0) } ? 1 : 0
        }
        #expect(simple > 100)
    }

    /// Random lines over the letters where the fast fold has edges: o/a before e/a in every case,
    /// the bytes beside A and Z, Danish letters, and one character the fast path leaves to the
    /// general one. Words of eight bytes meet every alignment.
    @Test("random lines fold the same by the fast path and the general one")
    func randomFold() {
        let alphabet = Array("oOeEaA@[Z`z{ .,-19æøåÆØÅ") + ["é"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let original = generator.text(lengths: 0...40, of: alphabet)
            let fast = FoldedText(original)
            let general = FoldedText(generalFoldOf: original)
            #expect(fast.withSymbols(Array.init) == general.withSymbols(Array.init), "\(original)")
            for offset in 0...fast.length {
                #expect(fast.originalOffset(offset) == general.originalOffset(offset), "\(original)")
            }
            #expect(fast.originalText(NSRange(location: 0, length: fast.length)) == general.originalText(NSRange(location: 0, length: general.length)))
        }
    }

    /// A heading's content is found where its head (heading, colon, spaces) ends, without ICU; it
    /// must be the `content` group ICU finds, an empty group counting as none.
    @Test("a heading's content is the content group ICU finds, on every heading line the project has")
    func headingContent() throws {
        let lexicon = Fixtures.lexicon
        let finder = SectionFinder(lexicon: lexicon)
        var withContent = 0
        for line in Self.projectLines() {
            guard let index = lexicon.headings.patterns.firstMatching(in: line) else { continue }
            let match = try #require(lexicon.headings.patterns.members[index].captures(in: line), "\(line.original)")
            var expected: NSRange? = match.range(withName: "content")
            if expected?.location == NSNotFound || expected?.length == 0 { expected = nil }
            #expect(lexicon.headings.contentStart(index, in: line) != nil, "\(line.original)")
            #expect(finder.heading(line)?.1 == expected, "\(line.original)")
            withContent += expected == nil ? 0 : 1
        }
        #expect(withContent > 100)
        // A line terminator inside the line leaves the answer to ICU.
        let broken = FoldedText("Diagnose: kræft\u{2028}i tyktarmen")
        if let index = lexicon.headings.patterns.firstMatching(in: broken) {
            #expect(lexicon.headings.contentStart(index, in: broken) == nil)
        }
    }

    /// Header labels are read on the automaton: the matches must be ICU's, and the label each
    /// holds the text of ICU's group 1.
    @Test("header labels are the ones ICU's capture group holds, on every line the project has")
    func headerLabels() throws {
        let pattern = HeaderBlock.labelPattern
        var labelled = 0
        for line in Self.projectLines() {
            let whole = NSRange(location: 0, length: line.length)
            let expected = pattern.icuMatches(in: line, range: whole)
            #expect(pattern.ranges(in: line) == expected.map(\.range), "\(line.original)")
            for match in expected {
                let group = match.range(at: 1)
                let found = try #require(HeaderBlock.label(in: match.range, of: line), "\(line.original)")
                #expect(found.1 == group.location, "\(line.original)")
                let form = try NSRegularExpression(pattern: "^(?:\(found.0))$")
                let text = line.substring(group)
                #expect(form.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil, "\(found.0) for \(text)")
                labelled += 1
            }
        }
        #expect(labelled > 100)
    }

    /// A line screen passes a member over only on lines it does not match: every answer on a
    /// screened line is the answer on the same line unscreened. And it does screen: a line that
    /// holds none of the members passes them all over.
    @Test("a line screen changes no answer, and passes over the members a line cannot hold", arguments: [
        ([#"\bkemo\w*"#, #"\bstråle\w*"#, #"^se journal$"#, #"x{2,}"#, #"b(?!c)"#, #"$"#],
         ["kemoterapi og strålebehandling", "se journal", "se journalen", "xx bc", "abc", "", "strålekemo"]),
        ([#"(?<!af|be)kræft\w*"#, #"\bmalign\w*"#], ["afkræftet", "brystkræft", "malignt", "bekræftet malign"]),
        // Longer than a screen follows a thread: the screen may name the member on a line holding
        // only the beginning, and the answer is still the member's own.
        ([#"\bstrålebehandling\b"#, #"ingen.{0,30}recidiv"#], ["strålebehandlingen", "strålebehandling", "ingen tegn på recidiv",
                                                              "ingen tegn på noget som helst, der ligner et recidiv"]),
        // A group's branches that open with a gap are screened without it: `\w+ektomi` for `ektomi`.
        ([#"\b(opereret|\w+ektomi)\b"#, #"(?:\s*(ingen|\w*fri)\b)"#], ["hemikolektomi", "kolektomien", "opereret", "ektomi", "fri",
                                                                       "smertefri", "ingen"]),
    ])
    func lineScreen(_ sources: [String], _ lines: [String]) throws {
        var builder = LineScreen.Builder(warmUp: 0)
        let patterns = try sources.map { try builder.enrol(Pattern($0)) }
        let screen = builder.build()
        for line in lines {
            let plain = FoldedText(line)
            let screened = FoldedText(line, screen: screen)
            for pattern in patterns {
                #expect(pattern.firstMatch(in: screened) == pattern.firstMatch(in: plain), "\(pattern.source) on \(line)")
                #expect(pattern.ranges(in: screened) == pattern.ranges(in: plain), "\(pattern.source) on \(line)")
                let middle = NSRange(location: min(2, plain.length), length: max(0, plain.length - 3))
                #expect(pattern.firstMatch(in: screened, range: middle) == pattern.firstMatch(in: plain, range: middle))
            }
        }
        #expect(FoldedText("intet af det").withSymbols(screen.candidates).0 & 0b11 == 0)
    }

    /// A search starts where the screen says a member's first match may start, and stops where
    /// no match that starts by the screen's latest start can end: random lines, searched from
    /// every start, find what they find unscreened. (Matches late in a line, false alarms before
    /// and after them, look-behind and `\b` at the start found, a gap the screen looks past, a
    /// heading's `^`, an empty match, threads of one member that meet in a loop, phrases longer
    /// than the screen follows, lines screened in halves.)
    @Test("searches from the screen's starts find what whole searches find")
    func screenStarts() throws {
        var builder = LineScreen.Builder(warmUp: 0)
        let sources = [#"\bab\w*c"#, #"x.{0,12}y"#, #"(?<!a)bc"#, #"\b(ab|\w+cy)\b"#, #"^a b"#, #"ya*"#,
                       #"abcabcabcab"#, #"(?:^|\s)c\.?\s*x"#, #"a[ab]*c"#, #"b(a|ab|xa)+y"#, #"ab ab ab xy\w*"#, #"\bcab cab (x|yy)+a"#,
                       #"ab cab ab cab xy"#]
        let patterns = try sources.map { try builder.enrol(Pattern($0)) }
        let set = builder.enrol(PatternSet([#"bc\b"#, #"x.y"#].map(Pattern.init(literal:))))
        let screen = builder.build()
        var generator = SystemRandomNumberGenerator()
        for round in 0..<1_500 {
            // A third of the lines long runs of a and b, where threads of `a[ab]*c` meet.
            let alphabet = Array(round % 3 == 0 ? "aaabbbbc" : "abc xy.")
            // A fifth of the lines long enough to be screened in halves; some of words, where
            // phrases longer than the screen follows begin and break off.
            let length = round % 5 == 4 ? Int.random(in: 48...90, using: &generator) : Int.random(in: 0...40, using: &generator)
            let words = ["ab ", "ab ", "xy", "cab ", "x", "yy", "a", " ", "c", "ab cab ", "ab cab ab cab "]
            let line = round % 5 == 1
                ? String(generator.text(length / 2, of: words).prefix(length))
                : generator.text(length, of: alphabet)
            let plain = FoldedText(line)
            let screened = FoldedText(line, screen: screen)
            for start in 0...plain.length where plain.length < 48 || start % 6 == 0 {
                let range = NSRange(location: start, length: plain.length - start)
                for pattern in patterns {
                    #expect(pattern.firstMatch(in: screened, range: range) == pattern.firstMatch(in: plain, range: range), "\(pattern.source) on \(line) from \(start)")
                    #expect(pattern.ranges(in: screened, range: range) == pattern.ranges(in: plain, range: range), "\(pattern.source) on \(line) from \(start)")
                }
                #expect(set.firstMatching(in: screened, range: range) == set.firstMatching(in: plain, range: range), "\(line) from \(start)")
            }
        }
    }

    /// A long line is screened in two halves run in turn: the ids and first flags must be those
    /// of one run, on lines where threads cross the middle and meet there.
    @Test("a line screened in halves gives what one run gives")
    func screenHalves() throws {
        let sources = [#"\bab\w*c"#, #"x.{0,12}y"#, #"(?<!a)bc"#, #"\b(ab|\w+cy)\b"#, #"^a b"#, #"ya*"#, #"abcabcabcab"#,
                       #"(?:^|\s)c\.?\s*x"#, #"a[ab]*c"#, #"b(a|ab|xa)+y"#, #"c$"#, #"\w+ektomi"#]
        let program = Program(alternatives: try sources.map {
            try RegexParser.parse(TextFolding.foldPattern($0)).withoutLeadingGap.clamped(to: Int(LazyDFA.screenDepth))
        })
        let dfa = LazyDFA(program: program, anchored: false, collecting: true)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<3_000 {
            let alphabet = Array(round % 3 == 0 ? "aaabbbbc" : round % 3 == 1 ? "abc xy." : "abcektomiy ")
            let line = Array(generator.text(lengths: 40...160, of: alphabet).utf8) // ASCII: a byte a character
            line.withUnsafeBufferPointer { symbols in
                let (halvedIDs, halvedStarts) = dfa.matchingIDsAndStarts(symbols, bounded: .max)
                let (ids, starts) = dfa.matchingIDsAndStarts(symbols, bounded: .max, inHalves: false)
                #expect(halvedIDs == ids, "\(String(decoding: line, as: UTF8.self))")
                let places = 0..<ScreenStarts.places
                #expect(places.map(halvedStarts.start(at:)) == places.map(starts.start(at:)), "\(String(decoding: line, as: UTF8.self))")
                #expect(places.map(halvedStarts.latestStart(at:)) == places.map(starts.latestStart(at:)), "\(String(decoding: line, as: UTF8.self))")
            }
        }
    }

    /// A DFA whose text keeps asking for new states drops them all when it holds too many, between
    /// runs: memory stays bounded whatever the text. (Searching for `a[ab]{12}c`, a DFA tells
    /// apart where the last thirteen a's stood: random lines of a and b reach 2^13 states.) Its
    /// answers stay right as its table grows and after it is dropped.
    @Test("a lazy DFA keeps no more states than its limit and a line's worth")
    func stateLimit() throws {
        let program = Program(alternatives: [try RegexParser.parse("a[ab]{12}c")])
        let dfa = LazyDFA(program: program, anchored: false)
        var generator = SystemRandomNumberGenerator()
        var most = 0
        for _ in 0..<200 {
            // Now and then a c, never last: a match then ends before a symbol that follows it.
            let line = (0..<400).map { index in
                index < 399 && Int.random(in: 0..<50, using: &generator) == 0 ? UInt8(ascii: "c")
                    : Bool.random(using: &generator) ? UInt8(ascii: "a") : UInt8(ascii: "b")
            }
            let expected = (13..<399).first { end in
                line[end] == UInt8(ascii: "c") && line[end - 13] == UInt8(ascii: "a") && !line[(end - 12)..<end].contains(UInt8(ascii: "c"))
            }.map { $0 + 1 }
            line.withUnsafeBufferPointer { symbols in
                var state = dfa.start(before: nil)
                #expect(dfa.scanForMatchEnd(symbols, from: 0, to: symbols.count, state: &state) == expected)
            }
            most = max(most, dfa.stateCount)
        }
        #expect(most > LazyDFA.stateLimit)
        #expect(most <= LazyDFA.stateLimit + 400 + 1)
    }

    @Test("a thread screens only after its first lines, and answers alike before and after")
    func warmUp() throws {
        var builder = LineScreen.Builder(warmUp: 3)
        let pattern = try builder.enrol(Pattern(#"\bkemo\w*"#))
        let screen = builder.build()
        // On a thread of its own, whose count starts at zero.
        let counts = Thread.runAndWait {
            (0..<5).map { _ in FoldedText("intet her").withSymbols(screen.candidates).0 }
        }
        #expect(counts == [.max, .max, .max, 0, 0])
        #expect(pattern.matches(FoldedText("kemoterapi", screen: screen)))
    }

    @Test("past 64 members a line screen enrols no more, and those left out still match")
    func largeLineScreen() throws {
        var builder = LineScreen.Builder(warmUp: 0)
        let patterns = try (0..<70).map { try builder.enrol(Pattern("word\($0)\\b")) }
        let screen = builder.build()
        let line = FoldedText("word3 word68", screen: screen)
        #expect(patterns.enumerated().filter { $0.element.matches(line) }.map(\.offset) == [3, 68])
        #expect(line.withSymbols(screen.candidates).0 == 1 << 3)
    }

    @Test("the lexicon's line screen changes no family's answer on any line the project has")
    func lexiconLineScreen() throws {
        let lexicon = Fixtures.lexicon
        var families = lexicon.items.values.flatMap { [$0.cues] + ($0.sectionCues.map { [$0] } ?? []) }
        families += [lexicon.placeholder, lexicon.cancerTerms] + lexicon.notAddressing + lexicon.treatments.map(\.pattern)
        families += lexicon.priority.markings + lexicon.priority.selfContact + lexicon.priority.gpReachesOut
        families += [lexicon.priority.colourMention, lexicon.priority.timeFrame, lexicon.priority.nextDay]
        let context = lexicon.context
        families += [context.negation, context.negationAfter, context.uncertainty, context.uncertaintyAfter, context.hypothetical,
                     context.pseudoNegation, context.otherPerson, context.scopeEnd, lexicon.diagnosisCodes]
        var passedOver = 0
        let lines = Self.projectLines()
        // A thread screens only once warmed up.
        for _ in 0...lexicon.lineScreen.warmUp { _ = FoldedText("").withSymbols(lexicon.lineScreen.candidates) }
        for plain in lines {
            let screened = FoldedText(plain.original, screen: lexicon.lineScreen)
            for pattern in families {
                let found = pattern.firstMatch(in: plain)
                #expect(pattern.firstMatch(in: screened) == found, "\(pattern.source.prefix(50)) on \(plain.original)")
            }
            passedOver += lexicon.lineScreen.count - screened.screenCandidates.nonzeroBitCount
            #expect(lexicon.headings.patterns.firstMatching(in: screened) == lexicon.headings.patterns.firstMatching(in: plain))
        }
        // Each line holds few of the families: most are passed over.
        #expect(lexicon.lineScreen.count > 40)
        #expect(passedOver > lines.count * lexicon.lineScreen.count / 2)
    }

    static func projectLines() -> [FoldedText] {
        var folders = [Fixtures.samples, Fixtures.root.appendingPathComponent("corpus")]
        if Fixtures.hasShared { folders.append(Fixtures.shared.appendingPathComponent("corpus/dev")) }
        var lines: [FoldedText] = []
        for folder in folders {
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".txt") || file.hasSuffix(".xml") {
                let letters = (try? LetterReader.read(Fixtures.bytes(folder.appendingPathComponent(file)), path: file)) ?? []
                lines += letters.flatMap(\.lines).filter { !$0.text.isEmpty }.map { FoldedText($0.text) }
            }
        }
        return lines
    }
}

/// A result handed from one thread to another, read after a semaphore says it is written.
private final class Handover<Value>: @unchecked Sendable {
    var value: Value?
}

private extension Thread {
    /// Runs `body` on a new thread and waits for its result.
    static func runAndWait<Value>(_ body: @escaping @Sendable () -> Value) -> Value {
        let handover = Handover<Value>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            handover.value = body()
            done.signal()
        }
        thread.start()
        done.wait()
        return handover.value!
    }
}
