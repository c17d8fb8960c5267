import Foundation

/// Where Apertium lives: its programs (`APERTIUM_PATH`, as Apertium's own `apertium` script
/// names that folder; default `/usr/bin`) and its language data (`APERTIUM_DATADIR`, default
/// `/usr/share/apertium`), with the modes installed there. Found once per run by listing
/// `modes/*.mode`, so `backends show apertium` and routing see exactly what is installed.
public struct ApertiumInstallation: Hashable, Sendable {
    public var programs: URL
    public var data: URL
    public var modes: [ApertiumMode]

    public init(programs: URL, data: URL, modes: [ApertiumMode]) {
        self.programs = programs
        self.data = data
        self.modes = modes
    }

    public static let defaultPrograms = "/usr/bin"
    public static let defaultData = "/usr/share/apertium"

    /// The installation `environment` points at (`APERTIUM_PATH`, `APERTIUM_DATADIR`), or the
    /// defaults; no modes when the data folder has none (Apertium not installed).
    public static func discover(programs: String? = nil, data: String? = nil) -> ApertiumInstallation {
        let programs = URL(fileURLWithPath: programs ?? defaultPrograms, isDirectory: true)
        let data = URL(fileURLWithPath: data ?? defaultData, isDirectory: true)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("modes").path)) ?? []
        let modes = names.filter { $0.hasSuffix(".mode") }.compactMap { ApertiumMode(name: String($0.dropLast(5))) }
        return ApertiumInstallation(programs: programs, data: data, modes: modes)
    }

    /// The mode file of `mode`.
    public func file(of mode: ApertiumMode) -> URL {
        data.appendingPathComponent("modes").appendingPathComponent(mode.name + ".mode")
    }

    /// `apertium-wblank-mode`, which turns a mode file into a pipeline with null-flush flags.
    var modeCompiler: URL { programs.appendingPathComponent("apertium-wblank-mode") }

    /// Whether the programs are there to run the installed modes.
    public var isUsable: Bool {
        !modes.isEmpty && FileManager.default.isExecutableFile(atPath: modeCompiler.path)
    }

    public var router: ApertiumRouter { ApertiumRouter(modes: modes) }
}
