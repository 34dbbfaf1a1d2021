import MiniDump

/// The human verdict of `summary`: what crashed, where, why, and what to do next.
enum ReportText {
    static func verdict(_ report: CrashReport, recursion: StackRecursion?, width: Int, frames: Int) -> [String] {
        var lines = [Console.style(report.headline, "1")]
        guard let exception = report.exception else {
            lines.append("")
            lines.append("Next step:  \(report.nextStep.summary)")
            for action in report.nextStep.actions { lines.append("  - \(action)") }
            return lines
        }
        lines.append("")
        lines.append("Exception:  \(Hex.format(exception.code, digits: 8)) \(exception.name)")
        lines.append("            \(exception.meaning)")
        if let access = exception.access {
            let operation = access.operation?.name ?? "access"
            lines.append("Access:     \(operation) at \(access.target.summary)")
            if let cause = access.cause { lines.append("            \(cause)") }
        }
        if let fastFail = exception.fastFail { lines.append("Fast fail:  \(fastFail)") }
        if let dotNet = exception.dotNet { lines.append(".NET:       \(dotNet.summary)") }
        if let cxx = exception.cxx { lines.append("C++:        \(cxx.summary)") }
        var thread = "Thread:     \(exception.threadId) (\(Hex.format(exception.threadId)))"
        if let name = report.crashingThreadName, !name.isEmpty { thread += " \"\(name)\"" }
        lines.append(thread)
        if let fault = report.fault {
            var text = "Fault:      \(fault.symbolText) at \(Hex.format(fault.address, digits: width))"
            if fault.module == nil {
                text += " (in no loaded module"
                if let unloaded = fault.unloadedModule { text += "; \(unloaded.name) was unloaded from there" }
                text += ")"
            }
            lines.append(text)
            if let user = fault.firstUserFrame, user != fault.symbolText {
                lines.append("Raised by:  \(user) (first frame outside system modules)")
            }
        }
        if let pool = report.iisAppPool { lines.append("App pool:   \(pool)") }
        if let lastError = report.lastError, lastError != 0 {
            lines.append("Last error: \(lastError) (\(Hex.format(lastError)))")
        }
        if let event = report.event {
            lines.append("")
            lines.append("Event 1000, as Windows Error Reporting logs it:")
            for line in event.lines { lines.append("  \(line)") }
        }
        if let bucket = report.bucket {
            lines.append("")
            lines.append("Bucket:     \(report.bucketId)")
            if let sub = bucket.subBucket { lines.append("            sub-bucket: \(sub)") }
        }
        if let recursion {
            lines.append("")
            let names = recursion.frames.map(\.symbolText).joined(separator: " → ")
            lines.append("Recursion:  frames \(recursion.firstIndex)–\(recursion.firstIndex + recursion.period - 1) repeat \(grouped(recursion.repetitions)) times: \(names)")
            if let entry = recursion.entryFrame { lines.append("            entered from \(entry.symbolText)") }
            if let usage = report.stackOverflow?.stackUsage {
                var text = "Stack use:  \(Format.bytes(usage.usedBytes))"
                if let reserved = usage.reservedBytes { text += " of \(Format.bytes(reserved)) reserved" }
                lines.append(text)
            }
        }
        if let stack = report.crashingThreadStack, !stack.frames.isEmpty {
            lines.append("")
            lines.append("Stack of thread \(stack.threadId) (\(stack.frames.count) frames\(stack.frames.count > frames ? ", top \(frames)" : "")):")
            for frame in stack.frames.prefix(frames) { lines.append(StackRender.frameLine(frame, width: width)) }
        }
        lines.append("")
        lines.append("Next step:  \(report.nextStep.summary)")
        for action in report.nextStep.actions { lines.append("  - \(action)") }
        return lines
    }

    /// `12345` → `12,345`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return out
    }
}
