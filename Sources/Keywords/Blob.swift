import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read-only bytes: a memory-mapped file or an owned allocation. Tables view arrays inside it.
final class Blob: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int
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
    static func map(path: String) -> Blob? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        return Blob(base: UnsafeRawPointer(p), count: size, mapped: true)
    }

    /// Takes ownership of an allocation made with `UnsafeMutableRawPointer.allocate`.
    static func owning(_ p: UnsafeMutableRawPointer, count: Int) -> Blob {
        Blob(base: UnsafeRawPointer(p), count: count, mapped: false)
    }

    /// Writes the bytes to `url` atomically (a temporary file, then a rename).
    func write(to url: URL) throws {
        try Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: count, deallocator: .none)
            .write(to: url, options: .atomic)
    }
}

/// Lays arrays out in one blob, each 8-byte aligned.
struct BlobWriter {
    private(set) var size = 0
    private var pieces: [(offset: Int, bytes: Int, write: (UnsafeMutableRawPointer) -> Void)] = []

    mutating func add<T>(_ array: [T]) {
        let offset = size
        let bytes = array.count * MemoryLayout<T>.stride
        pieces.append((offset, bytes, { dst in
            array.withUnsafeBytes { src in
                if let b = src.baseAddress, bytes > 0 { (dst + offset).copyMemory(from: b, byteCount: bytes) }
            }
        }))
        size += (bytes + 7) & ~7
    }

    mutating func add(_ value: UInt64) { add([value]) }

    func finish() -> Blob {
        let total = max(size, 8)
        let p = UnsafeMutableRawPointer.allocate(byteCount: total, alignment: 16)
        p.initializeMemory(as: UInt8.self, repeating: 0, count: total)
        for piece in pieces { piece.write(p) }
        return Blob.owning(p, count: total)
    }
}

/// Reads arrays back from a blob written by `BlobWriter`, in the same order.
struct BlobReader {
    let blob: Blob
    private(set) var offset = 0

    init(_ blob: Blob) { self.blob = blob }

    /// The next array of `count` elements; nil when the blob is too short.
    mutating func buffer<T>(_ type: T.Type, count: Int) -> UnsafeBufferPointer<T>? {
        let bytes = count * MemoryLayout<T>.stride
        guard count >= 0, offset + bytes <= blob.count else { return nil }
        let p = (blob.base + offset).assumingMemoryBound(to: T.self)
        offset += (bytes + 7) & ~7
        return UnsafeBufferPointer(start: p, count: count)
    }

    mutating func value() -> UInt64? { buffer(UInt64.self, count: 1)?.first }
}

/// The cache folder for compiled tables — the one Kechuang's segmenter uses:
/// `$KECHUANG_CACHE` (empty or `off` disables it), else `$XDG_CACHE_HOME/kechuang`, else
/// `~/.cache/kechuang`.
enum TableCache {
    static func directory() -> URL? {
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

    /// FNV-1a over the bytes (8 at a time) and a format version.
    static func key(_ data: Data, version: UInt64) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ version
        h = (h ^ UInt64(data.count)) &* 0x100_0000_01B3
        data.withUnsafeBytes { raw in
            let words = raw.count / 8
            for i in 0..<words {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* 0x100_0000_01B3
            }
            for i in (words * 8)..<raw.count { h = (h ^ UInt64(raw[i])) &* 0x100_0000_01B3 }
        }
        return h
    }

    /// The cached blob `name-KEY.bin` whose first two words are `magic` and `key`, else
    /// `build()`'s, stored for next time (a cache that cannot be written is not an error).
    static func blob(name: String, magic: UInt64, key: UInt64, build: () throws -> Blob) rethrows -> Blob {
        let file = directory()?.appendingPathComponent("\(name)-\(String(key, radix: 16)).bin")
        if let file, let blob = Blob.map(path: file.path), blob.count >= 16,
           blob.base.loadUnaligned(as: UInt64.self) == magic,
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
