/// How a stack frame was found, from most to least reliable; an open set.
///
/// The raw values are the strings used in JSON output.
public struct FrameTrust: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The frame's registers came from a thread or exception context (frame 0).
    public static let context = FrameTrust(rawValue: "context")
    /// Unwound with call-frame information: the module's own x64 unwind data (`.pdata`/`.xdata`).
    public static let cfi = FrameTrust(rawValue: "cfi")
    /// Unwound by following the saved frame pointer chain (RBP, EBP, FP/LR).
    public static let framePointer = FrameTrust(rawValue: "frame-pointer")
    /// Found by scanning the stack for a word that points just after a call in a module's code.
    /// Such frames can be stale return addresses left by calls that already returned.
    public static let scan = FrameTrust(rawValue: "scan")

    public var description: String { rawValue }
}
