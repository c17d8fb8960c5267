import CLibXML2
import Foundation

/// Process-wide libxml2 set-up, done once.
enum LibXML {
    /// `xmlInitParser` is not thread-safe itself; calling it once, early, makes the rest so.
    private static let initialized: Bool = {
        xmlInitParser()
        installEntityLoader()
        return true
    }()

    static func initialize() { _ = initialized }

    /// The loader libxml2 used before ours, for local files. Read before ours is installed.
    private static let previousLoader: xmlExternalEntityLoader? = xmlGetExternalEntityLoader()

    /// Installs an external entity loader that never touches the network: schema imports of
    /// `http://www.w3.org/2001/xml.xsd` go to the bundled copy, every other network URL is refused,
    /// and local files go to the loader that was there before.
    private static func installEntityLoader() {
        _ = previousLoader
        xmlSetExternalEntityLoader { url, id, ctxt in
            guard let url else { return nil }
            let string = String(cString: url)
            let lower = string.lowercased()
            if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("ftp://") {
                guard let local = SchemaBundle.localCopy(ofNetworkURL: string) else { return nil }
                return local.withCString { xmlNoNetExternalEntityLoader($0, id, ctxt) }
            }
            if let substitute = SchemaBundle.substitute(forMissingLocalPath: string) {
                return substitute.withCString { xmlNoNetExternalEntityLoader($0, id, ctxt) }
            }
            if let previous = LibXML.previousLoader { return previous(url, id, ctxt) }
            return xmlNoNetExternalEntityLoader(url, id, ctxt)
        }
    }
}
