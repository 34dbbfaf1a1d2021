/// One frame of a walked call stack.
public struct StackFrame: Sendable, Hashable {
    /// The frame's position, 0 for the innermost (the context's own frame).
    public var index: Int
    /// The instruction address: the context's instruction pointer for frame 0, the return address
    /// for the callers.
    public var address: UInt64
    /// The stack pointer at this frame (for callers, just above the return address they were
    /// entered with).
    public var stackPointer: UInt64
    /// The frame pointer at this frame (RBP, EBP, FP), or `nil` when the walk could not recover it.
    public var framePointer: UInt64?
    /// The file name of the module containing ``address`` (or, for return addresses, the byte
    /// before it), or `nil` when no loaded module contains it.
    public var module: String?
    /// ``address`` minus the module's base, when ``module`` is known.
    public var moduleOffset: UInt64?
    /// The nearest exported function at or below the address, when the module's export table is in
    /// the dump; `nil` otherwise.
    public var function: String?
    /// ``address`` minus the function's address, when ``function`` is known.
    public var functionOffset: UInt64?
    /// How the frame was found.
    public var trust: FrameTrust

    /// Creates a frame.
    public init(
        index: Int, address: UInt64, stackPointer: UInt64, framePointer: UInt64? = nil,
        module: String? = nil, moduleOffset: UInt64? = nil, function: String? = nil,
        functionOffset: UInt64? = nil, trust: FrameTrust
    ) {
        self.index = index
        self.address = address
        self.stackPointer = stackPointer
        self.framePointer = framePointer
        self.module = module
        self.moduleOffset = moduleOffset
        self.function = function
        self.functionOffset = functionOffset
        self.trust = trust
    }

    /// `module!function+0x1f`, `module+0x1234`, or the bare address (`0x7ffe…`) outside modules.
    public var symbolText: String {
        guard let module, let moduleOffset else { return Hex.string(address, uppercase: false) }
        return ResolvedSymbol(
            module: module, moduleBase: address &- moduleOffset, moduleOffset: moduleOffset,
            function: function, functionOffset: functionOffset
        ).description
    }
}
