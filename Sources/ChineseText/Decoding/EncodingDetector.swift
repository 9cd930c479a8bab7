/// Encoding detection for undeclared input: BOM, then UTF-16 without BOM (NUL byte pattern),
/// then UTF-8 validity, then GB18030 versus Big5 by decoding a sample both ways and scoring how
/// much of the result is frequent Chinese text.
enum EncodingDetector {
    /// Size of the sample decoded as GB18030 and as Big5 (from the first non-ASCII byte).
    static let legacySampleSize = 64 * 1024

    /// The encoding given by a byte order mark, and the mark's length.
    static func bom(_ p: UnsafeBufferPointer<UInt8>) -> (TextEncoding, Int)? {
        let n = p.count
        if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { return (.utf8, 3) }
        if n >= 2 && p[0] == 0xFF && p[1] == 0xFE { return (.utf16LE, 2) }
        if n >= 2 && p[0] == 0xFE && p[1] == 0xFF { return (.utf16BE, 2) }
        if n >= 4 && p[0] == 0x84 && p[1] == 0x31 && p[2] == 0x95 && p[3] == 0x33 { return (.gb18030, 4) }
        return nil
    }

    static func detect(_ p: UnsafeBufferPointer<UInt8>) -> TextEncoding {
        detectWithValidity(p).encoding
    }

    /// The detected encoding, and whether the whole input was checked to be valid UTF-8.
    static func detectWithValidity(_ p: UnsafeBufferPointer<UInt8>) -> (encoding: TextEncoding, validUTF8: Bool) {
        if let (encoding, _) = bom(p) { return (encoding, false) }
        if let encoding = bomlessUTF16(p) { return (encoding, false) }
        let stats = ByteDecoders.utf8Stats(p, from: 0)
        if stats.invalid == 0 && stats.complete { return (.utf8, true) }
        // A few bad bytes in otherwise good UTF-8 (a damaged or truncated file). GBK text read as
        // UTF-8 gives far more invalid than valid sequences.
        if stats.multibyte >= 8 && stats.invalid * 50 <= stats.multibyte { return (.utf8, false) }
        // Valid UTF-8 cut off in the middle of its last character (a truncated download).
        if stats.invalid == 1 && stats.multibyte >= 1 && endsWithTruncatedUTF8(p) { return (.utf8, false) }
        let (legacyEncoding, legacyScore) = legacyScored(p)
        // Short damaged UTF-8 ("重庆\xFF科技"): keep UTF-8 when it reads at least as well.
        if stats.multibyte >= 2 && stats.invalid <= stats.multibyte {
            let end = min(p.count, legacySampleSize)
            let utf8Text = String(decoding: UnsafeBufferPointer(rebasing: p[0..<end]), as: UTF8.self)
            if score(utf8Text, traditional: false) >= legacyScore { return (.utf8, false) }
        }
        return (legacyEncoding, false)
    }

    /// Whether the input ends inside a UTF-8 sequence that is valid so far.
    static func endsWithTruncatedUTF8(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = p.baseAddress else { return false }
        let n = p.count
        var i = n - 1
        while i >= 0 && i >= n - 3 && p[i] & 0xC0 == 0x80 { i -= 1 }
        guard i >= 0, p[i] >= 0xC0 else { return false }
        return ByteDecoders.validUTF8SequenceLength(base, n, i) == 0
    }

    /// UTF-16 without a BOM: NUL bytes only (or almost only) at odd offsets (LE) or even offsets (BE),
    /// and the sample decodes to plausible text.
    static func bomlessUTF16(_ p: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        let n = min(p.count, 64 * 1024) & ~1
        guard n >= 4 else { return nil }
        var zeroEven = 0
        var zeroOdd = 0
        var k = 0
        while k < n {
            if p[k] == 0 { zeroEven += 1 }
            if p[k + 1] == 0 { zeroOdd += 1 }
            k += 2
        }
        let units = n / 2
        let bigEndian: Bool
        if zeroOdd * 8 >= units && zeroEven * 20 <= zeroOdd {
            bigEndian = false
        } else if zeroEven * 8 >= units && zeroOdd * 20 <= zeroEven {
            bigEndian = true
        } else {
            return nil
        }
        var plausible = 0
        k = 0
        while k < n {
            let u = bigEndian ? UInt32(p[k]) << 8 | UInt32(p[k + 1]) : UInt32(p[k]) | UInt32(p[k + 1]) << 8
            if (u >= 0x20 && u < 0x7F) || u == 0x0A || u == 0x0D || u == 0x09
                || CharClass.isCJK(u) || CharClass.isCJKPunctuation(u) || CharClass.isLatinLetter(u)
                || CharClass.isWhitespace(u) || (u >= 0xD800 && u <= 0xDFFF) {
                plausible += 1
            }
            k += 2
        }
        return plausible * 10 >= units * 9 ? (bigEndian ? .utf16BE : .utf16LE) : nil
    }

    /// GB18030 or Big5, by decoding a sample both ways.
    static func legacy(_ p: UnsafeBufferPointer<UInt8>) -> TextEncoding { legacyScored(p).0 }

