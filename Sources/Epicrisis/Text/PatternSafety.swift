/// Refuses regular expressions that can backtrack catastrophically: an unbounded quantifier applied
/// to a group that itself holds an unbounded quantifier (`(a+)+`, `(\w*\s)*`). One such pattern in a
/// hospital's lexicon would make a single line take hours; refusing it at load names its line.
enum PatternSafety {
    /// Why `source` is unsafe, or nil.
    static func problem(in source: String) -> String? {
        let characters = Array(source.unicodeScalars)
        var unboundedInside: [Bool] = [] // per open group: does it hold an unbounded quantifier?
        var index = 0
        var inClass = false
        while index < characters.count {
            let character = characters[index]
            if character == "\\" { index += 2; continue }
            if inClass {
                if character == "]" { inClass = false }
                index += 1
                continue
            }
            switch character {
            case "[": inClass = true
            case "(": unboundedInside.append(false)
            case ")":
                let inner = unboundedInside.popLast() ?? false
                if inner && isUnbounded(characters, at: index + 1) {
                    return "a repeated group holds a repetition itself (nested quantifiers backtrack catastrophically)"
                }
                if inner || isUnbounded(characters, at: index + 1), !unboundedInside.isEmpty {
                    unboundedInside[unboundedInside.count - 1] = true
                }
            case "*", "+":
                if !unboundedInside.isEmpty { unboundedInside[unboundedInside.count - 1] = true }
            case "{":
                if isUnbounded(characters, at: index), !unboundedInside.isEmpty { unboundedInside[unboundedInside.count - 1] = true }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// Whether a quantifier at `index` is unbounded: `*`, `+`, or `{n,}`.
    private static func isUnbounded(_ characters: [Unicode.Scalar], at index: Int) -> Bool {
        guard index < characters.count else { return false }
        switch characters[index] {
        case "*", "+": return true
        case "{":
            var end = index + 1
            while end < characters.count, characters[end] != "}" { end += 1 }
            guard end < characters.count else { return false }
            let body = String(String.UnicodeScalarView(characters[(index + 1)..<end]))
            return body.hasSuffix(",")
        default: return false
        }
    }
}
