/// Turns the bytes of an exported letter into text.
///
/// Letters are exported as UTF-8 or as windows-1252, and files edited by several systems mix both.
/// Valid UTF-8 is read as such; a byte that is not part of a valid UTF-8 sequence is read as
/// windows-1252, so nothing is lost and no replacement character appears.
public enum TextDecoding {
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        var bytes = Array(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // One pass where the standard library can validate as it copies.
        if #available(macOS 15, iOS 18, tvOS 18, watchOS 11, *) { return String(validating: bytes, as: UTF8.self) ?? decodeMixed(bytes) }
        return isValidUTF8(bytes) ? String(decoding: bytes, as: UTF8.self) : decodeMixed(bytes)
    }

    /// Whether `bytes` are well-formed UTF-8 (no overlong forms, surrogates or values past
    /// U+10FFFF), where the standard library cannot say so while it copies.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index < count {
                let lead = buffer[index]
                if lead < 0x80 { index += 1; continue }
                let length = utf8SequenceLength(buffer, at: index)
                if length == 0 { return false }
                index += length
            }
            return true
        }
    }

    /// Decodes windows-1252 bytes exactly.
    public static func decodeWindows1252(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(windows1252Scalar(byte)) }
        return String(scalars)
    }

    private static func decodeMixed(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer(decodeMixed)
    }

    private static func decodeMixed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let length = utf8SequenceLength(bytes, at: index)
            if length > 0 {
                scalars.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + length]), as: UTF8.self).unicodeScalars)
                index += length
            } else {
                scalars.append(windows1252Scalar(bytes[index]))
                index += 1
            }
        }
        return String(scalars)
    }

    /// The length of the valid UTF-8 sequence starting at `index`, or 0 where there is none.
    private static func utf8SequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        // The second byte's range excludes overlong forms, surrogates and values past U+10FFFF.
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        case 0xF1...0xF3: length = 4
        default: return 0
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }

    /// windows-1252 differs from ISO 8859-1 only in 0x80–0x9F.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        let value = (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}
