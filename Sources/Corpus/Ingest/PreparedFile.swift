import Analysis
import CrossDocument
import Foundation

/// One input file after the parallel stage: hashed, and analysed when its content is new.
struct PreparedFile: Sendable {
    enum Action: Sendable { case unchanged, sameContent, store, failed }

    var path: String
    var hash: String = ""
    var byteCount = 0
    var action: Action = .failed
    var articles: [PreparedArticle] = []
    var warnings: [String] = []
    var error: String?
}

/// An analysed article with what the store derives from it.
struct PreparedArticle: Sendable {
    var record: AnalysisRecord
    var json: String
    var simhash: UInt64
    var claims: [Claim]
}
