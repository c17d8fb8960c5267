import Foundation

/// What the last batch run made of one source page: the fingerprint it was made from, every
/// output it wrote with the output's hash, and its report entries. Kept as one small JSON file
/// per page under the project's `state` folder (so shards running at once never write the same
/// file), it is what lets the next run skip the page, `--check` tell whether committed outputs
/// are current, and a run that skips everything still write a complete report.
package struct PageRecord: Hashable, Sendable, Codable {
    package var source: String
    package var fingerprint: String
    package var outputs: [Output]
    package var report: [AdaptReport.Entry]

    package struct Output: Hashable, Sendable, Codable {
        package var path: String
        package var sha256: String
    }

    /// Pretty, key-sorted JSON, no timestamps: the same run gives the same bytes.
    package func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// The record at `path`, or nil when there is none or it cannot be read (then the page is
    /// simply made again).
    package static func load(_ path: String) -> PageRecord? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(PageRecord.self, from: data)
    }

    /// Why the outputs on disk (below `directory`) are not the ones this record wrote, or nil
    /// when they all are.
    package func staleOutput(in directory: String) -> String? {
        for output in outputs {
            guard let data = FileManager.default.contents(atPath: ProjectPaths.resolve(output.path, in: directory)) else {
                return "\(output.path) is missing"
            }
            if ContentHash.of(data) != output.sha256 { return "\(output.path) was changed since it was written" }
        }
        return nil
    }
}
