/// What lies at an address in the crashed process, as far as the dump tells: the classification
/// of an access violation's target (or of any other address).
public struct AddressTarget: Sendable, Hashable, CustomStringConvertible {
    /// The broad class of the address.
    public enum Kind: String, Sendable, Hashable {
        /// Below 64 KiB: a null pointer, or a small offset from one (a field of a null struct).
        case nullPage
        /// The CPU gave no address: a general-protection fault from a non-canonical address, which
        /// Windows reports as all ones (0xFFFFFFFFFFFFFFFF).
        case unknownNonCanonical
        /// A 64-bit address outside both canonical halves (a wild or corrupted pointer).
        case nonCanonical
        /// The kernel half of the address space: never accessible from user mode.
        case kernel
        /// Inside a loaded module's image.
        case module
        /// Inside a module that was unloaded before the crash (a dangling pointer into its code or data).
        case unloadedModule
        /// Inside a thread's stack.
        case stack
        /// Just below a thread's stack limit: its guard page or reserved stack (stack overflow).
        case stackGuard
        /// Outside every module and stack; see ``region`` for what the memory map says.
        case other
    }

    /// The broad class.
    public var kind: Kind
    /// The address classified (`nil` when the CPU gave none).
    public var address: UInt64?
    /// The module (loaded or unloaded) holding the address, for ``Kind/module`` and
    /// ``Kind/unloadedModule``.
    public var moduleName: String?
    /// The offset of the address from that module's base.
    public var moduleOffset: UInt64?
    /// The thread whose stack holds (or lies just above) the address.
    public var threadId: UInt32?
    /// The memory region holding the address, when the dump has a MemoryInfoList.
    public var region: MemoryRegionFacts?

    /// One phrase: `null + 0x10`, `crashlib.dll + 0x139E`, `just below the stack of thread 408 (guard
    /// page: stack overflow)`, `non-canonical address (the CPU reports none)`, ...
    public var summary: String {
        var text: String
        let hexAddress = address.map { Hex.format($0) } ?? "?"
        switch kind {
        case .nullPage:
            let offset = address ?? 0
            text = offset == 0 ? "null" : "null + \(Hex.format(offset))"
        case .unknownNonCanonical:
            text = "a non-canonical address (the CPU reports none; the exception shows all ones)"
        case .nonCanonical:
            text = "non-canonical address \(hexAddress) (a corrupted pointer)"
        case .kernel:
            text = "kernel address \(hexAddress) (never accessible from user mode)"
        case .module:
            text = "\(moduleName ?? "?") + \(Hex.format(moduleOffset ?? 0))"
        case .unloadedModule:
            text = "\(hexAddress), inside unloaded module \(moduleName ?? "?") + \(Hex.format(moduleOffset ?? 0))"
        case .stack:
            text = "\(hexAddress), on the stack of thread \(threadId.map(String.init) ?? "?")"
        case .stackGuard:
            text = "\(hexAddress), just below the stack of thread \(threadId.map(String.init) ?? "?") (guard page: stack overflow)"
        case .other:
            text = hexAddress
        }
        if let region, kind != .nullPage, let phrase = region.phrase {
            text += ", in \(phrase)"
        }
        return text
    }

    public var description: String { summary }
}
