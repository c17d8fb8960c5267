import Foundation

/// The running pipelines of one backend, one per mode, started on first use and restarted if
/// one died. Shared by copies of the backend (it is a value holding this reference).
final class ApertiumProcessPool: @unchecked Sendable {
    // @unchecked: `processes` is only touched while holding `lock`.
    private let lock = NSLock()
    private var processes: [String: ApertiumProcess] = [:]
    private var starts = 0
    let installation: ApertiumInstallation

    init(installation: ApertiumInstallation) {
        self.installation = installation
    }

    func process(for mode: ApertiumMode) throws(BackendError) -> ApertiumProcess {
        lock.lock()
        defer { lock.unlock() }
        if let running = processes[mode.name], running.isRunning { return running }
        let started = try ApertiumProcess(mode: mode, installation: installation)
        processes[mode.name] = started
        starts += 1
        return started
    }

    /// How many pipelines were started (once per mode, unless one died).
    var started: Int { lock.withLock { starts } }
}
