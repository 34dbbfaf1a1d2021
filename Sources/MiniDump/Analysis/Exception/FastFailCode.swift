/// The code passed to `__fastfail`, found in parameter 0 of a 0xC0000409 exception; an open set.
/// Mirrors the `FAST_FAIL_*` constants of `winnt.h`.
public struct FastFailCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }
    public init(_ rawValue: UInt64) { self.rawValue = rawValue }

    /// `FAST_FAIL_LEGACY_GS_VIOLATION` (0).
    public static let legacyGSViolation = FastFailCode(0)
    /// `FAST_FAIL_STACK_COOKIE_CHECK_FAILURE` (2): a /GS stack cookie was overwritten.
    public static let stackCookieCheckFailure = FastFailCode(2)
    /// `FAST_FAIL_CORRUPT_LIST_ENTRY` (3).
    public static let corruptListEntry = FastFailCode(3)
    /// `FAST_FAIL_INVALID_ARG` (5): the CRT's invalid-parameter handler.
    public static let invalidArgument = FastFailCode(5)
    /// `FAST_FAIL_FATAL_APP_EXIT` (7): `abort()` or `FatalAppExit`.
    public static let fatalAppExit = FastFailCode(7)
    /// `FAST_FAIL_GUARD_ICALL_CHECK_FAILURE` (10): Control Flow Guard rejected an indirect call.
    public static let guardICallCheckFailure = FastFailCode(10)
    /// `FAST_FAIL_HEAP_METADATA_CORRUPTION` (50).
    public static let heapMetadataCorruption = FastFailCode(50)

    /// The `FAST_FAIL_*` name, or `nil` for a code the catalog does not know.
    public var name: String? {
        guard let index = Int(exactly: rawValue), index < Self.names.count, !Self.names[index].isEmpty else {
            return rawValue == 0xFFFF_FFFF ? "FAST_FAIL_INVALID_FAST_FAIL_CODE" : nil
        }
        return "FAST_FAIL_" + Self.names[index]
    }

    /// A one-line meaning for the common codes, or `nil`.
    public var meaning: String? {
        switch rawValue {
        case 0: "A legacy /GS security cookie check failed (stack buffer overrun)."
        case 1: "A vtable guard check failed (corrupted C++ object)."
        case 2: "The /GS stack cookie was overwritten: a stack buffer overrun in the function that was returning."
        case 3: "A doubly linked list entry was corrupt (heap or kernel-object list damage)."
        case 4: "The stack was not where it should be (stack pivot or corruption)."
        case 5: "An invalid argument reached the C runtime (its invalid-parameter handler ended the process)."
        case 6: "The /GS cookie was used before it was initialised."
        case 7: "The program ended itself on purpose: abort(), terminate() or FatalAppExit."
        case 8: "A range check failed."
        case 10: "Control Flow Guard rejected an indirect call to an address that is not a valid call target."
        case 11: "Control Flow Guard write check failed."
        case 12: "An invalid fiber switch."
        case 13: "An invalid context was set on a thread."
        case 14: "A reference count went invalid (over-release)."
        case 18: "A longjmp buffer was invalid."
        case 21: "The SEH exception handler chain was corrupt."
        case 35: "An unexpected exception inside the heap manager."
        case 37: "Control Flow Guard rejected a jump-table target."
        case 38: "A longjmp target was invalid."
        case 44: "The CET shadow stack did not match the return address (return address overwritten)."
        case 49: "The import address table was modified."
        case 50: "Heap metadata was corrupt (the heap's own check, as 0xC0000374)."
        case 57: "A return address was invalid (control-flow protection)."
        default: nil
        }
    }

    /// The name when known, else the number.
    public var description: String { name ?? "fast-fail code \(rawValue)" }

    /// Index = code; empty strings are unassigned.
    private static let names: [String] = [
        "LEGACY_GS_VIOLATION", "VTGUARD_CHECK_FAILURE", "STACK_COOKIE_CHECK_FAILURE", "CORRUPT_LIST_ENTRY",
        "INCORRECT_STACK", "INVALID_ARG", "GS_COOKIE_INIT", "FATAL_APP_EXIT", "RANGE_CHECK_FAILURE",
        "UNSAFE_REGISTRY_ACCESS", "GUARD_ICALL_CHECK_FAILURE", "GUARD_WRITE_CHECK_FAILURE",
        "INVALID_FIBER_SWITCH", "INVALID_SET_OF_CONTEXT", "INVALID_REFERENCE_COUNT", "", "", "",
        "INVALID_JUMP_BUFFER", "MRDATA_MODIFIED", "CERTIFICATION_FAILURE", "INVALID_EXCEPTION_CHAIN",
        "CRYPTO_LIBRARY", "INVALID_CALL_IN_DLL_CALLOUT", "INVALID_IMAGE_BASE", "DLOAD_PROTECTION_FAILURE",
        "UNSAFE_EXTENSION_CALL", "DEPRECATED_SERVICE_INVOKED", "INVALID_BUFFER_ACCESS",
        "INVALID_BALANCED_TREE", "INVALID_NEXT_THREAD", "GUARD_ICALL_CHECK_SUPPRESSED", "APCS_DISABLED",
        "INVALID_IDLE_STATE", "MRDATA_PROTECTION_FAILURE", "UNEXPECTED_HEAP_EXCEPTION",
        "INVALID_LOCK_STATE", "GUARD_JUMPTABLE", "INVALID_LONGJUMP_TARGET", "INVALID_DISPATCH_CONTEXT",
        "INVALID_THREAD", "INVALID_SYSCALL_NUMBER", "INVALID_FILE_OPERATION", "LPAC_ACCESS_DENIED",
        "GUARD_SS_FAILURE", "LOADER_CONTINUITY_FAILURE", "GUARD_EXPORT_SUPPRESSION_FAILURE",
        "INVALID_CONTROL_STACK", "SET_CONTEXT_DENIED", "INVALID_IAT", "HEAP_METADATA_CORRUPTION",
        "PAYLOAD_RESTRICTION_VIOLATION", "LOW_LABEL_ACCESS_DENIED", "ENCLAVE_CALL_FAILURE",
        "UNHANDLED_LSS_EXCEPTON", "ADMINLESS_ACCESS_DENIED", "UNEXPECTED_CALL",
        "CONTROL_INVALID_RETURN_ADDRESS", "UNEXPECTED_HOST_BEHAVIOR", "FLAGS_CORRUPTION", "VEH_CORRUPTION",
        "ETW_CORRUPTION", "RIO_ABORT", "INVALID_PFN", "GUARD_ICALL_CHECK_FAILURE_XFG", "CAST_GUARD",
        "HOST_VISIBILITY_CHANGE", "KERNEL_CET_SHADOW_STACK_ASSIST", "PATCH_CALLBACK_FAILED",
        "NTDLL_PATCH_FAILED", "INVALID_FLS_DATA",
    ]
}
