import L10nCore

/// The protectors a pipeline should use unless configured otherwise.
public enum Protectors {
    /// URLs, e-mail addresses and product codes, in that order. `DocumentBuilder` resolves
    /// overlaps (the earliest span wins, then the longest), so a model number inside a URL stays
    /// part of the URL.
    public static var defaultProtectors: [any SpanProtecting] {
        [URLProtector(), EmailProtector(), ProductCodeProtector()]
    }
}
