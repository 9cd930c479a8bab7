import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Read-only bytes: a memory-mapped file or an owned allocation. Shared by the modules that
/// compile tables into the cache (the segmenter, the HMM, the keyword IDF table).
public final class RawBlob: @unchecked Sendable {
    public let base: UnsafeRawPointer
    public let count: Int
    private let mapped: Bool

    private init(base: UnsafeRawPointer, count: Int, mapped: Bool) {
        self.base = base
        self.count = count
        self.mapped = mapped
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: base), count)
        } else {
            base.deallocate()
        }
    }

    /// Maps a file read-only; nil when it cannot be opened or mapped.
    public static func map(path: String) -> RawBlob? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        return RawBlob(base: UnsafeRawPointer(p), count: size, mapped: true)
    }

    /// Takes ownership of an allocation made with `UnsafeMutableRawPointer.allocate`.
    public static func owning(_ p: UnsafeMutableRawPointer, count: Int) -> RawBlob {
        RawBlob(base: UnsafeRawPointer(p), count: count, mapped: false)
    }

    public func write(to url: URL) throws {
        try Data(bytes: base, count: count).write(to: url, options: .atomic)
    }
}

/// A cache of compiled data files (`~/.cache/kechuang`, or `$KECHUANG_CACHE`), so that a
/// command starts in milliseconds: the first run compiles the dictionaries and stores them,
/// later runs map the stored file. A cache that cannot be written is not an error.
public enum BinaryCache {
    public static func directory() -> URL? {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["KECHUANG_CACHE"] {
            return dir.isEmpty || dir == "off" ? nil : URL(fileURLWithPath: dir)
        }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("kechuang")
        }
        if let home = env["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent(".cache/kechuang")
        }
        return nil
    }

    /// A key for the contents of the source files (FNV-1a over their bytes, 8 at a time) and
    /// the format version.
    public static func key(sources: [URL], version: UInt64) throws -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ version
        for url in sources { h = fold(h, try WordDictionary.read(url)) }
        return h
    }

    /// A key for bytes already read, and the format version.
    public static func key(data: Data, version: UInt64) -> UInt64 {
        fold(0xCBF2_9CE4_8422_2325 ^ version, data)
    }

    private static func fold(_ seed: UInt64, _ data: Data) -> UInt64 {
        var h = (seed ^ UInt64(data.count)) &* 0x100_0000_01B3
        data.withUnsafeBytes { raw in
            let words = raw.count / 8
            for i in 0..<words {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0x100_0000_01B3
            }
            for i in (words * 8)..<raw.count {
                h = (h ^ UInt64(raw[i])) &* 0x100_0000_01B3
            }
        }
        return h
    }

    /// The cached blob for `name` whose header carries `key` (and `magic`, when given), else
    /// `build()`'s, stored for next time. The blob's first 16 bytes must be a magic number and the key.
    public static func blob(name: String, magic: UInt64? = nil, key: UInt64, build: () throws -> RawBlob) rethrows -> RawBlob {
        let file = directory()?.appendingPathComponent("\(name)-\(String(key, radix: 16)).bin")
        if let file, let blob = RawBlob.map(path: file.path), blob.count >= 16,
           magic.map({ blob.base.loadUnaligned(as: UInt64.self) == $0 }) ?? true,
           blob.base.loadUnaligned(fromByteOffset: 8, as: UInt64.self) == key {
            return blob
        }
        let blob = try build()
        if let file {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? blob.write(to: file)
        }
        return blob
    }
}

/// Writes arrays into a blob, each 8-byte aligned, and reads them back as buffers.
public struct BlobWriter {
    public private(set) var size = 0
    private var pieces: [(offset: Int, write: (UnsafeMutableRawPointer) -> Void)] = []

    public init() {}

    @discardableResult
    public mutating func add<T>(_ array: [T]) -> Int {
        let offset = size
        let bytes = array.count * MemoryLayout<T>.stride
        pieces.append((offset, { dst in
            array.withUnsafeBytes { src in
                if let b = src.baseAddress { (dst + offset).copyMemory(from: b, byteCount: bytes) }
            }
        }))
        size += (bytes + 7) & ~7
        return offset
    }

    @discardableResult
    mutating func add<T>(_ buffer: UnsafeMutableBufferPointer<T>) -> Int {
        let offset = size
        let bytes = buffer.count * MemoryLayout<T>.stride
        pieces.append((offset, { dst in
            if let b = buffer.baseAddress { (dst + offset).copyMemory(from: UnsafeRawPointer(b), byteCount: bytes) }
        }))
        size += (bytes + 7) & ~7
        return offset
    }

    /// One word.
    @discardableResult
    public mutating func add(_ value: UInt64) -> Int { add([value]) }

    public func finish() -> RawBlob {
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(size, 8), alignment: 16)
        p.initializeMemory(as: UInt8.self, repeating: 0, count: max(size, 8))
        for piece in pieces { piece.write(p) }
        return RawBlob.owning(p, count: max(size, 8))
    }
}

public struct BlobReader {
    public let blob: RawBlob
    public private(set) var offset = 0

    public init(_ blob: RawBlob) { self.blob = blob }

    /// The next array of `count` elements, or nil when the blob is too short.
    public mutating func buffer<T>(_ type: T.Type, count: Int) -> UnsafeBufferPointer<T>? {
        let bytes = count * MemoryLayout<T>.stride
        guard count >= 0, offset + bytes <= blob.count else { return nil }
        let p = (blob.base + offset).assumingMemoryBound(to: T.self)
        offset += (bytes + 7) & ~7
        return UnsafeBufferPointer(start: p, count: count)
    }

    /// The next word; nil when the blob is too short.
    public mutating func value() -> UInt64? { buffer(UInt64.self, count: 1)?.first }
}
