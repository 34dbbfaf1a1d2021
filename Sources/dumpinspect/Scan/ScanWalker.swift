/// One file the walk found.
struct ScanInput: Sendable, Hashable {
    /// The path as shown: the root as given, then `/` and the path below it.
    var path: String
    /// The path below the root it was found under (for a file given directly, its name). Shards hash
    /// this, so machines that mount the folder in different places agree.
    var relativePath: String
    /// Why the walk already knows the file cannot be read (a dangling link, a folder that cannot be
    /// listed), or `nil`.
    var problem: String?
}

/// What one analysis task works on: one file, or the `.mdmp` and `.hdmp` of one Windows Error
/// Reporting report (the `.mdmp` first), which count as one crash.
struct ScanUnit: Sendable, Hashable {
    var files: [ScanInput]
    /// `Report.wer` in the same folder, or `nil`.
    var werReport: String?

    /// The shard key: the relative path of the unit's first file, so a pair stays together.
    var shardKey: String { files.first?.relativePath ?? "" }
}

/// Walks the input paths: folders recursively in a stable order (each folder's files sorted by name,
/// then its subfolders, then the folders its symbolic links lead to), links followed except into a
/// folder already walked (loops and second routes to the same folder are walked once, real paths
/// first).
struct ScanWalker {
    /// The walk's result.
    struct Walk: Sendable {
        /// Every file found, grouped into analysis units, in walk order.
        var units: [ScanUnit] = []
        /// Input paths that do not exist (or cannot be examined), with the reason.
        var missingRoots: [(path: String, reason: String)] = []
        /// Input paths that exist.
        var existingRoots: [String] = []
        /// Links to folders already walked (a loop, or a second route), each skipped once.
        var skippedFolderLinks: [String] = []
    }

    /// Names that mark a file as meant to be a dump: if its content is not one, it is an error rather
    /// than skipped junk. (`.cab` is not among them: most cabinets are installers, not crash reports.)
    static let dumpSuffixes = [".dmp", ".mdmp", ".hdmp", ".dmp.gz", ".mdmp.gz", ".hdmp.gz"]

    /// True when `name` ends in one of ``dumpSuffixes`` (any case).
    static func isNamedLikeDump(_ name: String) -> Bool {
        let lower = name.lowercased()
        return dumpSuffixes.contains { lower.hasSuffix($0) }
    }

    /// True for a WER report file (`Report.wer`, any case).
    static func isWERReport(_ name: String) -> Bool {
        name.lowercased() == "report.wer"
    }

    private var visited = Set<FolderIdentity>()
    private var pendingLinks = [(path: String, relative: String)]()
    private var walk = Walk()

    private struct FolderIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// Walks `roots` (folders or files).
    static func walk(_ roots: [String]) -> Walk {
        var walker = ScanWalker()
        for root in roots { walker.add(root: root) }
        walker.followLinks()
        return walker.walk
    }

    private mutating func add(root: String) {
        let shown = Self.trimmed(root)
        switch ScanFileSystem.status(root, follow: true) {
        case .failure(let failure):
            // A dangling link given directly still exists as a path: report it as a file.
            if case .success(let link) = ScanFileSystem.status(root, follow: false), link.kind == .symlink {
                walk.existingRoots.append(root)
                walk.units.append(ScanUnit(files: [ScanInput(
                    path: shown, relativePath: Self.lastComponent(shown),
                    problem: "dangling symbolic link (\(failure))")]))
            } else {
                walk.missingRoots.append((root, failure.message))
            }
        case .success(let status):
            walk.existingRoots.append(root)
            if status.kind == .directory {
                walkTree(root: shown, status: status)
            } else {
                walk.units.append(ScanUnit(files: [ScanInput(path: shown, relativePath: Self.lastComponent(shown))]))
            }
        }
    }

    /// Walks one root folder's real folders depth-first with an explicit stack (no recursion limit);
    /// links to folders wait in ``pendingLinks``.
    private mutating func walkTree(root: String, status: ScanFileSystem.Status) {
        guard visited.insert(FolderIdentity(device: status.device, inode: status.inode)).inserted else {
            walk.skippedFolderLinks.append(root)
            return
        }
        walkFolders([(root, "")])
    }

    private mutating func walkFolders(_ start: [(path: String, relative: String)]) {
        var stack = start
        while let folder = stack.popLast() {
            let found = walkFolder(path: folder.path, relative: folder.relative)
            stack.append(contentsOf: found.folders.reversed())
            pendingLinks.append(contentsOf: found.links)
        }
    }

