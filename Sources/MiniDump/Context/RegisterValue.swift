/// One register's name and value, in the order a renderer should print them.
///
/// Produced by ``CPUContext/generalRegisters``, which lists only the registers the context marks
/// valid; a register whose value was not captured is absent rather than zero.
public struct RegisterValue: Sendable, Hashable {
    /// The register's conventional lower-case name (`rip`, `eax`, `x0`, `cpsr`, ...).
    public var name: String
    /// The register's value, zero-extended to 64 bits.
    public var value: UInt64
    /// The register's width in bits (16, 32 or 64), so renderers can pad hex digits.
    public var bitWidth: Int

    /// Creates a register value.
    public init(name: String, value: UInt64, bitWidth: Int) {
        self.name = name
        self.value = value
        self.bitWidth = bitWidth
    }
}
