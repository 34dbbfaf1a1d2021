/// The details of a memory-access fault: what the thread tried to do, where, and what lies there.
///
/// Decoded from an access violation (0xC0000005: parameter 0 = operation, parameter 1 = address),
/// an in-page error (0xC0000006: plus parameter 2 = the I/O status), a stack overflow's parameters,
/// a POSIX `SIGSEGV`/`SIGBUS` (`si_addr` in the exception address; the operation is not recorded) or a
/// Mach `EXC_BAD_ACCESS` (the fault address in the exception address).
public struct AccessViolation: Sendable, Hashable {
    /// The attempted operation, or `nil` when the platform does not record it (Linux, macOS).
    public var operation: AccessOperation?
    /// The address as the exception reports it (all ones when the CPU gave none).
    public var reportedAddress: UInt64
    /// The accessed address, or `nil` when the CPU gave none (a non-canonical #GP fault).
    public var address: UInt64? { target.address }
    /// What lies at the address.
    public var target: AddressTarget
    /// For an in-page error, the `NTSTATUS` of the failed I/O (parameter 2); otherwise `nil`.
    public var ioStatus: ExceptionCode?
    /// Why the access failed, from the target and the memory map (`the page is read-only
    /// (PAGE_READONLY)`), or `nil` when the dump does not say.
    public var cause: String?
    /// What a recognisable fill value in the address means (`freed memory (MSVC debug heap fill
    /// 0xDD)`), or `nil` when the address holds none.
    public var fillPattern: String?

    /// Creates the details from their parts.
    public init(operation: AccessOperation?, reportedAddress: UInt64, target: AddressTarget, ioStatus: ExceptionCode? = nil) {
        self.operation = operation
        self.reportedAddress = reportedAddress
        self.target = target
        self.ioStatus = ioStatus
        self.fillPattern = target.address.flatMap(Self.fillPattern)
        self.cause = Self.cause(operation: operation, target: target)
        if let fillPattern, target.kind != .nullPage, target.kind != .module, target.kind != .stack {
            self.cause = "the pointer holds \(fillPattern)"
        }
    }

    /// Fill values that debug heaps, the stack checks and test inputs leave in memory.
    static let fillPatterns: [(UInt32, String)] = [
        (0xDDDD_DDDD, "freed memory (MSVC debug heap fill 0xDD): use after free"),
        (0xFEEE_FEEE, "freed memory (HeapFree fill 0xFEEEFEEE): use after free"),
        (0xCDCD_CDCD, "uninitialised heap memory (MSVC debug heap fill 0xCD)"),
        (0xCCCC_CCCC, "uninitialised stack memory (MSVC /RTC fill 0xCC)"),
        (0xBAAD_F00D, "uninitialised heap memory (HeapAlloc debug fill 0xBAADF00D)"),
        (0xABAB_ABAB, "heap guard bytes past an allocation (0xAB): a buffer overrun"),
        (0xFDFD_FDFD, "the debug heap's no-man's-land bytes (0xFD): a buffer overrun"),
        (0xDEAD_BEEF, "the 0xDEADBEEF poison value"),
        (0x4141_4141, "ASCII 'AAAA' (0x41414141): data, typically a test or attacker string, used as a pointer"),
    ]

    /// The meaning of a fill value within 4 KiB of `address` (32-bit, or the value repeated in both
    /// halves of a 64-bit address), or `nil`.
    static func fillPattern(_ address: UInt64) -> String? {
        for (word, meaning) in fillPatterns {
            let narrow = UInt64(word)
            let wide = narrow << 32 | narrow
            for pattern in [narrow, wide] {
                let distance = address >= pattern ? address - pattern : pattern - address
                if distance < 0x1000 { return meaning }
            }
        }
        return nil
    }

