import Foundation

/// A thread-local slot for an object that a thread keeps for itself (its DFAs, its parser): the
/// value set is an object passed retained (`Unmanaged.passRetained`), released when the thread
/// ends.
enum ThreadObjectKey {
    static func make() -> pthread_key_t {
        var key = pthread_key_t()
        // The destructor's argument is optional in Glibc's declaration, not in Darwin's.
        #if canImport(Darwin)
        pthread_key_create(&key) { Unmanaged<AnyObject>.fromOpaque($0).release() }
        #else
        pthread_key_create(&key) { stored in
            if let stored { Unmanaged<AnyObject>.fromOpaque(stored).release() }
        }
        #endif
        return key
    }
}
