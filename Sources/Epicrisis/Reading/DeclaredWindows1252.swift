/// OIOXML letters declared `encoding="windows-1252"`, turned into UTF-8 before libxml2 reads them.
///
/// libxml2 converts windows-1252 through iconv, a chunk at a time, which cost a third of parsing
/// such a letter; a table does it in one pass. Only a letter whose every byte windows-1252 defines
/// is converted: one holding any of the five bytes it leaves undefined goes to libxml2 as it came,
/// so that libxml2 reports it as before.
enum DeclaredWindows1252 {
    /// The letter as UTF-8, or nil where its XML declaration names another encoding (or none), or
    /// where a byte is undefined in windows-1252.
    static func utf8(_ bytes: [UInt8]) -> [UInt8]? {
        guard declaresWindows1252(bytes) else { return nil }
        var defined = true
        // Each byte becomes at most three (windows-1252 stays within U+2122).
        let result = [UInt8](unsafeUninitializedCapacity: bytes.count * 3) { output, written in
            written = 0
            bytes.withUnsafeBufferPointer { input in
                guard let source = input.baseAddress, let target = output.baseAddress else { return }
                var index = 0
                while index < input.count {
                    // Eight ASCII bytes at once: most of a letter.
                    if index + 8 <= input.count {
                        let word = UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)
                        if word & 0x8080_8080_8080_8080 == 0 {
                            UnsafeMutableRawPointer(target + written).storeBytes(of: word, as: UInt64.self)
                            index += 8
                            written += 8
                            continue
                        }
                    }
                    let encoded = Self.table[Int(source[index])]
                    guard encoded != 0 else {
                        defined = false
                        return
                    }
                    // The length in the top byte, the UTF-8 bytes from the bottom.
                    for offset in 0..<Int(encoded >> 24) { target[written + offset] = UInt8(truncatingIfNeeded: encoded >> (8 * offset)) }
                    written += Int(encoded >> 24)
                    index += 1
                }
            }
        }
        return defined ? result : nil
    }

    /// Per byte, its UTF-8 (up to three bytes, from the lowest) with their count in the top byte;
    /// 0 for the five bytes windows-1252 leaves undefined (they decode as themselves, C1 controls).
    private static let table: [UInt32] = (0..<256).map { byte in
        let scalar = TextDecoding.windows1252Scalar(UInt8(byte))
        if (0x80...0x9F).contains(byte), scalar.value == UInt32(byte) { return 0 }
        let utf8 = Array(String(scalar).utf8)
        return utf8.enumerated().reduce(UInt32(utf8.count) << 24) { $0 | UInt32($1.element) << (8 * UInt32($1.offset)) }
    }

    /// Whether the document opens with an XML declaration whose encoding is windows-1252: read
    /// from the bytes, since every letter asks.
    static func declaresWindows1252(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            // `<?xml` and a blank: `<?xml-stylesheet …?>` is an instruction, not the declaration.
            guard bytes.count > 5, bytes.starts(with: "<?xml".utf8), [0x20, 0x09, 0x0D, 0x0A].contains(bytes[5]) else { return false }
            // The declaration ends at the first `?>`; it is short.
            let limit = min(bytes.count, 256)
            guard let end = (5..<limit).first(where: { bytes[$0] == UInt8(ascii: "?") && $0 + 1 < limit && bytes[$0 + 1] == UInt8(ascii: ">") }),
                  let name = (5..<end).first(where: { bytes[$0...].starts(with: "encoding".utf8) }) else { return false }
            let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
            var index = name + 8
            while index < end, isSpace(bytes[index]) { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: "=") else { return false }
            index += 1
            while index < end, isSpace(bytes[index]) { index += 1 }
            guard index < end, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return false }
            let quote = bytes[index]
            let valueStart = index + 1
            guard let valueEnd = (valueStart..<end).first(where: { bytes[$0] == quote }) else { return false }
            // Compared without case: ASCII letters folded by their 0x20 bit, the rest as they are.
            let value = bytes[valueStart..<valueEnd].map { (65...90).contains($0) ? $0 | 0x20 : $0 }
            return value.elementsEqual("windows-1252".utf8) || value.elementsEqual("cp1252".utf8)
        }
    }
}
