import Foundation
import L10nMT
import Testing

/// ``ServiceErrorMessage`` and ``SecretRedaction`` on fixtures written from each engine's
/// documented error body: the service's words come through, one line, short, and never a key.
@Suite struct ServiceErrorMessageTests {
    func message(_ body: String, secrets: [String] = []) -> String? {
        ServiceErrorMessage.message(in: Data(body.utf8), secrets: secrets)
    }

    @Test func eachEnginesDocumentedErrorBodyGivesItsMessage() {
        // DeepL
        #expect(message(#"{"message":"Value for 'target_lang' not supported."}"#) == "Value for 'target_lang' not supported.")
        #expect(message(#"{"message":"Bad request","detail":"Parameter 'text' not specified."}"#) == "Bad request (Parameter 'text' not specified.)")
        // Google v2 and v3
        #expect(message(#"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}"#)
                == "INVALID_ARGUMENT: API key not valid. Please pass a valid API key.")
        // OpenAI: the code when there is one, else the type.
        #expect(message(#"{"error":{"message":"The model `gpt-9` does not exist","type":"invalid_request_error","param":null,"code":"model_not_found"}}"#)
                == "model_not_found: The model `gpt-9` does not exist")
        #expect(message(#"{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":null}}"#) == "requests: Rate limit reached")
        // vLLM's OpenAI-compatible server
        #expect(message(#"{"object":"error","message":"The model `x` does not exist.","type":"NotFoundError","code":404}"#) == "The model `x` does not exist.")
        // LibreTranslate (and Ollama)
        #expect(message(#"{"error":"es is not supported"}"#) == "es is not supported")
    }

    @Test func aBodyThatIsNoDocumentedErrorGivesAShortCleanExcerpt() throws {
        let page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>"
        #expect(message(page) == "502 Bad Gateway 502 Bad Gateway nginx")
        #expect(message("upstream connect error\u{0}\u{1b}[31m or disconnect\u{202e}") == "upstream connect error [31m or disconnect")
        let long = try #require(message(String(repeating: "Service Unavailable ", count: 40)))
        #expect(long.count == ServiceErrorMessage.maxExcerptCharacters && long.hasSuffix("…"))
        #expect(message("") == nil && message("  \n ") == nil && message("<html></html>") == nil)
    }

    @Test func aLongMessageIsCutAndLineBreaksBecomeSpaces() throws {
        let words = String(repeating: "quota exceeded for this project; ", count: 20)
        let cut = try #require(message(#"{"message":"line one\nline two. \#(words)"}"#))
        #expect(cut.count == ServiceErrorMessage.maxCharacters && cut.hasSuffix("…"))
        #expect(cut.hasPrefix("line one line two. quota exceeded"))
        #expect(!cut.contains("\n"))
    }

    @Test func keysNeverComeThroughWholeMaskedOrCut() throws {
        let key = "0f1e2d3c-test-secret-key:fx"
        let echoed = try #require(message(#"{"message":"Authorization failure for key \#(key)"}"#, secrets: [key]))
        #expect(echoed == "Authorization failure for key [redacted]")
        // Cut after the key is taken out: no prefix of it survives at the end.
        let padding = String(repeating: "x", count: ServiceErrorMessage.maxCharacters - 10)
        let atTheEdge = try #require(message(#"{"message":"\#(padding) \#(key)"}"#, secrets: [key]))
        #expect(!atTheEdge.contains("0f1e2d"))
        // Credential shapes, whatever the key is: OpenAI's masked echo, Google keys and tokens, parameters.
        let shapes = try #require(message(#"{"error":{"message":"Incorrect API key provided: sk-proj-ab12****************wxyz. See https://x/y?key=AIzaSyA-12345678901234567890 and Bearer ya29.a0AfH6SM-tok","type":"invalid_request_error","code":"invalid_api_key"}}"#))
        for leak in ["sk-proj", "wxyz", "AIzaSy", "ya29", "a0AfH6SM"] { #expect(!shapes.contains(leak), "\(leak) in \(shapes)") }
        #expect(shapes.hasPrefix("invalid_api_key: Incorrect API key provided: [redacted]"))
        #expect(SecretRedaction.redact(#"{"api_key": "libre-77", "q": "hi"}"#, secrets: []) == #"{"api_key": "[redacted]", "q": "hi"}"#)
        // A secret too short to replace safely: nothing of the message is shown.
        #expect(message(#"{"error":"bad key abc"}"#, secrets: ["abc"]) == nil)
        #expect(message(#"{"error":"all fine"}"#, secrets: ["abc"]) == "all fine")
    }
}
