/// The entities of one text by identity (type and canonical name), as the `[EntityKey: Int]`
/// table the recognizer grouped mentions with, without hashing `String`s while it can.
///
/// `String` keys compare by canonical equivalence. While every name recorded and asked is
/// NFC-safe (see `NFCSafety`), two names are equal `String`s exactly when they have the same
/// scalars, that is the same UTF-8 bytes, so a table hashed and compared on the bytes
/// (`FirstOccurrence`) answers the same. The first name that is not safe switches the index to
/// the `String`-keyed table, filled with every identity recorded so far (each recorded once).
struct EntityIndex {
    private var bytesTable: FirstOccurrence
    private var byKey: [EntityKey: Int]?

    /// Room for `capacity` entities.
    init(capacity: Int) {
        bytesTable = FirstOccurrence(count: capacity)
    }

    /// The index of the entity of `entities` with this type and name, or nil after recording
    /// `entities.count` (the entity the caller is about to append) for them.
    mutating func firstOrInsert(_ type: EntityType, _ name: String, in entities: [Entity]) -> Int? {
        if byKey == nil && !NFCSafety.isSafe(name) {
            var table: [EntityKey: Int] = [:]
            table.reserveCapacity(entities.count + 1)
            for (i, e) in entities.enumerated() { table[EntityKey(type: e.type, name: e.name)] = i }
            byKey = table
        }
        if byKey != nil {
            let key = EntityKey(type: type, name: name)
            if let i = byKey?[key] { return i }
            byKey?[key] = entities.count
            return nil
        }
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(EntityRecognizer.typeSlot(type))
        for b in name.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        h ^= h >> 32
        h = h &* 0x9E37_79B9_7F4A_7C15
        let found = bytesTable.firstOrInsert(Int32(entities.count), hash: h) { k in
            let e = entities[Int(k)]
            return e.type == type && e.name.utf8.elementsEqual(name.utf8)
        }
        return found.map { Int($0) }
    }
}
