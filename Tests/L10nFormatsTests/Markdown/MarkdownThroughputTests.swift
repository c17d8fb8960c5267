import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nFormats

/// Reading speed on a realistic document, so a quadratic slip shows up as a failure, not a
/// slow CI. Set `L10N_BENCH=1` to print MB/s (the limit below is for debug builds).
@Suite("Markdown throughput")
struct MarkdownThroughputTests {
    @Test func readingIsLinear() throws {
        let block = """
        # Section heading with *emphasis*

        A paragraph with **bold**, `code`, a [link](https://example.com "Title") and an entity &amp; escape \\*.
        It continues on a second line with ~~strike~~ and <span>html</span>.

        > A quote with a list:
        > - item one
        >   continued lazily
        > - item two

        | A | B \\| C |
        |---|---|
        | cell *one* | cell two |

        ```
        code block
        ```


        """
        func seconds(_ copies: Int) throws -> (Double, Int) {
            let text = String(repeating: block, count: copies)
            let data = Data(text.utf8)
            let (drafts, seconds) = try ThreadCPUTime.measure { try MarkdownFilter().read(data, text: text, file: "bench.md") }
            #expect(drafts.count == 9 * copies)
            return (seconds, data.count)
        }
        let (small, smallBytes) = try seconds(500)
        let (large, largeBytes) = try seconds(4000)
        if ProcessInfo.processInfo.environment["L10N_BENCH"] != nil {
            print("markdown read: \(Double(largeBytes) / large / 1_000_000) MB/s (\(largeBytes) bytes)")
        }
        // Eight times the input may take at most ~24 times as long: linear with slack, not quadratic.
        #expect(large / Double(largeBytes) < 3 * small / Double(smallBytes) + 0.000_001)
    }
}
