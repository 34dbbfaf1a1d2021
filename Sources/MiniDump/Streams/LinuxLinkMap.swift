/// One shared object the dynamic linker had loaded, from its `r_debug` list.
/// Mirrors Breakpad's `MDRawLinkMap32` / `MDRawLinkMap64` (`struct link_map`).
public struct LinuxLinkMap: Sendable, Hashable {
    /// The difference between the addresses in the ELF file and where it is loaded (`l_addr`);
    /// 0 for a non-PIE executable.
    public var loadBias: UInt64
    /// The object's path as the linker recorded it (`l_name`); empty for the main executable,
    /// or when the name could not be read (a diagnostic then says why).
    public var name: String
    /// The address of the object's dynamic section (`l_ld`).
    public var dynamicAddress: UInt64
}
