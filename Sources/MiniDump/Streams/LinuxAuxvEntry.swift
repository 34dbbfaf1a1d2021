/// One entry of the ELF auxiliary vector the kernel gave the crashed process (`Elf32_auxv_t` or
/// `Elf64_auxv_t`), both halves widened to 64 bits.
public struct LinuxAuxvEntry: Sendable, Hashable {
    /// The entry's type (`a_type`).
    public var type: LinuxAuxvType
    /// The entry's value (`a_un.a_val`): a number or an address, depending on ``type``.
    public var value: UInt64
}
