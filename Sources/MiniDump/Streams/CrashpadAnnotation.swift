/// One typed Crashpad annotation object (`crashpad::Annotation`) a module registered.
/// Mirrors `MinidumpAnnotation`: a `MinidumpUTF8String` name, a type, and a `MinidumpByteArray`
/// value.
public struct CrashpadAnnotation: Sendable, Hashable {
    /// The annotation's name, decoded leniently as UTF-8; empty when unreadable.
    public var name: String
    /// The value's type.
    public var type: CrashpadAnnotationType
    /// The value's raw bytes; empty when unreadable (a diagnostic then says why).
    public var value: [UInt8]

    /// The value decoded leniently as UTF-8 (up to the first NUL) when ``type`` is
    /// ``CrashpadAnnotationType/string``; `nil` for other types.
    public var stringValue: String? {
        guard type == .string else { return nil }
        let end = value.firstIndex(of: 0) ?? value.count
        return String(decoding: value[..<end], as: UTF8.self)
    }
}
