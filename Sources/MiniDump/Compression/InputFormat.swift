/// The kind of file a dump arrives in, recognised by its first bytes and never by its name.
///
/// An open set of named values: ``minidump`` (`MDMP`), ``gzip`` (`1F 8B`), ``cabinet`` (`MSCF`),
/// and ``unknown`` for anything else.
public struct InputFormat: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The format's name.
    public var rawValue: String

    /// Creates a format from its name.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A plain minidump: the file starts with `MDMP`.
    public static let minidump = InputFormat(rawValue: "minidump")
    /// A gzip file (RFC 1952): the file starts with `1F 8B`.
    public static let gzip = InputFormat(rawValue: "gzip")
    /// A Microsoft cabinet (`.cab`): the file starts with `MSCF`.
    public static let cabinet = InputFormat(rawValue: "cabinet")
    /// None of the above (including files shorter than their magic).
    public static let unknown = InputFormat(rawValue: "unknown")

    /// Recognises the format from the first bytes of a file; ``unknown`` when nothing matches.
    public init(detecting prefix: some Collection<UInt8>) {
        let head = Array(prefix.prefix(4))
        if head.starts(with: [0x4D, 0x44, 0x4D, 0x50]) {
            self = .minidump
        } else if head.starts(with: [0x1F, 0x8B]) {
            self = .gzip
        } else if head.starts(with: [0x4D, 0x53, 0x43, 0x46]) {
            self = .cabinet
        } else {
            self = .unknown
        }
    }

    /// The format's name.
    public var description: String { rawValue }
}
