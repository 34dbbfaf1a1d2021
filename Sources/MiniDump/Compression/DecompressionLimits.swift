/// Bounds on what opening a compressed dump may allocate.
///
/// The cap is checked while inflating, before any buffer grows past it, so a small "zip bomb" fails
/// with ``MiniDumpError/Kind/decompressedTooLarge`` after producing at most the cap.
public struct DecompressionLimits: Sendable, Hashable {
    /// The cap used by ``default``: 8 GiB.
    public static let defaultMaxDecompressedBytes = 8 << 30

    /// The most bytes one decompression may produce: a gzip file's whole output; for a cabinet, each
    /// folder's output and, separately, the total of the dumps copied out of its folders. Negative
    /// values act as zero.
    public var maxDecompressedBytes: Int

    /// Creates limits with the given cap.
    public init(maxDecompressedBytes: Int = DecompressionLimits.defaultMaxDecompressedBytes) {
        self.maxDecompressedBytes = maxDecompressedBytes
    }

    /// Generous limits for ordinary use (8 GiB per decompression).
    public static let `default` = DecompressionLimits()
}
