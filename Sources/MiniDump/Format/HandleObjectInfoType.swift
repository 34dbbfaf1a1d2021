/// The kind of object-specific data attached to a handle; an open set.
/// Mirrors `MINIDUMP_HANDLE_OBJECT_INFORMATION_TYPE`.
public struct HandleObjectInfoType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    /// `MiniHandleObjectInformationNone`.
    public static let none = HandleObjectInfoType(0)
    /// `MiniThreadInformation1`.
    public static let thread1 = HandleObjectInfoType(1)
    /// `MiniMutantInformation1`.
    public static let mutant1 = HandleObjectInfoType(2)
    /// `MiniMutantInformation2`.
    public static let mutant2 = HandleObjectInfoType(3)
    /// `MiniProcessInformation1`.
    public static let process1 = HandleObjectInfoType(4)
    /// `MiniProcessInformation2`.
    public static let process2 = HandleObjectInfoType(5)
    /// `MiniEventInformation1`.
    public static let event1 = HandleObjectInfoType(6)
    /// `MiniSectionInformation1`.
    public static let section1 = HandleObjectInfoType(7)
    /// `MiniSemaphoreInformation1`.
    public static let semaphore1 = HandleObjectInfoType(8)

    /// The Windows name without its `Mini` prefix (`ThreadInformation1`, ...), or `0x…`.
    public var description: String {
        switch rawValue {
        case 0: "HandleObjectInformationNone"
        case 1: "ThreadInformation1"
        case 2: "MutantInformation1"
        case 3: "MutantInformation2"
        case 4: "ProcessInformation1"
        case 5: "ProcessInformation2"
        case 6: "EventInformation1"
        case 7: "SectionInformation1"
        case 8: "SemaphoreInformation1"
        default: Hex.format(rawValue)
        }
    }
}
