/// A stack being composed word by word for a test dump: deterministic filler that looks like a
/// real stack (zeros, small integers, pointers into the stack and the heap — never into a module),
/// with return addresses and saved frame pointers placed at chosen offsets.
struct StackImage {
    let base: UInt64
    let wordSize: Int
    var words: [UInt64]

    /// `size` bytes from `base`, filled from `seed`; `heap` is the heap pointers' base.
    init(base: UInt64, size: Int, wordSize: Int = 8, seed: UInt64, heap: UInt64) {
        self.base = base
        self.wordSize = wordSize
        var state = seed
        var words: [UInt64] = []
        let count = size / wordSize
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let pick = (state >> 33) % 20
            let noise = state >> 40
            switch pick {
            case 0..<10: words.append(0)
            case 10..<13: words.append(noise % 0x400)
            case 13..<16: words.append(base + (noise % UInt64(size)) / UInt64(wordSize) * UInt64(wordSize))
            default: words.append(heap + (noise % 0x4_0000) / 16 * 16)
            }
        }
        if wordSize == 4 { words = words.map { $0 & 0xFFFF_FFFF } }
        self.words = words
    }

    /// The address of the word at byte `offset`.
    func address(_ offset: Int) -> UInt64 { base + UInt64(offset) }

    /// Sets the word at byte `offset` from the base.
    mutating func set(_ offset: Int, _ value: UInt64) {
        let index = offset / wordSize
        if words.indices.contains(index) { words[index] = value }
    }

    /// Zeroes every word from byte `offset` to the top (the unused part above the first frame).
    mutating func clear(from offset: Int) {
        for index in (offset / wordSize)..<words.count { words[index] = 0 }
    }

    var bytes: [UInt8] {
        wordSize == 4 ? ByteWriter.words32(words.map { UInt32(truncatingIfNeeded: $0) }) : ByteWriter.words64(words)
    }
}

/// The code bytes around a return address, so a stack walker that checks "the instruction before
/// the return address is a CALL" finds one.
enum CallSite {
    /// Filler instructions that are plausible on x86/x64 (`mov`s between registers, `lea`s).
    static let x86Filler: [UInt8] = [0x48, 0x8B, 0xCE, 0x48, 0x8B, 0xD7, 0x4C, 0x8B, 0xC3, 0x48, 0x8D, 0x54, 0x24, 0x40,
                                     0x48, 0x8B, 0xCB, 0x45, 0x33, 0xC9, 0x48, 0x8B, 0xD6, 0x8B, 0xCF, 0x4C, 0x8D, 0x44]
    /// Instructions after the call (test the result, move it, branch).
    static let x86After: [UInt8] = [0x48, 0x8B, 0xD8, 0x85, 0xC0, 0x0F, 0x88, 0x3A, 0x01, 0x00, 0x00, 0x48, 0x8B, 0x4C,
                                    0x24, 0x48]

    /// 32 bytes from `returnAddress - 16`: filler, a `call rel32` (`E8`, or `FF 15` through an import
    /// slot when `viaImport`) ending at the return address, then code after it.
    static func x64(returnAddress: UInt64, target: UInt64, viaImport: Bool = false) -> DumpScene.MemoryRange {
        var call: [UInt8]
        if viaImport {
            call = [0xFF, 0x15]
            call += ByteWriter.words32([UInt32(truncatingIfNeeded: target &- returnAddress)])
        } else {
            call = [0xE8]
            call += ByteWriter.words32([UInt32(truncatingIfNeeded: target &- returnAddress)])
        }
        let before = Array(x86Filler.suffix(16 - call.count)) + call
        return DumpScene.MemoryRange(address: returnAddress - 16, bytes: before + x86After)
    }

    /// The 32-bit form: `E8 rel32`, or `FF 15 abs32` naming the import slot.
    static func x86(returnAddress: UInt64, target: UInt64, viaImport: Bool = false) -> DumpScene.MemoryRange {
        var call: [UInt8]
        if viaImport {
            call = [0xFF, 0x15] + ByteWriter.words32([UInt32(truncatingIfNeeded: target)])
        } else {
            call = [0xE8] + ByteWriter.words32([UInt32(truncatingIfNeeded: target &- returnAddress)])
        }
        let filler: [UInt8] = [0x8B, 0x45, 0x08, 0x50, 0x8B, 0x4D, 0x0C, 0x51, 0x8D, 0x55, 0xF4, 0x52, 0x56]
        let after: [UInt8] = [0x83, 0xC4, 0x0C, 0x85, 0xC0, 0x74, 0x1E, 0x8B, 0x4D, 0xFC, 0x33, 0xCD, 0x8B, 0xE5, 0x5D, 0xC3]
        return DumpScene.MemoryRange(address: returnAddress - 16, bytes: Array(filler.suffix(16 - call.count)) + call + after)
    }

    /// ARM64: three instructions, a `bl` to `target` ending at the return address, four after.
    static func arm64(returnAddress: UInt64, target: UInt64) -> DumpScene.MemoryRange {
        let offset = Int64(bitPattern: target &- (returnAddress - 4)) / 4
        let bl = 0x9400_0000 | UInt32(truncatingIfNeeded: offset) & 0x03FF_FFFF
        let words: [UInt32] = [
            0xAA1303E0,  // mov x0, x19
            0xAA1403E1,  // mov x1, x20
            0x52800022,  // mov w2, #1
            bl,
            0x2A0003F5,  // mov w21, w0
            0x35000140,  // cbnz w0, +0x28
            0xF9400A60,  // ldr x0, [x19, #16]
            0xA8C27BFD,  // ldp x29, x30, [sp], #32
        ]
        return DumpScene.MemoryRange(address: returnAddress - 16, bytes: ByteWriter.words32(words))
    }
}
