import ChineseText
import Foundation

/// One input: a file's text (decoded from its encoding), or standard input.
struct InputText {
    let name: String
    var text: String

    /// The text's UTF-8 bytes, without copying them.
    mutating func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try text.withUTF8(body)
    }
}

enum Inputs {
    /// Reads each path (or standard input when there is none). A file that cannot be read or
    /// decoded is reported, naming it, and skipped; the others go on. Returns the number of failures.
    static func forEach(_ paths: [String], encoding: String? = nil, _ body: (InputText) throws -> Void) throws -> Int {
        var failures = 0
        if paths.isEmpty || paths == ["-"] {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            do {
                let decoded = try TextDecoder.decode([UInt8](data), path: "<stdin>", declared: encoding)
                for w in decoded.warnings { Diagnostics.warn(w.description) }
                try body(InputText(name: "<stdin>", text: decoded.text))
            } catch let error as ChineseTextError {
                Diagnostics.warn(error.description)
                failures += 1
            }
            return failures
        }
        for path in paths {
            do {
                let decoded = try TextDecoder.decodeFile(atPath: path, declared: encoding)
                for w in decoded.warnings { Diagnostics.warn(w.description) }
                try body(InputText(name: path, text: decoded.text))
            } catch let error as ChineseTextError {
                Diagnostics.warn(error.description)
                failures += 1
            }
        }
        return failures
    }
}
