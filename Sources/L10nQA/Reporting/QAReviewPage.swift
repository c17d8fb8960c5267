import L10nCore

/// The review report: one self-contained HTML page (no external assets, works from a file with
/// no network) with every segment side by side, source | target, per document and market;
/// adaptations marked in the source with their notes on hover; QA findings inline with their
/// severity spelt out (not by colour alone); filters by market, kind and severity; a summary of
/// where targets came from and of the findings per market.
///
/// Filters are native `<select>`s (keyboard-usable); sizes are in `rem`, so the page reflows at
/// 200 % zoom. The filter state also comes from the URL fragment (`#severity=error&market=br`),
/// which is how a link — or a test — opens the page already filtered.
public enum QAReviewPage {
    /// One checked document for one market.
    public struct Entry: Sendable {
        public var file: String
        public var market: String?
        public var document: Document
        public var findings: [Finding]

        public init(file: String, market: String?, document: Document, findings: [Finding]) {
            self.file = file
            self.market = market
            self.document = document
            self.findings = findings
        }
    }

    public static func render(_ entries: [Entry], title: String = "l10n review") -> String {
        var summary = Summary()
        var body = ""
        for entry in entries { body += summary.section(entry) }
        return head(title: title, summary: summary) + body + tail
    }

    /// What the summary counts per market.
    package struct Counts: Hashable, Sendable {
        var memory = 0, machine = 0, human = 0, untranslated = 0
        var errors = 0, warnings = 0, infos = 0
        var total: Int { memory + machine + human + untranslated }
    }

    /// The markets seen so far (in order of first appearance) and their counts: all the page's
    /// head needs to know of its sections, so a long report can write its sections one at a time
    /// and its head last (``head(title:summary:)`` + every ``Summary/section(_:)`` + ``tail`` is
    /// the page ``render(_:title:)`` writes).
    package struct Summary: Hashable, Sendable {
        package private(set) var markets: [String] = []
        package private(set) var counts: [String: Counts] = [:]

        package init() {}

        /// The entry's `<section>`, counted.
        package mutating func section(_ entry: Entry) -> String {
            let market = entry.market ?? entry.document.targetLanguage ?? "-"
            if !markets.contains(market) { markets.append(market) }
            return QAReviewPage.section(entry, market: market, counts: &counts[market, default: Counts()])
        }
    }

