import Foundation

/// A convention's regular expression, compiled when first asked for. The bundled files hold
/// some 130 expressions, and compiling one costs ≈ 1.7 M instructions (ICU builds its character
/// sets each time): compiling them all at load was a fifth of adapting one page, though a page
/// uses the few whose units it mentions. The bundled expressions are checked by the tests
/// (``Conventions/compileAll()``); a user's file is compiled at load, so its errors still
/// name the file and key.
final class LazyExpression: @unchecked Sendable {
    // @unchecked: `compiled` is written once, under `lock`; NSRegularExpression is immutable
    // and safe to share across threads once made.
    let pattern: String
    let options: NSRegularExpression.Options
    private let lock = NSLock()
    private var compiled: NSRegularExpression??

    init(pattern: String, options: NSRegularExpression.Options) {
        self.pattern = pattern
        self.options = options
    }

    /// Compiled now (a user's file: errors are reported at load).
    init(compiling pattern: String, options: NSRegularExpression.Options) throws {
        self.pattern = pattern
        self.options = options
        compiled = .some(try NSRegularExpression(pattern: pattern, options: options))
    }

    /// The expression; nil only if it does not compile (which the tests rule out for the bundled
    /// files, and loading rules out for a user's).
    var expression: NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let compiled { return compiled }
        let made = try? NSRegularExpression(pattern: pattern, options: options)
        compiled = .some(made)
        return made
    }
}
