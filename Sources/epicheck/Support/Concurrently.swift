import Dispatch

/// Work started on another thread at once, whose result (or error) is collected later: so that
/// start-up can load the lexicon on one core while it loads the rule packs on the other.
final class Concurrently<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once on the worker before `done` is signalled, read only after waiting for it.
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result(catching: work)
            self.done.signal()
        }
    }

    /// Waits for the work and returns its value, or throws its error. Call once.
    func value() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
