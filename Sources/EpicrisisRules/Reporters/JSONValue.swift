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
        writer.write(self, level: 0)
        return writer.text
    }
}

/// Writes JSON as UTF-8 bytes. A batch writes a report per letter, so this is on the hot path:
/// strings are copied a run of plain bytes at a time rather than appended scalar by scalar.
struct JSONWriter {
    private var bytes: [UInt8] = []
    private let indent: Int?

    init(indent: Int?) {
        self.indent = indent
        bytes.reserveCapacity(2048)
    }

    /// What has been written; valid UTF-8 by construction, since it copies whole strings' bytes.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func write(_ value: JSONValue, level: Int) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .number(let number): write(number)
        case .string(let string): quote(string)
        case .array(let values):
            guard !values.isEmpty else { append("[]"); return }
            bytes.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(level + 1)
                write(element, level: level + 1)
            }
            newline(level)
            bytes.append(UInt8(ascii: "]"))
        case .object(let pairs):
            guard !pairs.isEmpty else { append("{}"); return }
            bytes.append(UInt8(ascii: "{"))
            for (index, (key, element)) in pairs.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(level + 1)
                quote(key)
                bytes.append(UInt8(ascii: ":"))
                if indent != nil { bytes.append(UInt8(ascii: " ")) }
                write(element, level: level + 1)
            }
            newline(level)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func write(_ number: Double) {
        if number.rounded() == number, abs(number) < 1e15 { append(String(Int64(number))) } else { append(String(number)) }
    }

    private mutating func newline(_ level: Int) {
        guard let indent else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
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
    /// was zero, or below 0x20 for the controls, where that byte's own top bit was clear.)
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & high != 0 }
        let control = (word &- ones &* 0x20) & ~word & high != 0
        return control || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
    }
}
