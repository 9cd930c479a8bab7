import ChineseText

extension ScalarString {
    /// `String(scalars).count`: the number of `Character`s. For NFC-safe scalars (see
    /// `NFCSafety`) every scalar is its own `Character` except a CR LF pair, which is one; any
    /// other run is counted by `String`.
    static func characterCount(_ scalars: ArraySlice<Unicode.Scalar>) -> Int {
        var n = 0
        var previousCR = false
        for s in scalars {
            guard NFCSafety.isSafe(s) else { return make(scalars).count }
            if !(previousCR && s == "\n") { n += 1 }
            previousCR = s == "\r"
        }
        return n
    }
}
