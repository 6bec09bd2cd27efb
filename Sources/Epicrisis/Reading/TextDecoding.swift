/// Turns the bytes of an exported letter into text.
///
/// Letters are exported as UTF-8 or as windows-1252, and files edited by several systems mix both.
/// Valid UTF-8 is read as such; a byte that is not part of a valid UTF-8 sequence is read as
/// windows-1252, so nothing is lost and no replacement character appears.
public enum TextDecoding {
    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        var bytes = Array(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return decodeMixed(bytes)
    }

    /// Decodes windows-1252 bytes exactly.
    public static func decodeWindows1252(_ bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(windows1252Scalar(byte)) }
        return String(scalars)
    }

    private static func decodeMixed(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let length = utf8SequenceLength(bytes, at: index)
            if length > 0 {
                let slice = bytes[index..<index + length]
                if let text = String(validating: slice, as: UTF8.self) {
                    scalars.append(contentsOf: text.unicodeScalars)
                }
                index += length
            } else {
                scalars.append(windows1252Scalar(bytes[index]))
                index += 1
            }
        }
        return String(scalars)
    }

    /// The length of the valid UTF-8 sequence starting at `index`, or 0 where there is none.
    private static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return String(validating: bytes[index..<index + length], as: UTF8.self) == nil ? 0 : length
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
