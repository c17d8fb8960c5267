import Foundation
import L10nCore
import L10nTestSupport
import Testing
@testable import L10nFormats

/// A long realistic document read whole: every block found. The time limit guards against
/// quadratic slips; throughput is measured by `tools/bench` on release builds, not here.
@Suite("Markdown throughput")
struct MarkdownThroughputTests {
    @Test(.timeLimit(.minutes(5))) func longDocumentsAreReadWhole() throws {
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
        for copies in [500, 4000] {
            let text = String(repeating: block, count: copies)
            let drafts = try MarkdownFilter().read(Data(text.utf8), text: text, file: "bench.md")
            #expect(drafts.count == 9 * copies)
        }
    }
}
