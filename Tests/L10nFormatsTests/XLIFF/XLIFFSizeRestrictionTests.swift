import Foundation
import L10nCore
import L10nFormats
import L10nTestSupport
import Testing

/// XLIFF size restrictions (the Size and Length Restriction module; 1.2 `maxwidth`/`maxbytes`)
/// read into the model, and written back so they survive a round trip, on hand-edited files
/// (`Fixtures/xliff/size-restriction/README.md`).
@Suite struct XLIFFSizeRestrictionTests {
    static let folder = "xliff/size-restriction/"

    func read(_ name: String) throws -> Document {
        let documents = try XLIFFReader().read(try FixtureFolder.local.data(Self.folder + name), file: name)
        try #require(documents.count == 1)
        return documents[0]
    }

    func limits(_ document: Document) -> [String: SizeLimits] {
        Dictionary(uniqueKeysWithValues: document.units.compactMap { u in u.sizeLimits.map { (u.id, $0) } })
    }

    func validate(_ bytes: Data, _ name: String) {
        let result = XLIFFValidator().validate(bytes, file: name)
        #expect(result.isValid, "\(name): \(result.findings.map { "\($0.check): \($0.message)" })")
    }

    @Test func xliff21ProfilesFileGroupAndUnitRestrictionsAreRead() throws {
        let d = try read("size-restrictions.v21.xlf")
        #expect(d.sizeProfiles == SizeProfiles(general: "xliff:codepoints", storage: "xliff:utf16", generalNormalization: "nfc"))
        #expect(d.sizeLimits == SizeLimits(storage: "160"))
        #expect(d.sizeGroups == [SizeGroup(id: "g1", limits: SizeLimits(size: "50"), units: ["u1", "u2"])])
        #expect(limits(d) == ["u1": SizeLimits(size: "16"), "u2": SizeLimits(size: "5,40"), "u3": SizeLimits(size: "34", storage: "70")])
        #expect(d.units.map(\.id) == ["u1", "u2", "u3"], "the group's units in document order")
    }

    @Test func xliff22NormalizationIsRead() throws {
        let d = try read("size-restrictions.v22.xlf")
        #expect(d.sizeProfiles == SizeProfiles(general: "xliff:codepoints", storage: "xliff:utf8", generalNormalization: "nfd", storageNormalization: "nfc"))
        #expect(d.sizeLimits == nil && d.sizeGroups == nil)
        #expect(limits(d) == ["u1": SizeLimits(size: "12,*"), "u2": SizeLimits(storage: "35"), "u3": SizeLimits(size: "33")])
    }

    @Test func xliff12WidthsAndBytesMapOntoTheSameModel() throws {
        let d = try read("size-restrictions.v12.xlf")
        #expect(d.sizeProfiles == .xliff12)
        // u1's width is in pixels: only its maxbytes is a size a text has.
        #expect(limits(d) == ["u1": SizeLimits(storage: "16"), "u2": SizeLimits(size: "5,42", storage: "42"), "u3": SizeLimits(size: "30")])
    }

    /// Written again in every XLIFF 2 version, the restrictions read back the same, the file
    /// validates, and protected spans tell other tools what they count.
    @Test(arguments: [XLIFFVersion.v2_0, .v2_1, .v2_2])
    func xliff2WriterWritesThemBack(version: XLIFFVersion) throws {
        for name in ["size-restrictions.v21.xlf", "size-restrictions.v22.xlf", "size-restrictions.v12.xlf"] {
            let original = try read(name)
            let written = try XLIFFWriter(version: version).write([original])
            validate(written, "\(name) as \(version.rawValue)")
            let back = try XLIFFReader().read(written, file: "back.xlf")
            #expect(back == [original], "\(name) as \(version.rawValue)")
            let xml = String(decoding: written, as: UTF8.self)
            #expect(xml.contains("<file id=\"f1\" original=\"buttons.md\" xml:space=\"preserve\" xmlns:slr=\"urn:oasis:names:tc:xliff:sizerestriction:2.0\""))
            #expect(xml.contains("<slr:profiles "))
        }
        let xml = String(decoding: try XLIFFWriter(version: version).write([try read("size-restrictions.v21.xlf")]), as: UTF8.self)
        #expect(xml.contains(#"<group id="g1" slr:sizeRestriction="50">"#))
        #expect(xml.contains(#"<unit id="u3" type="md:paragraph" slr:sizeRestriction="34" slr:storageRestriction="70">"#))
        #expect(xml.contains(#"<slr:profiles generalProfile="xliff:codepoints" storageProfile="xliff:utf16"><slr:normalization general="nfc"/></slr:profiles>"#))
        // sales@example.com: 17 code points, 34 bytes of UTF-16.
        #expect(xml.contains(#"equiv="sales@example.com" slr:sizeInfo="17" slr:equivStorage="34"/>"#))
    }

