import CLibXML2
import Foundation

/// Validates OIOXML letters against MedCom's XML Schema of their namespace version
/// (`DIR/YYYY/MM/DD/EMessage.xsd`), compiling each schema once and sharing it across threads.
public final class SchemaValidator: @unchecked Sendable {
    // The compiled schemas are read-only once built; the lock guards only the cache.
    public let directory: URL
    private let lock = NSLock()
    private var cache: [String: Result<xmlSchemaPtr, ReadError>] = [:]

    public init(directory: URL) {
        self.directory = directory
    }

    deinit {
        for case .success(let schema) in cache.values { xmlSchemaFree(schema) }
    }

    /// The schema file for a namespace such as `http://rep.oio.dk/…/schemas/2005/08/07/`.
    func schemaFile(for namespace: String) -> URL? {
        let parts = namespace.split(separator: "/").suffix(3)
        guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        return parts.reduce(directory) { $0.appendingPathComponent(String($1)) }.appendingPathComponent("EMessage.xsd")
    }

    /// Every violation in the document, each with its line.
    func violations(of document: xmlDocPtr, namespace: String?, path: String) -> [ReadError] {
        guard let namespace else {
            return [ReadError(file: path, line: 1, column: 1, message: "the letter has no namespace, so no MedCom schema applies")]
        }
        let schema: xmlSchemaPtr
        switch compiled(namespace) {
        case .success(let found): schema = found
        case .failure(let error): return [ReadError(file: path, line: 1, column: 1, message: error.message)]
        }
        guard let context = xmlSchemaNewValidCtxt(schema) else { return [] }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = ErrorList()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        xmlSchemaSetValidStructuredErrors(context, ErrorList.handler, box.toOpaque())
        xmlSchemaValidateDoc(context, document)
        return collector.errors.map { ReadError(file: path, line: $0.line, column: nil, message: $0.message) }
    }

    private func compiled(_ namespace: String) -> Result<xmlSchemaPtr, ReadError> {
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[namespace] { return known }
        let result: Result<xmlSchemaPtr, ReadError>
        if let file = schemaFile(for: namespace), FileManager.default.fileExists(atPath: file.path) {
            result = Self.compile(file)
        } else {
            result = .failure(ReadError(message: "no MedCom schema for namespace \(namespace) in \(directory.path)"))
        }
        cache[namespace] = result
        return result
    }

    private static func compile(_ file: URL) -> Result<xmlSchemaPtr, ReadError> {
        guard let parser = xmlSchemaNewParserCtxt(file.path) else {
            return .failure(ReadError(file: file.path, message: "cannot read the schema"))
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        let collector = ErrorList()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        xmlSchemaSetParserStructuredErrors(parser, ErrorList.handler, box.toOpaque())
        guard let schema = xmlSchemaParse(parser) else {
            let first = collector.errors.first
            return .failure(ReadError(file: file.path, line: first?.line, message: "invalid schema: \(first?.message ?? "unknown error")"))
        }
        return .success(schema)
    }
}

/// Collects libxml2's structured errors instead of letting it print them.
final class ErrorList {
    private(set) var errors: [(line: Int, message: String)] = []

    /// libxml2's structured error callback; its user data is an `ErrorList` passed unretained.
    static let handler: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        Unmanaged<ErrorList>.fromOpaque(userData).takeUnretainedValue().append(error.pointee)
    }

    func append(_ error: xmlError) {
        let message = error.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "error"
        errors.append((Int(error.line), message))
    }
}
