import Foundation
import L10nCore
import L10nXML

/// The SAX side of ``TMXReader``: hands each event to its ``TMXParseState``.
final class TMXEventHandler: XMLEventHandler {
    private var state: TMXParseState

    var report: TMXReader.Report { state.report }
    var sawRoot: Bool { state.sawRoot }

    init(file: String, body: @escaping (TMXUnit) throws -> Void) {
        state = TMXParseState(file: file, body: body)
    }

    func startElement(_ tag: XMLStartTag) throws { try state.startElement(tag) }

    func endElement(line: Int) throws { try state.endElement(line: line) }

    func text(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws { try state.text(bytes, line: line) }
}
