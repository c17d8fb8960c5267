import CLibXML2

/// The one place libxml2 is initialised, and the only process-wide libxml2 state l10n changes.
///
/// Process-wide state, set once by ``initialize()`` before the first parse (Swift runs a `static
/// let` initialiser exactly once, thread-safely):
/// - `xmlInitParser()`: libxml2's own globals (dictionary lock, character tables); it must run
///   once before parsers run on several threads.
/// - the external entity loader (`xmlSetExternalEntityLoader`), replaced by one that refuses
///   every URL with a scheme other than `file:` and passes local paths on to libxml2's no-network
///   loader. libxml2 2.9.14 (Debian 12) has no per-context resource loader
///   (`xmlCtxtSetResourceLoader` came in 2.14), and the XSD compiler parses the schemas it imports
///   with options of its own (`XML_PARSE_NOENT`, no `NONET`), so only the global loader keeps
///   schema compilation off the network. Untrusted documents never reach the loader at all: the
///   policy loads no DTD, declares no entity and processes no XInclude.
///
/// Nothing else global is touched: error handlers are set per parser context (structured
/// `serror` in the SAX handler, or per schema context), and options are per parse.
public enum LibXML2 {
    private static let ready: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { url, id, ctxt in
            guard let url else { return nil }
            if LibXML2.hasNonFileScheme(url) { return nil }
            return xmlNoNetExternalEntityLoader(url, id, ctxt)
        }
        return true
    }()

    /// Initialises libxml2 (once per process); every entry point calls it before parsing.
    public static func initialize() { _ = ready }

    /// True for `http://…`, `https://…`, `ftp://…` and any other `scheme:` that is not `file:`.
    static func hasNonFileScheme(_ url: UnsafePointer<CChar>) -> Bool {
        var i = 0
        while true {
            let c = UInt8(bitPattern: url[i])
            let isSchemeByte = (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (i > 0 && ((c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E))
            if c == UInt8(ascii: ":") {
                // One letter before ':' is a Windows drive, not a scheme.
                guard i > 1 else { return false }
                let scheme = String(decoding: UnsafeRawBufferPointer(start: url, count: i), as: UTF8.self).lowercased()
                return scheme != "file"
            }
            if !isSchemeByte { return false }
            i += 1
        }
    }

    /// Parse options every policy parse uses. Never: `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD`,
    /// `XML_PARSE_DTDATTR`, `XML_PARSE_DTDVALID`, `XML_PARSE_XINCLUDE`, `XML_PARSE_HUGE`.
    static let parseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                                    | XML_PARSE_NOWARNING.rawValue | XML_PARSE_BIG_LINES.rawValue)
}
