import MiniDump

/// The dumps committed under `TestDumps/`, defined once so that `make-testdumps` writes them and the
/// tests regenerate them from the same definitions.
///
/// Every dump is deterministic (no clocks, no randomness beyond fixed seeds) and smaller than
/// 200 KiB. Each fills a gap of the real corpus or serves a test or the README's demo; ``readme()``
/// documents them, generated from the same scenes.
public enum TestDumpCatalog {
    /// The folder name, relative to the package root.
    public static let folder = "TestDumps"

    /// Every dump, in README order.
    public static func all() -> [TestDump] {
        let accessViolation = TestDump(
            path: "amd64-access-violation.dmp",
            summary: """
                The README's demo dump. A Windows 10 x64 service, `MyService.exe` (PID 4321), as ProcDump captures it \
                after an unhandled access violation: thread 0x2F10 `PaymentWorker` executes `mov dword ptr [rax+10h], ecx` \
                with `rax` = 0 at payments.dll+0x1A3F, so the exception is 0xC0000005 with parameters [1, 0x10] — a write to \
                address 0x10. The crashing stack holds return addresses into payments.dll, MyService.exe, kernel32 and ntdll, \
                and the dump's memory holds the CALL instruction before each of them, the 128 bytes of the faulting function \
                (payments.dll+0x19F0) and the heap object at 0x20C4A5F3B70 whose pointer at +0x18 is the null `rax` came from. \
                (Function names in comments and prose are the story behind the bytes; the dump has no symbols.)
                """,
            scene: AccessViolationProcess.scene())
        return [
            accessViolation,
            TestDump(
                path: "x86-breakpoint.dmp",
                summary: """
                    A 32-bit process (`LegacyClient.exe`, PID 8812) on 64-bit Windows 10 stopped by `DebugBreak()`: \
                    exception 0x80000003 at the `int3` of KERNELBASE.dll+0x1398E2 on the main thread 0x1F44, whose EBP chain \
                    runs through LegacyClient.exe, kernel32 and ntdll. `oldcodec.dll` has an old NB10 CodeView record and \
                    no version resource; MiscInfo is version 2. A written-by-default (`MiniDumpNormal`) dump: no handle, \
                    thread-info or memory-info streams.
                    """,
                scene: BreakpointProcess.scene()),
            TestDump(
                path: "arm64-linux-segv.dmp",
                summary: """
                    A Linux ARM64 crash in the shape Breakpad-style writers produce (architecture 12 and the 0x390-byte \
                    Windows ARM64 `CONTEXT`, as Crashpad and rust-minidump-writer write it; the corpus's Android dump uses \
                    Breakpad's older 0x8003 layout): `imgconvert` (PID 24378) on Ubuntu 22.04 takes SIGSEGV (code 11, \
                    flags 1 = SEGV_MAPERR) reading address 0x8 at imgconvert+0x4A1C (`ldr x0, [x19, #8]` with `x19` = 0). \
                    Modules carry ELF build ids (`BpEL`); the frame-pointer chains of both threads are intact; the Linux \
                    text streams (cpuinfo, status, lsb-release, cmdline, environ, maps), auxv and DSO debug streams are \
                    present.
                    """,
                scene: LinuxSegvProcess.scene()),
            TestDump(
                path: "all-streams.dmp",
                summary: """
                    One of every stream type the library decodes, with recognisable values, in a small x64 process: both \
                    ThreadList and ThreadExList (thread 0x104 has a backing store), MemoryList and Memory64List over the \
                    same ranges, an exception (0xE06D7363, a C++ throw) with its own context, MiscInfo version 3, \
                    HandleData with an object-information chain, Token, ProcessVmCounters revision 2, SystemMemoryInfo, \
                    FunctionTable, BreakpadInfo, AssertionInfo, every Breakpad Linux stream, and the custom stream \
                    0x12345678.
                    """,
                scene: AllStreamsProcess.scene()),
            TestDump(
                path: "padded-lists.dmp",
                summary: """
                    ThreadList, ModuleList and MemoryList each with 4 bytes of padding after the 32-bit count, so the \
                    records start at offset 8. Readers must detect the padding from the stream size (`4 + count × stride` \
                    is 4 bytes short) and read the same 2 threads, 3 modules and 3 memory ranges as from unpadded lists.
                    """,
                scene: PaddedListsProcess.scene()),
        ] + MalformedDumps.dumps()
    }

    /// The dump at `path` (relative to `TestDumps/`), or `nil` when the catalog has none.
    public static func dump(at path: String) -> TestDump? {
        all().first { $0.path == path }
    }
}
