import CrossDocument
import Foundation
import GRDB

/// The cross-document step, run in the same transaction as the batch it follows, touching
/// only what the batch changed: near-duplicates found through SimHash bands, events merged
/// into stories found through their parties, conflicts recomputed for the claim keys that
/// received figures. Nothing compares all pairs.
struct CrossDocumentLinker {
    /// Candidates fetched per blocking key (a key shared by very many articles says little).
    static let maxCandidatesPerBand = 100
    /// Stories examined per party (the most recent).
    static let maxStoriesPerParty = 200

    func link(_ t: Touched, db: Database) throws {
        for a in t.articles { try linkDuplicate(id: a.id, simhash: a.simhash, body: a.body, db: db) }
        for id in t.relink.sorted() {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT simhash, body FROM article WHERE id = ?"), arguments: [id]) else { continue }
            try db.cachedStatement(sql: "UPDATE article SET duplicate_of = NULL, duplicate_distance = NULL WHERE id = ?").execute(arguments: [id])
            try linkDuplicate(id: id, simhash: UInt64(bitPattern: row[0]), body: row[1], db: db)
        }
        try refreshStories(t.stories, db: db)
        if !t.articles.isEmpty {
            let ids = t.articles.map(\.id)
            let events = try Row.fetchAll(db, sql: """
                SELECT id, type, date, label, summary, parties FROM event
                WHERE article_id BETWEEN ? AND ? AND story_id IS NULL ORDER BY id
                """, arguments: [ids.min() ?? 0, ids.max() ?? 0])
            for e in events { try assignStory(e, db: db) }
        }
        for key in t.claimKeys.sorted() { try ConflictFinder.rebuild(key: key, db: db) }
        for key in t.newFigures.subtracting(t.claimKeys).sorted() { try ConflictFinder.update(key: key, db: db) }
    }

    // MARK: Near-duplicates

    /// Candidates are articles stored before this one that share a SimHash band or a sentence anchor; a candidate is a near-duplicate
    /// when the fingerprints are within `SimHash.duplicateThreshold` bits, or when they are
    /// within `looseDistance` bits and the texts' shingles confirm it (`SimHash.sameContent`:
    /// high resemblance, or one text containing the other).
    func linkDuplicate(id: Int64, simhash: UInt64, body: String, db: Database) throws {
        var best: (original: Int64, distance: Int)?
        var seen = Set<Int64>()
        var confirmCandidates: [(id: Int64, original: Int64, distance: Int)] = []
        for key in SimHash.bands(simhash) + SentenceAnchors.anchors(body) {
            let statement = try db.cachedStatement(sql: """
                SELECT a.id, a.simhash, a.duplicate_of FROM article_band b JOIN article a ON a.id = b.article_id
                WHERE b.band = ? AND b.article_id < ? ORDER BY b.article_id DESC LIMIT ?
                """)
            let rows = try Row.fetchAll(statement, arguments: [key, id, Self.maxCandidatesPerBand])
            for r in rows {
                let otherId: Int64 = r[0]
                guard seen.insert(otherId).inserted else { continue }
                let d = SimHash.distance(simhash, UInt64(bitPattern: r[1]))
                let original: Int64 = (r[2] as Int64?) ?? otherId
                guard original != id else { continue }
                if d <= SimHash.duplicateThreshold {
                    if best == nil || d < best!.distance || (d == best!.distance && original < best!.original) { best = (original, d) }
                } else if d <= Self.looseDistance {
                    confirmCandidates.append((otherId, original, d))
                }
            }
        }
        if best == nil && !confirmCandidates.isEmpty {
            let mine = SimHash.shingles(body)
            for c in confirmCandidates.sorted(by: { ($0.distance, $0.id) < ($1.distance, $1.id) }).prefix(Self.maxConfirmations) {
                guard let other = try String.fetchOne(db.cachedStatement(sql: "SELECT body FROM article WHERE id = ?"), arguments: [c.id]) else { continue }
                if SimHash.sameContent(mine, SimHash.shingles(other)) { best = (c.original, c.distance); break }
            }
        }
        guard let (original, distance) = best else { return }
        // The earlier publication is the original; otherwise the one stored first.
        let dates = try Row.fetchOne(db, sql: "SELECT (SELECT published_day FROM article WHERE id = ?), (SELECT published_day FROM article WHERE id = ?)",
                                     arguments: [id, original])
        let mine: String? = dates?[0]
        let theirs: String? = dates?[1]
        if let m = mine, let o = theirs, m < o {
            try db.execute(sql: "UPDATE article SET duplicate_of = ?, duplicate_distance = ? WHERE id = ? OR duplicate_of = ?",
                           arguments: [id, distance, original, original])
            try db.cachedStatement(sql: "UPDATE article SET duplicate_of = NULL, duplicate_distance = NULL WHERE id = ?").execute(arguments: [id])
        } else {
            try db.cachedStatement(sql: "UPDATE article SET duplicate_of = ?, duplicate_distance = ? WHERE id = ?").execute(arguments: [original, distance, id])
        }
    }

