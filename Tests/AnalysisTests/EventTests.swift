import Foundation
import Testing
@testable import Analysis

@Suite("Events")
struct EventTests {
    let extractor = EventExtractor()

    func date(_ s: String) -> Date {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let p = s.split(separator: "-").map { Int($0)! }
        return c.date(from: DateComponents(year: p[0], month: p[1], day: p[2]))!
    }

    /// Entity mentions for the test sentences, found by plain search (the recognizer's job).
    func refs(_ text: String, _ names: [(String, EntityRef.Kind, String?)]) -> [EntityRef] {
        let scalars = Array(text.unicodeScalars)
        var out: [EntityRef] = []
        for (surface, kind, canonical) in names {
            let needle = Array(surface.unicodeScalars)
            var i = 0
            while i + needle.count <= scalars.count {
                if Array(scalars[i..<(i + needle.count)]) == needle {
                    out.append(EntityRef(name: canonical ?? surface, kind: kind, start: i, end: i + needle.count))
                    i += needle.count
                } else { i += 1 }
            }
        }
        return out
    }

    @Test func cooperationWithDateAndParties() throws {
        let text = "8月18日，重庆市政府与北京大学签署战略合作协议，携手共建北京大学重庆大数据研究院。"
        let events = extractor.extract(text, entities: refs(text, [("重庆市政府", .organization, nil), ("北京大学", .organization, nil)]),
                                       published: date("2020-09-01"))
        let e = try #require(events.first)
        #expect(e.type == .cooperation)
        #expect(e.date == "2020-08-18")
        #expect(e.parties.prefix(2) == ["重庆市政府", "北京大学"])
        #expect(e.summary.hasPrefix("2020年8月18日，重庆市政府与北京大学签署战略合作协议"))
        #expect(e.evidence == text)
        #expect(e.start == 0)
    }

    @Test func openYearWithoutPublicationDate() throws {
        let text = "8月18日，重庆市政府与北京大学签署战略合作协议。"
        let e = try #require(extractor.extract(text, entities: [], published: nil).first)
        #expect(e.date == "XXXX-08-18")
        #expect(e.summary.hasPrefix("8月18日"))
    }

    @Test func approvalInAMonth() throws {
        let text = "今年3月，科技部批复重庆建设国家新一代人工智能创新发展试验区，计划用5年左右时间。"
        let e = try #require(extractor.extract(text, entities: refs(text, [("科技部", .organization, nil), ("重庆", .place, "重庆市")]),
                                               published: date("2020-09-01")).first)
        #expect(e.type == .approval)
        #expect(e.date == "2020-03")
        #expect(e.parties == ["科技部"])
        #expect(e.place == "重庆市")
    }

    @Test func investmentAmountAndProjectSigning() throws {
        let text = "8月，川渝两地首次联合启动重点研发项目申报，共同出资2000万元予以资助。41家企业集中签约，落户科学城光大人工智能产业基地，总投资额超100亿元。"
        let events = extractor.extract(text, entities: [], published: date("2020-09-01"))
        #expect(events.map(\.type) == [.investment, .project])
        #expect(events[0].amount?.value == 20_000_000)
        #expect(events[0].date == "2020-08")
        #expect(events[1].amount?.value == 10_000_000_000)
        #expect(events[1].amount?.bound == .lower)
        // Offsets of the second sentence point into the text.
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[events[1].start..<events[1].end])) == events[1].evidence)
    }

    @Test func otherTypes() {
        let cases: [(String, Event.Kind)] = [
            ("6月，《重庆市建设国家新一代人工智能创新发展试验区实施方案》印发。", .policy),
            ("5月13日，新一代人工智能创新发展试验区建设发展论坛在成都高新区菁蓉汇举行。", .meeting),
            ("申恒涛获聘成为四川省人工智能研究院院长。", .appointment),
            ("重庆再次入选，且排名上升了11位，升至第77位。", .approval),
            ("开发的5G云控涵道式智能空中作业机器人，填补了国内涵道式无人机的空白。", .achievement),
            ("重庆市物联网技术创新战略联盟于2017年9月获批成立。", .approval),
            ("该联盟在重庆揭牌。", .establishment),
        ]
        for (text, kind) in cases {
            #expect(extractor.extract(text, entities: [], published: nil).first?.type == kind, "\(text)")
        }
    }

    @Test func noEventInPlainSentences() {
        #expect(extractor.extract("这得益于，重庆坚持把创新作为引领发展的第一动力。", entities: [], published: nil).isEmpty)
    }
}
