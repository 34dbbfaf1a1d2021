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

    /// Parses one maps line (without its newline) from its UTF-8 bytes:
    /// `start-end perms offset dev inode [path]`, fields separated by spaces or tabs; `nil` when a
    /// field is missing or a number does not parse. Works on bytes because walking `Character`s
    /// made a 5,000-line maps stream cost tens of milliseconds (docs/performance.md).
    init?(bytes line: UnsafeRawBufferPointer) {
        var at = 0
        func field() -> Range<Int>? {
            while at < line.count, LinuxText.isBlank(line[at]) { at += 1 }
            guard at < line.count else { return nil }
            let start = at
            while at < line.count, !LinuxText.isBlank(line[at]) { at += 1 }
            return start..<at
        }
        func number(_ range: Range<Int>, radix: UInt64) -> UInt64? {
            LinuxMapRegion.number(UnsafeRawBufferPointer(rebasing: line[range]), radix: radix)
        }
        guard let range = field(), let permissions = field(), let offset = field(),
              let device = field(), let inode = field(),
              let dash = line[range].firstIndex(of: UInt8(ascii: "-")),
              let start = number(range.lowerBound..<dash, radix: 16),
              let end = number((dash + 1)..<range.upperBound, radix: 16),
              let mappedOffset = number(offset, radix: 16),
              let inodeNumber = number(inode, radix: 10)
        else { return nil }
        while at < line.count, LinuxText.isBlank(line[at]) { at += 1 }
        startAddress = start
        endAddress = end
        self.permissions = LinuxMapPermissions(utf8: UnsafeRawBufferPointer(rebasing: line[permissions]))
        mappedFileOffset = mappedOffset
        self.device = String(decoding: UnsafeRawBufferPointer(rebasing: line[device]), as: UTF8.self)
        self.inode = inodeNumber
        path = String(decoding: UnsafeRawBufferPointer(rebasing: line[at...]), as: UTF8.self)
    }

    /// The number `digits` spell in `radix` (10 or 16), as `UInt64(_:radix:)` reads it: an optional
    /// `+` (or `-` before a zero value), then at least one digit; `nil` on anything else or overflow.
    static func number(_ digits: UnsafeRawBufferPointer, radix: UInt64) -> UInt64? {
        var rest = digits[...]
        var negative = false
        if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in rest {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            let (sum, carry) = shifted.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return negative && value != 0 ? nil : value
    }
}