    /// Fingerprint distance up to which shingles are compared to confirm a candidate.
    static let looseDistance = 24
    /// Shingle comparisons per new article at most.
    static let maxConfirmations = 4

    // MARK: Stories

    func assignStory(_ e: Row, db: Database) throws {
        let eventId: Int64 = e["id"]
        let type: String = e["type"]
        let date: String? = e["date"]
        let parties = Self.strings(e["parties"])
        var matching: [Int64] = []
        // The same evidence sentence reported again (a reprint) is the same story, parties or not.
        let evidenceKey = Self.evidenceKey(e["evidence"])
        if let evidenceKey {
            for c in try Row.fetchAll(db, sql: """
                SELECT s.id, s.date FROM story_party sp JOIN story s ON s.id = sp.story_id
                WHERE sp.party = ? AND s.type = ? ORDER BY s.id LIMIT 8
                """, arguments: [evidenceKey, type]) where StoryMatcher.datesCompatible(date, c[1]) {
                matching.append(c[0])
            }
        }
        if !parties.isEmpty {
            // Per party, the most recent stories of this type (bounded, whatever the corpus
            // size); shared parties counted here.
            var shared: [Int64: Int] = [:]
            var storyDate: [Int64: String?] = [:]
            var storySize: [Int64: Int] = [:]
            let statement = try db.cachedStatement(sql: """
                SELECT s.id, s.date, s.party_count FROM story_party sp JOIN story s ON s.id = sp.story_id
                WHERE sp.party = ? AND s.type = ? ORDER BY sp.story_id DESC LIMIT ?
                """)
            for p in Set(parties) {
                for r in try Row.fetchAll(statement, arguments: [p, type, Self.maxStoriesPerParty]) {
                    let id: Int64 = r[0]
                    shared[id, default: 0] += 1
                    storyDate[id] = r[1] as String?
                    storySize[id] = r[2]
                }
            }
            for (id, n) in shared.sorted(by: { ($0.value, -$0.key) > ($1.value, -$1.key) }) where !matching.contains(id) {
                // Cheap necessary conditions first: enough shared parties, compatible dates.
                guard n >= min(2, min(parties.count, storySize[id] ?? 0)), StoryMatcher.datesCompatible(date, storyDate[id] ?? nil) else { continue }
                let storyParties = try String.fetchAll(db, sql: "SELECT party FROM story_party WHERE story_id = ? AND party NOT LIKE char(1) || '%'",
                                                       arguments: [id])
                if StoryMatcher.sameStory(type: type, date: date, parties: parties, storyType: type, storyDate: storyDate[id] ?? nil,
                                          storyParties: storyParties) {
                    matching.append(id)
                }
            }
        }
        // A report that matches two stories shows they are one (reports arrived in an order
        // that kept them apart): merge them into the oldest.
        let chosen: (id: Int64, shared: Int)? = matching.min().map { ($0, 0) }
        if let keep = matching.min(), matching.count > 1 {
            var keepDate = try String.fetchOne(db.cachedStatement(sql: "SELECT date FROM story WHERE id = ?"), arguments: [keep])
            for other in matching where other != keep {
                // Only stories whose dates agree with each other too (an undated report naming
                // the parties of two agreements of different days must not join them).
                let otherRow = try Row.fetchOne(db.cachedStatement(sql: "SELECT date, label, summary FROM story WHERE id = ?"), arguments: [other])
                let otherDate: String? = otherRow?[0]
                guard StoryMatcher.datesCompatible(otherDate, keepDate) else { continue }
                // Merge without rereading the reports: parties, the more specific date and its wording.
                try db.cachedStatement(sql: "UPDATE event SET story_id = ? WHERE story_id = ?").execute(arguments: [keep, other])
                try db.execute(sql: "INSERT OR IGNORE INTO story_party(party, story_id) SELECT party, ? FROM story_party WHERE story_id = ?",
                               arguments: [keep, other])
                let merged = StoryMatcher.moreSpecific(keepDate, otherDate)
                if merged != keepDate {
                    try db.execute(sql: "UPDATE story SET date = ?, label = ?, summary = ? WHERE id = ?",
                                   arguments: [merged, otherRow?[1] as String?, otherRow?[2] as String?, keep])
                    keepDate = merged
                }
                try db.cachedStatement(sql: "DELETE FROM story WHERE id = ?").execute(arguments: [other])
                try Self.countParties(keep, db: db)
            }
        }
        let storyId: Int64
        if let c = chosen {
            storyId = c.id
            let old = try Row.fetchOne(db.cachedStatement(sql: "SELECT date FROM story WHERE id = ?"), arguments: [storyId])
            let oldDate: String? = old?[0]
            let newDate = StoryMatcher.moreSpecific(oldDate, date)
            if newDate != oldDate {
                // A more precise report gives the story its date and wording.
                try db.execute(sql: "UPDATE story SET date = ?, label = ?, summary = ? WHERE id = ?",
                               arguments: [newDate, e["label"] as String, e["summary"] as String, storyId])
            }
        } else {
            try db.execute(sql: "INSERT INTO story(type, date, label, summary) VALUES (?, ?, ?, ?)",
                           arguments: [type, date, e["label"] as String, e["summary"] as String])
            storyId = db.lastInsertedRowID
        }
        for p in parties + (evidenceKey.map { [$0] } ?? []) {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO story_party(party, story_id) VALUES (?, ?)").execute(arguments: [p, storyId])
        }
        try Self.countParties(storyId, db: db)
        try db.cachedStatement(sql: "UPDATE event SET story_id = ? WHERE id = ?").execute(arguments: [storyId, eventId])
    }

