/// Trimming without Foundation: `trimmingCharacters(in:)` costs tens of thousands of instructions
/// a call, and the reader and extractor trim every header field, heading and section.
extension String {
    /// Without spaces and tabs at either end (any Unicode space separator, as Foundation's
    /// `.whitespaces`).
    public var trimmingSpaces: String {
        if endsPrintable { return self }
        // Spaces and tabs cut by their bytes (a field after a comma opens with one), down to an
        // end of printable ASCII; any other end by scalars.
        var text = self
        let cut: String? = text.withUTF8 { bytes in
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            if start == end { return "" }
            guard (0x21...0x7E).contains(bytes[start]), (0x21...0x7E).contains(bytes[end - 1]) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        return cut ?? trimming { Self.isSpaceOrControl($0) && ($0 == "\t" || $0.properties.generalCategory == .spaceSeparator) }
    }

    /// Without white space or line breaks at either end (Unicode `White_Space`, as Foundation's
    /// `.whitespacesAndNewlines`).
    public var trimmingSpacesAndNewlines: String {
        if endsPrintable { return self }
        return trimming { Self.isSpaceOrControl($0) && $0.properties.isWhitespace }
    }

    /// Whether the text opens and ends with printable ASCII, which is never white space: so
    /// nearly every text, told from two bytes, without walking its scalars from both ends.
    private var endsPrintable: Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
    }

    /// Without the given characters at either end.
    public func trimming(_ characters: Set<Unicode.Scalar>) -> String { trimming { characters.contains($0) } }

    private func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isTrimmed(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard isTrimmed(scalars[before]) else { break }
            end = before
        }
        // Most texts have nothing to trim: handed back as they are, not copied.
        if start == scalars.startIndex, end == scalars.endIndex { return self }
        return String(scalars[start..<end])
    }

    /// Printable ASCII is never white space: most ends are letters, and their test is one comparison.
    private static func isSpaceOrControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 || scalar.value >= 0x7F
    }
}
