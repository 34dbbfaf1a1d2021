/// An `HRESULT`, as a .NET exception carries it (parameter 0 of a 0xE0434352 exception); an open set
/// naming the `COR_E_*` values and the .NET exception types that use them.
public struct HResult: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    /// `COR_E_EXCEPTION`: `System.Exception` (and exception types that do not set their own).
    public static let corException = HResult(0x8013_1500)
    /// `COR_E_NULLREFERENCE` = `E_POINTER`: `System.NullReferenceException`, also used by
    /// `System.ArgumentNullException`.
    public static let nullReference = HResult(0x8000_4003)
    /// `COR_E_INVALIDOPERATION`: `System.InvalidOperationException`.
    public static let invalidOperation = HResult(0x8013_1509)
    /// `COR_E_ARGUMENT` = `E_INVALIDARG`: `System.ArgumentException`.
    public static let argument = HResult(0x8007_0057)

    /// The constant's name (`COR_E_NULLREFERENCE`), or `nil` when unknown.
    public var name: String? { Self.table[rawValue]?.0 }

    /// The .NET exception types that carry this HRESULT, the most common first (for `E_POINTER`:
    /// `System.NullReferenceException`, `System.ArgumentNullException`); empty when unknown.
    public var dotNetExceptionTypes: [String] { Self.table[rawValue]?.1 ?? [] }

    /// The most likely .NET exception type, or `nil` when unknown.
    public var dotNetExceptionType: String? { dotNetExceptionTypes.first }

    /// True when the severity bit is set (a failure code).
    public var isFailure: Bool { rawValue & 0x8000_0000 != 0 }

    /// The facility (bits 16...26): 7 = Win32, 0x13 = .NET runtime (`FACILITY_URT`).
    public var facility: UInt32 { (rawValue >> 16) & 0x7FF }

    public var description: String { name ?? Hex.format(rawValue, digits: 8) }

    private static let table: [UInt32: (String, [String])] = {
        let list: [(UInt32, String, [String])] = [
            (0x8013_1500, "COR_E_EXCEPTION", ["System.Exception"]),
            (0x8013_1501, "COR_E_SYSTEM", ["System.SystemException"]),
            (0x8013_1600, "COR_E_APPLICATION", ["System.ApplicationException"]),
            (0x8000_4003, "COR_E_NULLREFERENCE (E_POINTER)", ["System.NullReferenceException", "System.ArgumentNullException"]),
            (0x8007_0057, "COR_E_ARGUMENT (E_INVALIDARG)", ["System.ArgumentException"]),
            (0x8013_1502, "COR_E_ARGUMENTOUTOFRANGE", ["System.ArgumentOutOfRangeException"]),
            (0x8013_1509, "COR_E_INVALIDOPERATION", ["System.InvalidOperationException"]),
            (0x8013_1622, "COR_E_OBJECTDISPOSED", ["System.ObjectDisposedException"]),
            (0x8013_153B, "COR_E_OPERATIONCANCELED", ["System.OperationCanceledException", "System.Threading.Tasks.TaskCanceledException"]),
            (0x8013_1508, "COR_E_INDEXOUTOFRANGE", ["System.IndexOutOfRangeException"]),
            (0x8000_4002, "COR_E_INVALIDCAST (E_NOINTERFACE)", ["System.InvalidCastException"]),
            (0x8013_1537, "COR_E_FORMAT", ["System.FormatException"]),
            (0x8013_1577, "COR_E_KEYNOTFOUND", ["System.Collections.Generic.KeyNotFoundException"]),
            (0x8013_1515, "COR_E_NOTSUPPORTED", ["System.NotSupportedException"]),
            (0x8000_4001, "E_NOTIMPL", ["System.NotImplementedException"]),
            (0x8013_1539, "COR_E_PLATFORMNOTSUPPORTED", ["System.PlatformNotSupportedException"]),
            (0x8007_000E, "COR_E_OUTOFMEMORY (E_OUTOFMEMORY)", ["System.OutOfMemoryException"]),
            (0x8013_153D, "COR_E_INSUFFICIENTMEMORY", ["System.InsufficientMemoryException"]),
            (0x8007_03E9, "COR_E_STACKOVERFLOW", ["System.StackOverflowException"]),
            (0x8013_1578, "COR_E_INSUFFICIENTEXECUTIONSTACK", ["System.InsufficientExecutionStackException"]),
            (0x8013_1516, "COR_E_OVERFLOW", ["System.OverflowException"]),
            (0x8002_0012, "COR_E_DIVIDEBYZERO", ["System.DivideByZeroException"]),
            (0x8007_0216, "COR_E_ARITHMETIC", ["System.ArithmeticException"]),
            (0x8013_1528, "COR_E_NOTFINITENUMBER", ["System.NotFiniteNumberException"]),
            (0x8013_1503, "COR_E_ARRAYTYPEMISMATCH", ["System.ArrayTypeMismatchException"]),
            (0x8013_1517, "COR_E_RANK", ["System.RankException"]),
            (0x8013_1505, "COR_E_TIMEOUT", ["System.TimeoutException"]),
            (0x8007_0002, "COR_E_FILENOTFOUND", ["System.IO.FileNotFoundException"]),
            (0x8007_0003, "COR_E_DIRECTORYNOTFOUND", ["System.IO.DirectoryNotFoundException", "System.IO.DriveNotFoundException"]),
            (0x8013_1620, "COR_E_IO", ["System.IO.IOException"]),
            (0x8007_0020, "ERROR_SHARING_VIOLATION", ["System.IO.IOException"]),
            (0x8013_1621, "COR_E_FILELOAD", ["System.IO.FileLoadException"]),
            (0x8007_0026, "COR_E_ENDOFSTREAM", ["System.IO.EndOfStreamException"]),
            (0x8007_00CE, "COR_E_PATHTOOLONG", ["System.IO.PathTooLongException"]),
            (0x8007_0005, "COR_E_UNAUTHORIZEDACCESS (E_ACCESSDENIED)", ["System.UnauthorizedAccessException"]),
            (0x8007_000B, "COR_E_BADIMAGEFORMAT", ["System.BadImageFormatException"]),
            (0x8013_1522, "COR_E_TYPELOAD", ["System.TypeLoadException"]),
            (0x8013_1534, "COR_E_TYPEINITIALIZATION", ["System.TypeInitializationException"]),
            (0x8013_1604, "COR_E_TARGETINVOCATION", ["System.Reflection.TargetInvocationException"]),
            (0x8013_1603, "COR_E_TARGET", ["System.Reflection.TargetException"]),
            (0x8002_000E, "COR_E_TARGETPARAMCOUNT", ["System.Reflection.TargetParameterCountException"]),
            (0x8013_1602, "COR_E_REFLECTIONTYPELOAD", ["System.Reflection.ReflectionTypeLoadException"]),
            (0x8000_211D, "COR_E_AMBIGUOUSMATCH", ["System.Reflection.AmbiguousMatchException"]),
            (0x8013_1513, "COR_E_MISSINGMETHOD", ["System.MissingMethodException"]),
            (0x8013_1511, "COR_E_MISSINGFIELD", ["System.MissingFieldException"]),
            (0x8013_1512, "COR_E_MISSINGMEMBER", ["System.MissingMemberException"]),
            (0x8013_1510, "COR_E_METHODACCESS", ["System.MethodAccessException"]),
            (0x8013_1507, "COR_E_FIELDACCESS", ["System.FieldAccessException"]),
            (0x8013_151A, "COR_E_MEMBERACCESS", ["System.MemberAccessException"]),
            (0x8013_1543, "COR_E_TYPEACCESS", ["System.TypeAccessException"]),
            (0x8013_1524, "COR_E_DLLNOTFOUND", ["System.DllNotFoundException"]),
            (0x8013_1523, "COR_E_ENTRYPOINTNOTFOUND", ["System.EntryPointNotFoundException"]),
            (0x8013_1535, "COR_E_MARSHALDIRECTIVE", ["System.Runtime.InteropServices.MarshalDirectiveException"]),
            (0x8013_1527, "COR_E_INVALIDCOMOBJECT", ["System.Runtime.InteropServices.InvalidComObjectException"]),
            (0x8000_4005, "E_FAIL", ["System.Runtime.InteropServices.COMException", "System.Runtime.InteropServices.ExternalException"]),
            (0x8013_1506, "COR_E_EXECUTIONENGINE", ["System.ExecutionEngineException"]),
            (0x8013_153A, "COR_E_INVALIDPROGRAM", ["System.InvalidProgramException"]),
            (0x8013_150A, "COR_E_SECURITY", ["System.Security.SecurityException"]),
            (0x8013_150D, "COR_E_VERIFICATION", ["System.Security.VerificationException"]),
            (0x8013_150C, "COR_E_SERIALIZATION", ["System.Runtime.Serialization.SerializationException"]),
            (0x8013_1530, "COR_E_THREADABORTED", ["System.Threading.ThreadAbortException"]),
            (0x8013_1519, "COR_E_THREADINTERRUPTED", ["System.Threading.ThreadInterruptedException"]),
            (0x8013_1520, "COR_E_THREADSTATE", ["System.Threading.ThreadStateException"]),
            (0x8013_1525, "COR_E_THREADSTART", ["System.Threading.ThreadStartException"]),
            (0x8013_1518, "COR_E_SYNCHRONIZATIONLOCK", ["System.Threading.SynchronizationLockException"]),
            (0x8013_152D, "COR_E_ABANDONEDMUTEX", ["System.Threading.AbandonedMutexException"]),
            (0x8013_1529, "COR_E_DUPLICATEWAITOBJECT", ["System.DuplicateWaitObjectException"]),
            (0x8013_152C, "COR_E_WAITHANDLECANNOTBEOPENED", ["System.Threading.WaitHandleCannotBeOpenedException"]),
            (0x8013_1014, "COR_E_APPDOMAINUNLOADED", ["System.AppDomainUnloadedException"]),
            (0x8013_1015, "COR_E_CANNOTUNLOADAPPDOMAIN", ["System.CannotUnloadAppDomainException"]),
            (0x8013_1541, "COR_E_DATAMISALIGNED", ["System.DataMisalignedException"]),
            (0x8013_1532, "COR_E_MISSINGMANIFESTRESOURCE", ["System.Resources.MissingManifestResourceException"]),
            (0x8013_1536, "COR_E_MISSINGSATELLITEASSEMBLY", ["System.Resources.MissingSatelliteAssemblyException"]),
            (0x8013_1514, "COR_E_MULTICASTNOTSUPPORTED", ["System.MulticastNotSupportedException"]),
            (0x8013_1605, "COR_E_CUSTOMATTRIBUTEFORMAT", ["System.Reflection.CustomAttributeFormatException"]),
            (0x8013_153E, "COR_E_RUNTIMEWRAPPED", ["System.Runtime.CompilerServices.RuntimeWrappedException"]),
        ]
        var table = [UInt32: (String, [String])]()
        for (code, name, types) in list { table[code] = (name, types) }
        return table
    }()
}
