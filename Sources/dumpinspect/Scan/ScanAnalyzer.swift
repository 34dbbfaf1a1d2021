import MiniDump

/// The per-dump work of a scan, in one place: what the scan keeps from an opened dump.
///
/// Until the library's crash analysis (`MiniDumpFile.crashReport()`) lands on `main`, this reads the
/// exception, its CPU context, the module map, SystemInfo, MiscInfo and header directly: the fault is
/// the module and offset of the exception context's instruction pointer (else of the exception
/// address), the application is the first module's file name, and the bucket is
/// `application!code!module!offset`. When `crashReport()` arrives, only
/// ``record(for:input:sizeBytes:)`` changes.
enum ScanAnalyzer {
    /// What the scan records about `dump`, read from `input` (`sizeBytes` on disk).
    static func record(for dump: MiniDumpFile, input: ScanInput, sizeBytes: UInt64?) -> ScanRecord {
        var record = ScanRecord(file: input.path, relativePath: input.relativePath, status: .ok, sizeBytes: sizeBytes)
        record.timestamp = dump.header.timestamp == 0 ? nil : dump.header.timestamp
        let system = (try? dump.systemInfo()) ?? nil
        let processId = ((try? dump.miscInfo()) ?? nil)?.processId
        let modules = try? dump.moduleMap()
        let application = modules?.mainModule?.name
        record.application = application
        let exception: ExceptionStream?
        do throws(MiniDumpError) {
            exception = try dump.exception()
        } catch {
            record.bucket = "exception-unreadable"
            record.exceptionName = "unreadable exception stream: \(error)"
            record.identity = CrashIdentity(processId: processId)
            return record
        }
        guard let exception else {
            record.bucket = "no-exception"
            record.identity = CrashIdentity(processId: processId)
            return record
        }
        record.exceptionCode = exception.code
        record.exceptionName = ExceptionNames.name(exception.code, platform: system?.platform)
        let context = try? dump.context(at: exception.contextLocation, architecture: system?.architecture)
        let address = context?.instructionPointer ?? exception.address
        let module = modules?.module(containing: address)
        let offset = "0x" + String(address &- (module?.baseAddress ?? 0), radix: 16)
        record.fault = module.map { "\($0.name)+\(offset)" } ?? offset
        let code = String(Hex.format(exception.code, digits: 8).dropFirst(2)).lowercased()
        record.bucket = [application ?? "unknown", code, module?.name ?? "unknown", offset].joined(separator: "!")
        record.identity = CrashIdentity(
            processId: processId, threadId: exception.threadId, exceptionCode: exception.code,
            exceptionAddress: exception.address)
        return record
    }
}

/// Names of common exception codes, by platform (Windows NTSTATUS, POSIX signals as Breakpad stores
/// them, Mach exception types). A stop-gap until the library's exception catalog is on `main`.
enum ExceptionNames {
    static func name(_ code: UInt32, platform: PlatformId?) -> String {
        switch platform {
        case .some(.linux), .some(.android), .some(.solaris), .some(.unix), .some(.fuchsia):
            if let name = signals[code] { return name }
        case .some(.macOS), .some(.iOS):
            if let name = mach[code] { return name }
        default:
            if let name = windows[code] { return name }
        }
        return Hex.format(code, digits: 8)
    }

    private static let windows: [UInt32: String] = [
        0x8000_0001: "STATUS_GUARD_PAGE_VIOLATION",
        0x8000_0002: "EXCEPTION_DATATYPE_MISALIGNMENT",
        0x8000_0003: "EXCEPTION_BREAKPOINT",
        0x8000_0004: "EXCEPTION_SINGLE_STEP",
        0xC000_0005: "EXCEPTION_ACCESS_VIOLATION",
        0xC000_0006: "EXCEPTION_IN_PAGE_ERROR",
        0xC000_0008: "STATUS_INVALID_HANDLE",
        0xC000_001D: "EXCEPTION_ILLEGAL_INSTRUCTION",
        0xC000_0025: "EXCEPTION_NONCONTINUABLE_EXCEPTION",
        0xC000_008C: "EXCEPTION_ARRAY_BOUNDS_EXCEEDED",
        0xC000_008E: "EXCEPTION_FLT_DIVIDE_BY_ZERO",
        0xC000_0094: "EXCEPTION_INT_DIVIDE_BY_ZERO",
        0xC000_0095: "EXCEPTION_INT_OVERFLOW",
        0xC000_0096: "EXCEPTION_PRIV_INSTRUCTION",
        0xC000_00FD: "EXCEPTION_STACK_OVERFLOW",
        0xC000_0374: "STATUS_HEAP_CORRUPTION",
        0xC000_0409: "STATUS_STACK_BUFFER_OVERRUN",
        0xC000_0602: "STATUS_FAIL_FAST_EXCEPTION",
        0xE043_4352: "CLR_EXCEPTION",
        0xE06D_7363: "CPP_EH_EXCEPTION",
        0x4350_6E78: "CRASHPAD_SIMULATED",
    ]

    private static let signals: [UInt32: String] = [
        1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS",
        8: "SIGFPE", 9: "SIGKILL", 10: "SIGUSR1", 11: "SIGSEGV", 12: "SIGUSR2", 13: "SIGPIPE",
        14: "SIGALRM", 15: "SIGTERM", 16: "SIGSTKFLT", 17: "SIGCHLD", 31: "SIGSYS",
        0x4350_6E78: "CRASHPAD_SIMULATED",
    ]

    private static let mach: [UInt32: String] = [
        1: "EXC_BAD_ACCESS", 2: "EXC_BAD_INSTRUCTION", 3: "EXC_ARITHMETIC", 4: "EXC_EMULATION",
        5: "EXC_SOFTWARE", 6: "EXC_BREAKPOINT", 10: "EXC_CRASH", 11: "EXC_RESOURCE", 12: "EXC_GUARD",
        0x4350_6E78: "CRASHPAD_SIMULATED",
    ]
}
