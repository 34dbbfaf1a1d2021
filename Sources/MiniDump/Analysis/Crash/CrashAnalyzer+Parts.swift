extension CrashAnalyzer {
    /// The function holding `offset` in `module`, from the walker's frame or the function namer.
    func functionName(module: String, offset: UInt64, frame: StackFrame?) -> (String, UInt64)? {
        if let frame, let function = frame.function { return (function, frame.functionOffset ?? 0) }
        return functionNamer?(module, offset)
    }

    /// `module!function` (when named) or `module+0x…` for a frame; callers are named by the byte
    /// before their return address, which lies inside the call.
    func frameKey(_ frame: StackFrame, isCaller: Bool) -> (key: String, function: String?) {
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
    ///
    /// A recursion repeats one frame over and over: the module's verdict and the caller's key are
    /// reused while the frames stay the same (each costs string work; docs/performance.md).
    func firstUserFrame(_ frames: [StackFrame]) -> String? {
        var firstUnnamed: String?
        var lastModule: (name: String, isSystem: Bool)?
        var lastCaller: (frame: StackFrame, key: (key: String, function: String?))?
        for (index, frame) in frames.prefix(Self.userFrameSearch).enumerated() {
            guard let module = frame.module else { continue }
            let isSystem: Bool
            if let lastModule, lastModule.name == module {
                isSystem = lastModule.isSystem
            } else {
                isSystem = ModuleSummary.isSystemModule(module)
                lastModule = (module, isSystem)
            }
            guard !isSystem else { continue }
            let key: (key: String, function: String?)
            if index > 0, let lastCaller, Self.sameSymbol(lastCaller.frame, frame) {
                key = lastCaller.key
            } else {
                key = frameKey(frame, isCaller: index > 0)
                if index > 0 { lastCaller = (frame, key) }
            }
            if key.function != nil { return key.key }
            if firstUnnamed == nil { firstUnnamed = key.key }
        }
        return firstUnnamed
    }

    /// How many frames ``firstUserFrame(_:)`` looks at.
    static let userFrameSearch = 32

    func stackOverflowSummary(_ evidence: CrashEvidence) -> StackOverflowSummary {
        // A deep recursion repeats a few call sites thousands of times: each caller frame's key is
        // built once per distinct frame rather than once per frame, found again among the last few
        // distinct frames (no hashing) or by address, and numbered, so that the cycle is searched
        // over integers (docs/performance.md).
        let frames = evidence.frames
        var keys = [(key: String, function: String?)]()  // by number
        var numbers = [String: Int]()
        var ids = [Int]()  // each frame's key number
        ids.reserveCapacity(frames.count)
        var known = [UInt64: Int]()  // address -> index of a frame keyed with it
        var recent = RecentIndices()  // the last few distinct caller frames keyed
        func number(_ key: (key: String, function: String?)) -> Int {
            if let id = numbers[key.key] { return id }
            numbers[key.key] = keys.count
            keys.append(key)
            return keys.count - 1
        }
        for (index, frame) in frames.enumerated() {
            guard index > 0 else {
                ids.append(number(frameKey(frame, isCaller: false)))
                continue
            }
            // Addresses compared inline first: `sameSymbol` copies both frames (their strings).
            if let hit = recent.first(where: { frames[$0].address == frame.address && Self.sameSymbol(frames[$0], frame) })
                ?? known[frame.address].flatMap({ Self.sameSymbol(frames[$0], frame) ? $0 : nil }) {
                ids.append(ids[hit])
                continue
            }
            ids.append(number(frameKey(frame, isCaller: true)))
            if known.count < 4096 { known[frame.address] = index }
            recent.remember(index)
        }
        var usage: StackUsage?
        if let record = evidence.exception {
            usage = stackUsage(evidence, threadId: record.threadId)
        }
        guard let cycle = RecursionDetector.findCycle(
            in: ids, maxPeriod: maxRecursionPeriod, gapTolerance: Self.recursionGapTolerance)
        else {
            return StackOverflowSummary(
                cycle: [], cycleFunctions: [], entryFrame: nil, repetitions: 0, walkedFrames: ids.count,
                walkTruncated: evidence.framesTruncated, stackUsage: usage)
        }
        let order = cycle.callOrder
        // The caller that entered the recursion: the first frame past the run that the walker did not
        // merely find by scanning (scanned words there are often stale return addresses).
        let members = cycle.frames
        var entry: String?
        for index in cycle.endIndex..<min(ids.count, cycle.endIndex + Self.entrySearchFrames) {
            if frames[index].trust != .scan, !members.contains(ids[index]) {
                entry = keys[ids[index]].key
                break
            }
        }
        // A key names its function (`module!function`) or none (`module+offset`, an address).
        return StackOverflowSummary(
            cycle: order.map { keys[$0].key }, cycleFunctions: order.map { keys[$0].function },
            entryFrame: entry,
            repetitions: cycle.repetitions, walkedFrames: ids.count, walkTruncated: evidence.framesTruncated,
            stackUsage: usage)
    }

    /// True when two frames name the same place (everything ``frameKey(_:isCaller:)`` reads).
    static func sameSymbol(_ lhs: StackFrame, _ rhs: StackFrame) -> Bool {
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
