/// Reads the crashed process's memory by virtual address, as far as the dump captured it.
///
/// Reads are probes: they return `nil` when any byte of the request was not captured, and never
/// throw. ``AddressSpace`` is the dump's implementation; tests and analysis layers may supply others.
public protocol MemoryReading: Sendable {
    /// The `count` bytes at `address`, or `nil` when they are not all in the dump.
    func bytes(at address: UInt64, count: Int) -> [UInt8]?

    /// Calls `body` with the bytes at `address` when all of them are in the dump and contiguous in
    /// the file; returns `nil` otherwise (without calling `body`).
    func withBytes<R>(at address: UInt64, count: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R?

    /// A little-endian integer at `address`, or `nil` when it was not captured.
    ///
    /// A requirement (with a default implementation over ``withBytes(at:count:_:)``) so that a
    /// reader used through `any MemoryReading`, as the stack walker uses one, can load directly:
    /// through the generic default, every load cost runtime metadata lookups and a closure
    /// (docs/performance.md).
    func value<T: FixedWidthInteger>(_: T.Type, at address: UInt64) -> T?
}

extension MemoryReading {
    /// A little-endian integer at `address`, or `nil` when it was not captured.
    public func value<T: FixedWidthInteger>(_: T.Type = T.self, at address: UInt64) -> T? {
        withBytes(at: address, count: MemoryLayout<T>.size) { raw in
            T(littleEndian: raw.loadUnaligned(as: T.self))
        } ?? bytes(at: address, count: MemoryLayout<T>.size).map { array in
            array.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(as: T.self)) }
        }
    }

    /// A pointer-sized value (4 or 8 bytes) at `address`, widened to 64 bits.
    public func pointer(at address: UInt64, size: Int) -> UInt64? {
        size == 4 ? value(UInt32.self, at: address).map(UInt64.init) : value(UInt64.self, at: address)
    }
}
