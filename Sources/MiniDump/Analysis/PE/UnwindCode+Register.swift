extension UnwindCode {
    /// The general-purpose register the code pushes or saves (`PUSH_NONVOL`, `SAVE_NONVOL`,
    /// `SAVE_NONVOL_FAR`), or `nil` for other operations.
    public var register: AMD64Register? {
        switch operation {
        case .pushNonvolatile, .saveNonvolatile, .saveNonvolatileFar: AMD64Register(unwindNumber: info)
        default: nil
        }
    }
}

extension AMD64Register {
    /// The register with Windows unwind number `number` (0 RAX, 1 RCX, 2 RDX, 3 RBX, 4 RSP, 5 RBP,
    /// 6 RSI, 7 RDI, 8–15 R8–R15), or `nil` above 15.
    init?(unwindNumber number: UInt8) {
        let order: [AMD64Register] = [.rax, .rcx, .rdx, .rbx, .rsp, .rbp, .rsi, .rdi,
                                      .r8, .r9, .r10, .r11, .r12, .r13, .r14, .r15]
        guard Int(number) < order.count else { return nil }
        self = order[Int(number)]
    }
}
