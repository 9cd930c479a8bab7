import ChineseText
import Foundation
import Testing
@testable import Reading

/// The second pass's fast paths against the code they replaced, on texts with combining marks,
/// compatibility ideographs, emoji, controls and canonically equivalent spellings.
@Suite("Fast paths, second pass")
struct FastPathTests2 {
    static let tricky: [String] = [
        "", " ", "本报讯（记者 张三）今天", "本报讯", "本報訊", "本\u{0301}报讯（记者 李四）", "\u{F9A8}报讯", "新华社北京12月15日电（记者 王五）会议",
        "新华社北京12月15日电(记者 王五)", "e\u{301}图/张三", "图/张三", "图／李四 摄", "张三摄", "记者 张三 李四 摄影", "供图", "成都高新区供图",
        "图片由某某提供", "您当前的位置:首页 > 新闻", "位置：首页>科技", "首页 | 新闻 | 科技 | 体育", "首\u{9801}", "首页\u{0301}",
        "关于我们 | 联系我们 | 版权声明", "关于我们\u{0301} | 联系我们", "举报/反馈", "分享到：微信 微博", "打印 关闭窗口", "字号 大 中 小",
        "■ 数据一", "\u{2003}● 第二", " \t", "😀首页", "a\u{0}b", "第02版：要闻", "详见02版", "ICP备12345号", "重庆日报", "华西都市报",
        "…负责人称。（记者 张亦筑 夏元）举报/反馈", "正文。举报", "正文 打印本页", "x举报", "：:", "版", "»›→＞>",
    ]

    static func referencePrefixIndex(_ s: String, _ words: [String]) -> Int? {
        words.firstIndex { s.hasPrefix($0) }
    }

    static func referenceSuffixIndex(_ s: String, _ words: [String]) -> Int? {
        words.firstIndex { s.hasSuffix($0) }
    }

    @Test func affixListAgreesWithStringAffixes() {
        let lists: [[String]] = [BylineRule.leadMarkers, NavigationRule.breadcrumbPrefixes, SourceLabelRule.mediaEndings,
                                 ["摄", "摄影", "拍摄"], ["供图", "供稿"], ["图/", "图／", "图:", "资料图", "(资料图"], ["é", "e\u{301}"]]
        for words in lists {
            let list = AffixList(words)
            for s in Self.tricky + words + words.map({ "x" + $0 }) + words.map({ $0 + "\u{301}" }) {
                #expect(list.firstPrefix(of: s) == Self.referencePrefixIndex(s, words), "prefix \(s.debugDescription)")
                #expect(list.firstSuffix(of: s) == Self.referenceSuffixIndex(s, words), "suffix \(s.debugDescription)")
            }
        }
    }

    @Test func plainWordSetAgreesWithSet() {
        let sets: [Set<String>] = [FooterRule.footerItems, UIStringRule.strongItems, UIStringRule.weakItems, ["é", "中"]]
        for set in sets {
            let words = PlainWordSet(set)
            for s in Self.tricky + Array(set) + set.map({ $0 + "\u{301}" }) + ["e\u{301}", "QQ", "qq"] {
                let answer = Scan.withUTF8(s) { words.contains($0) }
                #expect(answer == set.contains(s), "\(s.debugDescription)")
            }
        }
    }

    /// Literal sets with the 16-place pair test, against scalar-by-scalar search.
    @Test func literalPairFilterKeepsLiteralAnswers() {
        let sets: [[String]] = [[":", "："], [">", "»", "＞", "→", "›"], ["首页"], ["版"]]
        var texts = Self.tricky
        // Long texts with the needle at every offset around the 16-byte steps.
        let filler = "科技创新中心建设，加速跑。"
        for k in 0..<40 {
            for w in ["首页", "版", "：", ">", "›"] {
                texts.append(String(repeating: filler, count: 3).unicodeScalars.prefix(k).map(String.init).joined() + w + filler)
            }
            texts.append(String(repeating: "a", count: k) + "›")
        }
        for words in sets {
            let set = NeedleSet(words, literal: true)
            for t in texts {
                let reference = words.contains { w in
                    let a = Array(t.unicodeScalars), b = Array(w.unicodeScalars)
                    guard b.count <= a.count else { return false }
                    return (0...(a.count - b.count)).contains { a[$0..<($0 + b.count)].elementsEqual(b) }
                }
                #expect(set.matches(t) == reference, "\(words) in \(t.debugDescription)")
            }
        }
    }

    /// `DataBoxRule.startsWithBullet` as it was: the scalars of the whole text.
    @Test func bulletTestReadsOnlyTheStart() {
        for s in Self.tricky {
            let reference = Scan.firstVisible(Scan.scalars(s)).map(DataBoxRule.isBullet) ?? false
            #expect(DataBoxRule.startsWithBullet(s) == reference)
        }
    }

    /// The trailing UI strings: scalar comparison against `String.hasSuffix` on the body.
    @Test func trailingUIStringsAgree() {
        for s in Self.tricky + UIStringRule.trailing.map({ "正文。" + $0 }) + UIStringRule.trailing.map({ "正文" + $0 + "\u{301}" }) {
            let a = Scan.scalars(s)
            var end = a.count
            while end > 0 && Scan.isSpace(a[end - 1]) { end -= 1 }
            var plainTail = 0, k = end
            while k > 0 && plainTail < UIStringRule.trailingCap && Scan.isPlain(a[k - 1].value) { plainTail += 1; k -= 1 }
            let body = Scan.string(a[0..<end])
            for (n, u) in UIStringRule.trailing.enumerated() {
                #expect(UIStringRule.bodyHasSuffix(a, end, n, plainTail: plainTail, allPlain: k == 0) == body.hasSuffix(u), "\(s.debugDescription) \(u)")
            }
        }
    }
}
