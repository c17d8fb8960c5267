import L10nCore
import L10nMT
import Testing

/// Content to Apertium's stream format and back, without Apertium.
@Suite struct ApertiumStreamFormatTests {
    static let bold = InlineCode(kind: .open, id: "1", data: "**")
    static let boldEnd = InlineCode(kind: .close, id: "1", data: "**")

    @Test func codesBecomeNumberedSuperblanksAndReservedCharactersAreEscaped() throws {
        let content = Content([.text("Costs $5 [net] a\\b ^x/y <z> {w}: "), .code(Self.bold), .text("now"), .code(Self.boldEnd), .text(" #1 @home ~3 *")])
        let encoded = ApertiumStreamFormat.encode(content)
        #expect(encoded.text == #"Costs \$5 \[net\] a\\b \^x\/y \<z\> \{w\}: [<0>]now[<1>] [#]1 [@]home [~]3 [*][]"#)
        #expect(encoded.codes == [Self.bold, Self.boldEnd])
        #expect(try ApertiumStreamFormat.decode(encoded.text, codes: encoded.codes) == content, "what we send reads back as itself")
    }

    @Test func marksAreDroppedAndEscapesUndone() throws {
        let out = try ApertiumStreamFormat.decode(#"Cuesta \$5 [<0>]*ahora[<1>] #vale @casa [#]1 \@x[]"#, codes: [Self.bold, Self.boldEnd])
        #expect(out == Content([.text("Cuesta $5 "), .code(Self.bold), .text("ahora"), .code(Self.boldEnd), .text(" vale casa #1 @x")]))
    }

    @Test func foreignOrBrokenBlanksAreErrors() {
        #expect(throws: ApertiumStreamFormat.DecodingError.unknownCode("<7>")) { try ApertiumStreamFormat.decode("a [<7>] b", codes: [Self.bold]) }
        #expect(throws: ApertiumStreamFormat.DecodingError.unclosedBlank) { try ApertiumStreamFormat.decode("a [<0> b", codes: [Self.bold]) }
    }
}
