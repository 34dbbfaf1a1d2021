/// Offsets of the TEB, PEB and `RTL_USER_PROCESS_PARAMETERS` fields this library reads, for 32-bit
/// (x86, ARM) and 64-bit (x64, ARM64) Windows processes.
struct WindowsProcessLayout: Sendable {
    var pointerSize: Int
    // TEB / NT_TIB
    var tebStackBase: UInt64
    var tebStackLimit: UInt64
    var tebSelf: UInt64
    var tebPeb: UInt64
    var tebLastError: UInt64
    var tebDeallocationStack: UInt64
    // PEB
    var pebImageBase: UInt64
    var pebProcessParameters: UInt64
    // RTL_USER_PROCESS_PARAMETERS
    var paramsFlags: UInt64 = 8
    var paramsCurrentDirectory: UInt64
    var paramsImagePath: UInt64
    var paramsCommandLine: UInt64
    var paramsEnvironment: UInt64

    static let x64 = WindowsProcessLayout(
        pointerSize: 8, tebStackBase: 0x08, tebStackLimit: 0x10, tebSelf: 0x30, tebPeb: 0x60, tebLastError: 0x68,
        tebDeallocationStack: 0x1478, pebImageBase: 0x10, pebProcessParameters: 0x20,
        paramsCurrentDirectory: 0x38, paramsImagePath: 0x60, paramsCommandLine: 0x70, paramsEnvironment: 0x80)

    static let x86 = WindowsProcessLayout(
        pointerSize: 4, tebStackBase: 0x04, tebStackLimit: 0x08, tebSelf: 0x18, tebPeb: 0x30, tebLastError: 0x34,
        tebDeallocationStack: 0xE0C, pebImageBase: 0x08, pebProcessParameters: 0x10,
        paramsCurrentDirectory: 0x24, paramsImagePath: 0x38, paramsCommandLine: 0x40, paramsEnvironment: 0x48)

    /// The layout for an architecture, or `nil` for one Windows does not run on.
    static func forArchitecture(_ architecture: ProcessorArchitecture?) -> WindowsProcessLayout? {
        switch architecture?.canonical {
        case .some(.amd64), .some(.arm64), .some(.ia64): .x64
        case .some(.x86), .some(.arm), .some(.x86OnWin64): .x86
        default: nil
        }
    }

    func pointer(_ memory: some MemoryReading, at address: UInt64) -> UInt64? {
        memory.pointer(at: address, size: pointerSize)
    }

    /// Reads the `UNICODE_STRING` at `address`: {u16 Length, u16 MaximumLength, (pad), Buffer}.
    /// `base` is added to the buffer when the parameters are not normalised (the buffer is then an
    /// offset). `nil` when any byte is missing.
    func unicodeString(_ memory: some MemoryReading, at address: UInt64, base: UInt64 = 0) -> String? {
        guard let length = memory.value(UInt16.self, at: address),
              let buffer = pointer(memory, at: address &+ UInt64(pointerSize))
        else { return nil }
        guard length > 0 else { return "" }
        guard buffer != 0, let bytes = memory.bytes(at: base &+ buffer, count: Int(length & ~1)) else { return nil }
        return Self.utf16(bytes)
    }

    static func utf16(_ bytes: [UInt8]) -> String {
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let unit = UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
            if unit == 0 { break }
            units.append(unit)
            index += 2
        }
        return UTF16Text.string(units)
    }

    /// The largest environment block read (1 MiB), in 4 KiB steps.
    static let maxEnvironmentBytes = 1 << 20

    /// Reads the environment block at `address` (UTF-16 `NAME=value` strings ending with an empty
    /// string); `nil` when its first bytes are missing.
    func environment(_ memory: some MemoryReading, at address: UInt64) -> [String]? {
        var units = [UInt16]()
        var cursor = address
        var finished = false
        while !finished, units.count * 2 < Self.maxEnvironmentBytes {
            // Read up to the next page boundary so a block ending near a missing page still decodes.
            let toBoundary = 0x1000 - Int(cursor & 0xFFF)
            guard let chunk = memory.bytes(at: cursor, count: toBoundary) else { break }
            var index = 0
            while index + 1 < chunk.count {
                let unit = UInt16(chunk[index]) | UInt16(chunk[index + 1]) << 8
                if unit == 0, units.last == 0 || units.isEmpty {
                    finished = true
                    break
                }
                units.append(unit)
                index += 2
            }
            cursor &+= UInt64(toBoundary)
        }
        guard !units.isEmpty || finished else { return nil }
        return units.split(separator: 0, omittingEmptySubsequences: true).map(UTF16Text.string)
    }
}
