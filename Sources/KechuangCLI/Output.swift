import Foundation

/// Buffered writing of UTF-8 bytes to standard output (a raw buffer: the segmenter writes
/// one small piece per word).
struct Output: ~Copyable {
    private let capacity = 1 << 20
    private let buffer: UnsafeMutablePointer<UInt8>
    private var used = 0

    init() { buffer = .allocate(capacity: capacity) }

    deinit {
        if used > 0 { Self.writeAll(UnsafeRawPointer(buffer), used) }
        buffer.deallocate()
    }

    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let src = bytes.baseAddress else { return }
        if used + bytes.count > capacity {
            flush()
            if bytes.count > capacity { Self.writeAll(UnsafeRawPointer(src), bytes.count); return }
        }
        (buffer + used).update(from: src, count: bytes.count)
        used += bytes.count
    }

    mutating func write(_ byte: UInt8) {
        if used == capacity { flush() }
        buffer[used] = byte
        used += 1
    }

    mutating func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    mutating func write(_ string: String) {
        var s = string
        s.withUTF8 { write($0) }
    }

    mutating func flush() {
        guard used > 0 else { return }
        Self.writeAll(UnsafeRawPointer(buffer), used)
        used = 0
    }

    private static func writeAll(_ p: UnsafeRawPointer, _ count: Int) {
        var offset = 0
        while offset < count {
            let n = Glibc.write(1, p + offset, count - offset)
            if n <= 0 { break }
            offset += n
        }
    }
}

/// Messages for the user on standard error.
enum Diagnostics {
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data(("kechuang: " + message + "\n").utf8))
    }
}
