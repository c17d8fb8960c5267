import Foundation

/// CPU time of the calling thread, for the time bounds in tests. The machines are shared (2
/// cores, several builds, and the tests themselves run in parallel), which stretches wall-clock
/// time many times over; the CPU time a thread spends on the work stays close to the work itself.
public enum ThreadCPUTime {
    /// Seconds of CPU time the calling thread has used so far.
    public static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Runs `body` on the calling thread and returns its result with the CPU seconds it took.
    public static func measure<T>(_ body: () throws -> T) rethrows -> (result: T, seconds: Double) {
        let start = now()
        let result = try body()
        return (result, now() - start)
    }
}
