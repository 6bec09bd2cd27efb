import CLibXML2

/// Splits MedCom's `Text01` mixed content into lines.
///
/// `<Break/>` (and a literal newline) ends a line, `<Space/>` is a space, and `<Bold>`,
/// `<Underline>` mark emphasis: a line whose text is all emphasised is a likely heading, since
/// OIOXML has no heading element. Each line keeps the line of the node it starts in and its
/// offset within the element's text.
struct FormattedText {
    private(set) var lines: [TextLine] = []
    private let element: String
    private var current = ""
    private var currentLine: Int?
    private var emphasisedCharacters = 0
    private var plainCharacters = 0
    private var offset = 0
    private var lineStartOffset = 0

    static let emphasisElements: Set<String> = ["Bold", "Underline"]

    init(element: XMLElement) {
        self.element = element.localName
        walk(element.node, emphasised: false)
        endLine()
        while lines.last?.text.isEmpty == true { lines.removeLast() }
    }

    private mutating func walk(_ node: xmlNodePtr, emphasised: Bool) {
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    append(String(cString: content), line: Int(xmlGetLineNo(current)), emphasised: emphasised)
                }
            case XML_ELEMENT_NODE:
                let name = XMLElement(node: current).localName
                switch name {
                case "Break": endLine(); offset += 1
                case "Space": append(" ", line: Int(xmlGetLineNo(current)), emphasised: emphasised)
                default: walk(current, emphasised: emphasised || Self.emphasisElements.contains(name))
                }
            default:
                break // comments, processing instructions and unexpanded entity references carry no letter text
            }
            child = current.pointee.next
        }
    }

    private mutating func append(_ text: String, line: Int, emphasised: Bool) {
        var sourceLine = line
        for (index, piece) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 {
                endLine()
                offset += 1
                sourceLine += 1
            }
            var clean = ""
            clean.reserveCapacity(piece.utf8.count)
            for character in piece where character != "\r" { clean.append(character == "\t" ? " " : character) }
            if currentLine == nil, !clean.isEmpty { currentLine = sourceLine }
            current += clean
            let visible = clean.filter { !$0.isWhitespace }.count
            if emphasised { emphasisedCharacters += visible } else { plainCharacters += visible }
            offset += clean.count
        }
    }

    private mutating func endLine() {
        defer {
            current = ""
            currentLine = nil
            emphasisedCharacters = 0
            plainCharacters = 0
            lineStartOffset = offset + 1
        }
        let leading = current.prefix { $0 == " " }.count
        let text = current.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty || !lines.isEmpty else { return }
        let location = SourceLocation(line: currentLine ?? lines.last?.location.line ?? 0,
                                      column: lineStartOffset + leading + 1, element: element)
        lines.append(TextLine(text: text, location: location,
                              isEmphasised: emphasisedCharacters > 0 && plainCharacters == 0))
    }
}
