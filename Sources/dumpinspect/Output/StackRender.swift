import MiniDump

/// Renders call stacks as JSON and text, shared by `stack` and `summary`.
enum StackRender {
    static func frameJSON(_ frame: StackFrame) -> JSON {
        .object([
            ("index", .number(frame.index)),
            ("address", .hex(frame.address)),
            ("module", .string(frame.module)),
            ("moduleOffset", .hex(frame.moduleOffset)),
            ("function", .string(frame.function)),
            ("functionOffset", .hex(frame.functionOffset)),
            ("trust", .string(frame.trust.rawValue)),
            ("stackPointer", .hex(frame.stackPointer)),
        ])
    }

    static func json(_ stack: CallStack, file: MiniDumpFile) -> JSON {
        let thread = file.thread(id: stack.threadId)
        return .object([
            ("id", .number(stack.threadId)),
            ("name", .string(thread?.name)),
            ("truncated", .bool(stack.truncated)),
            ("frames", .array(stack.frames.map(frameJSON))),
            ("recursion", ReportRender.recursionJSON(stack.recursion())),
            ("notes", .array(stack.notes.map { .string($0) })),
        ])
    }

    /// One line per frame: `#  3  0x00007FF6…  payments.dll!ProcessPayment+0x3f  [cfi]`.
    static func frameLine(_ frame: StackFrame, width: Int) -> String {
        let index = frame.index < 10 ? " \(frame.index)" : "\(frame.index)"
        return "  \(index)  \(Hex.format(frame.address, digits: width))  \(frame.symbolText)  [\(frame.trust.rawValue)]"
    }

    static func text(_ stack: CallStack, file: MiniDumpFile, width: Int, limit: Int) -> String {
        let thread = file.thread(id: stack.threadId)
        var header = "Thread \(stack.threadId) (\(Hex.format(stack.threadId)))"
        if let name = thread?.name, !name.isEmpty { header += " \"\(name)\"" }
        header += ", \(stack.frames.count) frames"
        var lines = [header]
        let recursion = stack.recursion()
        var index = 0
        var printed = 0
        while index < stack.frames.count, limit == 0 || printed < limit {
            if let recursion, index == recursion.firstIndex + recursion.period,
               recursion.endIndex > index + recursion.period {
                // Collapse the repeats: show one cycle, then say how often it repeats.
                let last = recursion.firstIndex + recursion.period - 1
                lines.append("  … frames \(recursion.firstIndex)–\(last) repeat \(ReportText.grouped(recursion.repetitions)) times (frames \(recursion.firstIndex)–\(recursion.endIndex - 1)) …")
                index = recursion.endIndex
                continue
            }
            lines.append(frameLine(stack.frames[index], width: width))
            index += 1
            printed += 1
        }
        if index < stack.frames.count {
            lines.append("  … \(stack.frames.count - index) more frames (--limit 0 for all)")
        }
        if stack.truncated { lines.append("  (the walk stopped at its frame limit)") }
        for note in stack.notes { lines.append("  note: \(note)") }
        return lines.joined(separator: "\n")
    }
}
