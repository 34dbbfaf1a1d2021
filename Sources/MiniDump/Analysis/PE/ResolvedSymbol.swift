/// Where an address lies: its module and, when the module's export table was captured, the
/// nearest exported function at or below it.
public struct ResolvedSymbol: Sendable, Hashable, CustomStringConvertible {
    /// The module's file name (`kernelbase.dll`).
    public var module: String
    /// The module's load address.
    public var moduleBase: UInt64
    /// The address minus the module base.
    public var moduleOffset: UInt64
    /// The nearest export at or below the address, or `nil` when the export table is not in the
    /// dump (small dumps) or no export precedes the address in its section.
    public var function: String?
    /// The address minus the function's address, when ``function`` is known.
    public var functionOffset: UInt64?

    /// Creates a symbol.
    public init(module: String, moduleBase: UInt64, moduleOffset: UInt64, function: String? = nil, functionOffset: UInt64? = nil) {
        self.module = module
        self.moduleBase = moduleBase
        self.moduleOffset = moduleOffset
        self.function = function
        self.functionOffset = functionOffset
    }

    /// `kernelbase.dll!RaiseException+0x4e`, or `crash.exe+0x3772` without a function name.
    public var description: String {
        if let function, let functionOffset {
            return functionOffset == 0 ? "\(module)!\(function)" : "\(module)!\(function)+" + Hex.string(functionOffset, uppercase: false)
        }
        return "\(module)+" + Hex.string(moduleOffset, uppercase: false)
    }
}
