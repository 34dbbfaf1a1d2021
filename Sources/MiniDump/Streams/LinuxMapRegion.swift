/// One line of `/proc/<pid>/maps`: a mapped range of the crashed process's address space.
public struct LinuxMapRegion: Sendable, Hashable {
    /// The first address of the range.
    public var startAddress: UInt64
    /// The address one past the range.
    public var endAddress: UInt64
    /// Read, write, execute and private/shared flags.
    public var permissions: LinuxMapPermissions
    /// The offset of the range within the mapped file (0 for anonymous memory).
    public var mappedFileOffset: UInt64
    /// The mapped file's device, `major:minor` in hex as printed (`fc:01`, `00:00`).
    public var device: String
    /// The mapped file's inode, 0 for anonymous memory.
    public var inode: UInt64
    /// The mapped file's path or a pseudo-name (`[stack]`, `[vdso]`, `[anon:…]`); empty for
    /// anonymous memory. Kept verbatim, including a ` (deleted)` suffix.
    public var path: String

    /// The range's size in bytes (0 when the end lies below the start).
    public var size: UInt64 { endAddress >= startAddress ? endAddress - startAddress : 0 }

    /// True when `address` lies in `startAddress ..< endAddress`.
    public func contains(_ address: UInt64) -> Bool {
        address >= startAddress && address < endAddress
    }

    /// Parses `start-end perms offset dev inode [path]`; `nil` when the line does not have that
    /// shape.
    init?(line: Substring) {
        var rest = line[...]
        func field() -> Substring? {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard !rest.isEmpty else { return nil }
            let end = rest.firstIndex { $0 == " " || $0 == "\t" } ?? rest.endIndex
            defer { rest = rest[end...] }
            return rest[..<end]
        }
        guard let range = field(), let permissions = field(), let offset = field(),
              let device = field(), let inode = field(),
              let dash = range.firstIndex(of: "-"),
              let start = UInt64(range[..<dash], radix: 16),
              let end = UInt64(range[range.index(after: dash)...], radix: 16),
              let mappedOffset = UInt64(offset, radix: 16),
              let inodeNumber = UInt64(inode)
        else { return nil }
        startAddress = start
        endAddress = end
        self.permissions = LinuxMapPermissions(parsing: permissions)
        mappedFileOffset = mappedOffset
        self.device = String(device)
        self.inode = inodeNumber
        path = String(rest.drop { $0 == " " || $0 == "\t" })
    }
}
