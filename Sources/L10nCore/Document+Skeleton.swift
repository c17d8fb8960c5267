extension Document {
    /// Records that a segment's source no longer matches the original bytes (it was adapted),
    /// so merge writes that segment from its content even when it has no target.
    public mutating func markSourceRewritten(unit: String, segment: String) {
        guard let u = skeleton.spans.firstIndex(where: { $0.unit == unit }),
              let p = skeleton.spans[u].parts.firstIndex(where: { $0.id == segment }) else { return }
        skeleton.spans[u].parts[p].rewritten = true
    }
}
