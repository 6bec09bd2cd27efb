/// Where a piece of text came from in its source file, printable as `path:line:col`.
///
/// For plain text, `line` and `column` are the file's own (1-based, column in characters).
/// For OIOXML, `line` is the line of the XML node that holds the text and `column` is the 1-based
/// offset within that element's text, because libxml2 keeps no columns for nodes; `element` names it.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    /// The XML element whose text this is (`Text01`, `DiagnoseText`…); nil for plain text.
    public var element: String?

    public init(line: Int, column: Int, element: String? = nil) {
        self.line = line
        self.column = column
        self.element = element
    }

    /// The location `offset` characters further along the same line.
    public func advanced(by offset: Int) -> SourceLocation {
        SourceLocation(line: line, column: column + offset, element: element)
    }

    public var description: String { "\(line):\(column)" }
}
