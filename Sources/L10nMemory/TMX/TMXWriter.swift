import Foundation
import L10nCore

/// Writes translation units as TMX 1.4b, streaming: units are written as they come (a few KB
/// buffered), into a temporary file beside the output that replaces it only when complete.
///
/// Inline codes become `<bpt>`/`<ept>` (a pair in the same segment, numbered by `i`), `<it>` (a
/// half whose partner is elsewhere), `<ph>` (standalone), each with `x` linking a target code
/// to the source code with the same id; the code's data is the element's (escaped) content.
/// Origin, project, market and context travel as `x-l10n-*` properties, so a memory exported and
/// imported again is the same memory.
public final class TMXWriter {
    public static let toolVersion = "0.1.0"

    private let path: String
    private let temporary: String
    private let handle: FileHandle
    private var buffer = ""
    private var finished = false
    public private(set) var units = 0

    /// Starts `path`; `sourceLanguage` is the header's `srclang` (`*all*` when units differ).
    public init(path: String, sourceLanguage: LanguageTag?) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw MemoryError(.cannotOpen, "cannot write the TMX file here", file: path)
        }
        self.handle = handle
        buffer = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4">
              <header creationtool="l10n" creationtoolversion="\(Self.toolVersion)" datatype="plaintext" segtype="sentence" \
            adminlang="en" srclang="\(sourceLanguage?.rawValue ?? "*all*")" o-tmf="l10n"/>
              <body>

            """
    }

    deinit {
        if !finished {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }

    public func write(_ unit: TranslationUnit) throws {
        var s = "    <tu srclang=\"\(unit.sourceLanguage.rawValue)\""
        if let created = unit.created { s += " creationdate=\"\(TMXDate.format(created))\"" }
        if let changed = unit.changed { s += " changedate=\"\(TMXDate.format(changed))\"" }
        s += ">\n"
        var properties = unit.properties.filter { !$0.type.hasPrefix(TMXProperties.prefix) }
        properties += TMXProperties.l10n(of: unit)
        for p in properties { s += "      <prop type=\"\(Self.escape(p.type, attribute: true))\">\(Self.escape(p.value))</prop>\n" }
        for n in unit.notes { s += "      <note>\(Self.escape(n))</note>\n" }
        var numbers: [String: Int] = [:]
        for code in unit.source.codes where numbers[code.id] == nil { numbers[code.id] = numbers.count + 1 }
        s += "      <tuv xml:lang=\"\(unit.sourceLanguage.rawValue)\"><seg>\(Self.segment(unit.source, numbers: &numbers))</seg></tuv>\n"
        s += "      <tuv xml:lang=\"\(unit.targetLanguage.rawValue)\"><seg>\(Self.segment(unit.target, numbers: &numbers))</seg></tuv>\n"
        s += "    </tu>\n"
        buffer += s
        units += 1
        if buffer.utf8.count > 1 << 16 { try flush() }
    }

    /// Closes the document and moves it into place.
    public func finish() throws {
        buffer += "  </body>\n</tmx>\n"
        try flush()
        try handle.close()
        finished = true
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw MemoryError(.cannotOpen, "cannot move the finished TMX into place (errno \(errno))", file: path)
        }
    }

    private func flush() throws {
        do { try handle.write(contentsOf: Data(buffer.utf8)) } catch {
            throw MemoryError(.cannotOpen, "cannot write the TMX file: \(error.localizedDescription)", file: path)
        }
        buffer = ""
    }

    /// A `<seg>`'s content; `numbers` gives each code id its `x` (shared by source and target).
    static func segment(_ content: Content, numbers: inout [String: Int]) -> String {
        var s = ""
        var pairNumbers: [String: Int] = [:]
        for (index, run) in content.runs.enumerated() {
            switch run {
            case .text(let t):
                s += escape(t)
            case .code(let code):
                if numbers[code.id] == nil { numbers[code.id] = numbers.count + 1 }
                let x = numbers[code.id]!
                let data = escape(code.data)
                switch code.kind {
                case .standalone:
                    s += "<ph x=\"\(x)\">\(data)</ph>"
                case .open:
                    let closed = !code.isolated && content.runs[(index + 1)...].contains {
                        if case .code(let c) = $0 { return c.kind == .close && c.id == code.id } else { return false }
                    }
                    if closed {
                        let i = pairNumbers.count + 1
                        pairNumbers[code.id] = i
                        s += "<bpt i=\"\(i)\" x=\"\(x)\">\(data)</bpt>"
                    } else {
                        s += "<it pos=\"begin\" x=\"\(x)\">\(data)</it>"
                    }
                case .close:
                    if let i = pairNumbers.removeValue(forKey: code.id) {
                        s += "<ept i=\"\(i)\">\(data)</ept>"
                    } else {
                        s += "<it pos=\"end\" x=\"\(x)\">\(data)</it>"
                    }
                }
            }
        }
        return s
    }

    /// XML 1.0 escaping; characters XML cannot carry at all (most C0 controls) are dropped.
    /// (L10nFormats' byte-level escaper is internal to the XLIFF writers.)
    static func escape(_ s: String, attribute: Bool = false) -> String {
        // Most text needs nothing: answered from its bytes, without a scalar walk or a copy.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                                     || $0 == UInt8(ascii: "\"") || $0 == 0xEF }) {
            return s
        }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            // A raw CR reads back as LF, and in an attribute tab and LF as spaces: references.
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
