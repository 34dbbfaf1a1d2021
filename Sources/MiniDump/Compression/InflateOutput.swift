/// A growing output buffer for decompression that never grows past a byte limit.
///
/// Its memory is handed to a ``ByteStorage`` by ``take()``; until then `deinit` frees it, so a
/// decode that throws half-way leaks nothing.
final class InflateOutput {
    private var memory: UnsafeMutableRawPointer?
    /// Bytes allocated.
    private(set) var capacity: Int
    /// Bytes written so far.
    private(set) var count = 0
    /// The most bytes this buffer may ever hold.
    let limit: Int

    /// Allocates `min(initialCapacity, limit)` bytes.
    init(initialCapacity: Int, limit: Int) {
        self.limit = max(limit, 0)
        self.capacity = min(max(initialCapacity, 0), self.limit)
        self.memory = capacity > 0 ? .allocate(byteCount: capacity, alignment: 16) : nil
    }

    deinit {
        memory?.deallocate()
    }

    /// Bytes that can be written before the buffer must grow.
    var free: Int { capacity - count }

    /// Where the next byte goes; only valid while ``free`` is positive.
    var freePointer: UnsafeMutableRawPointer? { memory.map { $0 + count } }

    /// The bytes written so far.
    var written: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: memory, count: count) }

    /// Records `produced` bytes written at ``freePointer``.
    func commit(_ produced: Int) {
        count += min(max(produced, 0), free)
    }

    /// Forgets everything written after the first `count` bytes (the output of a block that failed).
    func rollBack(to count: Int) {
        self.count = min(max(count, 0), self.count)
    }

    /// Appends a copy of `bytes`; false (and nothing written) when they do not fit in ``free``.
    func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count <= free else { return false }
        guard let target = freePointer, let source = bytes.baseAddress, !bytes.isEmpty else { return true }
        target.copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
        return true
    }

    /// Makes room for at least one more byte by doubling (never past ``limit``).
    /// Returns false, and allocates nothing, when the buffer is already at the limit.
    func grow() -> Bool {
        guard capacity < limit else { return false }
        let doubled = capacity.multipliedReportingOverflow(by: 2)
        let target = min(limit, doubled.overflow ? limit : max(doubled.partialValue, 64 * 1024))
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: target, alignment: 16)
        if let memory {
            bigger.copyMemory(from: memory, byteCount: count)
            memory.deallocate()
        }
        memory = bigger
        capacity = target
        return true
    }

    /// Hands the written bytes to a new storage object; the buffer is empty afterwards.
    func take() -> ByteStorage {
        guard let memory, count > 0 else {
            return ByteStorage(copying: EmptyCollection<UInt8>())
        }
        self.memory = nil
        let storage = ByteStorage(adopting: memory, count: count)
        capacity = 0
        count = 0
        return storage
    }
}
