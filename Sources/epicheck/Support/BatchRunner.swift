import Epicrisis
import EpicrisisRules
import Foundation

/// Reads and judges a batch of files on several threads and hands the reports back in input
/// order, one file at a time, holding no more than a bounded window of finished files: a batch of
/// any size runs in bounded memory, and the output does not depend on the number of threads.
final class BatchRunner: @unchecked Sendable {
    // All mutable state is guarded by `condition`.
    private let toolkit: Toolkit
    private let files: [String]
    private let jobs: Int
    private let window: Int
    private let condition = NSCondition()
    private var nextToTake = 0
    private var nextToEmit = 0
    private var finished: [Int: [LetterReport]] = [:]

    init(toolkit: Toolkit, files: [String], jobs: Int) {
        self.toolkit = toolkit
        self.files = files
        self.jobs = max(1, jobs)
        self.window = max(1, jobs) * 32
    }

    /// Calls `emit` on the calling thread with each file's reports, in input order.
    func run(_ emit: ([LetterReport]) -> Void) {
        guard !files.isEmpty else { return }
        if jobs == 1 {
            for file in files { emit(toolkit.reports(for: file)) }
            return
        }
        for _ in 0..<min(jobs, files.count) {
            let thread = Thread { [self] in work() }
            thread.stackSize = 8 << 20
            thread.start()
        }
        while nextToEmit < files.count {
            condition.lock()
            while finished[nextToEmit] == nil { condition.wait() }
            let reports = finished.removeValue(forKey: nextToEmit)!
            nextToEmit += 1
            condition.broadcast()
            condition.unlock()
            emit(reports)
        }
    }

    private func work() {
        while true {
            condition.lock()
            // Stay within the window: a slow writer must not let finished reports pile up.
            while nextToTake < files.count && nextToTake >= nextToEmit + window { condition.wait() }
            guard nextToTake < files.count else {
                condition.unlock()
                return
            }
            let index = nextToTake
            nextToTake += 1
            condition.unlock()

            let reports = toolkit.reports(for: files[index])

            condition.lock()
            finished[index] = reports
            condition.broadcast()
            condition.unlock()
        }
    }
}
