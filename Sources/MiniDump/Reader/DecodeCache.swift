import Synchronization

/// Remembers each decoded stream (or the error it threw) so that it is decoded once, on first use.
///
/// Decoding runs outside the lock, so decoders may ask for other streams; two threads racing on the
/// same stream may both decode it, and the first result stored wins.
final class DecodeCache: Sendable {
    private let storage = Mutex<[String: any Sendable]>([:])

    init() {}

    func value<T: Sendable>(
        _ key: String, _ decode: () throws(MiniDumpError) -> T
    ) throws(MiniDumpError) -> T {
        if let cached = storage.withLock({ $0[key] }) as? Result<T, MiniDumpError> {
            return try cached.get()
        }
        let result: Result<T, MiniDumpError>
        do { result = .success(try decode()) } catch { result = .failure(error) }
        let stored = storage.withLock { table -> Result<T, MiniDumpError> in
            if let existing = table[key] as? Result<T, MiniDumpError> { return existing }
            table[key] = result
            return result
        }
        return try stored.get()
    }
}
