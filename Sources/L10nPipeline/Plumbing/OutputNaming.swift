import Foundation

/// Where outputs go when the user does not say: `product.md` → `product.pt-BR.md` and
/// `product.pt-BR.xlf`, beside the input or in the folder given with `-o`.
package enum OutputNaming {
    /// `stem.<language>.<ext>` for `original`'s file name (an existing language suffix is
    /// replaced, so `product.pt-BR.xlf` gives `product.pt-BR.md`, not `product.pt-BR.pt-BR.md`).
    package static func localizedFileName(for original: String, language: String, extension ext: String? = nil) -> String {
        let url = URL(fileURLWithPath: original)
        let fileExtension = ext ?? url.pathExtension
        var stem = url.deletingPathExtension().lastPathComponent
        if stem.hasSuffix("." + language) { stem.removeLast(language.count + 1) }
        return fileExtension.isEmpty ? "\(stem).\(language)" : "\(stem).\(language).\(fileExtension)"
    }

    /// The output path: in `directory` when given, else beside `input`.
    /// Relative stays relative (`out/product.pt-BR.md`), so messages and reports say what the
    /// user typed and do not depend on the machine.
    package static func path(_ fileName: String, besides input: String, in directory: String?) -> String {
        if let directory { return (directory as NSString).appendingPathComponent(fileName) }
        let parent = (input as NSString).deletingLastPathComponent
        return parent.isEmpty || parent == "." ? fileName : (parent as NSString).appendingPathComponent(fileName)
    }

    /// True when `path` names (or should name) a folder rather than a file: it exists as a
    /// folder, or ends with `/`, or does not exist and its extension is not one of
    /// `fileExtensions` (so `-o out/extract-2.1` is a folder, `-o all.xlf` a file).
    package static func isDirectoryLike(_ path: String, fileExtensions: [String]) -> Bool {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return isDirectory.boolValue }
        if path.hasSuffix("/") { return true }
        return !fileExtensions.contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }
}
