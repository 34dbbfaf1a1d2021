import Synchronization

/// Remembers each decoded stream (or the error it threw) so that it is decoded once, on first use.
///
/// Decoding runs outside the lock, so decoders may ask for other streams; two threads racing on the
/// same stream may both decode it, and the first result stored wins.
///
/// The entries are a short list searched by key: a file has a few dozen keys at most, so a linear
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

    /// One decoded key: a list node, newest first. Nodes rather than an array of structs: an array
    /// of this file's private struct had its storage type looked up at run time on every append
    /// and copy (about 0.1 M instructions per `summary`; docs/performance.md).
    private final class Node: Sendable {
        let key: String
        let outcome: Outcome
        let next: Node?

        init(key: String, outcome: Outcome, next: Node?) {
            self.key = key
            self.outcome = outcome
            self.next = next
        }

        /// The newest node for `key` in the list starting here.
        func find(_ key: String) -> Node? {
            var node: Node? = self
            while let current = node {
                if current.key == key { return current }
                node = current.next
            }
            return nil
        }
    }

    private let storage = Mutex<Node?>(nil)

    init() {}

    func value<T: Sendable>(
        _ key: String, _ decode: () throws(MiniDumpError) -> T
    ) throws(MiniDumpError) -> T {
        // The locked closures hand out nodes (immutable) rather than outcomes: a generic `withLock`
        // returning `Outcome?` looked up that type's metadata at run time on every call.
        if let cached = storage.withLock({ $0?.find(key) }), let value = try cached.outcome.get(as: T.self) {
            return value
        }
        let outcome: Outcome
        do { outcome = .value(try decode()) } catch { outcome = .error(error) }
        let stored = storage.withLock { head -> Node in
            if let existing = head?.find(key) {
                // A different type under the same key replaces it; otherwise the first stored wins.
                guard case .value(let value) = existing.outcome, !(value is T) else { return existing }
            }
            let node = Node(key: key, outcome: outcome, next: head)
            head = node
            return node
        }
        if let value = try stored.outcome.get(as: T.self) { return value }
        return try decode()
    }
}
