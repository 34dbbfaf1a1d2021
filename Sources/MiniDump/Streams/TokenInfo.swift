/// One security token of the dumped process or one of its threads.
/// Mirrors `MINIDUMP_TOKEN_INFO_HEADER` and the token data after it.
public struct TokenInfo: Sendable, Hashable {
    /// The entry's total size in bytes, header included (`TokenSize`).
    public var tokenSize: UInt32
    /// The process id (for a process token) or thread id (for a thread token) the token was
    /// opened for (`TokenId`).
    public var tokenID: UInt32
    /// The handle value the writer got for the token (`TokenHandle`).
    public var tokenHandle: UInt64
    /// The raw token data after the entry header (its layout is not documented).
    public var bytes: [UInt8]
}
