import Foundation

/// The bytes a run made for one document and target.
public struct LocalizedOutputs: Sendable {
    /// The localized document in its own format.
    public var document: Data?
    public var xliff: Data?
    public var htmlFragment: Data?

    public init(document: Data? = nil, xliff: Data? = nil, htmlFragment: Data? = nil) {
        self.document = document
        self.xliff = xliff
        self.htmlFragment = htmlFragment
    }
}
