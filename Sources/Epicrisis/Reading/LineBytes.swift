import Foundation

/// A line's text from its UTF-8 bytes: tabs expanded to four spaces, spaces (and no-break spaces)
/// before it counted, white space around it dropped.
enum LineBytes {
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> (text: String, leading: Int) {
        // Most lines have no tab and no unusual space at either end: trim their bytes directly.
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
        if !bytes.contains(0x09), first == last || (bytes[first] < 0x80 && bytes[last - 1] < 0x80) {
            return (String(decoding: bytes[first..<last], as: UTF8.self), leading)
        }
        let expanded = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\t", with: "    ")
        let leadingSpaces = expanded.prefix { $0 == " " || $0 == "\u{A0}" }.count
        return (String(expanded.dropFirst(leadingSpaces)).trimmingSpaces, leadingSpaces)
    }
}
