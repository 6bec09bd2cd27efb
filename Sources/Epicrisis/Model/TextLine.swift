/// One line of a letter's clinical text, with where it came from and how it was typeset.
public struct TextLine: Hashable, Sendable, Codable {
    public var text: String
    public var location: SourceLocation
    /// The whole line was set in `<Bold>` (or `<Underline>`): a likely heading.
    public var isEmphasised: Bool
    /// The line is a field of a plain-text letter's header (`Modtager: …`), not a heading.
    public var isHeaderField: Bool

    public init(text: String, location: SourceLocation, isEmphasised: Bool = false, isHeaderField: Bool = false) {
        self.text = text
        self.location = location
        self.isEmphasised = isEmphasised
        self.isHeaderField = isHeaderField
    }
}
