// libFuzzer entry point for MiniDump. Not a SwiftPM target: `scripts/fuzz.sh` compiles the library
// (`Sources/MiniDump/**`) as module MiniDump, then this file together with the robustness tests'
// `DumpExerciser` and the CLI's JSON renderers (`Sources/dumpinspect/Output/{JSON,Render,
// StackRender,Format}.swift`), with `-sanitize=fuzzer,address`.
//
// Each input is opened as a plain, gzip or cabinet dump and put through everything a user runs
// (see DumpExerciser), then rendered to JSON and text the way `dumpinspect` renders it. Any trap,
// sanitizer report, leak or timeout is a bug in the library.
import MiniDump

private let exerciser: DumpExerciser = {
    var exerciser = DumpExerciser()
    exerciser.stackLimits = StackWalkLimits(maxFrames: 128, maxSteps: 20_000, scanWords: 256)
    exerciser.maxProbeAddresses = 128
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
    let document = FuzzRender.document(file, stacks: summary.stacks)
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
    static func document(_ file: MiniDumpFile, stacks: [CallStack]) -> JSON {
        let width = Render.addressWidth(file)
        let system = (try? file.systemInfo()) ?? nil
        let threads = (try? file.threads()) ?? []
        var diagnostics = file.directoryDiagnostics
        diagnostics += file.addressSpace().diagnostics
        diagnostics += ((try? file.moduleList()) ?? nil)?.diagnostics ?? []
        diagnostics += system?.diagnostics ?? []
        var text = [String]()
        for stack in stacks.prefix(8) {
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
        return .object([
            ("streams", .array(file.directory.prefix(64).map { entry in
                .object([("type", .string(entry.type.name)), ("size", .number(entry.size)), ("rva", .hex(entry.rva))])
            })),
            ("system", Render.systemJSON(system)),
            ("threads", .array(threads.prefix(32).map { thread in
                .object([
                    ("id", .number(thread.id)),
                    ("name", .string(thread.name)),
                    ("registers", Render.registers(thread.context)),
                    ("pointers", .string(thread.context.map { "\(Render.pointerNames($0))" })),
                    ("diagnostics", Render.diagnostics(thread.diagnostics)),
                ])
            })),
            ("stacks", .array(stacks.prefix(16).map { StackRender.json($0, file: file) })),
            ("modules", .array(Array(modules))),
            ("text", .array(text.map { .string($0) })),
            ("diagnostics", Render.diagnostics(Array(diagnostics.prefix(64)))),
        ])
    }
}
