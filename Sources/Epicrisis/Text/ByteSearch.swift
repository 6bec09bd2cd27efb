import Foundation

extension String {
    /// Whether the text's UTF-8 holds `needle`'s: an exact, case-sensitive search, far cheaper than
    /// Foundation's `contains` (which compares as Unicode text) where no more is needed.
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { text in needle.withUTF8 { text.contains($0) } }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether a byte is among the most frequent of Danish text (lower case): a search looks for
    /// a needle's other bytes first.
    private static func isCommonInText(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "e"), UInt8(ascii: "t"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "a"),
             UInt8(ascii: "s"), UInt8(ascii: "i"), UInt8(ascii: "l"), UInt8(ascii: "d"), UInt8(ascii: "o"), UInt8(ascii: "g"),
             UInt8(ascii: "k"), UInt8(ascii: "m"): true
        default: false
        }
    }

    /// Whether the bytes hold `pattern`'s, exactly.
    func contains(_ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let needle = pattern.baseAddress, !pattern.isEmpty else { return true }
        guard let base = baseAddress, pattern.count <= count else { return false }
        // Candidates where the needle's least common byte stands, then compared whole: looking
        // for its first byte stopped at every "e" of a line when the needle was
        // "epicheck-disable".
        let key = pattern.firstIndex { !Self.isCommonInText($0) } ?? 0
        let lastStart = count - pattern.count
        var from = key
        while let found = firstIndex(of: pattern[key], in: from..<(lastStart + key + 1)) {
            if memcmp(base + found - key, needle, pattern.count) == 0 { return true }
            from = found + 1
        }
        return false
    }

    /// Where `byte` first stands within `range`, found with `memchr`: the bytes a line is cut at
    /// or searched for (line ends, tabs, NULs, a rare letter) are looked for this way, since a
    /// loop testing every byte cost more than the rest of a line's reading.
    func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        guard let base = baseAddress, !range.isEmpty else { return nil }
        return memchr(base + range.lowerBound, Int32(byte), range.count).map {
            UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base
        }
    }
}
