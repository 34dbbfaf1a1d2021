extension MiniDumpFile {
    /// A stack walker over this dump's memory and loaded modules; module headers and exports it
    /// reads are shared by every walker of this file.
    public func stackWalker(limits: StackWalkLimits = .default) -> StackWalker {
        var walker = (try? cached("stackWalker") { () throws(MiniDumpError) -> StackWalker in
            let modules = (try? moduleMap())?.modules ?? []
            let platform = (try? systemInfo())?.platform
            return StackWalker(memory: addressSpace(), modules: modules, platform: platform)
        }) ?? StackWalker(memory: addressSpace(), modules: [], platform: nil)
        walker.limits = limits
        return walker
    }

    /// The call stack of thread `threadId`: from the exception's context when it is the thread
    /// that raised the exception, otherwise from its thread-list context.
    ///
    /// Returns `nil` when the dump has no such thread or neither context can be decoded. A returned
    /// stack has frame 0 whenever the context holds an instruction and a stack pointer.
    public func callStack(threadId: UInt32, limits: StackWalkLimits = .default) -> CallStack? {
        guard let thread = dumpThreads().first(where: { $0.threadId == threadId }) else { return nil }
        return callStack(thread: thread, walker: stackWalker(limits: limits))
    }

    /// The call stacks of every thread in the thread list, in its order; threads whose context
    /// cannot be decoded are left out.
    ///
    /// `limits` bound the whole call: the threads share its frames and steps, in thread order, and
    /// each still gets frame 0 (unless `maxFrames` is 0). Real dumps stay far below the defaults; the
    /// sharing keeps a hostile dump, whose thousands of threads all point at one deep stack, from
    /// costing threads × stack size in time and memory. A stack cut short by the shared budget is
    /// marked ``CallStack/truncated``.
    public func callStacks(limits: StackWalkLimits = .default) -> [CallStack] {
        var walker = stackWalker(limits: limits)
        var framesLeft = limits.maxFrames
        var stepsLeft = limits.maxSteps
        return dumpThreads().compactMap { thread in
            let share = StackWalkLimits(
                maxFrames: min(limits.maxFrames, max(1, framesLeft)), maxSteps: stepsLeft, scanWords: limits.scanWords)
            walker.limits = share
            var steps = 0
            guard var stack = callStack(thread: thread, walker: walker, steps: &steps) else { return nil }
            if stack.truncated, share != limits {
                stack.notes.append(
                    "the walk limits are shared by all threads; this one had \(share.maxFrames) frames and \(share.maxSteps) steps left")
            }
            framesLeft = max(0, framesLeft - stack.frames.count)
            stepsLeft = max(0, stepsLeft - steps)
            return stack
        }
    }

    /// The threads of the ThreadList, or of the ThreadExList when there is no ThreadList.
    func dumpThreads() -> [ThreadRecord] {
        if let list = try? threadList() { return list.threads }
        return (try? threadExList())?.threads ?? []
    }

    func callStack(thread: ThreadRecord, walker: StackWalker) -> CallStack? {
        var steps = 0
        return callStack(thread: thread, walker: walker, steps: &steps)
    }

    /// The call stack of `thread`, adding the walk's steps to `steps`.
    func callStack(thread: ThreadRecord, walker: StackWalker, steps: inout Int) -> CallStack? {
        let architecture = (try? systemInfo())?.architecture
        var notes = [String]()
        var context: CPUContext?
        if let exception = try? exception(), exception.threadId == thread.threadId,
           !exception.contextLocation.isEmpty {
            do throws(MiniDumpError) {
                context = try self.context(at: exception.contextLocation, architecture: architecture)
                notes.append("frame 0 from the exception context")
            } catch {
                notes.append("the exception context is unusable (\(error.kind)); the thread-list context is used")
            }
        }
        if context == nil, !thread.contextLocation.isEmpty {
            context = try? self.context(at: thread.contextLocation, architecture: architecture)
        }
        guard let context else { return nil }
        return walker.walk(context: context, threadId: thread.threadId, stack: thread.stack, notes: notes, steps: &steps)
    }
}
