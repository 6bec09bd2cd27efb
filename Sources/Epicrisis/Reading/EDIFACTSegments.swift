/// The segments of a UN/EDIFACT interchange, split by its service characters (`UNA`) with the
/// release character honoured, each knowing where it starts in the file.
struct EDIFACTSegments {
    struct Segment {
        /// The segment's tag (`NAD`, `FTX`…).
        var tag: String { elements.first?.first ?? "" }
        /// Elements, each a list of components, with release characters resolved.
        var elements: [[String]]
        /// 1-based number of the segment in the interchange.
        var number: Int
        var location: SourceLocation

        /// Component `component` of element `element` (the tag is element 0), or "".
        func value(_ element: Int, _ component: Int = 0) -> String {
            guard element < elements.count, component < elements[element].count else { return "" }
            return elements[element][component]
        }

        func components(_ element: Int) -> [String] {
            element < elements.count ? elements[element] : []
        }
    }

    struct ServiceCharacters {
        var component: Character = ":"
        var element: Character = "+"
        var release: Character = "?"
        var terminator: Character = "'"
    }

    let segments: [Segment]

    init(_ text: String, file: String) throws(ReadError) {
        var characters = ServiceCharacters()
        var body = Substring(text)
        if text.hasPrefix("UNA") {
            let advice = Array(text.prefix(9))
            guard advice.count == 9 else { throw ReadError(file: file, line: 1, column: 1, message: "the UNA service string advice is cut short") }
            characters = ServiceCharacters(component: advice[3], element: advice[4], release: advice[6], terminator: advice[8])
            body = text.dropFirst(9)
        }
        var result: [Segment] = []
        var elements: [[String]] = [[""]]
        // The service string advice is the first nine characters of line 1.
        var line = 1
        var column = text.hasPrefix("UNA") ? 10 : 1
        var start = SourceLocation(line: line, column: column)
        var released = false
        var atSegmentStart = true
        for character in body {
            defer {
                if character == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            if atSegmentStart {
                if character.isNewline || character == " " { continue }
                start = SourceLocation(line: line, column: column)
                atSegmentStart = false
            }
            if released {
                elements[elements.count - 1][elements[elements.count - 1].count - 1].append(character)
                released = false
                continue
            }
            switch character {
            case characters.release:
                released = true
            case characters.terminator:
                result.append(Segment(elements: elements, number: result.count + 1, location: start))
                elements = [[""]]
                atSegmentStart = true
            case characters.element:
                elements.append([""])
            case characters.component:
                elements[elements.count - 1].append("")
            case "\r", "\n":
                continue // line breaks between and inside segments are layout, not data
            default:
                elements[elements.count - 1][elements[elements.count - 1].count - 1].append(character)
            }
        }
        if !atSegmentStart, elements != [[""]] {
            throw ReadError(file: file, line: start.line, column: start.column,
                            message: "segment \(result.count + 1) (\(elements.first?.first ?? "?")) has no terminator: the interchange is cut short")
        }
        segments = result
    }
}