    /// Stories that lost reports: deleted when empty, otherwise date and parties recomputed
    /// from the reports that remain.
    func refreshStories(_ ids: Set<Int64>, db: Database) throws {
        for id in ids.sorted() {
            let events = try Row.fetchAll(db.cachedStatement(sql: "SELECT date, parties, label, summary, evidence FROM event WHERE story_id = ? ORDER BY id"), arguments: [id])
            if events.isEmpty {
                try db.cachedStatement(sql: "DELETE FROM story WHERE id = ?").execute(arguments: [id])
                continue
            }
            var date: String? = nil
            var label: String = events[0]["label"]
            var summary: String = events[0]["summary"]
            var parties: [String] = []
            for e in events {
                let d: String? = e["date"]
                let m = StoryMatcher.moreSpecific(date, d)
                if m != date { date = m; label = e["label"]; summary = e["summary"] }
                for p in Self.strings(e["parties"]) where !parties.contains(p) { parties.append(p) }
                if let k = Self.evidenceKey(e["evidence"]), !parties.contains(k) { parties.append(k) }
            }
            try db.cachedStatement(sql: "UPDATE story SET date = ?, label = ?, summary = ? WHERE id = ?").execute(arguments: [date, label, summary, id])
            try db.cachedStatement(sql: "DELETE FROM story_party WHERE story_id = ?").execute(arguments: [id])
            for p in parties { try db.cachedStatement(sql: "INSERT INTO story_party(party, story_id) VALUES (?, ?)").execute(arguments: [p, id]) }
            try Self.countParties(id, db: db)
        }
    }

    /// The blocking key of an evidence sentence: its letters hashed, in `story_party` next to
    /// the parties (a leading U+0001 keeps it apart from names). nil for short sentences.
    static func evidenceKey(_ evidence: String?) -> String? {
        guard let evidence else { return nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var letters = 0
        for s in evidence.unicodeScalars where s.properties.isAlphabetic || (0x30...0x39).contains(s.value) {
            h = (h ^ UInt64(s.value)) &* 0x0000_0100_0000_01B3
            letters += 1
        }
        guard letters >= 12 else { return nil }
        return "\u{1}" + String(h, radix: 16)
    }

    /// Keeps `story.party_count` (named parties, not evidence keys) for the matching shortcut.
    static func countParties(_ id: Int64, db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE story SET party_count = (SELECT count(*) FROM story_party WHERE story_id = ?1 AND party NOT LIKE char(1) || '%') WHERE id = ?1
            """).execute(arguments: [id])
    }

    static func strings(_ json: String?) -> [String] {
        guard let json, let data = json.data(using: .utf8), let a = try? JSONDecoder().decode([String].self, from: data) else { return [] }
        return a
    }
}
