import ChineseText

/// Dates and person names as they appear in Chinese news text.
enum MetadataParsing {
    // MARK: Dates

    /// The first date in `text` as ISO 8601: `2020-12-25T09:23:35` when a time follows the
    /// date, else `2020-12-17`. Understands 2020-12-25, 2020/12/25, 2020.12.25, 2020年12月17日,
    /// with an optional time 09:23 or 09:23:35 after it.
    static func isoDate(in text: String) -> String? {
        let a = Scan.scalars(text)
        var i = 0
        while i < a.count {
            guard Scan.isDigit(a[i]), i == 0 || !Scan.isDigit(a[i - 1]) else { i += 1; continue }
            if let (date, end) = dateAt(a, i) {
                var result = date
                if let time = timeAfter(a, end) { result += "T" + time }
                return result
            }
            i += 1
        }
        return nil
    }

    /// Whether the text is (a date and time and nothing much else) — used to recognise date lines.
    static func digitValue(_ c: Unicode.Scalar) -> Int? {
        let v = c.value
        if v >= 0x30 && v <= 0x39 { return Int(v - 0x30) }
        if v >= 0xFF10 && v <= 0xFF19 { return Int(v - 0xFF10) }
        return nil
    }

    private static func number(_ a: [Unicode.Scalar], _ i: Int, maxDigits: Int) -> (Int, Int)? {
        var j = i, value = 0
        while j < a.count, j - i < maxDigits, let d = digitValue(a[j]) { value = value * 10 + d; j += 1 }
        if j == i || (j < a.count && digitValue(a[j]) != nil) { return nil }
        return (value, j)
    }

