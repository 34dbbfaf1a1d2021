/// What a thread's TEB (thread environment block) held when the dump was written, for dumps that
/// captured it (full-memory dumps). Mirrors fields of `TEB` and its `NT_TIB`.
public struct ThreadEnvironment: Sendable, Hashable {
    /// The thread id.
    public var threadId: UInt32
    /// The TEB's address.
    public var tebAddress: UInt64
    /// `TEB.LastErrorValue`: the thread's `GetLastError()` value.
    public var lastErrorValue: UInt32
    /// `NT_TIB.StackBase`: the top of the stack (one past its highest address).
    public var stackBase: UInt64
    /// `NT_TIB.StackLimit`: the lowest committed stack address.
    public var stackLimit: UInt64
    /// `TEB.DeallocationStack`: the bottom of the reserved stack, or `nil` when not captured.
    public var deallocationStack: UInt64?
    /// `TEB.ProcessEnvironmentBlock`: the PEB's address.
    public var pebAddress: UInt64

    /// The symbolic name of ``lastErrorValue`` for common Win32 errors (`ERROR_INVALID_PARAMETER`),
    /// or `nil`.
    public var lastErrorName: String? { Self.win32ErrorName(lastErrorValue) }

    /// The committed stack size (`stackBase - stackLimit`), or `nil` when the fields are inconsistent.
    public var committedStackSize: UInt64? { stackBase > stackLimit ? stackBase - stackLimit : nil }

    /// The reserved stack size (`stackBase - deallocationStack`), or `nil` when unknown.
    public var reservedStackSize: UInt64? {
        guard let bottom = deallocationStack, stackBase > bottom else { return nil }
        return stackBase - bottom
    }

    /// Names of common Win32 error codes, or `nil`.
    public static func win32ErrorName(_ code: UInt32) -> String? {
        switch code {
        case 0: "ERROR_SUCCESS"
        case 1: "ERROR_INVALID_FUNCTION"
        case 2: "ERROR_FILE_NOT_FOUND"
        case 3: "ERROR_PATH_NOT_FOUND"
        case 4: "ERROR_TOO_MANY_OPEN_FILES"
        case 5: "ERROR_ACCESS_DENIED"
        case 6: "ERROR_INVALID_HANDLE"
        case 8: "ERROR_NOT_ENOUGH_MEMORY"
        case 14: "ERROR_OUTOFMEMORY"
        case 32: "ERROR_SHARING_VIOLATION"
        case 33: "ERROR_LOCK_VIOLATION"
        case 38: "ERROR_HANDLE_EOF"
        case 50: "ERROR_NOT_SUPPORTED"
        case 87: "ERROR_INVALID_PARAMETER"
        case 109: "ERROR_BROKEN_PIPE"
        case 122: "ERROR_INSUFFICIENT_BUFFER"
        case 123: "ERROR_INVALID_NAME"
        case 126: "ERROR_MOD_NOT_FOUND"
        case 127: "ERROR_PROC_NOT_FOUND"
        case 183: "ERROR_ALREADY_EXISTS"
        case 187: "ERROR_SEM_NOT_FOUND"
        case 203: "ERROR_ENVVAR_NOT_FOUND"
        case 234: "ERROR_MORE_DATA"
        case 258: "WAIT_TIMEOUT"
        case 259: "ERROR_NO_MORE_ITEMS"
        case 487: "ERROR_INVALID_ADDRESS"
        case 997: "ERROR_IO_PENDING"
        case 998: "ERROR_NOACCESS"
        case 1168: "ERROR_NOT_FOUND"
        case 1223: "ERROR_CANCELLED"
        case 1400: "ERROR_INVALID_WINDOW_HANDLE"
        case 1460: "ERROR_TIMEOUT"
        default: nil
        }
    }
}
