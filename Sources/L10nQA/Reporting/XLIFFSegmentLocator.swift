import Foundation

/// Finds the line of a unit's segment in XLIFF text (2.x `<unit id>` … `<segment id>`, 1.2
/// `<trans-unit id>` … `<mrk mtype="seg" mid>`), for reports that point into the file.
///
/// A scan of the bytes, not a parse: the file was already read and checked by the XLIFF reader;
/// this only needs where ids sit. A segment it cannot place falls back to its unit's line.
struct XLIFFSegmentLocator {
    private let bytes: [UInt8]
    /// Line of each unit id, and of each `unit-segment` key.
    private var units: [String: Int] = [:]
    private var segments: [String: Int] = [:]

    /// `keys`: the segment keys (or unit ids) that will be asked for, when known: only their
    /// units' lines are recorded (making and hashing a key for every segment of a file cost more
    /// than the scan itself, for the few segments a report names).
    init(_ bytes: [UInt8], keys: Set<String>? = nil) {
        self.bytes = bytes
        // The units a key can name: the key itself (a unit's own finding), and what comes before
        // each of its dashes (ids may hold dashes, so any of them may end the unit id).
        let wanted: Set<String>? = keys.map { keys in
            var wanted = keys
            for key in keys {
                for i in key.indices where key[i] == "-" { wanted.insert(String(key[..<i])) }
            }
            return wanted
        }
        var units: [String: Int] = [:], segments: [String: Int] = [:]
        // One pass over the whole file: every byte passes here. Tags and line breaks are found
        // with `memchr`, many bytes an instruction (the skeleton's base64, most of a
        // file, has no `<` and a line break every 77 bytes).
        bytes.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            var line = 1
            var unit: String?
            var i = 0
            let n = p.count
            /// Where `byte` first is in `from..<to`.
            @inline(__always) func find(_ byte: UInt8, from: Int, to: Int) -> Int? {
                guard from < to, let found = memchr(base + from, Int32(byte), to - from) else { return nil }
                return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            }
            while i < n {
                // Up to the next `<`, its line breaks counted; nothing after the last one matters.
                guard let open = find(UInt8(ascii: "<"), from: i, to: n) else { break }
                while let newline = find(0x0A, from: i, to: open) {
                    line += 1
                    i = newline + 1
                }
                i = open + 1
                guard let (name, end) = Self.tag(at: i, in: p) else { continue }
                switch name {
                case .unit:
                    if let id = Self.attribute("id", from: end, in: p) {
                        // A unit no key names is passed over with its segments.
                        guard wanted?.contains(id) ?? true else { unit = nil; continue }
                        unit = id
                        if units[id] == nil { units[id] = line }
                    }
                case .segment:
                    if let unit, let id = Self.attribute("id", from: end, in: p) { segments[unit + "-" + id] = segments[unit + "-" + id] ?? line }
                case .mrk:
                    if let unit, Self.attribute("mtype", from: end, in: p) == "seg", let id = Self.attribute("mid", from: end, in: p) {
                        segments[unit + "-" + id] = segments[unit + "-" + id] ?? line
                    }
                }
            }
        }
        self.units = units
        self.segments = segments
    }

    /// The line of `key` (`u3-s1`), or of its unit (`u3`).
    func line(ofSegment key: String) -> Int? {
        if let line = segments[key] { return line }
        guard let dash = key.lastIndex(of: "-") else { return units[key] }
        return units[String(key[..<dash])]
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-") || b == UInt8(ascii: ":") || b == UInt8(ascii: "_")
    }

    /// The elements whose ids it records.
    private enum Tag { case unit, segment, mrk }

    /// The element named at `start` (any prefix dropped) when it is one of ``Tag``, and where the
    /// name ends: compared as bytes, since every tag of the file passes here.
    private static func tag(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Tag, Int)? {
        // Closing tags, comments and declarations go no further than one byte.
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "!"): return nil
        default: break
        }
        var end = start, local = start
        while end < bytes.count, isNameByte(bytes[end]) {
            if bytes[end] == UInt8(ascii: ":") { local = end + 1 }
            end += 1
        }
        // Told by length first: most tags (`source`, `target`, `ph`, `pc`) have none of these lengths.
        let name = bytes[local..<end]
        switch name.count {
        case 4 where name.elementsEqual("unit".utf8), 10 where name.elementsEqual("trans-unit".utf8): return (.unit, end)
        case 7 where name.elementsEqual("segment".utf8): return (.segment, end)
        case 3 where name.elementsEqual("mrk".utf8): return (.mrk, end)
        default: return nil
        }
    }

    /// The value of attribute `name` in the tag that continues at `from` (up to its `>`).
    /// `name` is static so that its bytes are read in place (an array of them cost an allocation a call).
    private static func attribute(_ name: StaticString, from: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let key = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        var i = from
        while i < bytes.count, bytes[i] != UInt8(ascii: ">") {
            if bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x09 || bytes[i] == 0x0D,
               i + key.count + 2 < bytes.count, bytes[(i + 1)..<(i + 1 + key.count)].elementsEqual(key) {
                var j = i + 1 + key.count
                while j < bytes.count, bytes[j] == 0x20 { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < bytes.count, bytes[j] == 0x20 { j += 1 }
                    guard j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") else { return nil }
                    let quote = bytes[j]
                    var k = j + 1
                    while k < bytes.count, bytes[k] != quote { k += 1 }
                    return String(decoding: bytes[(j + 1)..<k], as: UTF8.self)
                }
            }
            i += 1
        }
        return nil
    }
}
