/// An XLIFF 2 fragment identifier (`#/f=f1/u=u1/n=n1`, `#m1`, `#t=m2`): XLIFF 2 core §4.9 /
/// §5 "Fragment Identification".
///
/// Selectors are `prefix=id` or, for the last one only, a bare `id`. `f`, `g` and `u` select
/// containers; everything else (`n`, `d`, `t`, module and extension prefixes, bare ids) selects a
/// leaf, which comes last and at most once.
struct FragmentIdentifier: Hashable, Sendable {
    struct Selector: Hashable, Sendable {
        var prefix: String?
        var id: String
        var isContainer: Bool { prefix == "f" || prefix == "g" || prefix == "u" }
    }

    var isAbsolute: Bool
    var selectors: [Selector]

    func value(of prefix: String) -> String? { selectors.first { $0.prefix == prefix }?.id }
    var leaf: Selector? { selectors.last.flatMap { $0.isContainer ? nil : $0 } }

    /// Parses `reference` (which starts with `#`); the error says what is wrong with it.
    static func parse(_ reference: String, extensionPrefixes: Set<String>) -> Result<FragmentIdentifier, Problem> {
        guard reference.hasPrefix("#") else { return .failure(Problem("does not start with '#'")) }
        var body = Substring(reference.dropFirst())
        let absolute = body.hasPrefix("/")
        if absolute { body = body.dropFirst() }
        guard !body.isEmpty else { return .failure(Problem("is empty")) }
        var selectors: [Selector] = []
        for part in body.split(separator: "/", omittingEmptySubsequences: false) {
            guard !part.isEmpty else { return .failure(Problem("has an empty selector")) }
            if let eq = part.firstIndex(of: "=") {
                let prefix = String(part[..<eq]), id = String(part[part.index(after: eq)...])
                guard isNMTOKEN(prefix) else { return .failure(Problem("has prefix '\(prefix)', which is not an NMTOKEN")) }
                guard isNMTOKEN(id) else { return .failure(Problem("has id '\(id)' after '\(prefix)=', which is not an NMTOKEN")) }
                let known = XLIFFNamespace.coreFragmentPrefixes.contains(prefix) || XLIFFNamespace.moduleFragmentPrefixes.contains(prefix)
                    || extensionPrefixes.contains(prefix)
                if !known {
                    if prefix.count < 2 { return .failure(Problem("has prefix '\(prefix)': extension prefixes have at least two characters")) }
                    return .failure(Problem("has prefix '\(prefix)', which is neither a core or module prefix nor a registered extension prefix"))
                }
                selectors.append(Selector(prefix: prefix, id: id))
            } else {
                guard isNMTOKEN(String(part)) else { return .failure(Problem("has id '\(part)', which is not an NMTOKEN")) }
                selectors.append(Selector(prefix: nil, id: String(part)))
            }
        }
        var prefixes = Set<String>()
        for (i, selector) in selectors.enumerated() {
            if let prefix = selector.prefix, !prefixes.insert(prefix).inserted {
                return .failure(Problem("uses the prefix '\(prefix)=' twice"))
            }
            if selector.prefix == "f" && i != 0 { return .failure(Problem("has 'f=' after another selector; the file comes first")) }
            if !selector.isContainer && i != selectors.count - 1 {
                let name = selector.prefix.map { "'\($0)=\(selector.id)'" } ?? "'\(selector.id)'"
                return .failure(Problem("has \(name) before other selectors; only the last selector may select a leaf"))
            }
        }
        if absolute && selectors.first?.prefix != "f" { return .failure(Problem("is absolute ('#/') but does not start with 'f='")) }
        return .success(FragmentIdentifier(isAbsolute: absolute, selectors: selectors))
    }

    struct Problem: Error, Hashable, Sendable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// XML NMTOKEN, with the ASCII-and-letters approximation of NameChar that XLIFF ids use.
    static func isNMTOKEN(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { c in
            c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "." || c == "-" || c == "_" || c == ":"
                || c == "\u{B7}" || c.properties.generalCategory == .nonspacingMark || c.properties.generalCategory == .spacingMark
        }
    }
}