    /// Follows the links to folders found so far (and those found behind them), after every real
    /// folder of every root was walked, so a folder reached both directly and through a link is listed
    /// under its real path.
    private mutating func followLinks() {
        var next = 0
        while next < pendingLinks.count {
            let link = pendingLinks[next]
            next += 1
            guard case .success(let target) = ScanFileSystem.status(link.path, follow: true),
                  visited.insert(FolderIdentity(device: target.device, inode: target.inode)).inserted
            else {
                walk.skippedFolderLinks.append(link.path)
                continue
            }
            walkFolders([link])
        }
    }

    /// Adds the units of one folder's files and returns its real subfolders and its links to folders,
    /// in name order.
    private mutating func walkFolder(
        path: String, relative: String
    ) -> (folders: [(path: String, relative: String)], links: [(path: String, relative: String)]) {
        let names: [String]
        switch ScanFileSystem.names(in: path) {
        case .success(let list): names = list
        case .failure(let failure):
            let shown = relative.isEmpty ? Self.lastComponent(path) : relative
            walk.units.append(ScanUnit(files: [ScanInput(
                path: path, relativePath: shown, problem: "cannot list the folder: \(failure)")]))
            return ([], [])
        }
        var files = [ScanInput]()
        var subfolders = [(path: String, relative: String)]()
        var links = [(path: String, relative: String)]()
        for name in names {
            let full = path == "/" ? "/" + name : path + "/" + name
            let below = relative.isEmpty ? name : relative + "/" + name
            switch ScanFileSystem.status(full, follow: false) {
            case .failure(let failure):
                files.append(ScanInput(path: full, relativePath: below, problem: "vanished during the scan (\(failure))"))
            case .success(let entry):
                var target = entry
                if entry.kind == .symlink {
                    switch ScanFileSystem.status(full, follow: true) {
                    case .failure(let failure):
                        files.append(ScanInput(path: full, relativePath: below, problem: "dangling symbolic link (\(failure))"))
                        continue
                    case .success(let resolved):
                        target = resolved
                    }
                }
                if target.kind == .directory, entry.kind == .symlink {
                    links.append((full, below))
                } else if target.kind == .directory {
                    if visited.insert(FolderIdentity(device: target.device, inode: target.inode)).inserted {
                        subfolders.append((full, below))
                    } else {
                        walk.skippedFolderLinks.append(full)
                    }
                } else {
                    files.append(ScanInput(path: full, relativePath: below))
                }
            }
        }
        let report = files.first { Self.isWERReport(Self.lastComponent($0.path)) && $0.problem == nil }?.path
        walk.units.append(contentsOf: Self.units(of: files, werReport: report))
        return (subfolders, links)
    }

    /// Groups one folder's files into units: each `.hdmp` with the `.mdmp` of the same stem, or, when
    /// no stems match and the folder holds exactly one of each left (WER's report folders name them
    /// `WER1A2B.tmp.mdmp` and `WER1C3D.tmp.hdmp`), those two. Other files are units of their own.
    /// Units keep the folder's name order (a pair sits where its `.mdmp` does).
    static func units(of files: [ScanInput], werReport: String?) -> [ScanUnit] {
        // Each name's stem is computed once and heaps are found by stem in a dictionary: searching
        // every .hdmp for every .mdmp by name cost 1 M instructions per file in a folder of 600.
        var minis = [(index: Int, stem: String)]()
        var heapsByStem = [String: [Int]]()  // stem → .hdmp indices, in file order
        var heaps = [Int]()
        for index in files.indices where files[index].problem == nil {
            let name = lastComponent(files[index].path).lowercased()
            if name.hasSuffix(".mdmp") {
                minis.append((index, String(name.dropLast(5))))
            } else if name.hasSuffix(".hdmp") {
                heapsByStem[String(name.dropLast(5)), default: []].append(index)
                heaps.append(index)
            }
        }
        var partner = [Int: Int]()  // .mdmp index → .hdmp index
        var usedHeaps = Set<Int>()
        var leftMinis = [Int]()
        for mini in minis {
            if var candidates = heapsByStem[mini.stem], !candidates.isEmpty {
                let heap = candidates.removeFirst()
                heapsByStem[mini.stem] = candidates
                partner[mini.index] = heap
                usedHeaps.insert(heap)
            } else {
                leftMinis.append(mini.index)
            }
        }
        let leftHeaps = heaps.filter { !usedHeaps.contains($0) }
        if leftMinis.count == 1, leftHeaps.count == 1 {
            partner[leftMinis[0]] = leftHeaps[0]
            usedHeaps.insert(leftHeaps[0])
        }
        var units = [ScanUnit]()
        for index in files.indices where !usedHeaps.contains(index) {
            var group = [files[index]]
            if let heap = partner[index] { group.append(files[heap]) }
            units.append(ScanUnit(files: group, werReport: werReport))
        }
        return units
    }

    /// The path without trailing slashes (`/` stays `/`).
    static func trimmed(_ path: String) -> String {
        var text = Substring(path)
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }

    /// The last path component.
    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
