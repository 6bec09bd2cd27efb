import Foundation

/// Writes text to a file handle without buffering surprises, for streamed reports.
final class FileHandleOutput: @unchecked Sendable {
    // A FileHandle writes directly to its descriptor; callers write from one thread at a time.
    private let handle: FileHandle

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    static let standardOutput = FileHandleOutput(.standardOutput)
    static let standardError = FileHandleOutput(.standardError)

    /// Opens `path` for writing, replacing what is there.
    static func file(_ path: String) throws -> FileHandleOutput {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        return FileHandleOutput(handle)
    }

    func write(_ text: String) {
        write(Data(text.utf8))
    }

    func write(_ bytes: [UInt8]) {
        write(Data(bytes))
    }

    private func write(_ data: Data) {
        guard !data.isEmpty else { return }
        handle.write(data)
    }

    func close() {
        try? handle.close()
    }
}

/// Whether standard output is a terminal that wants colour: not redirected, and no `NO_COLOR`
/// (https://no-color.org), unless `FORCE_COLOR` says otherwise.
enum Terminal {
    static func wantsColour(output: String?) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        if let force = environment["FORCE_COLOR"], !force.isEmpty, force != "0" { return true }
        if let none = environment["NO_COLOR"], !none.isEmpty { return false }
        return output == nil && isatty(STDOUT_FILENO) != 0
    }
}
