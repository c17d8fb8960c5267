/// Text made safe for XML and HTML reports, in element content and in double-quoted attribute
/// values: `& < > "` as references, and characters XML 1.0 cannot carry (C0 controls but tab,
/// line feed and carriage return; U+FFFE, U+FFFF) as U+FFFD, since a finding may quote them.
enum MarkupEscaping {
    static func escape(_ s: String) -> String {
        var o = ""
        o.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            case "\u{9}", "\u{A}", "\u{D}": o.unicodeScalars.append(c)
            default:
                if c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF { o += "\u{FFFD}" } else { o.unicodeScalars.append(c) }
            }
        }
        return o
    }
}
