import Epicrisis
import Foundation

/// Finds the rule packs and lexicon: `--rules DIR`, else `$EPICHECK_RULES`, else a `rules/` folder
/// beside the executable or above it (a source checkout's `.build/release/epicheck`), else an
/// installed `../share/epicheck/rules`.
enum RulesDirectory {
    static func locate(explicit: String?) throws -> URL {
        if let explicit { return try validated(URL(fileURLWithPath: explicit), how: "--rules") }
        if let environment = ProcessInfo.processInfo.environment["EPICHECK_RULES"], !environment.isEmpty {
            return try validated(URL(fileURLWithPath: environment), how: "EPICHECK_RULES")
        }
        for start in executableDirectories() {
            var directory = start
            for _ in 0..<6 {
                for candidate in [directory.appendingPathComponent("rules"),
                                  directory.appendingPathComponent("share/epicheck/rules")] where isRulesDirectory(candidate) {
                    return candidate
                }
                directory = directory.deletingLastPathComponent()
            }
        }
        throw ConfigurationError(file: "rules", message: "cannot find the rules directory (rules/lexicon/da.yml); give it with --rules DIR or EPICHECK_RULES")
    }

    private static func executableDirectories() -> [URL] {
        let path = CommandLine.arguments.first.map { URL(fileURLWithPath: $0) } ?? URL(fileURLWithPath: "/proc/self/exe")
        let resolved = path.resolvingSymlinksInPath()
        let procExe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return [path, resolved, procExe].map { $0.deletingLastPathComponent() }
    }

    private static func isRulesDirectory(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("lexicon/da.yml").path)
    }

    private static func validated(_ url: URL, how: String) throws -> URL {
        guard isRulesDirectory(url) else {
            throw ConfigurationError(file: url.path, message: "\(how): not a rules directory (no lexicon/da.yml in it)")
        }
        return url
    }
}
