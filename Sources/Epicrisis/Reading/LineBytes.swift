import Foundation

/// A line's text from its UTF-8 bytes: tabs expanded to four spaces, spaces (and no-break spaces)
/// before it counted, white space around it dropped.
enum LineBytes {
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> (text: String, leading: Int) {
        if let (first, last, leading) = simpleBounds(bytes) {
            return (String(decoding: bytes[first..<last], as: UTF8.self), leading)
        }
        return expanded(bytes)
    }

    /// The same for a line of a text already decoded: `bytes` is `text`'s UTF-8, the line a range
    /// of it. Its text is cut from `text` rather than decoded again.
    static func trimmed(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, of text: String) -> (text: String, leading: Int) {
        let utf8 = text.utf8
        func offset(_ position: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: position) }
        if let (first, last, leading) = simpleBounds(bytes), let line = String(utf8[offset(first)..<offset(last)]) {
            return (line, leading)
        }
        return expanded(bytes)
    }

    /// Where the text lies once trimmed, and the columns before it, when trimming is all it takes:
    /// most lines have no tab and no unusual space at either end.
    private static func simpleBounds<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> (first: Int, last: Int, leading: Int)?
        where Bytes.Index == Int {
        var first = bytes.startIndex
        var leading = 0
        while first < bytes.endIndex {
            if bytes[first] == 0x20 {
                first += 1
            } else if bytes[first] == 0xC2, first + 1 < bytes.endIndex, bytes[first + 1] == 0xA0 {
                first += 2
            } else {
                break
            }
            leading += 1
        }
        var last = bytes.endIndex
        while last > first, bytes[last - 1] == 0x20 { last -= 1 }
        let hasTab = bytes.withContiguousStorageIfAvailable { $0.firstIndex(of: 0x09, in: 0..<$0.count) != nil }
            ?? bytes.contains(0x09)
        guard !hasTab else { return nil }
        guard first < last else { return (first, last, leading) }
        // Either end as trimming would leave it: ASCII, or a character of Latin-1 from `À` to
        // `ÿ` (C3 and a second byte: `æ`, `ø`, `å`, `é`; `×` and `÷` too), which is neither a
        // space nor a mark that would join a space before it. Anything else takes the general
        // path. (A last byte that continues a character has the character's first in the line.)
        let opensPlain = bytes[first] < 0x80 || bytes[first] == 0xC3
        let ending = bytes[last - 1]
        let endsPlain = ending < 0x80 || (ending & 0xC0 == 0x80 && bytes[last - 2] == 0xC3)
        return opensPlain && endsPlain ? (first, last, leading) : nil
    }

    /// The general case: tabs made four spaces (byte for byte, rather than by Foundation's
    /// replacement, which cost more than the rest of the line's reading), then trimmed.
    private static func expanded<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> (text: String, leading: Int) {
        var spaced: [UInt8] = []
        spaced.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte == 0x09 { spaced.append(contentsOf: [0x20, 0x20, 0x20, 0x20]) } else { spaced.append(byte) }
        }
        let expanded = String(decoding: spaced, as: UTF8.self)
        let leadingSpaces = expanded.prefix { $0 == " " || $0 == "\u{A0}" }.count
        return (String(expanded.dropFirst(leadingSpaces)).trimmingSpaces, leadingSpaces)
    }
}
