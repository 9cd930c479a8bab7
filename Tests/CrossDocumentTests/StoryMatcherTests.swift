import Testing
@testable import CrossDocument

@Suite struct StoryMatcherTests {
    @Test func dates() {
        #expect(StoryMatcher.datesCompatible(nil, "2020-08-18"))
        #expect(StoryMatcher.datesCompatible("XXXX-08-18", nil))
        #expect(StoryMatcher.datesCompatible(nil, nil))
        #expect(StoryMatcher.datesCompatible("2020-08-18", "2020-08-18"))
        #expect(!StoryMatcher.datesCompatible("2020-08-18", "2020-08-19"))
        #expect(StoryMatcher.datesCompatible("XXXX-08-18", "2020-08-18"))
        #expect(StoryMatcher.datesCompatible("XXXX-08-18", "2019-08-18"))
        #expect(!StoryMatcher.datesCompatible("XXXX-08-18", "2020-12-15"))
        #expect(StoryMatcher.datesCompatible("XXXX", "2020-12-15"))
        #expect(StoryMatcher.datesCompatible("2020-08", "2020-08-18"))
        #expect(StoryMatcher.datesCompatible("XXXX-08", "2020-08-31"))
        #expect(!StoryMatcher.datesCompatible("2020-08", "2020-09-01"))
        #expect(StoryMatcher.datesCompatible("2020", "2020-08-18"))
        #expect(!StoryMatcher.datesCompatible("2019", "2020-08-18"))
        #expect(!StoryMatcher.datesCompatible("2020-08-18", "2021-08-18"))
        // Intervals overlap.
        #expect(StoryMatcher.datesCompatible("2020-01/2020-06", "2020-03-15"))
        #expect(!StoryMatcher.datesCompatible("2020-01/2020-06", "2020-07-01"))
        #expect(StoryMatcher.datesCompatible("2020-01/2020-06", "2020-06/2020-12"))
        #expect(StoryMatcher.datesCompatible("XXXX-01/XXXX-06", "2020-02"))
        #expect(!StoryMatcher.datesCompatible("XXXX-01/XXXX-06", "2020-08-18"))
        #expect(StoryMatcher.datesCompatible("2018-01-01/2020-12-25", "2019-05-05"))
        #expect(StoryMatcher.datesCompatible("2020-11/2021-02", "XXXX-01-10"))   // crosses the new year
        // Unreadable dates say nothing.
        #expect(StoryMatcher.datesCompatible("soon", "2020-08-18"))
        #expect(StoryMatcher.datesCompatible("2020-13-01", "2020-08-18"))
    }

    @Test func moreSpecificDates() {
        #expect(StoryMatcher.moreSpecific(nil, nil) == nil)
        #expect(StoryMatcher.moreSpecific(nil, "XXXX-08-18") == "XXXX-08-18")
        #expect(StoryMatcher.moreSpecific("XXXX-08-18", nil) == "XXXX-08-18")
        #expect(StoryMatcher.moreSpecific("XXXX-08-18", "2020-08-18") == "2020-08-18")
        #expect(StoryMatcher.moreSpecific("2020-08-18", "XXXX-08-18") == "2020-08-18")
        #expect(StoryMatcher.moreSpecific("2020-08", "2020-08-18") == "2020-08-18")
        #expect(StoryMatcher.moreSpecific("2020-08-18", "2020-08") == "2020-08-18")
        #expect(StoryMatcher.moreSpecific("XXXX", "2020-12-15") == "2020-12-15")
        // The year of one and the day of the other.
        #expect(StoryMatcher.moreSpecific("2020", "XXXX-08-18") == "2020-08-18")
        #expect(StoryMatcher.moreSpecific("2020-08", "XXXX-08-18") == "2020-08-18")
        #expect(StoryMatcher.moreSpecific("2020-01/2020-06", "2020-03-15") == "2020-03-15")
        #expect(StoryMatcher.moreSpecific("XXXX-01/XXXX-06", "2020-01/2020-03") == "2020-01/2020-03")
        // Incompatible: the first is kept.
        #expect(StoryMatcher.moreSpecific("2020-12-15", "2020-08-18") == "2020-12-15")
        #expect(StoryMatcher.moreSpecific("soon", "2020-08-18") == "2020-08-18")
    }

    @Test func parties() {
        let a = ["重庆市人民政府", "北京大学", "北京大学重庆大数据研究院"]
        #expect(StoryMatcher.partiesMatch(a, ["重庆市人民政府", "北京大学"]))
        #expect(!StoryMatcher.partiesMatch(a, ["重庆市人民政府", "中国科学院"]))
        #expect(!StoryMatcher.partiesMatch([], []))
        #expect(!StoryMatcher.partiesMatch(a, []))
        #expect(!StoryMatcher.partiesMatch([], a))
        // One party on one side: one shared name suffices.
        #expect(StoryMatcher.partiesMatch(["北京大学"], a))
        #expect(!StoryMatcher.partiesMatch(["清华大学"], a))
        // Repetitions do not count twice.
        #expect(!StoryMatcher.partiesMatch(["北京大学", "北京大学", "清华大学"], ["北京大学", "中国科学院"]))
        #expect(StoryMatcher.unionParties(["A", "B"], ["B", "C", ""]) == ["A", "B", "C"])
    }