    /// The page up to its first section.
    package static func head(title: String, summary: Summary) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(esc(title))</title>\n<style>\(style)</style>\n</head>\n<body>\n"
        html += "<header><h1>\(esc(title))</h1>\n"
        html += summaryTable(markets: summary.markets, summary: summary.counts)
        html += filters(markets: summary.markets)
        html += "</header>\n<main>\n"
        return html
    }

    /// The page after its last section.
    package static let tail = "</main>\n<p id=\"shown\" role=\"status\" aria-live=\"polite\"></p>\n<script>\(script)</script>\n</body>\n</html>\n"

    // MARK: - Parts

    private static func section(_ entry: Entry, market: String, counts: inout Counts) -> String {
        let byKey = Dictionary(grouping: entry.findings) { $0.segment ?? "" }
        var rows = ""
        // Units nobody translates (figures alone) have no translation to review.
        for unit in entry.document.units where unit.translate {
            let adaptations = unit.notes.filter { $0.category == "l10n:adaptation" }.map(\.text)
            for segment in unit.segments where !segment.isIgnorable {
                let key = "\(unit.id)-\(segment.id)"
                let findings = byKey[key] ?? []
                var kinds: [String] = []
                if segment.isTranslated, let origin = segment.provenance?.origin {
                    switch origin {
                    case .memory: kinds.append("memory"); counts.memory += 1
                    case .machine: kinds.append("mt"); counts.machine += 1
                    default: kinds.append("human"); counts.human += 1
                    }
                } else if segment.isTranslated {
                    kinds.append("human"); counts.human += 1
                } else {
                    kinds.append("untranslated"); counts.untranslated += 1
                }
                let marks = adaptations.filter { note in Self.after(note).map { segment.source.readableText.contains($0) } ?? false }
                if !marks.isEmpty { kinds.append("adapted") }
                let worst = findings.map(\.severity).max { rank($0) < rank($1) }
                for f in findings {
                    switch f.severity {
                    case .error: counts.errors += 1
                    case .warning: counts.warnings += 1
                    case .info: counts.infos += 1
                    }
                }
                rows += "<tr data-kind=\"\(kinds.joined(separator: " "))\" data-severity=\"\(worst?.rawValue ?? "none")\">"
                rows += "<th scope=\"row\">\(esc(key))</th>"
                rows += "<td lang=\"\(esc(entry.document.sourceLanguage))\">\(highlight(segment.source.readableText, notes: marks))</td>"
                let target = segment.isTranslated ? esc(segment.target?.readableText ?? "") : "<span class=\"none\">(untranslated)</span>"
                rows += "<td lang=\"\(esc(entry.document.targetLanguage ?? ""))\">\(target)</td><td>"
                if !findings.isEmpty {
                    rows += "<ul class=\"findings\">"
                    for f in findings {
                        rows += "<li class=\"sev-\(f.severity.rawValue)\"><strong>\(f.severity.rawValue)</strong> <code>\(esc(f.check))</code> \(esc(f.message))</li>"
                    }
                    rows += "</ul>"
                }
                rows += "</td></tr>\n"
            }
        }
        var s = "<section data-market=\"\(esc(market))\">\n<h2>\(esc(entry.file)) <span class=\"market\">→ \(esc(market))"
        s += " (\(esc(entry.document.targetLanguage ?? "")))</span></h2>\n"
        s += "<table><thead><tr><th scope=\"col\">Segment</th><th scope=\"col\">Source</th><th scope=\"col\">Target</th><th scope=\"col\">Findings</th></tr></thead>\n<tbody>\n"
        s += rows + "</tbody></table>\n</section>\n"
        return s
    }

    /// The text an adaptation note says the source now has (`units.length: "10 ft" → "3,0 m". …`).
    static func after(_ note: String) -> String? {
        guard let arrow = note.range(of: "\" → \""), let end = note[arrow.upperBound...].firstIndex(of: "\"") else { return nil }
        let value = String(note[arrow.upperBound..<end])
        return value.isEmpty ? nil : value
    }

    /// `text` escaped, with each adaptation's result marked and its note as the tooltip.
    static func highlight(_ text: String, notes: [String]) -> String {
        var spans: [(Range<String.Index>, String)] = []
        for note in notes {
            guard let after = after(note), let r = text.range(of: after),
                  !spans.contains(where: { $0.0.overlaps(r) }) else { continue }
            spans.append((r, note))
        }
        spans.sort { $0.0.lowerBound < $1.0.lowerBound }
        var out = ""
        var cursor = text.startIndex
        for (r, note) in spans {
            out += esc(String(text[cursor..<r.lowerBound]))
            out += "<mark tabindex=\"0\" title=\"\(esc(note))\">\(esc(String(text[r])))</mark>"
            cursor = r.upperBound
        }
        return out + esc(String(text[cursor...]))
    }

    private static func summaryTable(markets: [String], summary: [String: Counts]) -> String {
        var s = "<table class=\"summary\"><caption>Targets and findings per market</caption>\n"
        s += "<thead><tr><th scope=\"col\">Market</th><th scope=\"col\">Segments</th><th scope=\"col\">Where targets came from</th>"
        s += "<th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th><th scope=\"col\">Info</th></tr></thead>\n<tbody>\n"
        for m in markets {
            let c = summary[m] ?? Counts()
            s += "<tr><th scope=\"row\">\(esc(m))</th><td>\(c.total)</td><td>\(bar(c))</td>"
            s += "<td>\(c.errors)</td><td>\(c.warnings)</td><td>\(c.infos)</td></tr>\n"
        }
        return s + "</tbody></table>\n"
    }

    /// A stacked bar (memory, machine, human, untranslated) with its numbers as text beside it.
    private static func bar(_ c: Counts) -> String {
        let parts = [("memory", c.memory), ("mt", c.machine), ("human", c.human), ("untranslated", c.untranslated)]
        let total = max(c.total, 1)
        var s = "<span class=\"bar\" role=\"img\" aria-label=\"\(parts.map { "\($0.0) \($0.1)" }.joined(separator: ", "))\">"
        for (name, n) in parts where n > 0 {
            s += "<span class=\"b-\(name)\" style=\"width:\(n * 100 / total)%\"></span>"
        }
        s += "</span> "
        return s + parts.map { "\($0.0) \($0.1)" }.joined(separator: " · ")
    }

    private static func filters(markets: [String]) -> String {
        var s = "<form class=\"filters\" aria-label=\"Filters\">\n"
        s += "<label>Market <select id=\"f-market\"><option value=\"\">all</option>"
        for m in markets { s += "<option value=\"\(esc(m))\">\(esc(m))</option>" }
        s += "</select></label>\n"
        s += "<label>Kind <select id=\"f-kind\"><option value=\"\">all</option><option value=\"adapted\">adapted</option>"
        s += "<option value=\"memory\">from memory</option><option value=\"mt\">machine translated</option>"
        s += "<option value=\"human\">translated</option><option value=\"untranslated\">untranslated</option></select></label>\n"
        s += "<label>Severity <select id=\"f-severity\"><option value=\"\">all</option><option value=\"error\">errors</option>"
        s += "<option value=\"warning\">warnings and worse</option><option value=\"info\">any finding</option></select></label>\n"
        return s + "</form>\n"
    }

    static func rank(_ s: Severity) -> Int {
        switch s {
        case .info: return 1
        case .warning: return 2
        case .error: return 3
        }
    }

    static func esc(_ s: String) -> String { MarkupEscaping.escape(s) }

    static let style = """
        body{font:1rem/1.5 system-ui,sans-serif;margin:1rem;color:#1b1b1b;background:#fff}
        h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #c8c8c8;padding:.3rem .5rem;vertical-align:top;text-align:left}
        td{overflow-wrap:anywhere}thead th{background:#f0f0f0}
        mark{background:#fff0a8;outline-offset:2px}mark:focus{outline:2px solid #1a5fb4}
        .findings{margin:0;padding-left:1.1rem}.sev-error{color:#a00018}.sev-warning{color:#7a4d00}.sev-info{color:#1a4f94}
        .none{color:#595959;font-style:italic}.market{font-weight:normal}
        .filters{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}select{font:inherit;padding:.2rem}
        select:focus{outline:2px solid #1a5fb4}
        .bar{display:inline-flex;width:10rem;height:.9rem;border:1px solid #777;vertical-align:middle}
        .b-memory{background:#2e7d32}.b-mt{background:#1a5fb4}.b-human{background:#6a1b9a}.b-untranslated{background:#bdbdbd}
        [hidden]{display:none}
        """

    /// Applies the three filters to rows and sections; reads and writes them in the fragment.
    static let script = """
        (function(){
          var ids=['market','kind','severity'],rank={none:0,info:1,warning:2,error:3};
          function sel(n){return document.getElementById('f-'+n);}
          function apply(){
            var m=sel('market').value,k=sel('kind').value,s=sel('severity').value,shown=0;
            document.querySelectorAll('main section').forEach(function(sec){
              var any=false,okMarket=!m||sec.getAttribute('data-market')===m;
              sec.querySelectorAll('tbody tr').forEach(function(tr){
                var ok=okMarket&&(!k||(' '+tr.getAttribute('data-kind')+' ').indexOf(' '+k+' ')>=0)
                  &&(!s||rank[tr.getAttribute('data-severity')]>=rank[s]);
                tr.hidden=!ok;if(ok){any=true;shown++;}
              });
              sec.hidden=!any;
            });
            document.getElementById('shown').textContent=shown+' segment(s) shown';
            var h=ids.map(function(n){return sel(n).value?n+'='+encodeURIComponent(sel(n).value):'';}).filter(Boolean).join('&');
            if(history.replaceState){history.replaceState(null,'',h?'#'+h:location.pathname);}
          }
          location.hash.replace(/^#/,'').split('&').forEach(function(p){
            var kv=p.split('=');if(kv.length===2&&ids.indexOf(kv[0])>=0){sel(kv[0]).value=decodeURIComponent(kv[1]);}
          });
          ids.forEach(function(n){sel(n).addEventListener('change',apply);});
          apply();
        })();
        """
}
