import Foundation

/// Records of pages that left the project (their source was deleted, renamed or excluded since
/// the run that made them). Their outputs would otherwise stay on the site forever, listed by no
/// sitemap and updated by no run; the batch removes them — the ones still as it wrote them — with
/// their records, and `--check` reports them as out of date.
package enum OrphanRecords {
    /// Every record below the project's state folder whose source is not in `sources` and that
    /// belongs to `shard` (a deleted page belongs to the shard its path hashes to, as it did when
    /// it existed), sorted by record path. Unreadable files are not records and are left alone.
    package static func find(stateFolder: String, directory: String, sources: [String], shard: BatchShard?) -> [(path: String, record: PageRecord)] {
        let root = ProjectPaths.resolve(stateFolder, in: directory)
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        let current = Set(sources)
        var found: [(path: String, record: PageRecord)] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".json") else { continue }
            // A record's path names its page: the pages still in the project (nearly all of them,
            // on a big catalogue) are passed over without reading their records.
            if current.contains(ProjectPaths.normalize(String(relative.dropLast(".json".count)))) { continue }
            let path = ProjectPaths.normalize(stateFolder + "/" + relative)
            guard let record = PageRecord.load(ProjectPaths.resolve(path, in: directory)),
                  // A record sits where its page's job keeps it; anything else is not ours.
                  path == ProjectPaths.normalize(stateFolder + "/" + record.source + ".json"),
                  !current.contains(record.source),
                  shard?.contains(record.source) ?? true else { continue }
            found.append((path, record))
        }
        return found.sorted { $0.path < $1.path }
    }
}
