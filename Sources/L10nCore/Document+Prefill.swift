extension Document {
    /// A copy in which every segment without a target gets a copy of its source (inline codes
    /// included) with state `initial`: "not translated yet".
    ///
    /// For CAT tools that translate the contents of `<target>` and ignore segments without one
    /// (OmegaT's XLIFF filter). Targets that memory or MT filled keep their own state. Reading
    /// such an XLIFF back, an untouched copy counts as untranslated (``Segment/isTranslated``), so
    /// merge still copies the original bytes for it. Units nobody translates (`translate="no"`)
    /// get no copy: a CAT tool keeps them locked either way.
    public func prefillingTargets() -> Document {
        var copy = self
        for u in copy.units.indices where copy.units[u].translate {
            for s in copy.units[u].segments.indices where !copy.units[u].segments[s].isIgnorable && copy.units[u].segments[s].target == nil {
                copy.units[u].segments[s].target = copy.units[u].segments[s].source
                copy.units[u].segments[s].state = .initial
                copy.units[u].segments[s].provenance = nil
            }
        }
        return copy
    }
}
