/// A place in an input file, for error messages people can act on (`page.md:12:7`).
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String?
    /// 1-based.
    public var line: Int?
    /// 1-based, in bytes.
    public var column: Int?
    /// 0-based byte offset from the start of the file.
    public var byteOffset: Int?

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    /// The line and column of `offset` in `bytes`.
    public static func at(byteOffset offset: Int, in bytes: some Collection<UInt8>, file: String? = nil) -> SourceLocation {
        var line = 1
        var lineStart = 0
        var i = 0
        for b in bytes {
            if i >= offset { break }
            if b == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        return SourceLocation(file: file, line: line, column: offset - lineStart + 1, byteOffset: offset)
    }

    public var description: String {
        var s = file ?? "<input>"
        if let line {
            s += ":\(line)"
            if let column { s += ":\(column)" }
        } else if let byteOffset {
            s += ": byte \(byteOffset)"
        }
        return s
    }
}
