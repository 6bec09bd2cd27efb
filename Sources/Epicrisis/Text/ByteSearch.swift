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
                // Candidates by `memchr` for the first byte, then compared whole: not byte by byte.
                let last = base + (text.count - pattern.count)
                var from = base
                while from <= last, let hit = memchr(from, Int32(needle.pointee), last - from + 1) {
                    let candidate = hit.assumingMemoryBound(to: UInt8.self)
                    if memcmp(candidate, needle, pattern.count) == 0 { return true }
                    from = UnsafePointer(candidate) + 1
                }
                return false
            }
        }
    }
}
