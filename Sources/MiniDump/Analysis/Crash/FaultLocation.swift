/// Where a crash happened: the faulting instruction's module, offset and function.
public struct FaultLocation: Sendable, Hashable {
    /// The faulting instruction's address (the exception context's instruction pointer when the dump
    /// has it, else the exception address).
    public var address: UInt64
    /// The loaded module holding the address, or `nil` when the address is in no module.
    public var module: ModuleSummary?
    /// The address minus the module's base, when ``module`` is known.
    public var moduleOffset: UInt64?
    /// The function holding the address, when the stack walker (exports) or a caller-supplied
    /// symbolizer named it.
    public var function: String?
    /// The address minus the function's start, when known.
    public var functionOffset: UInt64?
    /// The unloaded module whose old range covers the address, when it is in no loaded module.
    public var unloadedModule: ModuleSummary?
    /// The first frame of the crashing thread outside the operating system's and runtimes' modules,
    /// as `module!function` or `module+0x…`, when the stack walk found one.
    public var firstUserFrame: String?

    /// `crash.exe!read_config_value+0xc`, `crash.exe+0x2cef`, or `0x14a0000 (in no module)` /
    /// `0x… (in no module; unloaded foo.dll+0x10 covered it)`.
    public var symbolText: String {
        if let module, let moduleOffset {
            if let function {
                let offset = functionOffset.map { $0 == 0 ? "" : "+" + CrashReport.hexLower($0) } ?? ""
                return "\(module.name)!\(function)\(offset)"
            }
            return "\(module.name)+\(CrashReport.hexLower(moduleOffset))"
        }
        var text = "\(CrashReport.hexLower(address)) (in no loaded module"
        if let unloadedModule {
            text += "; unloaded \(unloadedModule.name)+\(CrashReport.hexLower(address &- unloadedModule.baseAddress)) covered it"
        }
        return text + ")"
    }
}
