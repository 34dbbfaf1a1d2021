/// The "what to do next" advice for each kind of crash.
enum CrashRecommendations {
    static let fullDump = "Collect a full-memory dump of the next occurrence: procdump -ma -e <app.exe> (or WER LocalDumps with DumpType=2)."
    static let pageHeap = "Enable full page heap for the executable, reproduce, and dump again: gflags /p /enable <app.exe> /full (or Application Verifier's Heaps check); the crash then moves to the code that corrupts the heap."

    static func noException() -> CrashRecommendation {
        CrashRecommendation(
            summary: "Nothing crashed when this dump was written; look at what every thread was doing.",
            actions: [
                "Walk every thread's stack (WinDbg: ~*k) and look for waits, locks and busy loops.",
                "For a hang, look for lock owners and wait chains (WinDbg: !locks, !cs -l, !wct).",
            ])
    }

    static func recommendation(
        kind: CrashKind, exception: CrashException, fault: FaultLocation?, stackOverflow: StackOverflowSummary?
    ) -> CrashRecommendation {
        let place = fault?.symbolText ?? "the faulting code"
        switch kind {
        case .accessViolation: return accessViolation(exception.access, place: place)
        case .stackOverflow: return stackOverflowAdvice(stackOverflow, place: place)
        case .dotNetException:
            let type = exception.dotNet?.exceptionType ?? ".NET exception of unknown type"
            return CrashRecommendation(
                summary: "An unhandled \(type) ended the process; the managed stack tells where it was thrown.",
                actions: [
                    "Open the dump with SOS (WinDbg: .loadby sos clr / coreclr, then !pe and !clrstack) or dotnet-dump analyze.",
                    "Check the Application event log for the .NET Runtime event 1026 with the managed stack trace.",
                    "A small dump lacks the managed heap: collect a full dump (procdump -ma -e 1 -f E0434352 <app.exe>, or dotnet-dump collect).",
                    "Handle the exception where it is thrown, or add AppDomain.UnhandledException logging.",
                ])
        case .cxxException:
            let type = exception.cxx?.typeName.map { "C++ exception of type \($0)" } ?? "C++ exception of unknown type"
            var actions = [
                "Find the throw site: in WinDbg .exr -1 then .ecxr and kb; the frames above _CxxThrowException/RaiseException threw it.",
                "Catch the exception (or a base class) around the call, or fix the condition that throws; noexcept functions and destructors turn throws into terminate().",
            ]
            if exception.cxx?.typeName == nil {
                actions.append("The thrown type's ThrowInfo was not captured: \(fullDump)")
            }
            return CrashRecommendation(summary: "An unhandled \(type) ended the process.", actions: actions)
        case .heapCorruption:
            return CrashRecommendation(
                summary: "The heap manager found its own structures damaged; the corruption happened earlier, in other code.",
                actions: [pageHeap, fullDump,
                          "Look for double frees, writes past allocations and use after free; build with AddressSanitizer (/fsanitize=address) if you can."])
        case .fastFail: return fastFailAdvice(exception, place: place)
        case .breakpoint:
            return CrashRecommendation(
                summary: "A breakpoint instruction ran in \(place) with no debugger attached: an assert, DebugBreak or __debugbreak.",
                actions: [
                    "Find the check that fired in \(place); debug builds break on failed asserts.",
                    "A breakpoint inside ntdll's heap code means heap verification failed: \(pageHeap)",
                ])
        case .arithmetic:
            return CrashRecommendation(
                summary: "An arithmetic fault (division by zero or overflow) in \(place).",
                actions: ["Validate the divisor (and INT_MIN / -1) before dividing in \(place)."])
        case .illegalInstruction:
            return CrashRecommendation(
                summary: "The CPU could not execute the instruction at \(place).",
                actions: [
                    "A ud2 / __builtin_trap / __fastfail-style trap means the compiler or runtime stopped on purpose (undefined behaviour, a failed check).",
                    "An instruction the CPU lacks (AVX-512, ...) means the binary needs a newer CPU: check the build's target flags.",
                    "Execution in data (a corrupted function pointer) also lands here: check the caller's pointer.",
                ])
        case .inPageError:
            let status = exception.access?.ioStatus?.displayName ?? "an I/O error"
            return CrashRecommendation(
                summary: "A page of a mapped file or the page file could not be read (\(status)).",
                actions: [
                    "Check the System event log for disk, network or storage errors at the crash time.",
                    "Run the program from local storage rather than a network share or removable drive.",
                ])
        case .abort:
            return CrashRecommendation(
                summary: "The process ended itself (abort, terminate, an uncaught Objective-C exception).",
                actions: [
                    "Find the message that preceded the abort (stderr, the application log, the assertion or exception text).",
                    "Read the frames above abort()/terminate() for the check that failed.",
                ])
        case .simulated:
            return CrashRecommendation(
                summary: "No crash: the dump was written on request while the process kept running.",
                actions: ["Look at the thread that requested the dump and the state it wanted to capture."])
        default:
            return CrashRecommendation(
                summary: "\(exception.name): \(exception.meaning)",
                actions: ["Inspect \(place) and the crashing thread's stack.", fullDump])
        }
    }

