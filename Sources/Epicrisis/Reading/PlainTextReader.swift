/// Reads letters exported or drafted as plain text: a header block where present, then the body.
///
/// Every line of the file becomes a `TextLine` (the header too: a marking or a phone number may
/// stand there), and the header fields are read from the labelled lines at the top.
public struct PlainTextReader: Sendable {
    /// How far down the header block may reach.
    static let headerLineLimit = 20
    /// `epicheck: template` on a template's first line.
    private static let templateMark = Pattern(literal: #"^#?\s*epicheck:\s*template\s*$"#)

    public init() {}

    public func read(_ bytes: [UInt8], path: String) throws(ReadError) -> Letter {
        if bytes.withUnsafeBufferPointer({ $0.firstIndex(of: 0, in: 0..<$0.count) != nil }) {
            throw ReadError(file: path, line: 1, column: 1, message: "binary data, not a letter (NUL bytes)")
        }
        let text = TextDecoding.decode(bytes)
        var letter = Letter(format: .text)
        letter.lines = Self.lines(of: text)
        // "epicheck: template" on the first line marks a template; like a suppression, it is an
        // instruction to epicheck, not text.
        if let first = letter.lines.firstIndex(where: { !$0.text.isEmpty }),
           Self.templateMark.matches(FoldedText(letter.lines[first].text)) {
            letter.isTemplate = true
            letter.lines[first].text = ""
        }
        // A suppression is an instruction to epicheck, not letter text: it leaves a blank line.
        for index in letter.lines.indices {
            if let suppression = Suppression.parse(letter.lines[index].text, location: letter.lines[index].location) {
                letter.suppressions.append(suppression)
                letter.lines[index].text = ""
            }
        }
        guard letter.lines.contains(where: { !$0.text.isEmpty }) else {
            throw ReadError(file: path, line: 1, column: 1, message: "the letter is empty")
        }
        let header = HeaderBlock(lines: Array(letter.lines.prefix(Self.headerLineLimit)))
        for index in header.apply(to: &letter) { letter.lines[index].isHeaderField = true }
        return letter
    }

    /// Splits on LF, CRLF or CR, keeping each line's file position and trimming trailing space.
    static func lines(of text: String) -> [TextLine] {
        let split = text.utf8.withContiguousStorageIfAvailable { lines(of: text, bytes: $0) }
        return split ?? Array(text.utf8).withUnsafeBufferPointer { lines(of: text, bytes: $0) }
    }

    /// `bytes` is `text`'s UTF-8.
    private static func lines(of text: String, bytes: UnsafeBufferPointer<UInt8>) -> [TextLine] {
        var result: [TextLine] = []
        var number = 1
        var start = 0
        // A line ends at the first line feed, or at a carriage return before it.
        func end(from start: Int) -> Int {
            let limit = bytes.firstIndex(of: 0x0A, in: start..<bytes.count) ?? bytes.count
            return bytes.firstIndex(of: 0x0D, in: start..<limit) ?? limit
        }
        while start <= bytes.count {
            let index = end(from: start)
            let (line, leading) = LineBytes.trimmed(bytes[start..<index], of: text)
            result.append(TextLine(text: line, location: SourceLocation(line: number, column: leading + 1)))
            number += 1
            let isCRLF = index + 1 < bytes.count && bytes[index] == 0x0D && bytes[index + 1] == 0x0A
            start = index + (isCRLF ? 2 : 1)
        }
        while result.last?.text.isEmpty == true { result.removeLast() }
        return result
    }
}
