import Foundation

/// Everything merge needs to rebuild a document byte for byte: the original bytes and, for each
/// unit, where it sits in them, where each of its segments and ignorables sits, and the original
/// data of its inline codes.
///
/// It travels inside the XLIFF (XLIFF 2 `<skeleton>`, XLIFF 1.2 `<skl><internal-file>`), so a
/// translator can send the XLIFF back and `merge` works without the original file.
///
/// Encodings: version 1 is this type's JSON (``encoded()``), base64'd whole into the XLIFF;
/// version 2 is the original bytes base64'd once plus a compact span map (see `SkeletonCodec` in
/// L10nFormats); version 3, what l10n writes now, adds nested units (subflows: a translatable
/// attribute inside a code of another unit). Readers accept all three.
public struct Skeleton: Hashable, Sendable, Codable {
    /// Bumped when the encoding changes incompatibly.
    public static let currentVersion = 3

    /// The encoding version the skeleton was read from (``currentVersion`` for a new one);
    /// writers always write the current encoding.
    public var version: Int
    public var original: Data
    public var spans: [UnitSpan]

    public init(original: Data, spans: [UnitSpan], version: Int = Skeleton.currentVersion) {
        self.version = version
        self.original = original
        self.spans = spans
    }

    /// Where one unit sits in the original bytes.
    public struct UnitSpan: Hashable, Sendable, Codable {
        public var unit: String
        public var type: String?
        /// Byte offsets, half-open.
        public var start: Int
        public var end: Int
        public var parts: [PartSpan]
        /// The unit's inline codes with their original data, so a target that carries only ids
        /// (XLIFF 1.2 `<x id="3"/>`) can be written back.
        public var codes: [InlineCode]
        /// Set for a subflow: the unit sits inside the data of a code of another unit.
        public var parent: Parent?

        public init(unit: String, type: String?, start: Int, end: Int, parts: [PartSpan], codes: [InlineCode], parent: Parent? = nil) {
            self.unit = unit
            self.type = type
            self.start = start
            self.end = end
            self.parts = parts
            self.codes = codes
            self.parent = parent
        }
    }

    /// Where a subflow sits in its parent: inside code `code` (an index into the parent span's
    /// ``UnitSpan/codes``), `offset` bytes into that code's data. Merge writes the subflow's
    /// translation there, wherever the parent's translation moved the code.
    public struct Parent: Hashable, Sendable, Codable {
        public var unit: String
        public var code: Int
        public var offset: Int

        public init(unit: String, code: Int, offset: Int) {
            self.unit = unit
            self.code = code
            self.offset = offset
        }
    }

    /// Where one segment or ignorable sits in the original bytes.
    public struct PartSpan: Hashable, Sendable, Codable {
        public var id: String
        public var start: Int
        public var end: Int
        /// Set when the segment's *source* was rewritten after extraction (market adaptation):
        /// its original bytes no longer say what the source says, so merge writes it from content.
        public var rewritten: Bool?

        public init(id: String, start: Int, end: Int, rewritten: Bool? = nil) {
            self.id = id
            self.start = start
            self.end = end
            self.rewritten = rewritten
        }
    }

    /// The skeleton as compact JSON (keys sorted, so the same input gives the same bytes).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The skeleton from its JSON (``encoded()``), checked with ``validate()``.
    public static func decode(_ data: Data) throws -> Skeleton {
        let skeleton = try JSONDecoder().decode(Skeleton.self, from: data)
        guard skeleton.version <= currentVersion else {
            throw FormatError(.unsupported, "skeleton version \(skeleton.version) is newer than this l10n understands (\(currentVersion))")
        }
        try skeleton.validate()
        return skeleton
    }

    /// Throws ``FormatError/Code/invalidSkeleton`` unless the top-level units are in order inside
    /// the original, each subflow follows the top-level unit it names and lies inside one of its
    /// codes, in order with its siblings, and each unit's parts tile it exactly: what merge relies on.
    public func validate() throws {
        let count = original.count
        var last = 0
        var lastTop = -1  // the top-level span subflows hang on
        var lastInParent = 0  // where the previous subflow of that span ended
        // Spans and parts read in place by index: copying a span out retains all its strings and arrays.
        try spans.withUnsafeBufferPointer { spans in
            for s in spans.indices {
                let (start, end) = (spans[s].start, spans[s].end)
                if let parent = spans[s].parent {
                    guard lastTop >= 0, spans[lastTop].unit == parent.unit else {
                        throw FormatError(.invalidSkeleton, "unit \(spans[s].unit): its parent unit \(parent.unit) is not the top-level unit before it")
                    }
                    guard parent.code >= 0, parent.code < spans[lastTop].codes.count, parent.offset >= 0,
                          parent.offset + (end - start) <= spans[lastTop].codes[parent.code].data.utf8.count else {
                        throw FormatError(.invalidSkeleton, "unit \(spans[s].unit): it does not lie inside code \(parent.code) of unit \(parent.unit)")
                    }
                    guard start >= lastInParent, start <= end, end <= spans[lastTop].end else {
                        throw FormatError(.invalidSkeleton, "unit \(spans[s].unit): byte range \(start)..<\(end) is out of order or outside unit \(parent.unit)")
                    }
                    lastInParent = end
                } else {
                    guard start >= last, start <= end, end <= count else {
                        throw FormatError(.invalidSkeleton, "unit \(spans[s].unit): byte range \(start)..<\(end) is out of order or outside the original (\(count) bytes)")
                    }
                }
                var p = start
                for k in spans[s].parts.indices {
                    let (partStart, partEnd) = (spans[s].parts[k].start, spans[s].parts[k].end)
                    guard partStart == p, partEnd >= partStart, partEnd <= end else {
                        throw FormatError(.invalidSkeleton, "unit \(spans[s].unit) part \(spans[s].parts[k].id): byte range \(partStart)..<\(partEnd) does not tile the unit")
                    }
                    p = partEnd
                }
                guard p == end else {
                    throw FormatError(.invalidSkeleton, "unit \(spans[s].unit): parts end at byte \(p), unit at \(end)")
                }
                if spans[s].parent == nil {
                    last = end
                    lastTop = s
                    lastInParent = start
                }
            }
        }
    }
}
