import Synchronization

/// Remembers each decoded stream (or the error it threw) so that it is decoded once, on first use.
///
/// Decoding runs outside the lock, so decoders may ask for other streams; two threads racing on the
/// same stream may both decode it, and the first result stored wins.
///
/// The entries are a plain array searched by key: a file has a few dozen keys at most, so a linear
/// search costs no more than hashing, and it avoids the runtime type instantiation a
/// `[String: any Sendable]` dictionary and `Result<T, MiniDumpError>` cost on first use in a process
/// (about 0.6 M instructions — a fifth of `dumpinspect summary`; see docs/performance.md).
final class DecodeCache: Sendable {
    /// A decoded value, or the error decoding threw.
    private enum Outcome: Sendable {
        case value(any Sendable)
        case error(MiniDumpError)

        /// The value as a `T` (`nil` when it is not one), or the stored error thrown.
        func get<T>(as type: T.Type) throws(MiniDumpError) -> T? {
            switch self {
            case .value(let value): value as? T
            case .error(let error): throw error
            }
        }
    }

    private struct Entry: Sendable {
        let key: String
        var outcome: Outcome
    }

    private let storage = Mutex<[Entry]>([])

    init() {}

    func value<T: Sendable>(
        _ key: String, _ decode: () throws(MiniDumpError) -> T
    ) throws(MiniDumpError) -> T {
        if let cached = storage.withLock({ entries in entries.first { $0.key == key }?.outcome }),
           let value = try cached.get(as: T.self) {
            return value
        }
        let outcome: Outcome
        do { outcome = .value(try decode()) } catch { outcome = .error(error) }
        let stored = storage.withLock { entries -> Outcome in
            guard let index = entries.firstIndex(where: { $0.key == key }) else {
                entries.append(Entry(key: key, outcome: outcome))
                return outcome
            }
            if case .value(let value) = entries[index].outcome, !(value is T) {
                entries[index].outcome = outcome  // a different type under the same key: replace it
                return outcome
            }
            return entries[index].outcome
        }
        if let value = try stored.get(as: T.self) { return value }
        return try decode()
    }
}
