import Foundation

/// A technology of the taxonomy: its canonical name, category, strategic-emerging-industry
/// category and every form that names it.
public struct TechnologyTerm: Sendable, Hashable {
    /// The canonical name (人工智能).
    public var canonical: String
    /// One of the fixed technology categories.
    public var category: TechnologyCategory
    /// The top category of the 2018 strategic emerging industries classification the
    /// technology belongs to (the file's `industry_code`).
    public var industryCategory: StrategicIndustryCategory
    /// Every form matched for it, as written in the files: the canonical name, the terms
    /// that map to it and their aliases (人工智能, AI, 人工智慧).
    public var forms: [String]
}

/// Loads and merges technology files.
///
/// File format (TSV, UTF-8, `#` comments, header required):
///
///     term<TAB>canonical<TAB>category<TAB>aliases<TAB>industry_code
///
/// - `term`: a form to find in text; one row per term.
/// - `canonical`: the name it counts under; empty means the term itself. Several rows may
///   share a canonical name (3D打印 → 增材制造); they must then agree on category and code.
/// - `category`: one of `TechnologyCategory` (人工智能, 新一代通信, …).
/// - `aliases`: more forms, separated by `|` (AI|人工智慧). Latin forms match
///   case-insensitively as whole words; full-width and half-width forms alike.
/// - `industry_code`: `1`…`9` (the 2018 strategic emerging industries top categories) or
///   `other`.
///
/// Later files add to or override earlier ones: a row whose term is already defined replaces
/// that row (its aliases, category and code); a form already meaning another canonical name
/// now means the new one. Within one file, a repeated term or a form with two canonical names
/// is an error naming the file and line.
enum TechnologyTaxonomy {
    static let columns = ["term", "canonical", "category", "aliases", "industry_code"]

    struct Row {
        var term: String
        var canonical: String
        var category: TechnologyCategory
        var aliases: [String]
        var code: StrategicIndustryCategory
        var file: Int
        var source: TSVRow
    }

    static func parse(_ rows: [TSVRow], file: Int) throws -> [Row] {
        var out: [Row] = []
        var termLine: [String: Int] = [:]
        for r in rows {
            let f = r.fields
            let term = f[0]
            guard !Fold.key(term).isEmpty else { throw r.error("empty term") }
            let canonical = f[1].isEmpty ? term : f[1]
            guard let category = TechnologyCategory(rawValue: f[2]) else {
                throw r.error("unknown category '\(f[2])' (expected one of: \(TechnologyCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let code = StrategicIndustryCategory(fileCode: f[4]) else {
                throw r.error("unknown industry code '\(f[4])' (expected 1–9 or other)")
            }
            let key = Fold.keyString(term)
            if let first = termLine[key] {
                throw r.error("term '\(term)' is already defined at line \(first)")
            }
            termLine[key] = r.line
            out.append(Row(term: term, canonical: canonical, category: category,
                           aliases: TSV.list(f[3]), code: code, file: file, source: r))
        }
        return out
    }

    /// Merges the files' rows (in order; later files win) into terms.
    static func merge(_ files: [[Row]]) throws -> [TechnologyTerm] {
        // Rows by term: a later file's row replaces an earlier one.
        var order: [String] = []
        var byTerm: [String: Row] = [:]
        for rows in files {
            for row in rows {
                let key = Fold.keyString(row.term)
                if byTerm[key] == nil { order.append(key) }
                byTerm[key] = row
            }
        }
        let rows = order.compactMap { byTerm[$0] }.sorted { ($0.file, $0.source.line) < ($1.file, $1.source.line) }

        // Canonical names: category and code must agree within a file; later files win.
        struct Info { var name: String; var category: TechnologyCategory; var code: StrategicIndustryCategory; var row: Row }
        var infos: [String: Info] = [:]
        var canonicalOrder: [String] = []
        for row in rows {
            let key = Fold.keyString(row.canonical)
            if let old = infos[key] {
                if old.row.file == row.file && (old.category != row.category || old.code != row.code) {
                    throw row.source.error("'\(row.canonical)' has category \(row.category.rawValue), code \(row.code.fileCode) here but \(old.category.rawValue), code \(old.code.fileCode) at line \(old.row.source.line)")
                }
                if row.file > old.row.file { infos[key] = Info(name: row.canonical, category: row.category, code: row.code, row: row) }
            } else {
                infos[key] = Info(name: row.canonical, category: row.category, code: row.code, row: row)
                canonicalOrder.append(key)
            }
        }

        // Forms: each folded form names exactly one canonical term.
        var formOwner: [String: (canonical: String, row: Row)] = [:]
        var formText: [String: String] = [:]
        for row in rows {
            let canonicalKey = Fold.keyString(row.canonical)
            for form in [row.term, row.canonical] + row.aliases {
                let key = Fold.keyString(form)
                guard !key.isEmpty else { continue }
                if let old = formOwner[key], old.canonical != canonicalKey {
                    if old.row.file == row.file {
                        throw row.source.error("'\(form)' already names '\(infos[old.canonical]!.name)' (line \(old.row.source.line)), not '\(row.canonical)'")
                    }
                    // A later file takes the form over.
                }
                if formOwner[key]?.canonical != canonicalKey || formOwner[key] == nil {
                    formOwner[key] = (canonicalKey, row)
                    formText[key] = form
                }
            }
        }

        var formsByCanonical: [String: [String]] = [:]
        for (key, owner) in formOwner { formsByCanonical[owner.canonical, default: []].append(formText[key]!) }
        var terms: [TechnologyTerm] = []
        for key in canonicalOrder {
            guard let info = infos[key], var forms = formsByCanonical[key], !forms.isEmpty else { continue }
            forms.sort { a, b in
                // The canonical name first, then by length and text.
                let ca = Fold.keyString(a) == key, cb = Fold.keyString(b) == key
                if ca != cb { return ca }
                return (a.unicodeScalars.count, a) < (b.unicodeScalars.count, b)
            }
            terms.append(TechnologyTerm(canonical: info.name, category: info.category,
                                        industryCategory: info.code, forms: forms))
        }
        return terms
    }

    static func bundledURL() throws -> URL {
        guard let url = Bundle.module.url(forResource: "technologies", withExtension: "tsv") else {
            throw TaxonomyError.missingResource(name: "technologies.tsv")
        }
        return url
    }
}
