import Analysis
import ArgumentParser
import Corpus
import Foundation

struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A timeline of stories: events merged across the sources that report them.")

    @OptionGroup var corpus: CorpusOptions
    @Option(help: "From this date (YYYY[-MM[-DD]]).") var from: String?
    @Option(help: "Up to this date.") var to: String?
    @Option(name: .customLong("type"), help: "Event type: \(EventTypes.list).") var eventType: String?
    @Option(help: "Only stories reported by at least this many documents.") var minSources: Int = 1
    @Option(help: "Sources listed per story.") var sources: Int = 10
    @Flag(help: "JSON Lines output.") var json = false

    func run() throws {
        if let t = eventType, !EventTypes.all.contains(t) { throw ValidationError("--type must be one of \(EventTypes.list)") }
        let stories = try corpus.open().stories(from: from, to: to, type: eventType, minSources: minSources)
        if json { for s in stories { print(try JSONOut.string(s)) }; return }
        if stories.isEmpty { print("no events"); return }
        for s in stories {
            let type = Event.Kind(rawValue: s.type).flatMap { AnalysisRecord.eventTypeNames[$0] } ?? s.type
            print("\(s.date ?? "日期不详")  [\(type)] \(s.summary)")
            if !s.parties.isEmpty { print("    参与方：\(s.parties.joined(separator: "、"))") }
            var seen = Set<String>()
            let distinct = s.reports.filter { seen.insert($0.path).inserted }
            for r in distinct.prefix(sources) {
                print("    来源：\(r.source ?? "—") \(r.published.map { String($0.prefix(10)) } ?? "") 《\(r.title ?? "")》 \(r.path)")
            }
            if distinct.count > sources { print("    … \(distinct.count - sources) more sources (--sources N, or --json for all)") }
        }
    }
}

struct Conflicts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Figures on which sources disagree, with both values, both sources and both sentences.")

    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "JSON Lines output.") var json = false

    func run() throws {
        let conflicts = try corpus.open().conflicts()
        if json { for c in conflicts { print(try JSONOut.string(c)) }; return }
        if conflicts.isEmpty { print("no conflicts"); return }
        for c in conflicts {
            print("\(c.subject.map { $0 + " · " } ?? "")\(c.indicator): \(c.a.text) vs \(c.b.text)")
            for side in [c.a, c.b] {
                print("    \(side.text) (\(side.reports) report\(side.reports == 1 ? "" : "s")) — \(side.source ?? "—") \(side.published.map { String($0.prefix(10)) } ?? "") \(side.path)")
                print("      “\(side.sentence)”")
            }
        }
    }
}

struct EntitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Organizations, places and people of the corpus, with mention counts and the entities they co-occur with.")

    @OptionGroup var corpus: CorpusOptions
    @Option(name: .customLong("type"), help: "organization, place or person.") var entityType: String?
    @Option(help: "Maximum entities.") var limit: Int = 30
    @Flag(help: "JSON Lines output.") var json = false

    func run() throws {
        if let t = entityType, !["organization", "place", "person"].contains(t) {
            throw ValidationError("--type must be organization, place or person")
        }
        let list = try corpus.open().entities(type: entityType, limit: limit)
        if json { for e in list { print(try JSONOut.string(e)) }; return }
        for e in list {
            var line = "\(e.name) [\(e.type)] \(e.articles) articles, \(e.mentions) mentions"
            if !e.aliases.isEmpty { line += "  aka " + e.aliases.joined(separator: "、") }
            print(line)
            if !e.cooccurring.isEmpty {
                print("    with: " + e.cooccurring.map { "\($0.name) (\($0.articles))" }.joined(separator: ", "))
            }
        }
    }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Articles, events and technologies per month; articles per industry.")

    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "JSON output.") var json = false

    func run() throws {
        let s = try corpus.open().stats()
        if json { print(try JSONOut.string(s)); return }
        print("\(s.articles) articles (\(s.duplicates) near-duplicates), \(s.events) events in \(s.stories) stories, \(s.conflicts) conflicts")
        print("\nmonth     articles  events  top technologies")
        for m in s.months {
            let tech = m.technologies.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
            print(m.month.padding(toLength: 9, withPad: " ", startingAt: 0) + String(format: " %8d  %6d  ", m.articles, m.events) + tech)
        }
        print("\nindustry category (articles): industries")
        for i in s.industries {
            print("\(i.category) (\(i.articles)): " + i.industries.map { "\($0.name) \($0.count)" }.joined(separator: ", "))
        }
        print("\ntechnologies (articles): " + s.technologies.map { "\($0.name) \($0.count)" }.joined(separator: ", "))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the corpus database (SQLite integrity, foreign keys, the search index) and print row counts and a content digest.",
        discussion: "Two databases with the same content have the same digest (timestamps excepted), whatever order or how many runs built them.")

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let store = try corpus.open()
        let result = try store.integrityCheck()
        print("integrity: \(result)")
        print(try store.counts().map { "\($0.table) \($0.rows)" }.joined(separator: ", "))
        print("content digest: \(try store.contentDigest())")
        if result != "ok" { throw ExitCode(1) }
    }
}
