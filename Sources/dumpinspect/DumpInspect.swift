import ArgumentParser

@main
struct DumpInspect: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dumpinspect")
}
