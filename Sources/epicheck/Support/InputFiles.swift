import Epicrisis
import Foundation

/// Turns the command line's paths into the letters to read: files as given, directories searched
/// recursively for letter files, `-` for standard input.
enum InputFiles {
    static let letterExtensions: Set<String> = ["xml", "txt", "edi"]

    /// The inputs in a stable order (directory contents sorted), and the paths that could not be
    /// listed, each with why.
    static func expand(_ paths: [String]) -> (files: [String], problems: [(String, String)]) {
        var files: [String] = []
        var problems: [(String, String)] = []
        for path in paths {
            if path == "-" { files.append(path); continue }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append((path, "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                var visited = Set<String>()
                walk(path, into: &files, problems: &problems, visited: &visited)
            } else {
                files.append(path)
            }
        }
        return (files, problems)
    }

    private static func walk(_ directory: String, into files: inout [String], problems: inout [(String, String)], visited: inout Set<String>) {
        // A symlink loop would otherwise walk forever: each real directory is walked once.
        let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            problems.append((directory, "cannot list the directory"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append((path, "broken link"))
                continue
            }
            if isDirectory.boolValue {
                walk(path, into: &files, problems: &problems, visited: &visited)
            } else if letterExtensions.contains((name as NSString).pathExtension.lowercased()), !name.hasSuffix(".gold.json") {
                files.append(path)
            }
        }
    }

    /// The bytes of a file or of stdin, refusing more than `limit`.
    static func read(_ path: String, limit: Int) throws -> [UInt8] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard data.count <= limit else {
                throw ReadError(file: path, message: "input is over the limit of \(limit) bytes")
            }
            return [UInt8](data)
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > limit {
            throw ReadError(file: path, message: "letter is \(size) bytes, over the limit of \(limit)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadError(file: path, message: "cannot open the file (permission denied or not a regular file)")
        }
        defer { try? handle.close() }
        let data = try handle.readToEnd() ?? Data()
        return [UInt8](data)
    }
}
