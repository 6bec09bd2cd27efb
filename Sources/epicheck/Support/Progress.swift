import Foundation

/// A one-line progress bar on standard error (letters done, rate, time left), shown only when
/// standard error is a terminal, and redrawn at most ten times a second.
final class Progress {
    private let total: Int
    private let enabled: Bool
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var lastDrawn: ContinuousClock.Instant
    private var done = 0

    init(total: Int) {
        self.total = total
        self.enabled = isatty(STDERR_FILENO) != 0 && total > 1
        self.started = clock.now
        self.lastDrawn = clock.now - .seconds(1)
    }

    func advance(by count: Int = 1) {
        done += count
        guard enabled, clock.now - lastDrawn >= .milliseconds(100) || done == total else { return }
        lastDrawn = clock.now
        let seconds = max(Double((clock.now - started).components.attoseconds) / 1e18 + Double((clock.now - started).components.seconds), 0.001)
        let rate = Double(done) / seconds
        let left = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = String(format: "\r%@ %d/%d  %.0f letters/s  ETA %ds ", bar, done, total, rate, Int(left.rounded()))
        FileHandleOutput.standardError.write(line)
    }

    func finish() {
        guard enabled else { return }
        FileHandleOutput.standardError.write("\r\u{1B}[2K")
    }
}
