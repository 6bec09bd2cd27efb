import Foundation

/// Splits MedCom's `Text01` mixed content into lines.
///
/// `<Break/>` (and a literal newline) ends a line, `<Space/>` is a space, and `<Bold>`,
/// `<Underline>` mark emphasis: a line whose text is all emphasised is a likely heading, since
/// OIOXML has no heading element. Each line keeps the line of the node it starts in and its
/// offset within the element's text.
struct FormattedText {
    private(set) var lines: [TextLine] = []
    private let element: String
    /// The line being read, as UTF-8.
    private var current: [UInt8] = []
    private var currentLine: Int?
    private var emphasisedCharacters = 0
    private var plainCharacters = 0
    private var offset = 0
    private var lineStartOffset = 0

    init(element: XMLElement) {
        self.element = element.localName
        lines.reserveCapacity(64)
        walk(element, emphasised: false)
        endLine()
        while lines.last?.text.isEmpty == true { lines.removeLast() }
    }

    private mutating func walk(_ element: XMLElement, emphasised: Bool) {
        let tree = element.tree
        for child in tree.children(of: element.index) {
            let node = tree.nodes[Int(child)]
            switch node.kind {
            case .text:
                append(tree.content(of: child), line: Int(node.line), emphasised: emphasised)
            case .element:
                let element = XMLElement(tree: tree, index: child)
                if element.isNamed("Break") {
                    endLine()
                    offset += 1
                } else if element.isNamed("Space") {
                    append(Self.space, line: Int(node.line), emphasised: emphasised)
                } else {
                    walk(element, emphasised: emphasised || element.isNamed("Bold") || element.isNamed("Underline"))
                }
            case .comment, .other:
                break // comments, processing instructions and unexpanded entity references carry no letter text
            }
        }
    }

    // Never written after it is made.
    nonisolated(unsafe) private static let space: UnsafePointer<UInt8> = {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 2)
        buffer[0] = 0x20
        buffer[1] = 0
        return UnsafePointer(buffer)
    }()

    /// Appends a text node's UTF-8 (libxml2 has decoded the document's encoding): a newline ends
    /// the line, a tab is a space; offsets count characters (scalars). Runs between those are
    /// counted in a tight loop and appended at once.
    private mutating func append(_ text: UnsafePointer<UInt8>, line: Int, emphasised: Bool) {
        var sourceLine = line
        var index = 0
        // Known, so that eight bytes may be read at once without reading past the text.
        let length = strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self))
        while true {
            let runStart = index
            var characters = 0
            var visible = 0
            // Only whether the line has visible characters of each kind matters: once it has,
            // the words' spaces are not counted.
            let counting = (emphasised ? emphasisedCharacters : plainCharacters) == 0
            var byte = text[index]
            while true {
                // Eight bytes with no line end or tab among them (most of any text) at once:
                // each that does not continue a character starts one, visible unless a space.
                // (A no-break space, C2 A0, is read byte by byte.)
                while index + 8 <= length {
                    let word = UnsafeRawPointer(text + index).loadUnaligned(as: UInt64.self)
                    guard WordFold.equal(word, 0x0A) | WordFold.equal(word, 0x0D) | WordFold.equal(word, 0x09) == 0 else { break }
                    var starts = 8
                    if word & WordFold.high != 0 {
                        guard WordFold.equal(word, 0xC2) == 0 else { break }
                        // A continuation byte is 10xxxxxx: its top bit set, the one below clear.
                        starts -= (word & ~(word << 1) & WordFold.high).nonzeroBitCount
                    }
                    if counting {
                        let spaces = WordFold.equal(word, 0x20) | WordFold.equal(word, 0x0B) | WordFold.equal(word, 0x0C)
                        visible += starts - spaces.nonzeroBitCount
                    }
                    characters += starts
                    index += 8
                }
                byte = text[index]
                guard byte != 0, byte != 0x0A, byte != 0x0D, byte != 0x09 else { break }
                if byte & 0xC0 != 0x80 { // a continuation byte is part of the same character
                    characters += 1
                    let isSpace = byte == 0x20 || byte == 0x0B || byte == 0x0C || (byte == 0xC2 && text[index + 1] == 0xA0)
                    if !isSpace { visible += 1 }
                }
                index += 1
            }
            if index > runStart {
                if currentLine == nil { currentLine = sourceLine }
                current.append(contentsOf: UnsafeBufferPointer(start: text + runStart, count: index - runStart))
                offset += characters
                if emphasised { emphasisedCharacters += visible } else { plainCharacters += visible }
            }
            switch byte {
            case 0:
                return
            case 0x0A:
                endLine()
                offset += 1
                sourceLine += 1
            case 0x09: // a space
                if currentLine == nil { currentLine = sourceLine }
                current.append(0x20)
                offset += 1
            default:
                break // a carriage return is dropped
            }
            index += 1
        }
    }

    private mutating func endLine() {
        defer {
            current.removeAll(keepingCapacity: true)
            currentLine = nil
            emphasisedCharacters = 0
            plainCharacters = 0
            lineStartOffset = offset + 1
        }
        let (text, leading) = LineBytes.trimmed(current[...])
        guard !text.isEmpty || !lines.isEmpty else { return }
        let location = SourceLocation(line: currentLine ?? lines.last?.location.line ?? 0,
                                      column: lineStartOffset + leading + 1, element: element)
        lines.append(TextLine(text: text, location: location,
                              isEmphasised: emphasisedCharacters > 0 && plainCharacters == 0))
    }
}
