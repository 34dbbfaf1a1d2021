/// Ordered `key: value` or `KEY=value` pairs from a Linux text stream (`/proc/cpuinfo`,
/// `/proc/self/status`, `/etc/lsb-release`, the environment). Keys may repeat; lookups return
/// the first.
public struct LinuxKeyValueList: Sendable, Hashable {
    /// One pair.
    public struct Entry: Sendable, Hashable {
        /// The key, trimmed of surrounding spaces and tabs.
        public var key: String
        /// The value, trimmed (and for `/etc/lsb-release` unquoted).
        public var value: String

        /// Creates a pair.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// The pairs in file order.
    public var entries: [Entry]

    /// Creates a list from pairs in order.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The value of the first pair with `key`, or `nil` when there is none.
    public subscript(key: String) -> String? {
        entries.first { $0.key == key }?.value
    }
}
