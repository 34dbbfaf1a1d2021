extension MiniDumpFile {
    /// The process environment recovered from the TEBs and the PEB in the dump's memory: image path,
    /// command line, current directory, environment, each thread's last error and stack limits.
    ///
    /// Returns `nil` when the dump is not from Windows on x86/x64/ARM/ARM64, has no thread list, or
    /// captured neither a TEB nor the PEB (small dumps). A TEB counts only when its `Self` field
    /// points to itself. Never throws: broken streams simply yield `nil`.
    public func processEnvironment() -> ProcessEnvironment? {
        (try? cached("processEnvironment") { () throws(MiniDumpError) -> ProcessEnvironment? in
            guard let info = try? systemInfo(),
                  ExceptionDescription.family(for: info.platform) == .windows,
                  let layout = WindowsProcessLayout.forArchitecture(info.architecture),
                  let list = try? threadList()
            else { return nil }
            return Self.walkProcessEnvironment(memory: addressSpace(), threads: list.threads, layout: layout)
        }) ?? nil
    }

    static func walkProcessEnvironment(
        memory: some MemoryReading, threads: [ThreadRecord], layout: WindowsProcessLayout
    ) -> ProcessEnvironment? {
        var environments = [ThreadEnvironment]()
        var pebCandidates = [UInt64]()
        for thread in threads where thread.teb != 0 {
            let teb = thread.teb
            guard layout.pointer(memory, at: teb &+ layout.tebSelf) == teb,
                  let peb = layout.pointer(memory, at: teb &+ layout.tebPeb),
                  let lastError = memory.value(UInt32.self, at: teb &+ layout.tebLastError),
                  let stackBase = layout.pointer(memory, at: teb &+ layout.tebStackBase),
                  let stackLimit = layout.pointer(memory, at: teb &+ layout.tebStackLimit)
            else { continue }
            let deallocation = layout.pointer(memory, at: teb &+ layout.tebDeallocationStack)
            environments.append(ThreadEnvironment(
                threadId: thread.threadId, tebAddress: teb, lastErrorValue: lastError, stackBase: stackBase,
                stackLimit: stackLimit, deallocationStack: deallocation == 0 ? nil : deallocation, pebAddress: peb))
            if peb != 0 { pebCandidates.append(peb) }
        }
        // The PEB the most TEBs agree on.
        var counts = [UInt64: Int]()
        for peb in pebCandidates { counts[peb, default: 0] += 1 }
        guard let peb = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else {
            return environments.isEmpty ? nil : ProcessEnvironment(
                pebAddress: 0, imageBaseAddress: nil, processParametersAddress: nil, imagePath: nil,
                commandLine: nil, currentDirectory: nil, environment: nil, threads: environments)
        }
        var result = ProcessEnvironment(
            pebAddress: peb, imageBaseAddress: layout.pointer(memory, at: peb &+ layout.pebImageBase),
            processParametersAddress: nil, imagePath: nil, commandLine: nil, currentDirectory: nil,
            environment: nil, threads: environments)
        guard let params = layout.pointer(memory, at: peb &+ layout.pebProcessParameters), params != 0 else {
            return result.imageBaseAddress == nil && environments.isEmpty ? nil : result
        }
        result.processParametersAddress = params
        // RTL_USER_PROC_PARAMS_NORMALIZED (1): buffers are addresses; otherwise offsets from params.
        let flags = memory.value(UInt32.self, at: params &+ layout.paramsFlags) ?? 1
        let base: UInt64 = flags & 1 == 0 ? params : 0
        result.currentDirectory = layout.unicodeString(memory, at: params &+ layout.paramsCurrentDirectory, base: base)
        result.imagePath = layout.unicodeString(memory, at: params &+ layout.paramsImagePath, base: base)
        result.commandLine = layout.unicodeString(memory, at: params &+ layout.paramsCommandLine, base: base)
        if let block = layout.pointer(memory, at: params &+ layout.paramsEnvironment), block != 0 {
            result.environment = layout.environment(memory, at: base &+ block)
        }
        return result
    }
}