    /// Decodes the access details of `exception` when it is a memory-access fault for its platform,
    /// classifying the address with `classifier`; `nil` for other exceptions or too few parameters.
    ///
    /// Linux and macOS records do not say what the access was; when `instructionPointer` (from the
    /// exception context) equals the fault address, the fault was an instruction fetch and the
    /// operation is ``AccessOperation/execute``.
    ///
    /// For 32-bit processes the addresses are cut to 32 bits: some writers sign-extend them into the
    /// record's 64-bit fields.
    public init?(
        exception: ExceptionStream, family: ExceptionDescription.Family, classifier: AddressClassifier,
        instructionPointer: UInt64? = nil
    ) {
        let mask: UInt64 = classifier.pointerSize == 4 ? 0xFFFF_FFFF : .max
        switch family {
        case .windows:
            let code = ExceptionCode(exception.code)
            guard code == .accessViolation || code == .inPageError || code == .stackOverflow,
                  exception.parameters.count >= 2 else { return nil }
            let address = exception.parameters[1] & mask
            var status: ExceptionCode?
            if code == .inPageError, exception.parameters.count >= 3 {
                status = ExceptionCode(UInt32(truncatingIfNeeded: exception.parameters[2]))
            }
            self.init(
                operation: AccessOperation(exception.parameters[0]), reportedAddress: address,
                target: classifier.classify(address), ioStatus: status)
        case .posixSignal:
            let signal = PosixSignal(exception.code)
            guard signal == .sigsegv || signal == .sigbus else { return nil }
            let address = exception.address & mask
            var target = classifier.classify(address)
            // SI_KERNEL on SIGSEGV: a general-protection fault (non-canonical address); si_addr is 0.
            if signal == .sigsegv, exception.flags == 0x80, address == 0 {
                target = AddressTarget(kind: .unknownNonCanonical, address: nil)
            }
            let fetch = instructionPointer.map { $0 & mask == address } ?? false
            self.init(operation: fetch ? .execute : nil, reportedAddress: address, target: target)
        case .machException:
            guard MachException(exception.code) == .badAccess else { return nil }
            let address = exception.address & mask
            var target = classifier.classify(address)
            if exception.flags == 13, classifier.pointerSize == 8, address == 0 {
                target = AddressTarget(kind: .unknownNonCanonical, address: nil) // EXC_I386_GPFLT
            }
            let fetch = instructionPointer.map { $0 & mask == address } ?? false
            self.init(operation: fetch ? .execute : nil, reportedAddress: address, target: target)
        }
    }

    /// One line: `write to null + 0x10`, `execute at 0x14A0000, in PAGE_READWRITE memory`.
    public var summary: String {
        let verb: String
        switch operation {
        case .some(.read): verb = "read from"
        case .some(.write): verb = "write to"
        case .some(.execute): verb = "execute at"
        case .some(let other): verb = "\(other.name) at"
        case .none: verb = "access to"
        }
        var text = "\(verb) \(target.summary)"
        if let cause { text += ": \(cause)" }
        if let ioStatus { text += " (I/O status \(ioStatus.displayName))" }
        return text
    }

    static func cause(operation: AccessOperation?, target: AddressTarget) -> String? {
        switch target.kind {
        case .nullPage:
            return target.address == 0 ? "a null pointer was used" : "a field or element of a null pointer was used"
        case .unknownNonCanonical, .nonCanonical:
            return "the pointer is garbage (non-canonical): uninitialised, freed or overwritten memory"
        case .kernel:
            return "user-mode code used a kernel-half address: a corrupted pointer"
        case .stackGuard:
            return "the stack ran out (stack overflow)"
        case .unloadedModule:
            return "the code or data belonged to a module that was already unloaded (a dangling pointer)"
        case .module, .stack, .other:
            if let region = target.region {
                if let operation {
                    if let refusal = region.refusal(of: operation) { return refusal }
                } else if let refusal = region.refusal(of: nil) {
                    return refusal
                }
            }
            if operation == .execute, target.kind == .other {
                return "execution outside every module: a corrupted function pointer, vtable or return address, or DEP blocking data"
            }
            if operation == .execute, target.kind == .stack {
                return "execution on the stack: DEP blocked it (stack-based code or a smashed return address)"
            }
            return nil
        }
    }
}
