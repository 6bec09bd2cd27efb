import CLibXML2
import Epicrisis
import EpicrisisRules
import Foundation

/// The sample letters, as bytes, split by form.
struct SampleLetters {
    struct Sample {
        var name: String
        var bytes: [UInt8]
    }

    let all: [Sample]

    init(directory: URL) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        all = names.compactMap { name in
            guard name.hasSuffix(".txt") || name.hasSuffix(".xml"), !name.contains("malformed") else { return nil }
            return FileManager.default.contents(atPath: directory.appendingPathComponent(name).path).map { Sample(name: name, bytes: [UInt8]($0)) }
        }
    }

    var text: [Sample] { all.filter { $0.name.hasSuffix(".txt") } }
    var xml: [Sample] { all.filter { $0.name.hasSuffix(".xml") } }

    struct Batch {
        var letters: [Sample]
        var bytes: Int { letters.reduce(0) { $0 + $1.bytes.count } }
    }

    /// `count` letters cycling through the samples (the bytes are shared, not copied).
    func replicate(_ samples: [Sample], count: Int) -> Batch {
        Batch(letters: (0..<count).map { samples[$0 % samples.count] })
    }

    /// Writes `count` letters to a directory, in subfolders of 1,000, for batch runs of the CLI.
    func write(count: Int, to directory: URL) throws {
        for index in 0..<count {
            let sample = all[index % all.count]
            let folder = directory.appendingPathComponent(String(format: "%04d", index / 1000))
            if index % 1000 == 0 { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
            let name = String(format: "%07d-", index) + sample.name
            try Data(sample.bytes).write(to: folder.appendingPathComponent(name))
        }
    }
}

struct Timing: Comparable {
    var seconds: Double

    static func < (lhs: Timing, rhs: Timing) -> Bool { lhs.seconds < rhs.seconds }

    func summary(_ batch: SampleLetters.Batch) -> String {
        let letters = Double(batch.letters.count) / seconds
        let megabytes = Double(batch.bytes) / seconds / 1_000_000
        return String(format: "%8.0f letters/s  %6.2f MB/s  %7.1f µs/letter", letters, megabytes, seconds / Double(batch.letters.count) * 1e6)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// The whole per-letter path of `epicheck check --format json`: read, extract, judge, report.
struct Pipeline: Sendable {
    let extractor: Extractor
    let engine: RuleEngine

    func process(_ sample: SampleLetters.Sample) -> Int {
        guard let letters = try? LetterReader.read(sample.bytes, path: sample.name) else { return 0 }
        let reporter = NDJSONReporter()
        let options = ReportOptions()
        return letters.reduce(0) { total, letter in
            let report = engine.report(file: sample.name, letter: letter, extraction: extractor.extract(letter))
            return total + reporter.letterUTF8(report, position: 0, options).count
        }
    }

    func run(_ batch: SampleLetters.Batch, jobs: Int) -> Timing {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            if jobs == 1 {
                for sample in batch.letters { _ = process(sample) }
            } else {
                let chunk = max(1, batch.letters.count / (jobs * 8))
                let chunks = stride(from: 0, to: batch.letters.count, by: chunk).map { $0..<min($0 + chunk, batch.letters.count) }
                DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
                    for sample in batch.letters[chunks[index]] { _ = process(sample) }
                }
            }
        }
        return Timing(seconds: elapsed.seconds)
    }
}

/// libxml2 parsing alone, with the options the reader uses: the floor any XML pipeline stands on.
enum LibXML2Baseline {
    /// epicheck's time over libxml2's, the two timed in turn on the same blocks of letters: both
    /// then see the same minutes of a machine whose speed drifts, and the ratio measures the code.
    static func pairedRatio(_ pipeline: Pipeline, _ batch: SampleLetters.Batch) -> Double {
        var ours = 0.0, theirs = 0.0
        for start in stride(from: 0, to: batch.letters.count, by: 50) {
            let block = SampleLetters.Batch(letters: Array(batch.letters[start..<min(start + 50, batch.letters.count)]))
            ours += pipeline.run(block, jobs: 1).seconds
            theirs += run(block).seconds
        }
        return ours / theirs
    }

    static func run(_ batch: SampleLetters.Batch) -> Timing {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for sample in batch.letters {
                sample.bytes.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                        if let document = xmlReadMemory(pointer, Int32(buffer.count), sample.name, nil, options) { xmlFreeDoc(document) }
                    }
                }
            }
        }
        return Timing(seconds: elapsed.seconds)
    }
}

enum PeakMemory {
    static var mebibytes: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024 // kilobytes on Linux
    }
}

/// Wall time of `epicheck check` on one letter, process start included, median of 20 runs.
enum Startup {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// Times whole runs of the binary, spawned and waited for directly: Foundation's `Process`
    /// polls for the child's exit every 50 ms, which would round every run up to that tick.
    static func measure(binary: String, letter: String) throws -> String {
        var times: [Double] = []
        let clock = ContinuousClock()
        let arguments = [binary, "check", "--format", "json", letter]
        for _ in 0..<20 {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv = arguments.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            var status: Int32 = 0
            let started = clock.now
            let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environ)
            guard spawned == 0 else { throw Failed(description: "cannot start \(binary): \(String(cString: strerror(spawned)))") }
            waitpid(pid, &status, 0)
            times.append((clock.now - started).seconds)
            // Exit status 2 is an error (no rules found, say): a run that did not check the letter.
            let exited = status & 0x7F == 0
            let code = (status >> 8) & 0xFF
            guard exited, code < 2 else { throw Failed(description: "\(arguments.joined(separator: " ")) failed (status \(status))") }
        }
        times.sort()
        return String(format: "epicheck check on one letter, process start included: median %.1f ms, fastest %.1f ms (20 runs)",
                      times[times.count / 2] * 1000, times[0] * 1000)
    }
}
