import Foundation

/// Finds the bundled data files (dictionaries, conversion tables, lexicons).
///
/// Order: the `KECHUANG_DATA` environment variable, then the SwiftPM resource bundle
/// next to the executable, then `Sources/ChineseText/Resources/data` under the working directory.
public enum ResourceLocator {
    /// The data folder, or an error listing where it looked.
    public static func dataDirectory() throws -> URL {
        if let cached = cachedDirectory { return cached }
        var searched: [String] = []
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["KECHUANG_DATA"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        if let bundled = Bundle.module.resourceURL?.appendingPathComponent("data") {
            candidates.append(bundled)
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent("Sources/ChineseText/Resources/data"))
        for url in candidates {
            searched.append(url.path)
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
                cachedDirectory = url
                return url
            }
        }
        throw ChineseTextError.missingResource(name: "data", searched: searched)
    }

    /// A file inside the data folder, e.g. `url(for: "jieba/dict.txt")`.
    public static func url(for relativePath: String) throws -> URL {
        let url = try dataDirectory().appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ChineseTextError.missingResource(name: relativePath, searched: [url.path])
        }
        return url
    }

    nonisolated(unsafe) private static var cachedDirectory: URL?
}