    static func accessViolation(_ access: AccessViolation?, place: String) -> CrashRecommendation {
        guard let access else {
            return CrashRecommendation(
                summary: "An invalid memory access in \(place).",
                actions: ["Inspect the pointer used by the faulting instruction in \(place).", fullDump])
        }
        switch access.target.kind {
        case .nullPage:
            return CrashRecommendation(
                summary: "A null pointer was dereferenced (\(access.summary)) in \(place).",
                actions: [
                    "Find which pointer was null: the faulting instruction's base register (WinDbg: .ecxr then r and u @rip).",
                    "Trace where that pointer comes from in \(place) and its callers: a failed allocation or lookup, or an object not initialised yet.",
                ])
        case .unknownNonCanonical, .nonCanonical, .kernel:
            return garbagePointer(access, place: place)
        case .other where access.fillPattern != nil:
            return garbagePointer(access, place: place)
        case .unloadedModule:
            return CrashRecommendation(
                summary: "Code called into a module that had been unloaded (\(access.summary)).",
                actions: [
                    "Find the callback, thread or COM object that outlived \(access.target.moduleName ?? "the module"): unregister it before FreeLibrary, or keep the module loaded.",
                ])
        case .stackGuard:
            return stackOverflowAdvice(nil, place: place)
        default:
            if access.operation == .execute {
                return CrashRecommendation(
                    summary: "Execution jumped to non-executable or unmapped memory (\(access.summary)): a corrupted function pointer, vtable or return address.",
                    actions: [
                        "Look at the caller's frame for the pointer it called through; an overwritten return address points to a stack buffer overrun.",
                        pageHeap,
                    ])
            }
            if access.operation == .write, access.target.region.map({ !$0.isWritable }) ?? false {
                return CrashRecommendation(
                    summary: "A write to read-only memory (\(access.summary)) in \(place): writing to constant data, a string literal or a protected page.",
                    actions: ["Check the destination pointer of the write in \(place)."])
            }
            return CrashRecommendation(
                summary: "An invalid memory access (\(access.summary)) in \(place).",
                actions: [
                    "Inspect the pointer used by the faulting instruction in \(place) and where it came from.",
                    pageHeap,
                ])
        }
    }

    static func garbagePointer(_ access: AccessViolation, place: String) -> CrashRecommendation {
        CrashRecommendation(
            summary: "A garbage pointer was used (\(access.summary)) in \(place): usually use after free, an uninitialised variable or memory overwritten by other code.",
            actions: [pageHeap, fullDump])
    }

    static func stackOverflowAdvice(_ summary: StackOverflowSummary?, place: String) -> CrashRecommendation {
        if let cycle = summary?.cycle, !cycle.isEmpty {
            let entry = summary?.entryFrame.map { " (entered from \($0))" } ?? ""
            return CrashRecommendation(
                summary: "Unbounded recursion through \(cycle.concatenated(separator: " → "))\(entry) used up the stack.",
                actions: [
                    "Find why the recursion does not end: the base case of \(cycle.first ?? "the cycle") or a cycle in the data it walks.",
                    "Make the recursion iterative or bound its depth; raising the stack size (/STACK, CreateThread's dwStackSize) only helps for deep but finite recursion.",
                ])
        }
        return CrashRecommendation(
            summary: "The thread used up its stack in \(place): deep recursion or large locals.",
            actions: [
                "Walk the crashing thread's stack and look for repeating frames or a frame with a huge local buffer (alloca, big arrays).",
                "Collect a dump with the whole stack: procdump -ma -e 1 -f C00000FD <app.exe>.",
            ])
    }

    static func fastFailAdvice(_ exception: CrashException, place: String) -> CrashRecommendation {
        let fastFail = exception.fastFail
        var summary = "The process ended itself with a fail-fast in \(place)"
        if let fastFail { summary += " (\(fastFail.description))." } else { summary += "." }
        var actions = [String]()
        switch fastFail {
        case .some(.stackCookieCheckFailure), .some(.legacyGSViolation):
            summary = "A stack buffer overrun was detected in \(place): a local buffer was written past its end and the /GS cookie caught it on return."
            actions = [
                "Review the fixed-size local arrays of \(place) (the function that was returning) and the copies into them (strcpy, memcpy, sprintf, loops).",
                "Reproduce with AddressSanitizer (/fsanitize=address) to stop at the overflowing write.",
            ]
        case .some(.guardICallCheckFailure):
            actions = ["Control Flow Guard stopped a call through a corrupted function pointer or vtable: check the object the call went through (use after free is common).", pageHeap]
        case .some(.invalidArgument):
            actions = ["A CRT function received an invalid argument: find the CRT call in the stack and validate its arguments (format strings, null buffers, bad handles)."]
        case .some(.fatalAppExit):
            actions = ["abort() or std::terminate() ran: look for an uncaught C++ exception, a noexcept violation or a failed assertion just before."]
        case .some(.corruptListEntry), .some(.heapMetadataCorruption), .some(.unexpectedHeapException):
            actions = [pageHeap]
        default:
            actions = ["Look up the fail-fast code's check and the frames above the int 0x29 in \(place)."]
        }
        actions.append("Fail-fasts skip in-process crash handlers: collect dumps with WER LocalDumps or procdump -ma -e <app.exe>.")
        return CrashRecommendation(summary: summary, actions: actions)
    }
}

extension FastFailCode {
    /// `FAST_FAIL_UNEXPECTED_HEAP_EXCEPTION` (35).
    static let unexpectedHeapException = FastFailCode(35)
}
