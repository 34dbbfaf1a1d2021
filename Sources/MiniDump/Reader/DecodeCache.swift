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
    /// A decoded value, the absence a decoder of an optional reported, or the error decoding threw.
    private enum Outcome: Sendable {
        case value(any Sendable)
        /// `nil` from a decoder of `T?`, for the `T` named (stored without boxing the optional,
        /// whose type would be instantiated at run time for each stream type: docs/performance.md).
        case absent(ObjectIdentifier)
        case error(MiniDumpError)

        /// True when this outcome answers a request for a `T` (or, `optional`, a `T?`).
        func answers<T>(_ type: T.Type, optional: Bool) -> Bool {
            switch self {
            case .value(let value): value is T
            case .absent(let type): optional && type == ObjectIdentifier(T.self)
            case .error: true
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

    /// The value stored under `key`, decoded by `decode` on first use.
    func value<T: Sendable>(
        _ key: String, _ decode: () throws(MiniDumpError) -> T
    ) throws(MiniDumpError) -> T {
        let node = self.node(key, answering: T.self, optional: false) { () -> Outcome in
            do throws(MiniDumpError) { return .value(try decode()) } catch { return .error(error) }
        }
        switch node.outcome {
        case .value(let value): if let value = value as? T { return value }
        case .error(let error): throw error
        case .absent: break
        }
        return try decode()
    }

    /// ``value(_:_:)`` for a decoder that may find nothing: `nil` is remembered too.
    func value<T: Sendable>(
        _ key: String, _ decode: () throws(MiniDumpError) -> T?
    ) throws(MiniDumpError) -> T? {
        let node = self.node(key, answering: T.self, optional: true) { () -> Outcome in
            do throws(MiniDumpError) {
                guard let value = try decode() else { return .absent(ObjectIdentifier(T.self)) }
                return .value(value)
            } catch {
                return .error(error)
            }
        }
        switch node.outcome {
        case .value(let value): if let value = value as? T { return value }
        case .absent(let type): if type == ObjectIdentifier(T.self) { return nil }
        case .error(let error): throw error
        }
        return try decode()
    }

    /// The node answering `key` for `type`: the stored one, or a new one from `decode`, run outside
    /// the lock. The locked closures hand out nodes (immutable) rather than outcomes: a generic
    /// `withLock` returning `Outcome?` looked up that type's metadata at run time on every call.
    private func node<T>(
        _ key: String, answering type: T.Type, optional: Bool, decode: () -> Outcome
    ) -> Node {
        if let cached = storage.withLock({ $0?.find(key) }), cached.outcome.answers(type, optional: optional) {
            return cached
        }
        let outcome = decode()
        return storage.withLock { head -> Node in
            // A different type under the same key replaces it; otherwise the first stored wins.
            if let existing = head?.find(key), existing.outcome.answers(type, optional: optional) { return existing }
            let node = Node(key: key, outcome: outcome, next: head)
            head = node
            return node
        }
    }
}
