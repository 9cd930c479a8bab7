import Foundation
import Testing
import ChineseText

/// A throughput benchmark to run by hand; it asserts nothing about time.
///
///     KECHUANG_CONVERSION_BENCH=1 swift test -c release --scratch-path .build-conv-rel \
///         --filter ConversionBenchmark
///
/// `KECHUANG_CONVERSION_BENCH` may name a UTF-8 traditional-Chinese file to use instead of the
/// built-in sample (which is repeated to about 8 MB).
struct ConversionBenchmarkTests {
    /// Thread CPU time in seconds (less sensitive than wall time to other load on the machine).
    static func cpuTime() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static let enabled = ProcessInfo.processInfo.environment["KECHUANG_CONVERSION_BENCH"] != nil

    @Test(.enabled(if: enabled, "set KECHUANG_CONVERSION_BENCH to run"))
    func throughput() throws {
        let env = ProcessInfo.processInfo.environment["KECHUANG_CONVERSION_BENCH"] ?? "1"
        var sample = ConversionSamples.mainlandInTaiwanCharacters
        if FileManager.default.fileExists(atPath: env) {
            sample = try String(contentsOfFile: env, encoding: .utf8)
        }
        var text = ""
        let target = 8 << 20
        text.reserveCapacity(target + sample.utf8.count)
        while text.utf8.count < target { text += sample }
        let megabytes = Double(text.utf8.count) / 1_048_576

        let loadStart = Date()
        let warm = try ChineseConverter(profile: .t2s)
        print(String(format: "load t2s: %.1f ms", Date().timeIntervalSince(loadStart) * 1000))
        let autoStart = Date()
        _ = try ChineseConverter(profile: .auto)
        print(String(format: "load auto (incl. jieba lexicon scan): %.1f ms", Date().timeIntervalSince(autoStart) * 1000))
        _ = warm.convert(sample)

        for profile in ConversionProfile.allCases {
            let converter = try ChineseConverter(profile: profile)
            _ = converter.convert(sample)
            var best = Double.infinity, bestCPU = Double.infinity
            var outLength = 0
            for _ in 0..<5 {
                let start = Date(), cpu = Self.cpuTime()
                let out = converter.convert(text)
                bestCPU = min(bestCPU, Self.cpuTime() - cpu)
                best = min(best, Date().timeIntervalSince(start))
                outLength = out.utf8.count
            }
            var mappedBest = Double.infinity
            for _ in 0..<3 {
                let cpu = Self.cpuTime()
                let out = converter.convertMapped(text)
                mappedBest = min(mappedBest, Self.cpuTime() - cpu)
                #expect(out.sourceIndex.count == out.text.unicodeScalars.count)
            }
            print(String(format: "%-6@ %6.1f MB/s convert (wall), %6.1f MB/s (cpu), %6.1f MB/s convertMapped (cpu); %.1f MB in, %d bytes out",
                         profile.rawValue as NSString, megabytes / best, megabytes / bestCPU, megabytes / mappedBest,
                         megabytes, outLength))
        }
        let detectStart = Date()
        let report = ScriptDetector.detect(text)
        print(String(format: "detect %6.1f MB/s: %@", megabytes / Date().timeIntervalSince(detectStart), report.description))
    }
}
