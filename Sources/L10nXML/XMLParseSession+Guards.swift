import CLibXML2

extension XMLParseSession {
    /// The SAX callbacks every parse shares, event reader and tree builder alike: entity
    /// declarations and references to entities only a DTD could declare stop the parse, and
    /// libxml2's errors are recorded per session (never through a global handler).
    static func installGuards(_ h: inout xmlSAXHandler) {
        h.entityDecl = { ctx, name, _, _, _, _ in
            guard let ctx else { return }
            XMLParseSession.of(ctx).entityDeclaration(ctx, name)
        }
        h.unparsedEntityDecl = { ctx, name, _, _, _ in
            guard let ctx else { return }
            XMLParseSession.of(ctx).entityDeclaration(ctx, name)
        }
        h.reference = { ctx, name in
            guard let ctx else { return }
            XMLParseSession.of(ctx).entityReference(ctx, name)
        }
        h.serror = { ctx, error in
            guard let ctx, let error else { return }
            XMLParseSession.of(ctx).record(error.pointee)
        }
    }
}
