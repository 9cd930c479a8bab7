import ChineseText
import Foundation

/// One input: a file's text as UTF-8 bytes (decoded from its encoding), or standard input.
struct InputText {
    let name: String
    let utf8: [UInt8]
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
                try body(InputText(name: "<stdin>", utf8: Array(decoded.text.utf8)))
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
                try body(InputText(name: path, utf8: Array(decoded.text.utf8)))
            } catch let error as ChineseTextError {
                Diagnostics.warn(error.description)
                failures += 1
            }
        }
        return failures
    }
}
