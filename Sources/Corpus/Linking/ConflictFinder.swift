import CrossDocument
import GRDB

/// Conflicting figures for one claim key (subject | indicator | unit). Figures are grouped by
/// value, bound and publication day first, so a key reported ten thousand times with two
/// values costs a handful of comparisons; each disagreeing pair of values is one conflict row
/// with an example report of each side.
enum ConflictFinder {
    static func update(key: String, db: Database) throws {
        try db.execute(sql: "DELETE FROM conflict WHERE claim_key = ?", arguments: [key])
        let groups = try Row.fetchAll(db, sql: """
            SELECT q.value, q.bound, a.published_day, min(q.id) AS qid, q.subject, q.indicator, q.unit, q.kind, q.text
            FROM quantity q JOIN article a ON a.id = q.article_id
            WHERE q.claim_key = ? GROUP BY q.value, q.bound, a.published_day ORDER BY qid
            """, arguments: [key])
        guard groups.count > 1 else { return }
        let claims: [(claim: Claim, day: String?, id: Int64)] = groups.map { g in
            (Claim(subject: g["subject"], indicator: g["indicator"] ?? "", unit: g["unit"], kind: g["kind"], value: g["value"],
                   bound: g["bound"], text: g["text"], sentence: "", start: 0, end: 0), g["published_day"], g["qid"])
        }
        for i in claims.indices {
            for j in claims.indices where j > i {
                let a = claims[i], b = claims[j]
                guard a.claim.value != b.claim.value,
                      ConflictRule.comparable(publishedA: a.day, publishedB: b.day),
                      ConflictRule.disagree(a.claim, b.claim) else { continue }
                let (lo, hi) = a.claim.value < b.claim.value ? (a, b) : (b, a)
                try db.execute(sql: """
                    INSERT OR IGNORE INTO conflict(claim_key, subject, indicator, unit, quantity_a, quantity_b, value_a, value_b)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [key, lo.claim.subject, lo.claim.indicator, lo.claim.unit, lo.id, hi.id, lo.claim.value, hi.claim.value])
            }
        }
    }
}
