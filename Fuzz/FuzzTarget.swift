// libFuzzer entry point for MiniDump. Not a SwiftPM target: `scripts/fuzz.sh` compiles the library
// (`Sources/MiniDump/**`) as module MiniDump, then this file together with the robustness tests'
// `DumpExerciser` and the CLI's renderers (`Sources/dumpinspect/Output/*.swift`, which import only
// MiniDump and the C library), with `-sanitize=fuzzer,address`.
//
// Each input is opened as a plain, gzip or cabinet dump and put through everything a user runs
// (see DumpExerciser), then rendered to JSON and text the way `dumpinspect` renders it. Any trap,
// sanitizer report, leak or timeout is a bug in the library.
import MiniDump

private let exerciser: DumpExerciser = {
    var exerciser = DumpExerciser()
    exerciser.stackLimits = StackWalkLimits(maxFrames: 128, maxSteps: 20_000, scanWords: 256)
    exerciser.maxProbeAddresses = 64
    exerciser.decompressionLimits = DecompressionLimits(maxDecompressedBytes: 64 << 20)
    // The default-limit walk is covered by RobustnessLimitsTests; here it would only repeat the
    // bounded walk of the same thread.
    exerciser.walksExceptionThreadWithDefaultLimits = false
    return exerciser
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let (file, summary) = try? exerciser.openAndExercise(bytes: bytes) else { return 0 }
    let document = FuzzRender.document(file, summary: summary)
    let json = document.serialized(pretty: size & 1 == 0)
    // Keeps the work observable without printing anything.
    if json.isEmpty && summary.checksum == 1 { return 1 }
    return 0
}

/// Renders a dump the way the `dumpinspect` subcommands do, through the CLI's own renderers.
///
/// Lists are cut to their first few dozen entries: the renderers do the same work per entry, and
/// serialising thousands of them would dominate the time of each execution.
enum FuzzRender {
    static func document(_ file: MiniDumpFile, summary: DumpExerciser.Summary) -> JSON {
        let stacks = summary.stacks
        let width = Render.addressWidth(file)
        let system = (try? file.systemInfo()) ?? nil
        let threads = (try? file.threads()) ?? []
        var diagnostics = file.directoryDiagnostics
        diagnostics += file.addressSpace().diagnostics
        diagnostics += ((try? file.moduleList()) ?? nil)?.diagnostics ?? []
        diagnostics += system?.diagnostics ?? []
        // A few stacks with their first frames: rendering every frame of every thread would cost
        // more than walking them.
        let shown = stacks.prefix(4).map { stack -> CallStack in
            var stack = stack
            stack.frames = Array(stack.frames.prefix(16))
            return stack
        }
        var text = [String]()
        for stack in shown {
            text.append(StackRender.text(stack, file: file, width: width, limit: 32))
            for frame in stack.frames.prefix(8) { text.append(StackRender.frameLine(frame, width: width)) }
        }
        text.append(Format.bytes(file.addressSpace().totalBytes))
        text.append(Format.time(file.header.timestamp))
        text.append(Format.isoTime(file.header.timestamp))
        let modules = ((try? file.moduleMap()) ?? ModuleMap()).modules.prefix(64).map { module -> JSON in
            .object([
                ("name", .string(module.name)),
                ("base", .hex(module.baseAddress)),
                ("size", .number(module.size)),
                ("version", .string(module.fileVersion?.description)),
                ("debugId", .string(module.debugId)),
                ("codeId", .string(module.codeId)),
                ("address", .string(Format.address(module.baseAddress, width: width))),
            ])
        }
        var report = JSON.null
        if let crash = summary.report {
            let recursion = crash.crashingThreadStack?.recursion()
            let misc = (try? file.miscInfo()) ?? nil
            text += ReportText.verdict(crash, recursion: recursion, width: width, frames: 10)
            report = .object([
                ("kind", .string(crash.kind.rawValue)),
                ("headline", .string(crash.headline)),
                ("exception", ReportRender.exceptionJSON(crash)),
                ("access", ReportRender.accessJSON(crash.exception?.access)),
                ("fault", ReportRender.faultJSON(crash)),
                ("event1000", ReportRender.event1000JSON(crash.event)),
                ("bucket", ReportRender.bucketJSON(crash)),
                ("recursion", ReportRender.recursionJSON(recursion)),
                ("nextStep", ReportRender.nextStepJSON(crash.nextStep)),
                ("process", ReportRender.processJSON(crash, pid: misc?.processId, misc: misc)),
                ("notes", .array(crash.notes.prefix(64).map { .string($0) })),
            ])
        }
        return .object([
            ("report", report),
            ("streams", .array(file.directory.prefix(64).map { entry in
                .object([("type", .string(entry.type.name)), ("size", .number(entry.size)), ("rva", .hex(entry.rva))])
            })),
            ("system", Render.systemJSON(system)),
            ("threads", .array(threads.prefix(16).map { thread in
                .object([
                    ("id", .number(thread.id)),
                    ("name", .string(thread.name)),
                    ("registers", Render.registers(thread.context)),
                    ("pointers", .string(thread.context.map { "\(Render.pointerNames($0))" })),
                    ("diagnostics", Render.diagnostics(thread.diagnostics)),
                ])
            })),
            ("stacks", .array(shown.map { StackRender.json($0, file: file) })),
            ("modules", .array(Array(modules))),
            ("text", .array(text.map { .string($0) })),
            ("diagnostics", Render.diagnostics(Array(diagnostics.prefix(64)))),
        ])
    }
}
