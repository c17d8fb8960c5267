/// Namespace names of XLIFF, its modules and the W3C vocabularies it uses.
enum XLIFFNamespace {
    static let core12 = "urn:oasis:names:tc:xliff:document:1.2"
    static let core20 = "urn:oasis:names:tc:xliff:document:2.0"
    static let core22 = "urn:oasis:names:tc:xliff:document:2.2"
    static let xml = "http://www.w3.org/XML/1998/namespace"

    static let matches = "urn:oasis:names:tc:xliff:matches:2.0"
    static let glossary = "urn:oasis:names:tc:xliff:glossary:2.0"
    static let formatStyle = "urn:oasis:names:tc:xliff:fs:2.0"
    static let metadata = "urn:oasis:names:tc:xliff:metadata:2.0"
    static let resourceData = "urn:oasis:names:tc:xliff:resourcedata:2.0"
    static let sizeRestriction = "urn:oasis:names:tc:xliff:sizerestriction:2.0"
    static let validation = "urn:oasis:names:tc:xliff:validation:2.0"
    static let changeTracking = "urn:oasis:names:tc:xliff:changetracking:2.0"
    static let its = "http://www.w3.org/2005/11/its"
    static let itsMapping = "urn:oasis:names:tc:xliff:itsm:2.1"
    static let pluralGenderSelect = "urn:oasis:names:tc:xliff:pgs:1.0"

    /// The XLIFF 2 core namespaces (2.0/2.1 share one; 2.2 has its own).
    static let core2: Set<String> = [core20, core22]

    /// Namespaces of the XLIFF 2 modules (and the ITS vocabulary the ITS module uses): their
    /// content is defined by a bundled schema, so unknown names in them are errors.
    static let modules: Set<String> = [
        matches, glossary, formatStyle, metadata, resourceData, sizeRestriction, validation,
        changeTracking, its, itsMapping, pluralGenderSelect,
    ]

    /// Fragment-identifier prefixes of the XLIFF 2 core (`f=`, `u=`…) and modules (`mtc=`…).
    static let coreFragmentPrefixes: Set<String> = ["f", "g", "u", "n", "d", "t"]
    static let moduleFragmentPrefixes: Set<String> = ["mtc", "gls", "fs", "mda", "res", "ctr", "slr", "val", "its", "itsm", "pgs"]
}
