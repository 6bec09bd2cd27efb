/// Finds literal strings a regular expression cannot match without: a set such that every match
/// contains at least one of them. A line that holds none of a pattern's triggers cannot match it,
/// so the (costly) regular expression is not run on it.
///
/// It understands the subset of ICU syntax the lexicon uses; where it is unsure it returns nil,
/// which means "always run the pattern": the answer is an optimisation, never a change of meaning.
enum LiteralTriggers {
    static func of(_ pattern: String) -> [String]? {
        var parser = Parser(Array(pattern.unicodeScalars))
        guard let alternation = parser.parseAlternation(), parser.atEnd else { return nil }
        guard let triggers = alternation.triggers, !triggers.isEmpty, triggers.allSatisfy({ !$0.isEmpty }) else { return nil }
        return Array(Set(triggers)).sorted()
    }

    fileprivate indirect enum Atom {
        case literal(Unicode.Scalar)
        /// Matches one character of several kinds, or an escape class.
        case other
        /// Matches no character: `\b`, `^`, `$`, look-around.
        case zeroWidth
        case group([[Item]])
    }

    fileprivate struct Item {
        var atom: Atom
        var minimum: Int
        var maximum: Int?
    }

    fileprivate struct Parser {
        let characters: [Unicode.Scalar]
        var index = 0

        init(_ characters: [Unicode.Scalar]) { self.characters = characters }

        var atEnd: Bool { index >= characters.count }

        mutating func parseAlternation() -> [[Item]]? {
            var alternatives: [[Item]] = [[]]
            while index < characters.count {
                let character = characters[index]
                if character == "|" {
                    index += 1
                    alternatives.append([])
                } else if character == ")" {
                    return alternatives
                } else {
                    guard let atom = parseAtom() else { return nil }
                    guard let (minimum, maximum) = parseQuantifier() else { return nil }
                    alternatives[alternatives.count - 1].append(Item(atom: atom, minimum: minimum, maximum: maximum))
                }
            }
            return alternatives
        }

        mutating func parseAtom() -> Atom? {
            let character = characters[index]
            index += 1
            switch character {
            case "\\":
                guard index < characters.count else { return nil }
                let escaped = characters[index]
                index += 1
                switch escaped {
                case "b", "B", "A", "z", "Z": return .zeroWidth
                case "p", "P":
                    while index < characters.count, characters[index] != "}" { index += 1 }
                    index += 1
                    return .other
                case _ where escaped.properties.isAlphabetic || ("0"..."9").contains(escaped): return .other
                default: return .literal(escaped)
                }
            case "[":
                // A class: skip to its unescaped closing bracket.
                if index < characters.count, characters[index] == "^" { index += 1 }
                if index < characters.count, characters[index] == "]" { index += 1 }
                while index < characters.count, characters[index] != "]" {
                    if characters[index] == "\\" { index += 1 }
                    index += 1
                }
                guard index < characters.count else { return nil }
                index += 1
                return .other
            case "(":
                var zeroWidth = false
                if index < characters.count, characters[index] == "?" {
                    index += 1
                    guard index < characters.count else { return nil }
                    switch characters[index] {
                    case ":": index += 1
                    case "=", "!": index += 1; zeroWidth = true
                    case "<":
                        index += 1
                        guard index < characters.count else { return nil }
                        if characters[index] == "=" || characters[index] == "!" {
                            index += 1
                            zeroWidth = true
                        } else {
                            while index < characters.count, characters[index] != ">" { index += 1 }
                            index += 1
                        }
                    default: return nil // flags and other constructs: unsure
                    }
                }
                guard let inner = parseAlternation(), index < characters.count, characters[index] == ")" else { return nil }
                index += 1
                return zeroWidth ? .zeroWidth : .group(inner)
            case "^", "$": return .zeroWidth
            case ".": return .other
            case "*", "+", "?", "{", ")", "|": return nil
            default: return .literal(character)
            }
        }

        mutating func parseQuantifier() -> (Int, Int?)? {
            guard index < characters.count else { return (1, 1) }
            var result: (Int, Int?)
            switch characters[index] {
            case "?": result = (0, 1); index += 1
            case "*": result = (0, nil); index += 1
            case "+": result = (1, nil); index += 1
            case "{":
                var text = ""
                index += 1
                while index < characters.count, characters[index] != "}" { text.unicodeScalars.append(characters[index]); index += 1 }
                guard index < characters.count else { return nil }
                index += 1
                let parts = text.split(separator: ",", omittingEmptySubsequences: false)
                guard let minimum = Int(parts[0].trimmingCharacters(in: .whitespaces)) else { return nil }
                if parts.count == 1 { result = (minimum, minimum) } else {
                    result = (minimum, Int(parts[1].trimmingCharacters(in: .whitespaces)))
                }
            default: return (1, 1)
            }
            if index < characters.count, characters[index] == "?" || characters[index] == "+" { index += 1 }
            return result
        }
    }
}

extension Array where Element == [LiteralTriggers.Item] {
    /// Every alternative must contribute triggers, or the whole has none.
    fileprivate var triggers: [String]? {
        var all: [String] = []
        for sequence in self {
            guard let triggers = sequence.triggers else { return nil }
            all += triggers
        }
        return all
    }
}

extension Array where Element == LiteralTriggers.Item {
    /// A sequence needs every required part; the best single part's triggers stand for it: runs of
    /// required literals, or a required group's triggers, preferring the longest shortest string.
    fileprivate var triggers: [String]? {
        var candidates: [[String]] = []
        var run = ""
        func closeRun() {
            if !run.isEmpty { candidates.append([run]) }
            run = ""
        }
        for item in self {
            switch item.atom {
            case .literal(let character) where item.minimum >= 1:
                run.unicodeScalars.append(character)
                if item.maximum != 1 { closeRun() }
            case .zeroWidth:
                continue
            case .group(let alternatives) where item.minimum >= 1:
                closeRun()
                if let triggers = alternatives.triggers { candidates.append(triggers) }
            default:
                closeRun()
            }
        }
        closeRun()
        return candidates.max { lhs, rhs in
            let left = lhs.map(\.utf8.count).min() ?? 0, right = rhs.map(\.utf8.count).min() ?? 0
            return left != right ? left < right : lhs.count > rhs.count
        }
    }
}

import Foundation
