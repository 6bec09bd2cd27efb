/// Reads letters from bytes in whichever form they came, recognised by content rather than by name.
public enum LetterReader {
    /// The form the bytes are in, judged from their first characters.
    public static func detectFormat(_ bytes: [UInt8]) -> LetterFormat {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        let head = bytes[index...].prefix(4)
        if head.first == UInt8(ascii: "<") { return .oioxml }
        if head.starts(with: "UNA".utf8) || head.starts(with: "UNB".utf8) { return .edifact }
        return .text
    }

    /// Reads every letter in `bytes`. `path` names the source in locations and errors.
    public static func read(_ bytes: [UInt8], path: String, options: ReadingOptions = ReadingOptions()) throws(ReadError) -> [Letter] {
        guard bytes.count <= options.maximumBytes else {
            throw ReadError(file: path, message: "letter is \(bytes.count) bytes, over the limit of \(options.maximumBytes)")
        }
        switch detectFormat(bytes) {
        case .oioxml:
            return try OIOXMLReader(options: options).read(bytes, path: path)
        case .text:
            return [try PlainTextReader().read(bytes, path: path)]
        case .edifact:
            return try EDIFACTReader().read(bytes, path: path)
        }
    }
}
