import MiniDump

/// JSON fragments shared by several commands.
enum Render {
    static func diagnostics(_ list: [DumpDiagnostic]) -> JSON {
        .array(list.map { diagnostic in
            .object([
                ("stream", .string(diagnostic.streamType.name)),
                ("offset", .hex(diagnostic.offset)),
                ("message", .string(diagnostic.message)),
            ])
        })
    }

    static func systemJSON(_ info: SystemInfo?) -> JSON {
        guard let info else { return .null }
        return .object([
            ("arch", .string(info.architecture.name)),
            ("os", .string(info.platform.osName)),
            ("osVersion", .string(info.osVersion)),
            ("servicePack", .string(info.servicePack)),
            ("cpuCount", .number(info.cpuCount)),
            ("cpuVendor", .string(info.cpuVendor)),
            ("processorLevel", .number(info.processorLevel)),
            ("processorRevision", .number(info.processorRevision)),
            ("productType", .number(info.productType)),
        ])
    }

    /// The pointer width in hex digits for a dump: 8 for 32-bit architectures, else 16.
    static func addressWidth(_ file: MiniDumpFile) -> Int {
        ((try? file.systemInfo())??.architecture.pointerSize ?? 8) == 4 ? 8 : 16
    }
}

extension Render {
    /// The registers of a context as `{"rip": "0x…", …}`: every valid general register by its
    /// conventional name; ARM also gets `fp` (r11), so every architecture has `pc`/`sp`-style keys.
    static func registers(_ context: CPUContext?) -> JSON {
        guard let context else { return .null }
        var members = context.generalRegisters.map { ($0.name, JSON.hex($0.value)) }
        if case .arm = context, let fp = context.framePointer, !members.contains(where: { $0.0 == "fp" }) {
            members.append(("fp", .hex(fp)))
        }
        return .object(members)
    }

    /// The names of the instruction, stack and frame pointer registers for a context.
    static func pointerNames(_ context: CPUContext) -> (pc: String, sp: String, fp: String) {
        switch context {
        case .amd64: ("rip", "rsp", "rbp")
        case .x86: ("eip", "esp", "ebp")
        case .arm64, .arm: ("pc", "sp", "fp")
        }
    }
}
