/// Receives the events of ``XMLSAXReader``: elements, attributes and text with line numbers,
/// after the ``XMLPolicy`` checks have passed. Comments and processing instructions are not
/// reported; CDATA is text; entity and character references arrive resolved.
///
/// Pointers in the events are libxml2's and valid only during the call. Names and namespace URIs
/// come from libxml2's dictionary, so within one parse the same name is the same pointer: a
/// handler can intern them by address and make one `String` per distinct name, not per event.
///
/// A handler that throws stops the parse; the reader rethrows its error (a `FormatError` should
/// name the file and ``XMLStartTag/line``).
public protocol XMLEventHandler: AnyObject {
    func startElement(_ tag: XMLStartTag) throws
    func endElement(line: Int) throws
    func text(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) throws
}
