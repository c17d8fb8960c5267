/// Rewrites the Java regex idioms found in SRX files into ICU regex syntax.
///
/// SRX 2.0 says rules are ICU/Java regular expressions, and in practice they are written and
/// tested against `java.util.regex` (Okapi, LanguageTool, OmegaT). ICU accepts almost all of
/// that syntax; the differences this handles are:
/// - inline flags ICU does not know: `u` (UNICODE_CASE: ICU is always Unicode-aware), `U`
///   (UNICODE_CHARACTER_CLASS: ICU classes are already Unicode) and `d` (UNIX_LINES) are removed;
/// - Java's POSIX and `java…` property names (`\p{Punct}`, `\p{Lower}`, `\p{javaLowerCase}`,
///   `\p{IsAlphabetic}`, `\p{IsLatin}`, `\p{InGreek}`) become the equivalent ICU sets. Java's
///   POSIX classes are ASCII-only, so they map to ASCII ranges, not Unicode categories;
/// - lookbehind with an unbounded quantifier (`(?<=[XVI]+)`), which Java tolerates and ICU
///   rejects, gets the bound ``lookbehindLimit`` (`+` → `{1,100}`, `*` → `{0,100}`, `{n,}` →
///   `{n,100}`), as the `segment` library does for Java.
/// Everything else (`\Q…\E`, possessive and atomic groups, `\h`, `\R`, `\x{…}`, nested classes
/// and `&&`) is ICU syntax already and passes through unchanged.
enum JavaRegexTranslator {
    /// The longest text an otherwise unbounded quantifier may cover inside a lookbehind.
    static let lookbehindLimit = 100

    struct Result: Equatable {
        /// The pattern in ICU syntax.
        var pattern: String
        /// True when the pattern can anchor to the start of the text (`^` or `\A` outside a
        /// character class), so it must not be evaluated over a window of the text.
        var anchorsAtStart: Bool
    }

