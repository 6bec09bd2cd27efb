/// Reads letters exported or drafted as plain text: a header block where present, then the body.
///
/// Every line of the file becomes a `TextLine` (the header too: a marking or a phone number may
/// stand there), and the header fields are read from the labelled lines at the top.
public struct PlainTextReader: Sendable {
    /// How far down the header block may reach.
    static let headerLineLimit = 20

    public init() {}

    public func read(_ bytes: [UInt8], path: String) throws(ReadError) -> Letter {
        let text = TextDecoding.decode(bytes)
        if text.contains("\u{0}") {
            throw ReadError(file: path, line: 1, column: 1, message: "binary data, not a letter (NUL bytes)")
        }
        var letter = Letter(format: .text)
        letter.lines = Self.lines(of: text)
        // "epicheck: template" on the first line marks a template; like a suppression, it is an
        // instruction to epicheck, not text.
        if let first = letter.lines.firstIndex(where: { !$0.text.isEmpty }),
           letter.lines[first].text.range(of: #"^#?\s*epicheck:\s*template\s*$"#, options: [.regularExpression, .caseInsensitive]) != nil {
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
        var result: [TextLine] = []
        var number = 1
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let expanded = raw.replacingOccurrences(of: "\t", with: "    ")
            let leading = expanded.prefix { $0 == " " || $0 == "\u{A0}" }.count
            let body = expanded.dropFirst(leading)
            let trimmed = String(body).trimmingCharacters(in: .whitespaces)
            result.append(TextLine(text: trimmed, location: SourceLocation(line: number, column: leading + 1)))
            number += 1
        }
        while result.last?.text.isEmpty == true { result.removeLast() }
        return result
    }
}
