/// A .NET exception that escaped to the native layer (code 0xE0434352): its HRESULT, the likely
/// exception type, and the runtime that raised it.
///
/// Parameter 0 is the HRESULT; on .NET Framework 4 and .NET Core/5+ parameter 4 is the base address of
/// the runtime module (`clr.dll`, `coreclr.dll`), which tells the runtime apart. The managed
/// exception object itself needs a managed debugger (SOS `!pe`) and a dump with the GC heap.
public struct DotNetException: Sendable, Hashable {
    /// Which .NET runtime raised the exception.
    public enum Runtime: String, Sendable, Hashable {
        /// .NET Framework 4.x (`clr.dll`).
        case netFramework4
        /// .NET Framework 2.0–3.5 (`mscorwks.dll`, `mscorsvr.dll`).
        case netFramework2
        /// .NET Core or .NET 5 and later (`coreclr.dll`, `libcoreclr.so`, `libcoreclr.dylib`).
        case netCore
    }

    /// The exception's HRESULT (parameter 0).
    public var hresult: HResult
    /// The base address of the runtime module (parameter 4), or `nil` when the record has fewer than
    /// 5 parameters.
    public var runtimeBaseAddress: UInt64?
    /// The name of the module loaded at that base, or `nil` when no module is there (or the dump
    /// has no module list).
    public var runtimeModuleName: String?
    /// The runtime, from the module's name; `nil` when the name is unknown.
    public var runtime: Runtime?

    /// The most likely .NET exception type for the HRESULT (`System.NullReferenceException`), or
    /// `nil` when the HRESULT is not a known `COR_E_*` value.
    public var exceptionType: String? { hresult.dotNetExceptionType }

    /// Decodes a 0xE0434352 (or the .NET 1.x 0xE0434F4D) exception; `nil` for other codes or when the
    /// record has no parameters.
    public init?(code: UInt32, parameters: [UInt64], classifier: AddressClassifier) {
        let exceptionCode = ExceptionCode(code)
        guard exceptionCode == .clrException || exceptionCode == .clrExceptionV1, let first = parameters.first else {
            return nil
        }
        hresult = HResult(UInt32(truncatingIfNeeded: first))
        runtimeBaseAddress = parameters.count >= 5 ? parameters[4] : nil
        runtimeModuleName = nil
        runtime = nil
        if let base = runtimeBaseAddress, base != 0, let image = classifier.image(containing: base) {
            runtimeModuleName = image.name
            runtime = Self.runtime(forModuleName: image.name)
        }
    }

    /// The runtime a module name belongs to, or `nil` for other names.
    public static func runtime(forModuleName name: String) -> Runtime? {
        switch name.lowercased() {
        case "clr.dll": .netFramework4
        case "mscorwks.dll", "mscorsvr.dll": .netFramework2
        case "coreclr.dll", "libcoreclr.so", "libcoreclr.dylib": .netCore
        default: nil
        }
    }

    /// A runtime's display name: `.NET Framework 4`, `.NET Core / .NET 5+`, ...
    public static func displayName(of runtime: Runtime) -> String {
        switch runtime {
        case .netFramework4: ".NET Framework 4.x"
        case .netFramework2: ".NET Framework 2.0-3.5"
        case .netCore: ".NET Core / .NET 5+"
        }
    }

    /// One line: `System.Exception (COR_E_EXCEPTION 0x80131500) raised by clr.dll (.NET Framework 4.x)`.
    public var summary: String {
        var text = exceptionType ?? "a .NET exception"
        text += " (\(hresult.name.map { "\($0) " } ?? "HRESULT ")\(Hex.format(hresult.rawValue, digits: 8)))"
        if let runtimeModuleName {
            text += " raised by \(runtimeModuleName)"
            if let runtime { text += " (\(Self.displayName(of: runtime)))" }
        }
        return text
    }
}
