extension CrashAnalyzer {
    /// Builds the report from gathered evidence.
    func analyze(_ evidence: CrashEvidence) -> CrashReport {
        var notes = evidence.notes
        let mainModule = evidence.mainModule
        let teb = evidence.exception.flatMap { evidence.environment?.thread($0.threadId) }
        guard let record = evidence.exception else {
            return CrashReport(
                kind: .noException,
                headline: "No exception: the dump was written on request (a hang, a snapshot or a crash reporter's request).",
                exception: nil, fault: nil, mainModule: mainModule, event: nil, bucket: nil, crashingThreadName: nil,
                crashingThreadStack: nil,
                stackOverflow: nil,
                process: evidence.environment, lastError: nil,
                nextStep: CrashRecommendations.noException(), notes: notes)
        }
        let classifier = evidence.classifier
        let description = ExceptionDescription(record, systemInfo: evidence.systemInfo)
        var exception = CrashException(
            threadId: record.threadId, code: record.code, flags: record.flags, address: record.address,
            parameters: record.parameters, description: description,
            access: AccessViolation(
                exception: record, family: description.family, classifier: classifier,
                instructionPointer: evidence.instructionPointer),
            dotNet: nil, cxx: nil)
        if description.family == .windows {
            exception.dotNet = DotNetException(code: record.code, parameters: record.parameters, classifier: classifier)
            if let memory = evidence.memory {
                exception.cxx = CxxException(
                    code: record.code, parameters: record.parameters, memory: memory, pointerSize: evidence.pointerSize)
            }
        }
        let kind = Self.kind(of: exception)
        let fault = faultLocation(evidence, exception: exception, notes: &notes)
        let stackOverflow = kind == .stackOverflow ? stackOverflowSummary(evidence) : nil
        if kind == .stackOverflow, stackOverflow?.cycle.isEmpty ?? true {
            notes.append(evidence.frames.isEmpty
                ? "The crashing thread's stack could not be walked, so the recursion is unknown."
                : "No repeating cycle was found in the crashing thread's \(evidence.frames.count) frames.")
        }
        let event = applicationErrorEvent(evidence, exception: exception, fault: fault, mainModule: mainModule)
        let bucket = werBucket(evidence, exception: exception, fault: fault, mainModule: mainModule, stackOverflow: stackOverflow)
        let report = CrashReport(
            kind: kind, headline: "", exception: exception, fault: fault, mainModule: mainModule, event: event,
            bucket: bucket, crashingThreadName: evidence.threadNames?.name(forThread: record.threadId),
            crashingThreadStack: evidence.callStack, stackOverflow: stackOverflow, process: evidence.environment, lastError: teb?.lastErrorValue,
            nextStep: CrashRecommendations.recommendation(kind: kind, exception: exception, fault: fault, stackOverflow: stackOverflow),
            notes: notes)
        var finished = report
        finished.headline = Self.headline(report)
        return finished
    }

    /// The broad kind of an exception.
    static func kind(of exception: CrashException) -> CrashKind {
        if exception.description.isSimulated { return .simulated }
        if ExceptionCode(exception.code) == .crashpadNSException { return .abort }
        if exception.access?.target.kind == .stackGuard { return .stackOverflow }
        switch exception.description.family {
        case .windows:
            switch ExceptionCode(exception.code) {
            case .accessViolation: return .accessViolation
            case .inPageError: return .inPageError
            case .stackOverflow: return .stackOverflow
            case .clrException, .clrExceptionV1: return .dotNetException
            case .cxxException: return .cxxException
            case .heapCorruption: return .heapCorruption
            case .stackBufferOverrun, .failFastException, .invalidCRuntimeParameter: return .fastFail
            case .breakpoint, .singleStep, .wx86Breakpoint, ExceptionCode(0x4000_001E), .assertionFailure:
                return .breakpoint
            case .integerDivideByZero, .integerOverflow, .floatDivideByZero, .floatInvalidOperation,
                 ExceptionCode(0xC000_0091), ExceptionCode(0xC000_0093), ExceptionCode(0xC000_02B4), ExceptionCode(0xC000_02B5):
                return .arithmetic
            case .illegalInstruction, .privilegedInstruction: return .illegalInstruction
            case .crashpadNSException: return .abort
            default: return .other
            }
        case .posixSignal:
            switch PosixSignal(exception.code) {
            case .sigsegv, .sigbus: return .accessViolation
            case .sigfpe: return .arithmetic
            case .sigill: return .illegalInstruction
            case .sigtrap: return .breakpoint
            case .sigabrt, .sigsys: return .abort
            default: return .other
            }
        case .machException:
            switch MachException(exception.code) {
            case .badAccess: return .accessViolation
            case .badInstruction: return .illegalInstruction
            case .arithmetic: return .arithmetic
            case .breakpoint: return .breakpoint
            case .software, .crash: return .abort
            default: return .other
            }
        }
    }

    /// One line: what, where, why.
    static func headline(_ report: CrashReport) -> String {
        guard let exception = report.exception else { return report.headline }
        var text = "\(exception.name) (\(Hex.format(exception.code, digits: 8)))"
        if let fault = report.fault { text += " in \(fault.symbolText)" }
        text += " on thread \(exception.threadId)"
        if let name = report.crashingThreadName, !name.isEmpty { text += " (\(name))" }
        var why: String?
        if let access = exception.access, report.kind != .stackOverflow || exception.description.family != .windows {
            why = access.summary
        }
        if let dotNet = exception.dotNet { why = dotNet.summary }
        if let cxx = exception.cxx { why = cxx.summary }
        if let fail = exception.fastFail { why = fail.description + (fail.meaning.map { ": " + $0 } ?? "") }
        if let cycle = report.stackOverflow?.cycle, !cycle.isEmpty {
            why = "recursion through " + cycle.concatenated(separator: " → ")
        }
        if let subcode = exception.description.subcodeName, why == nil {
            why = subcode + (exception.description.subcodeMeaning.map { ": " + $0 } ?? "")
        }
        if let why { text += ": " + why }
        return text
    }
}
