import CrossDocument
import GRDB

/// Conflicting figures per claim key (subject | indicator | unit). Each distinct figure of a
/// key (value, bound, publication month) is one `claim_value` row kept up to date as reports
/// arrive, so a key reported ten thousand times with two values costs a handful of
/// comparisons; each disagreeing pair of values is one `conflict` row with an example report
/// of each side.
enum ConflictFinder {
    /// Records one new figure; returns true when it is a new distinct value for its key (the
    /// key's conflicts must then be recomputed).
    static func add(key: String, value: Double, bound: String, published: String?, quantityId: Int64, db: Database) throws -> Bool {
        let month = published.map { String($0.prefix(7)) } ?? ""
        try db.cachedStatement(sql: """
            INSERT INTO claim_value(claim_key, value, bound, month, quantity_id, reports) VALUES (?, ?, ?, ?, ?, 1)
            ON CONFLICT(claim_key, value, bound, month) DO UPDATE SET reports = reports + 1
            """).execute(arguments: [key, value, bound, month, quantityId])
        // The row is new when it points at this quantity.
        return try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT quantity_id FROM claim_value WHERE claim_key = ? AND value = ? AND bound = ? AND month = ?
            """), arguments: [key, value, bound, month]) == quantityId
    }

    /// Recomputes the figures of `key` from the stored quantities (after deletions).
    static func rebuild(key: String, db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM claim_value WHERE claim_key = ?").execute(arguments: [key])
        try db.execute(sql: """
            INSERT INTO claim_value(claim_key, value, bound, month, quantity_id, reports)
            SELECT q.claim_key, q.value, q.bound, coalesce(substr(a.published_day, 1, 7), ''), min(q.id), count(*)
            FROM quantity q JOIN article a ON a.id = q.article_id WHERE q.claim_key = ?
            GROUP BY q.value, q.bound, coalesce(substr(a.published_day, 1, 7), '')
            """, arguments: [key])
        try update(key: key, db: db)
    }

    static func rebuildAll(_ db: Database) throws {
        for key in try String.fetchAll(db, sql: "SELECT DISTINCT claim_key FROM quantity WHERE claim_key IS NOT NULL") {
            try rebuild(key: key, db: db)
        }
    }

    /// Recomputes the conflicts of `key` from its distinct figures.
    static func update(key: String, db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM conflict WHERE claim_key = ?").execute(arguments: [key])
        let groups = try Row.fetchAll(db, sql: """
            SELECT cv.value, cv.bound, cv.month, cv.quantity_id, q.subject, q.indicator, q.unit, q.kind, q.text
            FROM claim_value cv JOIN quantity q ON q.id = cv.quantity_id
            WHERE cv.claim_key = ? ORDER BY cv.quantity_id
            """, arguments: [key])
        guard groups.count > 1 else { return }
        let claims: [(claim: Claim, month: String?, id: Int64)] = groups.map { g in
            let month: String = g["month"]
            return (Claim(subject: g["subject"], indicator: g["indicator"] ?? "", unit: g["unit"], kind: g["kind"], value: g["value"],
                          bound: g["bound"], text: g["text"], sentence: "", start: 0, end: 0),
                    month.isEmpty ? nil : month, g["quantity_id"])
        }
        for i in claims.indices {
            for j in claims.indices where j > i {
                let a = claims[i], b = claims[j]
                guard a.claim.value != b.claim.value, comparable(a.month, b.month),
                      ConflictRule.disagree(a.claim, b.claim) else { continue }
                let (lo, hi) = a.claim.value < b.claim.value ? (a, b) : (b, a)
                try db.execute(sql: """
                    INSERT OR IGNORE INTO conflict(claim_key, subject, indicator, unit, quantity_a, quantity_b, value_a, value_b)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [key, lo.claim.subject, lo.claim.indicator, lo.claim.unit, lo.id, hi.id, lo.claim.value, hi.claim.value])
            }
        }
    }

    /// Figures are compared when their publication months are known and at most one month
    /// apart (the rule's 31 days at month precision), or when either is unknown.
    static func comparable(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return true }
        return ConflictRule.comparable(publishedA: a + "-15", publishedB: b + "-15")
    }
}
