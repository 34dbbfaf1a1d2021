/// Crashpad's extra information about one module: the annotations it registered.
/// Mirrors `MinidumpModuleCrashpadInfoLink` with its `MinidumpModuleCrashpadInfo`.
public struct CrashpadModuleInfo: Sendable, Hashable {
    /// The module's index in the ModuleList stream (`minidump_module_list_index`).
    public var moduleIndex: UInt32
    /// The structure's version (1 so far).
    public var version: UInt32
    /// Free-form strings the module registered (`list_annotations`), in order.
    public var listAnnotations: [String]
    /// Key/value pairs the module registered (`simple_annotations`), in order.
    public var simpleAnnotations: [CrashpadSimpleAnnotation]
    /// Typed annotation objects (`annotation_objects`); empty when the writer predates them.
    public var annotationObjects: [CrashpadAnnotation]
}
