import MiniDump

/// Renders a `CrashReport`: the verdict of `summary` and the bucket of `scan`.
enum ReportRender {
    // MARK: JSON

    static func exceptionJSON(_ report: CrashReport) -> JSON {
        guard let exception = report.exception else { return .null }
        var members: [(String, JSON)] = [
            ("code", .string(Hex.format(exception.code, digits: 8))),
            ("name", .string(exception.name)),
            ("meaning", .string(exception.meaning)),
            ("threadId", .number(exception.threadId)),
            ("threadName", .string(report.crashingThreadName)),
            ("address", .hex(exception.address)),
            ("flags", .hex(exception.flags)),
            ("parameters", .array(exception.parameters.map { .hex($0) })),
        ]
        members.append(("accessViolation", accessJSON(exception.access)))
        members.append(("fastFail", exception.fastFail.map { code in
            .object([("code", .number(code.rawValue)), ("name", .string(code.name))])
        } ?? .null))
        members.append(("dotNet", exception.dotNet.map { dotNet in
            .object([
                ("hresult", .string(Hex.format(dotNet.hresult.rawValue, digits: 8))),
                ("hresultName", .string(dotNet.hresult.name)),
                ("exceptionType", .string(dotNet.exceptionType)),
                ("runtime", .string(dotNet.runtime?.rawValue)),
                ("runtimeModule", .string(dotNet.runtimeModuleName)),
            ])
        } ?? .null))
        members.append(("cxx", exception.cxx.map { cxx in
            .object([
                ("type", .string(cxx.typeName)),
                ("decoratedType", .string(cxx.decoratedTypeName)),
                ("objectAddress", .hex(cxx.objectAddress)),
                ("throwInfoAddress", .hex(cxx.throwInfoAddress)),
                ("unresolvedReason", .string(cxx.unresolvedReason)),
            ])
        } ?? .null))
        return .object(members)
    }

    static func accessJSON(_ access: AccessViolation?) -> JSON {
        guard let access else { return .null }
        return .object([
            ("operation", .string(access.operation?.name)),
            ("address", .hex(access.address)),
            ("reportedAddress", .hex(access.reportedAddress)),
            ("target", .string(access.target.kind.rawValue)),
            ("targetDescription", .string(access.target.summary)),
            ("cause", .string(access.cause)),
        ])
    }

    static func faultJSON(_ report: CrashReport) -> JSON {
        guard let fault = report.fault else { return .null }
        return .object([
            ("address", .hex(fault.address)),
            ("module", .string(fault.module?.name)),
            ("moduleOffset", .hex(fault.moduleOffset)),
            ("function", .string(fault.function)),
            ("functionOffset", .hex(fault.functionOffset)),
            ("unloadedModule", .string(fault.unloadedModule?.name)),
            ("firstUserFrame", .string(fault.firstUserFrame)),
        ])
    }

    static func event1000JSON(_ event: ApplicationErrorEvent?) -> JSON {
        guard let event else { return .null }
        return .object([
            ("applicationName", .string(event.applicationName)),
            ("applicationVersion", .string(event.applicationVersion)),
            ("applicationTimestamp", .string(Hex.format(event.applicationTimestamp, digits: 8).lowercased())),
            ("moduleName", .string(event.moduleName)),
            ("moduleVersion", .string(event.moduleVersion)),
            ("moduleTimestamp", .string(Hex.format(event.moduleTimestamp, digits: 8).lowercased())),
            ("exceptionCode", .string(Hex.format(event.exceptionCode, digits: 8).lowercased())),
            ("faultOffset", .string(Hex.format(event.faultOffset, digits: 16).lowercased())),
            ("processId", .hex(event.processId)),
            ("processStartTime", event.processStartTime.map { .string(Format.isoTime($0)) } ?? .null),
            ("applicationPath", .string(event.applicationPath)),
            ("modulePath", .string(event.modulePath)),
        ])
    }

    static func bucketJSON(_ report: CrashReport) -> JSON {
        guard let bucket = report.bucket else { return .null }
        return .object([
            ("id", .string(report.bucketId)),
            ("hash", .string(bucket.bucketHash)),
            ("parameters", .object(bucket.parameters.enumerated().map { ("P\($0.offset + 1)", .string($0.element)) })),
            ("subBucket", .string(bucket.subBucket)),
        ])
    }

    static func recursionJSON(_ recursion: StackRecursion?) -> JSON {
        guard let recursion else { return .null }
        return .object([
            ("period", .number(recursion.period)),
            ("repetitions", .number(recursion.repetitions)),
            ("firstFrame", .number(recursion.firstIndex)),
            ("frames", .array(recursion.frames.map { frame in
                .object([
                    ("module", .string(frame.module)),
                    ("moduleOffset", .hex(frame.moduleOffset)),
                    ("function", .string(frame.function)),
                ])
            })),
            ("entryFrame", recursion.entryFrame.map { .string($0.symbolText) } ?? .null),
        ])
    }

    static func processJSON(_ report: CrashReport, pid: UInt32?, misc: MiscInfo?) -> JSON {
        let process = report.process
        return .object([
            ("pid", .number(pid)),
            ("createTime", misc?.processCreateTime.map { .string(Format.isoTime($0)) } ?? .null),
            ("imagePath", .string(process?.imagePath)),
            ("commandLine", .string(process?.commandLine)),
            ("currentDirectory", .string(process?.currentDirectory)),
            ("iisAppPool", .string(report.iisAppPool)),
            ("lastError", .hex(report.lastError)),
            ("integrityLevel", .string(misc?.integrityLevelName)),
        ])
    }

    static func nextStepJSON(_ step: CrashRecommendation) -> JSON {
        .object([("summary", .string(step.summary)), ("actions", .array(step.actions.map { .string($0) }))])
    }
}
