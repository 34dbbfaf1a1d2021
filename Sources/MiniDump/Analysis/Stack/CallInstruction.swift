/// Recognises the call instruction that must precede a return address, from the code bytes
/// just before it. Used to accept stack words found by scanning only when they follow a call.
enum CallInstruction {
    /// True when `bytes` (the code immediately before a candidate return address, nearest byte
    /// last) end with an x86 or x64 `CALL`: `E8 rel32`, or `FF /2` in any ModRM/SIB/displacement
    /// form (register, memory, RIP-relative), with or without a REX prefix such as `41`.
    ///
    /// Needs at least 7 bytes to decide every form; callers treat fewer bytes as "unknown".
    static func endsWithX86Call(_ bytes: [UInt8]) -> Bool {
        let count = bytes.count
        if count >= 5, bytes[count - 5] == 0xE8 { return true }
        // FF /2: try every start position from which an instruction could end exactly here.
        for length in 2...7 where length <= count {
            let start = count - length
            guard bytes[start] == 0xFF else { continue }
            let modrm = bytes[start + 1]
            guard (modrm >> 3) & 0x07 == 2 else { continue }
            if let needed = modRMLength(bytes, at: start + 1), 1 + needed == length { return true }
        }
        return false
    }

    /// The length of a ModRM byte and what follows it (SIB, displacement) in 32/64-bit addressing,
    /// or `nil` when the SIB byte is needed but missing.
    private static func modRMLength(_ bytes: [UInt8], at index: Int) -> Int? {
        let modrm = bytes[index]
        let mod = modrm >> 6
        let rm = modrm & 0x07
        if mod == 3 { return 1 }
        var length = 1
        if rm == 4 {
            guard index + 1 < bytes.count else { return nil }
            length += 1
            let base = bytes[index + 1] & 0x07
            if mod == 0 && base == 5 { length += 4 }
        } else if mod == 0 && rm == 5 {
            length += 4 // disp32 (RIP-relative in 64-bit mode)
        }
        if mod == 1 { length += 1 }
        if mod == 2 { length += 4 }
        return length
    }

    /// True when the 32-bit little-endian instruction word before a return address is an AArch64
    /// `BL`, `BLR`, or a pointer-authenticating `BLRAA`/`BLRAB`/`BLRAAZ`/`BLRABZ`.
    static func isARM64Call(_ word: UInt32) -> Bool {
        if word & 0xFC00_0000 == 0x9400_0000 { return true } // BL imm26
        if word & 0xFFFF_FC1F == 0xD63F_0000 { return true } // BLR Xn
        if word & 0xFEFF_F800 == 0xD63F_0800 { return true } // BLRAA/BLRAB (Z forms included)
        return false
    }
}
