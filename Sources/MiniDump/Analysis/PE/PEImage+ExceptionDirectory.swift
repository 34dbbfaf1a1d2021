extension PEImage {
    /// The number of `RUNTIME_FUNCTION` entries the exception directory declares (`Size / 12`),
    /// or 0 when there is none.
    public var runtimeFunctionCount: Int {
        guard let directory = dataDirectory(.exception) else { return 0 }
        return Int(directory.size) / RuntimeFunction.size
    }

    /// True when the exception directory exists and its first and last entries were captured, so
    /// that a missing entry means "a leaf function" rather than "not in the dump".
    public var hasReadableExceptionDirectory: Bool {
        let count = runtimeFunctionCount
        guard count > 0 else { return false }
        return runtimeFunction(at: 0) != nil && runtimeFunction(at: count - 1) != nil
    }

    /// The `index`-th entry of the exception directory, or `nil` when out of range or not captured.
    public func runtimeFunction(at index: Int) -> RuntimeFunction? {
        guard let directory = dataDirectory(.exception), index >= 0, index < runtimeFunctionCount
        else { return nil }
        let address = address(ofRva: directory.rva) &+ UInt64(index) &* UInt64(RuntimeFunction.size)
        guard let raw = memory.bytes(at: address, count: RuntimeFunction.size) else { return nil }
        return RuntimeFunction(bytes: raw)
    }

    /// The exception-directory entry whose range contains `rva`, found by binary search (the table
    /// is sorted by `BeginAddress`); `nil` when there is none or the entries probed were not
    /// captured.
    public func runtimeFunction(containingRva rva: UInt32) -> RuntimeFunction? {
        var low = 0
        var high = runtimeFunctionCount
        var probes = 0
        while low < high, probes < 64 {
            probes += 1
            let mid = low + (high - low) / 2
            guard let entry = runtimeFunction(at: mid) else { return nil }
            if rva < entry.beginRva {
                high = mid
            } else if rva >= entry.endRva {
                low = mid + 1
            } else {
                return entry
            }
        }
        return nil
    }

    /// The unwind information of `function`, or `nil` when its record was not captured.
    ///
    /// An `UnwindData` with its low bit set (an indirect entry pointing at another
    /// `RUNTIME_FUNCTION`, used in some ARM/ARM64EC images) is followed once.
    public func unwindInfo(for function: RuntimeFunction) -> UnwindInfo? {
        var rva = function.unwindInfoRva
        if rva & 1 != 0 {
            guard let raw = memory.bytes(at: address(ofRva: rva & ~1), count: RuntimeFunction.size) else { return nil }
            rva = RuntimeFunction(bytes: raw).unwindInfoRva
            guard rva & 1 == 0 else { return nil }
        }
        return UnwindInfo(memory: memory, address: address(ofRva: rva))
    }
}