    /// A story as the store keeps it: type, accumulated date and union of parties.
    struct Story {
        var type: String
        var date: String?
        var parties: [String]
        var members: [String]
    }

    static func cluster(_ events: [(id: String, type: String, date: String?, parties: [String])]) -> [Story] {
        var stories: [Story] = []
        for e in events {
            if let k = stories.firstIndex(where: {
                StoryMatcher.sameStory(type: e.type, date: e.date, parties: e.parties,
                                       storyType: $0.type, storyDate: $0.date, storyParties: $0.parties)
            }) {
                stories[k].date = StoryMatcher.moreSpecific(stories[k].date, e.date)
                stories[k].parties = StoryMatcher.unionParties(stories[k].parties, e.parties)
                stories[k].members.append(e.id)
            } else {
                stories.append(Story(type: e.type, date: e.date, parties: e.parties, members: [e.id]))
            }
        }
        return stories
    }

    /// The events of the samples, as `kechuang analyze` gives them.
    static let pku000 = (id: "000", type: "cooperation", date: "XXXX-08-18" as String?, parties: ["重庆市人民政府", "北京大学", "北京大学重庆大数据研究院"])
    static let pku004 = (id: "004", type: "cooperation", date: "XXXX-08-18" as String?, parties: ["重庆市人民政府", "北京大学"])
    static let pku001 = (id: "001-pku", type: "cooperation", date: nil as String?, parties: ["重庆高新技术产业开发区", "北京大学", "北京大学重庆大数据研究院"])
    static let cas001 = (id: "001-cas", type: "cooperation", date: "2020-12-15" as String?, parties: ["重庆市人民政府", "中国科学院", "中国科学院重庆科学中心"])
    static let cas003 = (id: "003", type: "cooperation", date: "2020-12-15" as String?, parties: ["重庆市人民政府", "中国科学院"])

    @Test func sampleStories() {
        let stories = Self.cluster([Self.pku000, Self.pku004, Self.pku001, Self.cas001, Self.cas003])
        #expect(stories.map(\.members) == [["000", "004", "001-pku"], ["001-cas", "003"]])
        #expect(stories.first?.date == "XXXX-08-18")
        #expect(stories.last?.date == "2020-12-15")
        // Order of arrival does not split the CAS story or merge it with PKU.
        let reversed = Self.cluster([Self.cas003, Self.pku000, Self.cas001, Self.pku001, Self.pku004])
        #expect(reversed.map(\.members) == [["003", "001-cas"], ["000", "001-pku", "004"]])
    }

    @Test func storyRules() {
        let s = Self.pku000
        // PKU and CAS share only 重庆市人民政府.
        #expect(!StoryMatcher.sameStory(type: "cooperation", date: "2020-12-15", parties: Self.cas003.parties,
                                        storyType: s.type, storyDate: s.date, storyParties: s.parties))
        #expect(!StoryMatcher.sameStory(type: "cooperation", date: nil, parties: Self.cas001.parties,
                                        storyType: s.type, storyDate: nil, storyParties: s.parties))
        // Different types never merge.
        #expect(!StoryMatcher.sameStory(type: "establishment", date: s.date, parties: s.parties,
                                        storyType: s.type, storyDate: s.date, storyParties: s.parties))
        // Same parties, different days.
        #expect(!StoryMatcher.sameStory(type: "cooperation", date: "2020-12-15", parties: s.parties,
                                        storyType: "cooperation", storyDate: "2020-08-18", storyParties: s.parties))
        #expect(StoryMatcher.sameStory(type: "cooperation", date: "2020-08-18", parties: s.parties,
                                       storyType: "cooperation", storyDate: "XXXX-08-18", storyParties: s.parties))
        // No parties: never merged.
        #expect(!StoryMatcher.sameStory(type: "policy", date: "XXXX-06", parties: [],
                                        storyType: "policy", storyDate: "XXXX-06", storyParties: []))
    }

    @Test func collectiveNounsAndASingleUndatedPartyDoNotMerge() {
        // 001's 知名高校和科研院所纷纷落户 (parties: 科研院所) is not 002's Tencent alliance.
        #expect(!StoryMatcher.sameStory(type: "establishment", date: nil, parties: ["科研院所"],
                                        storyType: "establishment", storyDate: nil,
                                        storyParties: ["腾讯公司", "人工智能科教联盟", "科研院所"]))
        // Two undated approvals by 科学技术部 are not one story on that party alone…
        #expect(!StoryMatcher.sameStory(type: "approval", date: nil, parties: ["科学技术部"],
                                        storyType: "approval", storyDate: "XXXX-03", storyParties: ["科学技术部"]))
        // …but dated on the same day they are.
        #expect(StoryMatcher.sameStory(type: "approval", date: "2020-03-05", parties: ["科学技术部"],
                                       storyType: "approval", storyDate: "2020-03-05", storyParties: ["科学技术部"]))
        // The undated PKU report still joins with its two shared parties.
        #expect(StoryMatcher.sameStory(type: "cooperation", date: nil, parties: ["重庆高新技术产业开发区", "北京大学", "北京大学重庆大数据研究院"],
                                       storyType: "cooperation", storyDate: "XXXX-08-18",
                                       storyParties: ["重庆市人民政府", "北京大学", "北京大学重庆大数据研究院"]))
    }
}
