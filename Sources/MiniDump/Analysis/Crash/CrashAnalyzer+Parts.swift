extension CrashAnalyzer {
    /// The function holding `offset` in `module`, from the walker's frame or the function namer.
    func functionName(module: String, offset: UInt64, frame: CrashEvidence.Frame?) -> (String, UInt64)? {
        if let frame, let function = frame.function { return (function, frame.functionOffset ?? 0) }
        return functionNamer?(module, offset)
    }

    /// `module!function` (when named) or `module+0x…` for a frame; callers are named by the byte
    /// before their return address, which lies inside the call.
    func frameKey(_ frame: CrashEvidence.Frame, isCaller: Bool) -> (key: String, function: String?) {
        guard let module = frame.module, let offset = frame.moduleOffset else {
            return (CrashReport.hexLower(frame.address), nil)
        }
        let lookup = isCaller && offset > 0 ? offset - 1 : offset
        if let (name, _) = functionName(module: module, offset: lookup, frame: frame) {
            return ("\(module)!\(name)", name)
        }
        return ("\(module)+\(CrashReport.hexLower(offset))", nil)
    }

    func faultLocation(_ evidence: CrashEvidence, exception: CrashException, notes: inout [String]) -> FaultLocation? {
        let address: UInt64
        let mask: UInt64 = evidence.pointerSize == 4 ? 0xFFFF_FFFF : .max
        if exception.description.family == .windows {
            address = exception.address & mask
        } else if let pointer = evidence.instructionPointer ?? evidence.frames.first?.address {
            address = pointer & mask
        } else {
            notes.append("The faulting instruction is unknown: the exception context could not be read.")
            return nil
        }
        var fault = FaultLocation(address: address)
        if let module = evidence.module(containing: address) {
            let offset = address - module.baseAddress
            fault.module = module
            fault.moduleOffset = offset
            let frame = evidence.frames.first { $0.address == address }
            if let (name, functionOffset) = functionName(module: module.name, offset: offset, frame: frame) {
                fault.function = name
                fault.functionOffset = functionOffset
            }
        } else {
            fault.unloadedModule = evidence.unloadedModules.last { $0.contains(address) }
        }
        fault.firstUserFrame = firstUserFrame(evidence.frames)
        return fault
    }

    /// The first frame outside system modules, as `module!function` or `module+0x…`. Among the first
    /// ``userFrameSearch`` frames, one whose function is known wins over an unnamed one found earlier:
    /// scanned stacks often hold stale return addresses, and a named frame is the better evidence.
    func firstUserFrame(_ frames: [CrashEvidence.Frame]) -> String? {
        var firstUnnamed: String?
        for (index, frame) in frames.prefix(Self.userFrameSearch).enumerated() {
            guard let module = frame.module, !ModuleSummary.isSystemModule(module) else { continue }
            let key = frameKey(frame, isCaller: index > 0)
            if key.function != nil { return key.key }
            if firstUnnamed == nil { firstUnnamed = key.key }
        }
        return firstUnnamed
    }

    /// How many frames ``firstUserFrame(_:)`` looks at.
    static let userFrameSearch = 32

    func stackOverflowSummary(_ evidence: CrashEvidence) -> StackOverflowSummary {
        // A deep recursion repeats a few call sites thousands of times: each caller frame's key is
        // built once per distinct frame rather than once per frame, and found again among the last
        // few distinct frames (no hashing) or by address (docs/performance.md).
        let frames = evidence.frames
        var keyed = [(key: String, function: String?)]()
        keyed.reserveCapacity(frames.count)
        var known = [UInt64: Int]()  // address -> index of a frame keyed with it
        var recent = RecentIndices()  // the last few distinct caller frames keyed
        for (index, frame) in frames.enumerated() {
            guard index > 0 else {
                keyed.append(frameKey(frame, isCaller: false))
                continue
            }
            // Addresses compared inline first: `sameSymbol` copies both frames (their strings).
            if let hit = recent.first(where: { frames[$0].address == frame.address && Self.sameSymbol(frames[$0], frame) })
                ?? known[frame.address].flatMap({ Self.sameSymbol(frames[$0], frame) ? $0 : nil }) {
                keyed.append(keyed[hit])
                continue
            }
            keyed.append(frameKey(frame, isCaller: true))
            if known.count < 4096 { known[frame.address] = index }
            recent.remember(index)
        }
        var usage: StackUsage?
        if let record = evidence.exception {
            usage = stackUsage(evidence, threadId: record.threadId)
        }
        guard let cycle = RecursionDetector.findCycle(
            in: keyed.map { $0.key }, maxPeriod: maxRecursionPeriod, gapTolerance: Self.recursionGapTolerance)
        else {
            return StackOverflowSummary(
                cycle: [], cycleFunctions: [], entryFrame: nil, repetitions: 0, walkedFrames: keyed.count,
                walkTruncated: evidence.framesTruncated, stackUsage: usage)
        }
        let order = cycle.callOrder
        // The caller that entered the recursion: the first frame past the run that the walker did not
        // merely find by scanning (scanned words there are often stale return addresses).
        let members = cycle.frames
        var entry: String?
        for index in cycle.endIndex..<min(keyed.count, cycle.endIndex + Self.entrySearchFrames) {
            let frame = evidence.frames[index]
            if frame.trust != .scan, !members.contains(keyed[index].key) {
                entry = keyed[index].key
                break
            }
        }
        return StackOverflowSummary(
            cycle: order, cycleFunctions: order.map { Self.function(of: $0, in: keyed[cycle.startIndex...]) },
            entryFrame: entry,
            repetitions: cycle.repetitions, walkedFrames: keyed.count, walkTruncated: evidence.framesTruncated,
            stackUsage: usage)
    }

    /// The function named by frame key `key`: a key names its function (`module!function`) or
    /// none (`module+offset`, an address), so the first frame with the key in `keyed` says it.
    /// Cycle members appear within one period of the run's start.
    static func function(of key: String, in keyed: ArraySlice<(key: String, function: String?)>) -> String? {
        keyed.first { $0.key == key }?.function ?? nil
    }

    /// True when two frames name the same place (everything ``frameKey(_:isCaller:)`` reads).
    static func sameSymbol(_ lhs: CrashEvidence.Frame, _ rhs: CrashEvidence.Frame) -> Bool {
        lhs.address == rhs.address && lhs.module == rhs.module && lhs.moduleOffset == rhs.moduleOffset
            && lhs.function == rhs.function && lhs.functionOffset == rhs.functionOffset
    }

    /// Foreign frames a recursion run may be extended over (stale scanned return addresses).
    static let recursionGapTolerance = 16
    /// How far past the recursion the entering caller is looked for.
    static let entrySearchFrames = 16

    func stackUsage(_ evidence: CrashEvidence, threadId: UInt32) -> StackUsage? {
        guard let thread = evidence.threads.first(where: { $0.threadId == threadId }) else { return nil }
        let teb = evidence.environment?.thread(threadId)
        let capturedEnd = thread.stack.address &+ thread.stack.size
        let base = teb?.stackBase ?? capturedEnd
        guard base != 0 else { return nil }
        return StackUsage(
            threadId: threadId, stackPointer: evidence.stackPointer ?? thread.stack.address, base: base,
            committedLimit: teb?.stackLimit, reservedBottom: teb?.deallocationStack)
    }

    func applicationErrorEvent(
        _ evidence: CrashEvidence, exception: CrashException, fault: FaultLocation?, mainModule: ModuleSummary?
    ) -> ApplicationErrorEvent {
        let module = fault?.module
        let faultOffset = fault.map { $0.moduleOffset ?? $0.address } ?? exception.address
        return ApplicationErrorEvent(
            applicationName: mainModule?.name ?? evidence.environment?.imagePath.map(ModuleSummary.fileName) ?? "unknown",
            applicationVersion: mainModule?.werVersion ?? "0.0.0.0",
            applicationTimestamp: mainModule?.timestamp ?? 0,
            moduleName: module?.name ?? "unknown", moduleVersion: module?.werVersion ?? "0.0.0.0",
            moduleTimestamp: module?.timestamp ?? 0, exceptionCode: exception.code, faultOffset: faultOffset,
            processId: evidence.miscInfo?.processId, processStartTime: evidence.miscInfo?.processCreateTime,
            applicationPath: evidence.environment?.imagePath ?? mainModule?.path ?? "unknown",
            modulePath: module?.path ?? "unknown")
    }

    func werBucket(
        _ evidence: CrashEvidence, exception: CrashException, fault: FaultLocation?, mainModule: ModuleSummary?,
        stackOverflow: StackOverflowSummary?
    ) -> WERBucket {
        let offsetDigits = evidence.pointerSize == 4 ? 8 : 16
        let offset = fault.map { $0.moduleOffset ?? $0.address } ?? exception.address
        let parameters = [
            mainModule?.name ?? "unknown", mainModule?.werVersion ?? "0.0.0.0", mainModule?.werTimestamp ?? "00000000",
            fault?.module?.name ?? "unknown", fault?.module?.werVersion ?? "0.0.0.0",
            fault?.module?.werTimestamp ?? "00000000", exception.codeText,
            String(Hex.format(offset, digits: offsetDigits).dropFirst(2)).lowercased(),
        ]
        var subBucket: String?
        if let dotNet = exception.dotNet {
            subBucket = "\(dotNet.exceptionType ?? "unknown .NET type") \(Hex.format(dotNet.hresult.rawValue, digits: 8))"
        } else if let cxx = exception.cxx {
            subBucket = cxx.typeName ?? "unknown C++ type" + (fault?.firstUserFrame.map { " from " + $0 } ?? "")
        } else if let cycle = stackOverflow?.cycle, !cycle.isEmpty {
            subBucket = "recursion " + cycle.concatenated(separator: ">")
        } else if fault?.module.map({ ModuleSummary.isSystemModule($0.name) }) ?? true {
            subBucket = fault?.firstUserFrame
        }
        return WERBucket(parameters: parameters, subBucket: subBucket)
    }
}

extension FaultLocation {
    init(address: UInt64) {
        self.address = address
        self.module = nil
        self.moduleOffset = nil
        self.function = nil
        self.functionOffset = nil
        self.unloadedModule = nil
        self.firstUserFrame = nil
    }
}
