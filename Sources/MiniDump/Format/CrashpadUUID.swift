/// A 16-byte identifier as Crashpad stores it (`crashpad::UUID`): a 32-bit, two 16-bit
/// little-endian fields, then 8 bytes.
public struct CrashpadUUID: Sendable, Hashable, CustomStringConvertible {
    /// The 16 bytes as stored in the file.
    public var bytes: [UInt8]

    /// Wraps the 16 bytes as stored.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// True when every byte is zero (Crashpad's "no identifier").
    public var isZero: Bool { bytes.allSatisfy { $0 == 0 } }

    /// Lower-case `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, the first three fields read
    /// little-endian, as Crashpad prints report ids; the hex of the raw bytes when there are not 16.
    public var description: String {
        func hex(_ indices: [Int]) -> String {
            indices.map { index in
                let byte = bytes[index]
                return (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
            }.joined()
        }
        guard bytes.count == 16 else { return hex(Array(bytes.indices)) }
        return [hex([3, 2, 1, 0]), hex([5, 4]), hex([7, 6]), hex([8, 9]), hex(Array(10..<16))]
            .joined(separator: "-")
    }
}
