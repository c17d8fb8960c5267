import Foundation
import L10nCore

/// Segmentation rules in SRX 2.0 form (LISA/GALA *Segmentation Rules eXchange*): named sets of
/// break and no-break rules, and a map from language patterns to those sets.
///
/// A plain value: it records what the file says. Every regular expression is compiled once when
/// the document is read (so a bad rule fails at load time with its file and line), and again by
/// ``SentenceSegmenter`` for the rules of the language it segments.
///
/// ```swift
/// let mine = try SRXDocument(contentsOf: URL(fileURLWithPath: "rules.srx"))
/// let segmenter = try SentenceSegmenter(language: "de", userRules: mine)
/// ```
public struct SRXDocument: Hashable, Sendable {
    /// The `<header>` settings. `<formathandle>` elements are not kept: inline codes reach the
    /// segmenter as U+FFFC object replacement characters, never as markup, so there is nothing
    /// for them to include or exclude. Extension elements (`okpsrx:options`…) are ignored.
    public struct Header: Hashable, Sendable {
        /// `segmentsubflows`: whether text inside inline codes (e.g. an `alt` attribute) is
        /// segmented on its own. Recorded for format readers; the segmenter itself only sees the
        /// text it is given.
        public var segmentSubflows: Bool
        /// `cascade`: when true, every language map that matches contributes its rules, in map
        /// order; when false, only the first matching map does.
        public var cascade: Bool

        public init(segmentSubflows: Bool = true, cascade: Bool = true) {
            self.segmentSubflows = segmentSubflows
            self.cascade = cascade
        }
    }

    /// A `<rule>`: at a position, `beforeBreak` must match text ending there and `afterBreak`
    /// text starting there (an empty or absent pattern always matches).
    public struct Rule: Hashable, Sendable {
        /// `break="yes"` (a break) or `break="no"` (an exception that prevents one).
        public var isBreak: Bool
        public var beforeBreak: String
        public var afterBreak: String
        /// The line of the `<rule>` element in its file, for error messages.
        public var line: Int?

        public init(isBreak: Bool, beforeBreak: String, afterBreak: String, line: Int? = nil) {
            self.isBreak = isBreak
            self.beforeBreak = beforeBreak
            self.afterBreak = afterBreak
            self.line = line
        }
    }

    /// A `<languagerule>`: an ordered list of rules under a name.
    public struct LanguageRule: Hashable, Sendable {
        public var name: String
        public var rules: [Rule]
        public var line: Int?

        public init(name: String, rules: [Rule], line: Int? = nil) {
            self.name = name
            self.rules = rules
            self.line = line
        }
    }

    /// A `<languagemap>`: languages whose code matches `languagePattern` (a regex that must match
    /// the whole code, e.g. `(PT|pt).*`) use the language rule named `languageRuleName`.
    public struct LanguageMap: Hashable, Sendable {
        public var languagePattern: String
        public var languageRuleName: String
        public var line: Int?

        public init(languagePattern: String, languageRuleName: String, line: Int? = nil) {
            self.languagePattern = languagePattern
            self.languageRuleName = languageRuleName
            self.line = line
        }
    }

    public var header: Header
    public var languageRules: [LanguageRule]
    public var mapRules: [LanguageMap]
    /// Where the document came from (a path or a name), for error messages.
    public var source: String

    /// A document built in code. Call ``validate()`` to check its patterns.
    public init(header: Header = Header(), languageRules: [LanguageRule], mapRules: [LanguageMap], source: String = "<srx>") {
        self.header = header
        self.languageRules = languageRules
        self.mapRules = mapRules
        self.source = source
    }

    /// Reads and validates an SRX file. Errors are ``FormatError``s naming the file and line.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw FormatError(.malformed, "cannot read the SRX file: \(error.localizedDescription)", at: SourceLocation(file: url.path))
        }
        try self.init(data: data, source: url.path)
    }

    /// Parses and validates SRX bytes; `source` names them in error messages.
    public init(data: Data, source: String = "<srx>") throws {
        try self.init(data: data, source: source, validating: true)
    }

    /// `validating: false` skips compiling every rule of every language up front (the built-in
    /// rules, which the tests validate: a run then compiles only its languages' rules).
    init(data: Data, source: String, validating: Bool) throws {
        self = try SRXParser.parse(data, source: source)
        if validating { try validate() }
    }

    /// The language rules that apply to `language` (a BCP 47 tag such as `pt-BR`), in order:
    /// those of the first matching map, or of every matching map when ``Header/cascade`` is on.
    /// A language pattern that does not compile matches nothing (``validate()`` reports it).
    public func languageRules(for language: String) -> [LanguageRule] {
        var names: [String] = []
        for map in mapRules {
            let translated = JavaRegexTranslator.translate(map.languagePattern).pattern
            guard let regex = try? ICURegex(pattern: translated), regex.matchesWhole(language) else { continue }
            if !names.contains(map.languageRuleName) { names.append(map.languageRuleName) }
            if !header.cascade { break }
        }
        return names.compactMap { name in languageRules.first { $0.name == name } }
    }

    /// Checks that every map names an existing language rule and that every pattern compiles.
    /// The error names the file, the line, the language rule and the rule's position in it.
    public func validate() throws {
        var seen = Set<String>()
        for languageRule in languageRules {
            guard seen.insert(languageRule.name).inserted else {
                throw error("duplicate languagerule \"\(languageRule.name)\"", line: languageRule.line)
            }
            for (index, rule) in languageRule.rules.enumerated() {
                do {
                    _ = try CompiledRule(rule)
                } catch {
                    let failure = error
                    let place = "languagerule \"\(languageRule.name)\", rule \(index + 1) (break=\"\(rule.isBreak ? "yes" : "no")\")"
                    var where_ = ""
                    if let offset = failure.error.offset { where_ = " at offset \(offset)" }
                    throw self.error("\(place): the \(failure.part) pattern does not compile (\(failure.error.name)\(where_)): \(failure.pattern)", line: rule.line)
                }
            }
        }
        for map in mapRules {
            guard seen.contains(map.languageRuleName) else {
                throw error("languagemap names an unknown languagerule \"\(map.languageRuleName)\"", line: map.line)
            }
            do {
                _ = try ICURegex(pattern: JavaRegexTranslator.translate(map.languagePattern).pattern)
            } catch {
                throw self.error("languagemap pattern does not compile (\(error.name)): \(map.languagePattern)", line: map.line)
            }
        }
    }

    private func error(_ message: String, line: Int?) -> FormatError {
        FormatError(.invalidSRX, message, at: SourceLocation(file: source, line: line))
    }
}
