/// What to do next about a crash: a one-line summary and concrete actions, most useful first.
public struct CrashRecommendation: Sendable, Hashable {
    /// One sentence.
    public var summary: String
    /// Concrete steps: what to inspect, what to collect (a full dump with ProcDump, page heap with
    /// GFlags), what to change.
    public var actions: [String]

    /// Creates a recommendation.
    public init(summary: String, actions: [String]) {
        self.summary = summary
        self.actions = actions
    }
}
