/// The permission column of a `/proc/<pid>/maps` line (`r-xp`, `rw-s`, ...).
public struct LinuxMapPermissions: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `r`: readable.
    public static let read = LinuxMapPermissions(rawValue: 0x1)
    /// `w`: writable.
    public static let write = LinuxMapPermissions(rawValue: 0x2)
    /// `x`: executable.
    public static let execute = LinuxMapPermissions(rawValue: 0x4)
    /// `p`: a private (copy-on-write) mapping.
    public static let `private` = LinuxMapPermissions(rawValue: 0x8)
    /// `s`: a shared mapping.
    public static let shared = LinuxMapPermissions(rawValue: 0x10)

    /// Parses the four-character column; unknown characters are ignored.
    public init(parsing column: Substring) {
        self.init(utf8: column.utf8)
    }

    /// Parses the column from its UTF-8 bytes.
    init(utf8 bytes: some Sequence<UInt8>) {
        var value = LinuxMapPermissions()
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "r"): value.insert(.read)
            case UInt8(ascii: "w"): value.insert(.write)
            case UInt8(ascii: "x"): value.insert(.execute)
            case UInt8(ascii: "p"): value.insert(.private)
            case UInt8(ascii: "s"): value.insert(.shared)
            default: break
            }
        }
        self = value
    }

    /// The column as `/proc` prints it: `r-xp`.
    public var description: String {
        (contains(.read) ? "r" : "-") + (contains(.write) ? "w" : "-") + (contains(.execute) ? "x" : "-")
            + (contains(.shared) ? "s" : contains(.private) ? "p" : "-")
    }
}
