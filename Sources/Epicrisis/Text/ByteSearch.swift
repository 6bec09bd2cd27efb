import Foundation

extension String {
    /// Whether the text's UTF-8 holds `needle`'s: an exact, case-sensitive search, far cheaper than
    /// Foundation's `contains` (which compares as Unicode text) where no more is needed.
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard let needle = pattern.baseAddress, !pattern.isEmpty else { return true }
                guard let base = text.baseAddress, pattern.count <= text.count else { return false }
                // Candidates where the first byte stands, then compared whole.
                let lastStart = text.count - pattern.count
                var from = 0
                while let candidate = text.firstIndex(of: needle.pointee, in: from..<(lastStart + 1)) {
                    if memcmp(base + candidate, needle, pattern.count) == 0 { return true }
                    from = candidate + 1
                }
                return false
            }
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
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