    private static func dateAt(_ a: [Unicode.Scalar], _ i: Int) -> (String, Int)? {
        guard let (year, j) = number(a, i, maxDigits: 4), j - i == 4, year >= 1900, year <= 2100, j < a.count else { return nil }
        let sep = a[j]
        let chinese = sep == "年"
        guard chinese || sep == "-" || sep == "/" || sep == "." else { return nil }
        var k = j + 1
        while k < a.count && a[k] == " " { k += 1 }
        guard let (month, m2) = number(a, k, maxDigits: 2), (1...12).contains(month), m2 < a.count else { return nil }
        if chinese { guard a[m2] == "月" else { return nil } } else { guard a[m2] == sep else { return nil } }
        k = m2 + 1
        while k < a.count && a[k] == " " { k += 1 }
        guard let (day, d2) = number(a, k, maxDigits: 2), (1...31).contains(day) else { return nil }
        var end = d2
        if chinese { guard d2 < a.count, a[d2] == "日" || a[d2] == "号" else { return nil }; end = d2 + 1 }
        return (pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2), end)
    }

    private static func timeAfter(_ a: [Unicode.Scalar], _ start: Int) -> String? {
        var k = start
        while k < a.count && (Scan.isSpace(a[k]) || a[k] == "T") { k += 1 }
        guard k - start <= 3 else { return nil }
        guard let (h, h2) = number(a, k, maxDigits: 2), h < 24, h2 < a.count, a[h2] == ":" || a[h2] == "：" else { return nil }
        guard let (m, m2) = number(a, h2 + 1, maxDigits: 2), m < 60 else { return nil }
        var s = 0
        if m2 < a.count, a[m2] == ":" || a[m2] == "：", let (sec, _) = number(a, m2 + 1, maxDigits: 2), sec < 60 { s = sec }
        return pad(h, 2) + ":" + pad(m, 2) + ":" + pad(s, 2)
    }

    private static func pad(_ v: Int, _ n: Int) -> String {
        let s = String(v)
        return s.count >= n ? s : String(repeating: "0", count: n - s.count) + s
    }

    // MARK: Names

    /// Role words of bylines (simplified), longest first.
    static let roleWords = ["本报特约记者", "本报见习记者", "本报实习生", "本报通讯员", "本报记者", "特约记者", "见习记者", "首席记者",
                            "实习记者", "实习生", "通讯员", "记者", "文字", "撰文", "摄影", "作者", "编辑", "责编", "整理",
                            "文/图", "图/文", "文图", "图文", "文", "图", "摄"]

    /// The role words of two characters or more, searched for together.
    static let longRoleWords = NeedleSet(roleWords.filter { $0.count >= 2 })
    /// The words that make a text a byline candidate (`isPureByline`).
    static let bylineWords = NeedleSet(roleWords.filter { $0.count >= 2 } + ["审核", "校对"])
    static let webMarks = NeedleSet(["http", "www.", ".com", ".cn"])

    /// Endings that make a token an organisation or a site rather than a person (simplified).
    static let organisationEndings = ["网", "报", "社", "台", "站", "局", "厅", "部", "委", "院", "会", "司", "团", "办", "处",
                                      "中心", "频道", "新闻", "在线", "客户端", "组", "版", "号", "馆", "所", "校", "科技", "日报",
                                      "区", "县", "市", "省", "镇", "乡", "村", "街道", "园", "集团", "公司"]
    /// The same endings tested together (`AffixList.firstSuffix` answers as testing them one by one).
    static let organisationEndingList = AffixList(organisationEndings)
    static let notNames: Set<String> = ["本报", "记者", "编辑", "通讯员", "新华社", "中新社", "来源", "作者", "本网", "佚名",
                                        "综合", "整理", "供图", "摄影", "实习生", "报道", "消息", "图片", "责编", "本刊"]

    /// Common Chinese surnames (simplified), single and compound.
    static let surnames: Set<Unicode.Scalar> = Set(("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由黄符冒竺钮荀郦蔚苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公").unicodeScalars)
    static let compoundSurnames = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "令狐", "公孙", "慕容", "长孙", "宇文",
                                   "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台", "申屠"]

    /// Whether `name` (simplified) looks like a person's name: 2–4 ideographs starting with a
    /// common surname (a minority or foreign name with a middle dot: up to 12).
    static func isPersonName(_ name: String) -> Bool {
        let a = Scan.scalars(name)
        if a.isEmpty { return false }
        if notNames.contains(name) { return false }
        if a.allSatisfy(Scan.isCJK) {
            guard a.count >= 2 && a.count <= 4 else { return false }
            guard surnames.contains(a[0]) || compoundSurnames.contains(where: { name.hasPrefix($0) && a.count >= 3 }) else { return false }
        } else if a.allSatisfy({ Scan.isCJK($0) || $0 == "·" || $0 == "•" }) {
            guard a.count >= 3 && a.count <= 12, Scan.isCJK(a.first!), Scan.isCJK(a.last!) else { return false }
        } else {
            return false
        }
        return organisationEndingList.firstSuffix(of: name) == nil
    }

    /// Whether a name someone else gave (a reader's author field) is obviously not a person: a
    /// site, newspaper or organisation (促进网, 重庆日报), a URL, or something long or with digits.
    static func isObviouslyNotPerson(_ name: String) -> Bool {
        let t = Scan.trimmed(name)
        let a = Scan.scalars(t)
        if a.isEmpty || a.count > 40 || a.contains(where: Scan.isDigit) { return true }
        if webMarks.matches(t) { return true }
        if notNames.contains(t) { return true }
        if Scan.cjkCountScalars(a) > 0 {
            if organisationEndingList.firstSuffix(of: t) != nil { return true }
            if a.count > 12 { return true }
        }
        return false
    }

    /// Person names in a byline text such as `重庆日报记者 罗静雯`, `记者 张亦筑 夏元`,
    /// `文字/记者 张亦筑`, `记者张三 通讯员李四`. `simplify` gives a token's simplified form for
    /// checking; the names are returned as written.
    ///
    /// The tokens are cut from the text's UTF-8 (the same scalars as appending them one by one)
    /// and tested against the word lists with `BylineToken`, which compares bytes where the token
    /// is plain text (the same answers as `String`'s tests, see there).
    static func personNames(in text: String, simplify: (String) -> String, includeEditors: Bool = false) -> [String] {
        // Tokens split on spaces and list separators.
        var tokens: [String] = []
        Scan.withUTF8(text) { p in
            var start = 0, i = 0
            while i < p.count {
                let at = i
                let c = Unicode.Scalar(Scan.decode(p, &i)).unsafelyUnwrapped
                if isTokenSeparator(c) {
                    if at > start { tokens.append(String(decoding: UnsafeBufferPointer(rebasing: p[start..<at]), as: UTF8.self)) }
                    start = i
                }
            }
            if p.count > start { tokens.append(String(decoding: UnsafeBufferPointer(rebasing: p[start...]), as: UTF8.self)) }
        }
        // Strip role words: a token ending with one is a label (重庆日报记者); one starting with
        // one carries the name after it (记者张三).
        var rest: [(orig: String, simp: String)] = []
        // Names after an editor's label are editors, not authors.
        var editors = false
        for t in tokens {
            var o = t, s = simplify(t)
            let tok = BylineToken(s)
            let isRoleWord = tok.equalsAny(BylineWords.roleWords)
            if tok.hasAnySuffix(BylineWords.editorLabels) || tok.hasAnyPrefix(BylineWords.editorLabels) {
                editors = true
                if isRoleWord || tok.hasAnySuffix(BylineWords.editorLabels) { continue }
            } else if isRoleWord || tok.hasAnySuffix(BylineWords.labelEndings) {
                editors = false
            }
            if editors && !includeEditors { continue }
            if isRoleWord { continue }
            if tok.hasAnySuffix(BylineWords.labelEndings) { continue }
            for (r, count) in BylineWords.longRoleWords where tok.hasPrefix(r) && tok.count > count {
                let n = r.scalarCount
                o = Scan.string(Scan.scalars(o).dropFirst(n))
                s = Scan.string(Scan.scalars(s).dropFirst(n))
                break
            }
            let simplifiedToken = BylineToken(s)
            if simplifiedToken.count > 2 && simplifiedToken.hasSuffix(BylineWords.photo) {
                o = Scan.string(Scan.scalars(o).dropLast())
                s = Scan.string(Scan.scalars(s).dropLast())
            }
            rest.append((o, s))
        }
        // Two one-character tokens in a row are one name written with a space (张 三).
        var merged: [(orig: String, simp: String)] = []
        var k = 0
        while k < rest.count {
            if k + 1 < rest.count, rest[k].simp.unicodeScalars.count == 1, rest[k + 1].simp.unicodeScalars.count <= 2,
               Scan.isCJK(rest[k].simp.unicodeScalars.first!) {
                merged.append((rest[k].orig + rest[k + 1].orig, rest[k].simp + rest[k + 1].simp))
                k += 2
            } else {
                merged.append(rest[k])
                k += 1
            }
        }
        var names: [String] = []
        for m in merged where isPersonName(m.simp) && !names.contains(m.orig) { names.append(m.orig) }
        return names
    }

    /// The characters that separate the tokens of a byline.
    @inline(__always)
    static func isTokenSeparator(_ c: Unicode.Scalar) -> Bool {
        Scan.isSpace(c) || c == "、" || c == "," || c == "，" || c == "/" || c == "／" || c == ":" || c == "："
            || c == ";" || c == "；" || c == "|" || Scan.isOpening(c) || Scan.isClosing(c)
    }

    /// The words taken out of a byline before what is left is measured (`isPureByline`).
    static let removedFromBylines = (roleWords + ["责任编辑", "审核", "校对", "监制", "统筹", "审校"]).filter { $0.count >= 2 }

    /// Whether every token of a byline text is a role word or a person name (so the whole line
    /// is a byline and nothing else).
    static func isPureByline(_ text: String, simplify: (String) -> String) -> Bool {
        let s = simplify(text)
        guard bylineWords.matches(s) else { return false }
        guard !s.unicodeScalars.contains(where: Scan.isTerminal) else { return false }
        let names = personNames(in: text, simplify: simplify, includeEditors: true)
        guard !names.isEmpty else { return false }
        // Everything except role words, names, separators and a short organisation prefix.
        var remainder = s
        for n in names { remainder = remainder.replacingOccurrencesOf(simplify(n), with: "") }
        for r in removedFromBylines { remainder = remainder.replacingOccurrencesOf(r, with: "") }
        let left = Scan.key(remainder)
        return left.count <= 8
    }
}

extension String {
    /// Literal replacement without Foundation.
    /// (Byte-wise on the UTF-8, which is the same as scalar-wise: matches fall on scalar boundaries.)
    func replacingOccurrencesOf(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return Scan.withUTF8(self) { a in
            Scan.withUTF8(target) { t in
                guard var j = Scan.find(t, in: a) else { return self }
                var out: [UInt8] = []
                out.reserveCapacity(a.count)
                var i = 0
                while true {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: a[i..<j]))
                    out.append(contentsOf: replacement.utf8)
                    i = j + t.count
                    guard let next = Scan.find(t, in: a, from: i) else { break }
                    j = next
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: a[i...]))
                return String(decoding: out, as: UTF8.self)
            }
        }
    }
}
