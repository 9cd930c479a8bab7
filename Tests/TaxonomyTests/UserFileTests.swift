import Foundation
import Testing
@testable import Taxonomy

@Suite("User files")
struct UserFileTests {
    @Test("a user file adds a term")
    func addsTerm() throws {
        let dir = TempDir()
        let file = dir.write("mine.tsv", technologyHeader + """
        # our own terms
        开源鸿蒙\t\t数据与计算\tOpenHarmony|开放原子鸿蒙\t1
        钙钛矿叠层电池\t钙钛矿电池\t新能源与节能环保\t\t6

        """)
        let matcher = try TechnologyMatcher(files: [file])
        let found = matcher.match("基于OpenHarmony的开源鸿蒙生态，发展钙钛矿叠层电池和人工智能")
        let harmony = try #require(found.named("开源鸿蒙"))
        #expect(harmony.count == 2)
        #expect(harmony.category == .dataAndComputing)
        #expect(harmony.industryCategory == .nextGenerationInformationTechnology)
        #expect(found.named("钙钛矿电池")?.forms == ["钙钛矿叠层电池"])
        #expect(found.named("人工智能")?.count == 1) // the bundled terms stay
        #expect(matcher.terms.count == (try TechnologyMatcher.bundled()).terms.count + 1)
    }

    @Test("a user row overrides the bundled row of the same term, and takes over its forms")
    func overrides() throws {
        let dir = TempDir()
        let file = dir.write("override.tsv", technologyHeader + "机器人\t\t人工智能\t机器人技术\t1\nAR\t美国陆军研究\t数字应用\t\tother\n")
        let matcher = try TechnologyMatcher(files: [file])
        let robot = try #require(matcher.term(named: "机器人"))
        #expect(robot.category == .artificialIntelligence)
        #expect(robot.industryCategory == .nextGenerationInformationTechnology)
        #expect(!robot.forms.contains("智能机器人")) // the bundled row's aliases are replaced
        let found = matcher.match("AR项目")
        #expect(found.map(\.term) == ["美国陆军研究"])
        #expect(matcher.term(named: "增强现实")?.forms.contains("AR") == false)
    }

    @Test("a malformed user file: an error naming the file and line")
    func malformed() throws {
        let dir = TempDir()
        let file = dir.write("bad.tsv", technologyHeader + "开源鸿蒙\t\t数据与计算\t\t1\n# a comment\n太赫兹\t\t新一代通信\t1\n")
        do {
            _ = try TechnologyMatcher(files: [file])
            Issue.record("no error")
        } catch let error as TaxonomyError {
            #expect(error.path == file.path)
            #expect(error.line == 4)
            guard case .invalidData(let path, let line, let reason) = error else { Issue.record("\(error)"); return }
            #expect(path == file.path && line == 4)
            #expect(reason.contains("5"))
            #expect(error.description.hasPrefix("\(file.path):4: "))
        }
    }

    @Test("other data errors name the file and line", arguments: [
        ("unknown category", "太赫兹\t\t通信技术\t\t1\n", 2, "unknown category"),
        ("unknown code", "太赫兹\t\t新一代通信\t\t10\n", 2, "industry code"),
        ("empty term", "\t\t新一代通信\t\t1\n", 2, "empty term"),
        ("repeated term", "太赫兹\t\t新一代通信\t\t1\n太赫兹\t\t新一代通信\t\t1\n", 3, "line 2"),
        ("one form, two canonical names", "太赫兹\t\t新一代通信\tTHz\t1\n太赫兹通信\t\t新一代通信\tTHz\t1\n", 3, "already names"),
        ("one canonical, two categories", "太赫兹\t\t新一代通信\t\t1\n太赫兹波\t太赫兹\t新材料\t\t1\n", 3, "category"),
    ])
    func dataErrors(_ name: String, _ rows: String, _ line: Int, _ fragment: String) throws {
        let dir = TempDir()
        let file = dir.write("bad.tsv", technologyHeader + rows)
        #expect {
            _ = try TechnologyMatcher(files: [file])
        } throws: { error in
            guard let e = error as? TaxonomyError, case .invalidData(let path, let l, let reason) = e else { return false }
            return path == file.path && l == line && reason.contains(fragment)
        }
    }

    @Test("a missing header or file is an error naming the file")
    func headerAndMissingFile() throws {
        let dir = TempDir()
        let noHeader = dir.write("noheader.tsv", "# terms\n太赫兹\t\t新一代通信\t\t1\n")
        #expect {
            _ = try TechnologyMatcher(files: [noHeader])
        } throws: { error in
            guard case .invalidData(let path, 2, let reason)? = error as? TaxonomyError else { return false }
            return path == noHeader.path && reason.contains("header")
        }
        let missing = dir.url.appendingPathComponent("missing.tsv")
        #expect {
            _ = try TechnologyMatcher(files: [missing])
        } throws: { error in
            guard case .unreadable(let path, _)? = error as? TaxonomyError else { return false }
            return path == missing.path
        }
    }

    @Test("CRLF line ends and a BOM are accepted")
    func crlf() throws {
        let dir = TempDir()
        let file = dir.write("crlf.tsv", "\u{FEFF}term\tcanonical\tcategory\taliases\tindustry_code\r\n太赫兹\t\t新一代通信\tTHz\t1\r\n")
        let matcher = try TechnologyMatcher(files: [file])
        #expect(matcher.match("THz通信").named("太赫兹")?.count == 1)
    }

    @Test("a user industries file adds an industry; a bad context is an error with file and line")
    func industriesFile() throws {
        let dir = TempDir()
        let header = "name\tcategory\taliases\tindicators\tcontext\tnote\n"
        let good = dir.write("ind.tsv", header + "太赫兹\t1\t太赫兹产业\t\tany\tmine\n")
        let tech = try TechnologyMatcher(files: [dir.write("t.tsv", technologyHeader + "太赫兹技术\t\t新一代通信\t\t1\n")])
        let classifier = try IndustryClassifier(files: [good], technologies: tech)
        #expect(classifier.classify("发展太赫兹产业", technologies: []).named("太赫兹")?.categoryCode == 1)
        let bad = dir.write("bad.tsv", header + "太赫兹\t1\t太赫兹产业\t不存在的技术\tany\t\n")
        #expect {
            _ = try IndustryClassifier(files: [bad], technologies: tech)
        } throws: { error in
            guard case .invalidData(let path, 2, let reason)? = error as? TaxonomyError else { return false }
            return path == bad.path && reason.contains("不存在的技术")
        }
        let badContext = dir.write("ctx.tsv", header + "太赫兹\t1\t太赫兹产业\t\t太赫\t\n")
        #expect(throws: TaxonomyError.self) { _ = try IndustryClassifier(files: [badContext], technologies: tech) }
    }
}