    /// GB18030 or Big5, with the plausibility score of the winner's decoding.
    static func legacyScored(_ p: UnsafeBufferPointer<UInt8>) -> (TextEncoding, Double) {
        let gbTables = LegacyTables.gb18030
        let big5Table = LegacyTables.big5
        guard let gbTables else { return (big5Table == nil ? .gb18030 : .big5, 0) }
        guard let big5Table else { return (.gb18030, 0) }
        var start = 0
        while start < p.count && p[start] < 0x80 { start += 1 }
        let end = min(p.count, start + legacySampleSize)
        let sample = UnsafeBufferPointer(rebasing: p[start..<end])
        var gbWarnings = WarningCollector(path: "", encodingName: "GB18030", limit: 0)
        let gbText = ByteDecoders.run(sample, from: 0, estimate: sample.count * 2,
                                      warnings: &gbWarnings, step: ByteDecoders.gb18030Step(gbTables))
        var big5Warnings = WarningCollector(path: "", encodingName: "Big5", limit: 0)
        let big5Text = ByteDecoders.run(sample, from: 0, estimate: sample.count * 2,
                                        warnings: &big5Warnings, step: ByteDecoders.big5Step(big5Table))
        let gbScore = score(gbText, traditional: false)
        let big5Score = score(big5Text, traditional: true)
        return big5Score > gbScore + 0.02 ? (.big5, big5Score) : (.gb18030, gbScore)
    }

    /// Share of non-ASCII characters that look like real Chinese text, minus penalties for
    /// replacement characters, private-use characters and rare ideographs.
    static func score(_ text: String, traditional: Bool) -> Double {
        var total = 0
        var good = 0.0
        var bad = 0.0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 { continue }
            total += 1
            switch frequencyClass[v] {
            case 1?: good += 1                          // frequent, same in both scripts
            case 2?: good += traditional ? 0.3 : 1      // frequent simplified-only
            case 3?: good += traditional ? 1 : 0.3      // frequent traditional-only
            case 4?: good += 0.5                        // common CJK punctuation
            default:
                if v == 0xFFFD {
                    bad += 3
                } else if v >= 0xE000 && v <= 0xF8FF {
                    bad += 1
                } else if CharClass.isCJK(v) {
                    if v < 0x4E00 || v > 0x9FFF { bad += 0.5 }  // extension A/B…, compatibility
                } else if !CharClass.isCJKPunctuation(v) {
                    bad += 0.25  // symbols, box drawing, kana, Cyrillic… are rare in news text
                }
            }
        }
        return total == 0 ? 0 : (good - bad) / Double(total)
    }

    /// 1 = frequent in both scripts, 2 = frequent simplified-only, 3 = frequent traditional-only,
    /// 4 = common punctuation.
    static let frequencyClass: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        for (chars, cls) in [(shared, UInt8(1)), (simplifiedOnly, 2), (traditionalOnly, 3), (punctuation, 4)] {
            for s in chars.unicodeScalars where table[s.value] == nil { table[s.value] = cls }
        }
        return table
    }()

    // The 400 most frequent characters (by character frequency in the jieba dictionary) that exist
    // in both GB2312 and Big5, then the 200 most frequent that exist in GB2312 only (simplified),
    // and their traditional forms that exist in Big5 only.
    /// Frequent characters written the same in simplified and traditional Chinese.
    static let shared =
        "一是人了不在有大中和上他地年我以到要出的生道民家子也成行下于后就自之得主可天作分方用多你部能市等全里" +
        "工公本都而高政法面日事代那去心小同北定前其然起种所如理机体表力好外与文重新三么只山水明化平建又制南西" +
        "此名手最者月安看各城十相但已些正口通想度加第她合院物性由位常海意武使次二向治因立身情入原把路被并利石" +
        "老教万知量任江及省委元美特期世湖回系比气展科金先提品或王社很四首共形己儿司太目基直女少流命至米打果清" +
        "活几州解更程今府才保交放管便走族反再色五京河接式白它改光信受什听布百党指做取技神斯真界件花何眼兵空干" +
        "据集古完增史官每住商即步台林必死游言皇土收考求德叫近研非具李感笑革持始英克士拉思根格造朝型价校器字段" +
        "周深候功快火千准究往极育半令吃精像帝八复影告群包整构料划算象容示投值夫网望源息股派速怎需片律支早病境" +
        "越局推且列服未居除企引确初青志率球察站施均消客失存低甚般曾防离落足素副食余照占巴洲村易星木黑左置跟央"
    /// Frequent simplified characters that Big5 cannot encode.
    static let simplifiedOnly =
        "国为这个来会时学说们发对长过着业经门动进区开产军还现当两实关从内没将员东头间无见战点场数样问级应资务" +
        "汉总电声设义统处马领队计别权话报给变书华议称决张导术结师达题条规县风运组济论强黄选记却职号类传带农边" +
        "联广质阳难历专认车举线团备争众连调转该尔让较际亲单红约亚则属积图装许参观鱼办远随势热语铁断爱纪况证编" +
        "满觉双乐标织项飞节龙响药轻击请显罗营视护创兴虽费试宝识维宫环乡责严桥仅杀围态杨负层须续状银终钱赛独细"
    /// Their traditional forms (Taiwan standard), which GB2312 cannot encode.
    static let traditionalOnly =
        "國為這個來會時學說們發對長過業經門動進區開產軍還現當兩實關從內沒將員東頭間無見戰點場數樣問級應資務漢" +
        "總電聲設義統處馬領隊計別權話報給變書華議稱決張導術結師達題條規縣風運組濟論強黃選記卻職號類傳帶農邊聯" +
        "廣質陽難歷專認車舉線團備爭眾連調轉該爾讓較際親單紅約亞則屬積圖裝許參觀魚辦遠隨勢熱語鐵斷愛紀況證編滿" +
        "覺雙樂標織項飛節龍響藥輕擊請顯羅營視護創興雖費試寶識維宮環鄉責嚴橋僅殺圍態楊負層須續狀銀終錢賽獨細"
    /// Punctuation of Chinese text.
    static let punctuation = "，。、；：？！“”‘’（）《》「」『』【】…—·"
}