    @Test func xliff12WriterWritesWhatItCanHold() throws {
        let fromV21 = try read("size-restrictions.v21.xlf")
        let written = try XLIFFWriter(version: .v1_2).write([fromV21])
        validate(written, "v21 as 1.2")
        let xml = String(decoding: written, as: UTF8.self)
        #expect(xml.contains(#"<trans-unit id="u2" restype="x-md:paragraph" xml:space="preserve" size-unit="char" maxwidth="40" minwidth="5">"#))
        // UTF-16 storage, file and group restrictions have nothing to go to in 1.2.
        #expect(!xml.contains("maxbytes") && !xml.contains("<group"))
        let back = try XLIFFReader().read(written, file: "back.xlf")[0]
        #expect(limits(back) == ["u1": SizeLimits(size: "16"), "u2": SizeLimits(size: "5,40"), "u3": SizeLimits(size: "34")])

        let fromV12 = try read("size-restrictions.v12.xlf")
        let again = try XLIFFWriter(version: .v1_2).write([fromV12])
        validate(again, "v12 as 1.2")
        #expect(try XLIFFReader().read(again, file: "again.xlf") == [fromV12])
        #expect(String(decoding: again, as: UTF8.self).contains(#"xml:space="preserve" size-unit="char" maxwidth="42" minwidth="5" maxbytes="42">"#))
    }

    /// The restriction travels with the file: merge gives the same page as from the hand-edited file.
    @Test func mergeIsUnchangedByTheRestrictions() throws {
        for name in ["size-restrictions.v21.xlf", "size-restrictions.v22.xlf", "size-restrictions.v12.xlf"] {
            let d = try read(name)
            var bare = d
            bare.sizeProfiles = nil; bare.sizeLimits = nil; bare.sizeGroups = nil
            for u in bare.units.indices { bare.units[u].sizeLimits = nil }
            let merger = SkeletonMerger(escaper: VerbatimEscaper())
            #expect(try merger.merge(d) == merger.merge(bare))
            #expect(String(decoding: try merger.merge(d), as: UTF8.self).hasPrefix("# "))
        }
    }

    @Test func groupsMustBeConsecutiveAndNested() throws {
        var d = try read("size-restrictions.v21.xlf")
        d.sizeGroups = [SizeGroup(id: "g1", limits: SizeLimits(size: "9"), units: ["u1", "u3"])]
        #expect(throws: FormatError.self) { try XLIFFWriter(version: .v2_1).write([d]) }
        d.sizeGroups = [SizeGroup(id: "g1", limits: SizeLimits(size: "9"), units: ["u1", "u2"]), SizeGroup(id: "g2", limits: SizeLimits(size: "9"), units: ["u2", "u3"])]
        #expect(throws: FormatError.self) { try XLIFFWriter(version: .v2_1).write([d]) }
        d.sizeGroups = [SizeGroup(id: "g1", limits: SizeLimits(size: "90"), units: ["u1", "u2", "u3"]), SizeGroup(id: "g2", limits: SizeLimits(storage: "9"), units: ["u2", "u3"])]
        let written = try XLIFFWriter(version: .v2_1).write([d])
        validate(written, "nested groups")
        #expect(try XLIFFReader().read(written, file: "nested.xlf") == [d])
    }

    /// Without a profile no tool checks a restriction (the module's empty default profile):
    /// `l10n validate` warns, and the model keeps the restrictions without profiles.
    @Test func validateWarnsOfRestrictionsNoProfileMeasures() throws {
        let xml = String(decoding: try FixtureFolder.local.data(Self.folder + "size-restrictions.v22.xlf"), as: UTF8.self)
        #expect(XLIFFValidator().validate(Data(xml.utf8), file: "v22.xlf").findings.map(\.check) == [])
        let start = try #require(xml.range(of: "    <slr:profiles")), end = try #require(xml.range(of: "</slr:profiles>\n"))
        var bare = xml
        bare.removeSubrange(start.lowerBound..<end.upperBound)
        let result = XLIFFValidator().validate(Data(bare.utf8), file: "bare.xlf")
        #expect(result.isValid)
        #expect(result.findings.map(\.check) == ["xliff.slr.profile", "xliff.slr.profile", "xliff.slr.profile"])
        #expect(result.findings.allSatisfy { $0.severity == .warning })
        #expect(result.findings.first?.message == #"slr:sizeRestriction on <unit id="u1"> has no generalProfile in the file's <slr:profiles>: no tool checks it"#)
        let document = try XLIFFReader().read(Data(bare.utf8), file: "bare.xlf")[0]
        #expect(document.sizeProfiles == nil && document.units[0].sizeLimits == SizeLimits(size: "12,*"))
    }
}
