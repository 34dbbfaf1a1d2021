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
