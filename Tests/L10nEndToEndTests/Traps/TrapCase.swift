import Foundation
import L10nTestSupport
import Yams

/// One case of the trap corpus (`corpora/traps/<industry>.yaml`, format in its README): a short
/// product text, the markets it is adapted for, what must come out unchanged and what must
/// change. Decoded here, not by l10n, so the corpus judges the engine from outside.
struct TrapCase: Decodable, Sendable, CustomStringConvertible {
    /// A span that must survive unchanged, in every market of the case or only in some.
    struct Keep: Decodable, Sendable {
        var text: String
        var markets: [String]?

        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self.text = text
                return
            }
            let c = try decoder.container(keyedBy: CodingKeys.self)
            text = try c.decode(String.self, forKey: .text)
            markets = try c.decodeIfPresent([String].self, forKey: .markets)
        }

        private enum CodingKeys: String, CodingKey { case text, markets }
    }

    /// A per-market value: one string for every market, or a map by market id.
    struct PerMarket: Decodable, Sendable {
        var all: String?
        var byMarket: [String: String] = [:]

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { all = s } else { byMarket = try c.decode([String: String].self) }
        }

        func value(for market: String) -> String? { all ?? byMarket[market] }
    }

    /// A source span that must not survive as written, and what must replace it.
    struct Change: Decodable, Sendable {
        var from: String
        /// The replacement substring (spaces of any width compare equal).
        var to: PerMarket?
        /// A regular expression the output must match instead (ICU syntax, on the output with
        /// its no-break spaces read as spaces).
        var pattern: PerMarket?
        var markets: [String]?
    }

    /// An advisory that must be raised on a span, optionally by a rule (`electrical.regional`).
    struct Flag: Decodable, Sendable {
        var span: String
        var rule: String?
    }

    var id: String
    var markets: [String]
    var text: String
    var mustKeep: [Keep] = []
    var mustChange: [Change] = []
    var mustFlag: [Flag] = []
    var mustNotFlag: [String] = []
    /// Why the engine cannot pass this case yet; its failures are counted apart.
    var known: String?
    /// The industry file the case comes from (set by the loader).
    var industry = ""

    var description: String { id }

    private enum CodingKeys: String, CodingKey { case id, markets, text, mustKeep, mustChange, mustFlag, mustNotFlag, known }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        markets = try c.decode([String].self, forKey: .markets)
        text = try c.decode(String.self, forKey: .text)
        mustKeep = try c.decodeIfPresent([Keep].self, forKey: .mustKeep) ?? []
        mustChange = try c.decodeIfPresent([Change].self, forKey: .mustChange) ?? []
        mustFlag = try c.decodeIfPresent([Flag].self, forKey: .mustFlag) ?? []
        mustNotFlag = try c.decodeIfPresent([String].self, forKey: .mustNotFlag) ?? []
        known = try c.decodeIfPresent(String.self, forKey: .known)
    }

    /// One industry file.
    private struct File: Decodable {
        var industry: String
        var cases: [TrapCase]
    }

    /// Every case of `corpora/traps/*.yaml`, files in name order.
    static func loadAll(from folder: URL = PackagePaths.corpora.appendingPathComponent("traps")) throws -> [TrapCase] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var all: [TrapCase] = []
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            do {
                let file = try YAMLDecoder().decode(File.self, from: text)
                all += file.cases.map { var c = $0; c.industry = file.industry; return c }
            } catch {
                throw TestSupportError("corpora/traps/\(name): \(error)")
            }
        }
        return all
    }
}
