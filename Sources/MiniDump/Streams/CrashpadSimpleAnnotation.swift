/// One key/value pair of a Crashpad simple string dictionary (product, version, platform, ...).
/// Mirrors `MinidumpSimpleStringDictionaryEntry` with its two `MinidumpUTF8String`s.
public struct CrashpadSimpleAnnotation: Sendable, Hashable {
    /// The key, decoded leniently as UTF-8; empty when unreadable (a diagnostic says why).
    public var key: String
    /// The value, decoded leniently as UTF-8; empty when unreadable (a diagnostic says why).
    public var value: String
}