    static func translate(_ java: String) -> Result {
        let s = Array(java.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        var classDepth = 0
        var groups: [Bool] = []  // per open group: is it a lookbehind?
        var lastWasQuantifier = false
        var anchorsAtStart = false
        var inLookbehind: Bool { groups.contains(true) }

        func emit(_ text: String) { out.append(contentsOf: text.unicodeScalars) }
        func peek(_ k: Int) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

        while i < s.count {
            let c = s[i]
            var quantifier = false
            defer { lastWasQuantifier = quantifier }
            if c == "\\" {
                guard let d = peek(1) else { emit("\\"); i += 1; continue }
                switch d {
                case "Q":
                    // Literal text up to \E (or the end): copy untouched.
                    var j = i + 2
                    while j < s.count, !(s[j] == "\\" && j + 1 < s.count && s[j + 1] == "E") { j += 1 }
                    let end = min(j + 2, s.count)
                    out.append(contentsOf: s[i..<end])
                    i = end
                case "p", "P":
                    var name = ""
                    var j = i + 2
                    if peek(2) == "{" {
                        j = i + 3
                        while j < s.count, s[j] != "}" { name.unicodeScalars.append(s[j]); j += 1 }
                        j += 1
                    } else if let single = peek(2) {
                        name = String(single)
                        j = i + 3
                    }
                    emit(property(name, negated: d == "P"))
                    i = j
                case "A":
                    if classDepth == 0 { anchorsAtStart = true }
                    emit("\\A"); i += 2
                default:
                    out.append(c); out.append(d); i += 2
                }
                continue
            }
            if classDepth > 0 {
                if c == "[" { classDepth += 1 } else if c == "]" { classDepth -= 1 }
                out.append(c); i += 1
                continue
            }
            switch c {
            case "[":
                classDepth = 1
                out.append(c); i += 1
                if peek(0) == "^" { out.append("^"); i += 1 }
            case "(":
                if peek(1) == "?" {
                    if peek(2) == "<", let k = peek(3), k == "=" || k == "!" {
                        groups.append(true)
                        emit("(?<"); out.append(k); i += 4
                    } else if let k = peek(2), isFlag(k) || k == "-" {
                        var j = i + 2
                        var flags = ""
                        while j < s.count, isFlag(s[j]) || s[j] == "-" {
                            if !"uUd".unicodeScalars.contains(s[j]) { flags.unicodeScalars.append(s[j]) }
                            j += 1
                        }
                        let terminator = j < s.count ? s[j] : ")"
                        if flags.hasSuffix("-") { flags.removeLast() }
                        if terminator == ":" {
                            groups.append(false)
                            emit("(?\(flags):")
                        } else if !flags.isEmpty {
                            emit("(?\(flags))")
                        }
                        i = j + 1
                    } else {
                        groups.append(false)
                        emit("(?"); i += 2
                    }
                } else {
                    groups.append(false)
                    out.append(c); i += 1
                }
            case ")":
                if !groups.isEmpty { groups.removeLast() }
                out.append(c); i += 1
            case "^":
                anchorsAtStart = true
                out.append(c); i += 1
            case "+", "*":
                if inLookbehind && !lastWasQuantifier {
                    emit(c == "+" ? "{1,\(lookbehindLimit)}" : "{0,\(lookbehindLimit)}")
                    quantifier = true
                } else {
                    out.append(c)
                    quantifier = !lastWasQuantifier
                }
                i += 1
            case "?":
                out.append(c); i += 1
                quantifier = !lastWasQuantifier
            case "{":
                var j = i + 1
                var body = ""
                while j < s.count, s[j] != "}" { body.unicodeScalars.append(s[j]); j += 1 }
                let isCounted = j < s.count && !body.isEmpty && body.allSatisfy { $0.isNumber || $0 == "," }
                if isCounted {
                    if inLookbehind, body.hasSuffix(",") { body += String(lookbehindLimit) }
                    emit("{\(body)}")
                    i = j + 1
                    quantifier = true
                } else {
                    out.append(c); i += 1
                }
            default:
                out.append(c); i += 1
            }
        }
        return Result(pattern: String(out), anchorsAtStart: anchorsAtStart)
    }

    private static func isFlag(_ c: Unicode.Scalar) -> Bool {
        "idmsuxUw".unicodeScalars.contains(c)
    }

    /// ICU spelling of a Java `\p{name}` (or `\P{name}` when `negated`).
    static func property(_ name: String, negated: Bool) -> String {
        let p = negated ? "P" : "p"
        let posix: [String: String] = [
            "Lower": "a-z", "Upper": "A-Z", "ASCII": "\\x00-\\x7F", "Alpha": "a-zA-Z", "Digit": "0-9",
            "Alnum": "a-zA-Z0-9", "Punct": "!-/:-@\\[-`{-~", "Graph": "!-~", "Print": " -~", "Blank": " \\t",
            "Cntrl": "\\x00-\\x1F\\x7F", "XDigit": "0-9a-fA-F", "Space": " \\t\\n\\x0B\\f\\r",
        ]
        if let range = posix[name] { return negated ? "[^\(range)]" : "[\(range)]" }
        let java: [String: String] = [
            "javaLowerCase": "Lowercase", "javaUpperCase": "Uppercase", "javaWhitespace": "White_Space",
            "javaMirrored": "Bidi_Mirrored", "javaLetter": "L", "javaDigit": "Nd", "javaAlphabetic": "Alphabetic",
            "javaIdeographic": "Ideographic", "javaTitleCase": "Lt", "javaSpaceChar": "Z",
        ]
        if let mapped = java[name] { return "\\\(p){\(mapped)}" }
        if name == "javaLetterOrDigit" { return negated ? "[^\\p{L}\\p{Nd}]" : "[\\p{L}\\p{Nd}]" }
        if name.hasPrefix("Is"), name.count > 2 { return "\\\(p){\(name.dropFirst(2))}" }
        if name.hasPrefix("In"), name.count > 2, !name.contains("=") { return "\\\(p){Block=\(name.dropFirst(2))}" }
        return "\\\(p){\(name)}"
    }
}
