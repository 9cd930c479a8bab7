import Testing
@testable import CrossDocument

@Suite struct SimHashTests {
    /// A reprint: a different headline line, a few characters changed, one paragraph dropped.
    static func reprint(of body: String, dropping paragraph: Int, headline: String) -> String {
        var paragraphs = body.split(separator: "\n").map(String.init)
        paragraphs.remove(at: paragraph)
        var scalars = Array((headline + "\n" + paragraphs.joined(separator: "\n")).unicodeScalars)
        for k in stride(from: 60, to: min(scalars.count, 1000), by: 230) where CharClassProbe.isHan(scalars[k]) {
            scalars[k] = "改"
        }
        return String(String.UnicodeScalarView(scalars))
    }

    @Test func distanceAndBands() {
        #expect(SimHash.distance(0, 0) == 0)
        #expect(SimHash.distance(0, UInt64.max) == 64)
        #expect(SimHash.distance(0b1011, 0b0001) == 2)
        let h: UInt64 = 0x1234_5678_9ABC_DEF0
        #expect(SimHash.bands(h) == [0x0_DEF0, 0x1_9ABC, 0x2_5678, 0x3_1234])
        // Equal bands of different positions never collide.
        #expect(Set(SimHash.bands(0)).count == 4)
        // Pigeonhole: within 3 bits, some band is equal.
        var g = h
        g ^= 1 << 3; g ^= 1 << 20; g ^= 1 << 40
        #expect(Set(SimHash.bands(h)).intersection(SimHash.bands(g)).count == 1)
    }

    @Test func fingerprintIgnoresLayoutAndPunctuation() {
        let a = "截至目前，我市已累计签约引进世界知名高校11所，国内“双一流”建设高校20所。"
        let b = "截至目前, 我市已累计签约引进世界知名高校11所,\n国内\"双一流\"建设高校２０所"
        #expect(SimHash.fingerprint(a) == SimHash.fingerprint(b))
        #expect(SimHash.resemblance(a, b) == 1)
        #expect(SimHash.fingerprint("") == 0)
        #expect(SimHash.fingerprint("，。") == 0)
        #expect(SimHash.shingles("AbC").count == 1)
        #expect(SimHash.shingles("abc") == SimHash.shingles("ＡＢＣ"))
        // Deterministic across runs (no per-process hash seeds).
        #expect(SimHash.fingerprint("重庆市政府与北京大学签署战略合作协议") == SimHash.fingerprint("重庆市政府与北京大学签署战略合作协议"))
        #expect(SimHash.fingerprint("重庆市政府与北京大学签署战略合作协议") != SimHash.fingerprint("重庆市政府与中国科学院签署战略合作协议"))
    }

    @Test func resemblanceAndContainment() {
        #expect(SimHash.resemblance("", "") == 1)
        #expect(SimHash.resemblance("abcd", "") == 0)
        #expect(SimHash.resemblance("abcd", "abcd") == 1)
        // {abc, bcd} vs {bcd, cde}: 1 of 3.
        #expect(abs(SimHash.resemblance("abcd", "bcde") - 1.0 / 3.0) < 1e-12)
        #expect(SimHash.containment("abcde", "bcd") == 1)
        #expect(SimHash.containment("abcde", "") == 0)
    }

    /// The required case: 000 reprinted under another headline with a few characters changed and
    /// a paragraph dropped is a near-duplicate by fingerprint and by resemblance.
    @Test func reprintIsWithinThreshold() {
        let body = SampleBodies.b000
        let copy = Self.reprint(of: body, dropping: 6, headline: "转载：重庆西部科技创新中心建设跑出加速度")
        let d = SimHash.distance(SimHash.fingerprint(body), SimHash.fingerprint(copy))
        #expect(d <= SimHash.duplicateThreshold, "distance \(d)")
        #expect(SimHash.resemblance(body, copy) >= SimHash.linkResemblance)
        #expect(SimHash.sameContent(body, copy))
        // Reprints of 004 (shorter) too.
        let copy4 = Self.reprint(of: SampleBodies.b004, dropping: 3, headline: "北大重庆大数据研究院落地")
        #expect(SimHash.distance(SimHash.fingerprint(SampleBodies.b004), SimHash.fingerprint(copy4)) <= SimHash.duplicateThreshold)
        #expect(SimHash.sameContent(SampleBodies.b004, copy4))
    }

    /// Over every single-paragraph drop of the long samples, most reprints are within the
    /// threshold and all are linked by resemblance.
    @Test func reprintsOfAllSamples() {
        var total = 0, within = 0
        for (_, body) in SampleBodies.all where body.unicodeScalars.count > 1000 {
            let paragraphs = body.split(separator: "\n")
            let fp = SimHash.fingerprint(body)
            for k in paragraphs.indices where paragraphs[k].unicodeScalars.count * 10 <= body.unicodeScalars.count {
                let copy = Self.reprint(of: body, dropping: k, headline: "新标题：科技创新")
                total += 1
                if SimHash.distance(fp, SimHash.fingerprint(copy)) <= SimHash.duplicateThreshold { within += 1 }
                #expect(SimHash.resemblance(body, copy) >= SimHash.linkResemblance)
                #expect(SimHash.sameContent(body, copy))
            }
        }
        #expect(total > 50)
        #expect(Double(within) >= 0.75 * Double(total), "\(within) of \(total)")
    }

    /// Different articles of the samples are far apart by every measure, including 000 and 004,
    /// which share one passage.
    @Test func differentSamplesAreNotDuplicates() {
        let all = SampleBodies.all
        var closest = 64
        for i in all.indices {
            for j in all.indices where j > i {
                let a = all[i].body, b = all[j].body
                let d = SimHash.distance(SimHash.fingerprint(a), SimHash.fingerprint(b))
                closest = min(closest, d)
                #expect(d > SimHash.duplicateThreshold, "\(all[i].name) vs \(all[j].name): \(d)")
                #expect(SimHash.resemblance(a, b) < SimHash.linkResemblance)
                #expect(SimHash.containment(a, b) < SimHash.linkContainment)
                #expect(!SimHash.sameContent(a, b), "\(all[i].name) vs \(all[j].name)")
            }
        }
        #expect(closest >= 2 * SimHash.duplicateThreshold)
        // 000 and 004: a shared passage, not a reprint.
        let j04 = SimHash.resemblance(SampleBodies.b000, SampleBodies.b004)
        #expect(j04 > 0.1 && j04 < 0.2)
    }

    @Test func shortTextsAreNotLinked() {
        #expect(!SimHash.sameContent("科技创新", "科技创新"))
    }
}

/// Han test for the reprint simulation.
enum CharClassProbe {
    static func isHan(_ s: Unicode.Scalar) -> Bool { s.value >= 0x4E00 && s.value <= 0x9FFF }
}
