/// A four-part Windows version number, `major.minor.build.revision`, as packed into two 32-bit
/// words of `VS_FIXEDFILEINFO` (`dwFileVersionMS`/`LS` or `dwProductVersionMS`/`LS`).
public struct FileVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The high word of the most significant half.
    public var major: UInt16
    /// The low word of the most significant half.
    public var minor: UInt16
    /// The high word of the least significant half.
    public var build: UInt16
    /// The low word of the least significant half.
    public var revision: UInt16

    /// Creates a version from its four parts.
    public init(major: UInt16, minor: UInt16, build: UInt16, revision: UInt16) {
        self.major = major
        self.minor = minor
        self.build = build
        self.revision = revision
    }

    /// Unpacks the two 32-bit words (`…MS`, `…LS`).
    public init(mostSignificant: UInt32, leastSignificant: UInt32) {
        self.init(
            major: UInt16(truncatingIfNeeded: mostSignificant >> 16),
            minor: UInt16(truncatingIfNeeded: mostSignificant),
            build: UInt16(truncatingIfNeeded: leastSignificant >> 16),
            revision: UInt16(truncatingIfNeeded: leastSignificant))
    }

    /// `10.0.19041.1`.
    public var description: String { "\(major).\(minor).\(build).\(revision)" }

    /// Orders versions part by part, major first.
    public static func < (lhs: FileVersion, rhs: FileVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.build, lhs.revision) < (rhs.major, rhs.minor, rhs.build, rhs.revision)
    }
}
