import ChineseText
import Foundation

/// China's administrative divisions (JioNLP's table in ChineseText's data:
/// `level<TAB>code<TAB>name<TAB>short<TAB>parent code`), indexed by full and short name.
final class Gazetteer: Sendable {
    struct Place: Sendable {
        var level: UInt8
        var code: String      // empty for townships
        var name: String
        var short: String
        var parent: Int32     // index of the parent entry, -1 for provinces
    }

    let places: [Place]
    let byName: [String: [Int32]]
    let byShort: [String: [Int32]]

    static func bundled() throws -> Gazetteer { try cache.get() }
    private static let cache = LazyResult<Gazetteer> {
        let url: URL
        do { url = try ResourceLocator.url(for: "places/china_divisions.tsv") } catch {
            throw EntityError.missingResource(name: "places/china_divisions.tsv (ChineseText)")
        }
        guard let data = try? Data(contentsOf: url) else {
            throw EntityError.unreadable(path: url.path, reason: "cannot read the divisions table")
        }
        return try Gazetteer(tsv: data, path: url.path)
    }

    /// Reads the table. Lines are split at LF (empty lines skipped, a line number counting
    /// every line), fields at TAB; the first five fields are used and a CR ending the parent
    /// code is dropped. The bytes are scanned in place (`GazetteerTable`): each field becomes a
    /// `String` only once, by the same UTF-8 decoding (`String(decoding:as:)`, which repairs
    /// invalid bytes) that splitting the `Data` into slices did.
    init(tsv: Data, path: String) throws {
        var table = try GazetteerTable(tsv: tsv, path: path)
        var places = table.places
        table.places = []   // `places` is now the only reference: no copy on write below
        // Resolve parents: a level-n entry's parent is the level n-1 entry with that code (the
        // last such entry when codes repeat, as a dictionary filled in order keeps it).
        var index: [GazetteerTable.CodeKey: Int32] = [:]
        index.reserveCapacity(places.count)
        for (i, p) in places.enumerated() where !p.code.isEmpty {
            index[GazetteerTable.CodeKey(level: p.level, code: p.code)] = Int32(i)
        }
        var byName: [String: [Int32]] = [:], byShort: [String: [Int32]] = [:]
        byName.reserveCapacity(places.count)
        byShort.reserveCapacity(places.count / 4)
        for i in places.indices {
            let (level, code) = table.parentCodes[i]
            if level > 1, !code.isEmpty {
                places[i].parent = index[GazetteerTable.CodeKey(level: level - 1, code: code)] ?? -1
            }
            byName[places[i].name, default: []].append(Int32(i))
            let short = places[i].short
            if !short.isEmpty && short != places[i].name && short.unicodeScalars.count >= 2 {
                byShort[short, default: []].append(Int32(i))
            }
        }
        self.places = places
        self.byName = byName
        self.byShort = byShort
    }

    /// Entries for a full or short name; full names first.
    func lookup(_ name: String) -> [Int32] {
        (byName[name] ?? []) + (byShort[name] ?? [])
    }

    /// Whether `i` or one of its ancestors is `ancestor`.
    func isWithin(_ i: Int32, _ ancestor: Int32) -> Bool {
        var k = i
        while k >= 0 {
            if k == ancestor { return true }
            k = places[Int(k)].parent
        }
        return false
    }

    func ancestors(_ i: Int32) -> [Int32] {
        var out: [Int32] = []
        var k = places[Int(i)].parent
        while k >= 0 { out.append(k); k = places[Int(k)].parent }
        return out
    }

    func division(_ i: Int32) -> PlaceDivision {
        var province = "", prefecture: String?, county: String?, code = ""
        var k = i
        while k >= 0 {
            let p = places[Int(k)]
            switch p.level {
            case 1: province = p.name
            case 2: prefecture = p.name
            case 3: county = p.name
            default: break
            }
            if code.isEmpty { code = p.code }
            k = p.parent
        }
        return PlaceDivision(level: Int(places[Int(i)].level), province: province, prefecture: prefecture,
                             county: county, code: code)
    }

    /// Whether entry `i` is a prefecture-level city or a province-level municipality.
    ///
    /// `name.hasSuffix("市")` is decided by the last scalar when every scalar of the name is
    /// NFC-safe (see `NFCSafety`: such a name's last `Character` is its last scalar, or CR LF),
    /// else by `String`.
    func isCity(_ i: Int32) -> Bool {
        let level = places[Int(i)].level
        guard level == 1 || level == 2 else { return false }
        let name = places[Int(i)].name
        var last: Unicode.Scalar?
        for s in name.unicodeScalars {
            guard NFCSafety.isSafe(s) else { return name.hasSuffix("市") }
            last = s
        }
        return last == "市"
    }
}
