import Foundation

/// A JSON value written with keys in the order given, so reports read naturally and diff stably.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    public static func optional(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
    public static func int(_ value: Int) -> JSONValue { .number(Double(value)) }

    /// Compact JSON, or indented by `indent` spaces per level.
    public func serialized(indent: Int? = nil) -> String {
        var writer = JSONWriter(indent: indent)
        writer.write(self)
        return writer.text
    }
}

/// Writes JSON as UTF-8 bytes, a value at a time or as a stream of containers, keys and values
/// (a batch writes a report per letter: building each as a tree of values, then freeing it, cost
/// as much as writing it). Strings are copied a run of plain bytes at a time.
struct JSONWriter {
    private var bytes: [UInt8] = []
    private let indent: Int?
    /// Levels of indentation before the first: a document set inside another.
    private let baseLevel: Int
    /// How deep the open containers are, and (bit `i`) whether the one at depth `i + 1` has an
    /// element yet: a comma goes before every element but the first.
    private var depth = 0
    private var hasElements: UInt64 = 0
    /// A key has just been written: its value follows without a comma or a line break.
    private var afterKey = false

    init(indent: Int?, baseLevel: Int = 0) {
        self.indent = indent
        self.baseLevel = baseLevel
        bytes.reserveCapacity(2048)
    }

    /// What has been written; valid UTF-8 by construction, since it copies whole strings' bytes.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// What has been written, as it was written.
    var utf8: [UInt8] { bytes }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let value): number(value)
        case .string(let value): string(value)
        case .array(let values):
            beginArray()
            for element in values { write(element) }
            endArray()
        case .object(let pairs):
            beginObject()
            for (key, element) in pairs {
                self.key(key)
                write(element)
            }
            endObject()
        }
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// An object's key; its value is written next.
    mutating func key(_ key: String) {
        beginElement()
        quote(key)
        endKey()
    }

    /// A key the code writes: plain ASCII with nothing to escape, so copied as it is.
    mutating func field(_ name: StaticString) {
        beginElement()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        endKey()
    }

    /// After a key's quoted name: the colon, and its value next.
    private mutating func endKey() {
        bytes.append(UInt8(ascii: ":"))
        if indent != nil { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    mutating func null() {
        beginElement()
        append("null")
    }

    mutating func bool(_ flag: Bool) {
        beginElement()
        append(flag ? "true" : "false")
    }

    mutating func number(_ number: Double) {
        beginElement()
        write(number)
    }

    mutating func string(_ string: String) {
        beginElement()
        quote(string)
    }

    mutating func string(_ string: String?) {
        if let string { self.string(string) } else { null() }
    }

    /// Bytes written as they are, outside the document's structure (a line's end).
    mutating func raw(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Before a value or key: the comma after the element before, and the line break.
    private mutating func beginElement() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        let bit: UInt64 = 1 << UInt64(depth - 1)
        if hasElements & bit != 0 { bytes.append(UInt8(ascii: ",")) }
        hasElements |= bit
        newline(depth)
    }

    private mutating func open(_ bracket: UInt8) {
        beginElement()
        bytes.append(bracket)
        depth += 1
        precondition(depth <= 64, "JSON nested deeper than 64")
        hasElements &= ~(1 << UInt64(depth - 1))
    }

    /// An empty container closes on the line it opened: `{}`, `[]`.
    private mutating func close(_ bracket: UInt8) {
        let hadElements = hasElements & (1 << UInt64(depth - 1)) != 0
        depth -= 1
        if hadElements { newline(depth) }
        bytes.append(bracket)
    }

    private mutating func write(_ number: Double) {
        if number.rounded() == number, abs(number) < 1e15 { append(String(Int64(number))) } else { append(String(number)) }
    }

    private mutating func newline(_ level: Int) {
        guard let indent else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * (baseLevel + level)))
    }

    private mutating func append(_ literal: String) {
        bytes.append(contentsOf: literal.utf8)
    }

    /// A JSON string: quote, backslash and control characters escaped, everything else as it is.
    private mutating func quote(_ string: String) {
        var string = string
        bytes.append(UInt8(ascii: "\""))
        string.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            while index < utf8.count {
                // Eight bytes at a time past those that need no escape, most of any report.
                if index + 8 <= utf8.count, !Self.needsEscape(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = utf8[index]
                index += 1
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                let index = index - 1
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case UInt8(ascii: "\n"): append("\\n")
                case UInt8(ascii: "\r"): append("\\r")
                case UInt8(ascii: "\t"): append("\\t")
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    append("\\u00")
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes is a control character, a quote or a backslash. (A byte is
    /// zero after XOR with the one sought; `x - 0x01…` borrows into the top bit of a byte that
    /// was zero, or below 0x20 for the controls, where that byte's own top bit was clear. A
    /// borrow can set a top bit wrongly only above a byte that does match, so the answer for the
    /// word is exact.)
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & high != 0 }
        let control = (word &- ones &* 0x20) & ~word & high != 0
        return control || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
    }
}
