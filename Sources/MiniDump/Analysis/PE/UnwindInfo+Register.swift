extension UnwindInfo {
    /// The frame pointer register (`FrameRegister`), or `nil` when the function uses none.
    public var framePointerRegister: AMD64Register? {
        frameRegister == 0 ? nil : AMD64Register(unwindNumber: frameRegister)
    }
}
