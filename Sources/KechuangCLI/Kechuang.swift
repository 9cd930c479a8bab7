import ArgumentParser

@main
struct Kechuang: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kechuang",
        abstract: "Kechuang (科创): structured intelligence from Chinese science-and-technology news.",
        discussion: """
        Reads Chinese text in any common encoding (UTF-8, GB18030/GBK, Big5, UTF-16) and script.

        Examples:
          kechuang ingest --brief Examples/seeds            store the samples, print a briefing
          kechuang search 芯片 --from 2020-12-01              search the corpus
          kechuang analyze --format markdown Examples/seeds one record per article, no database
          kechuang segment Examples/seeds/001_*.txt        cut text into words
          echo '重慶攜手北大建設大數據研究院' | kechuang convert   traditional → simplified
          kechuang eval segmentation --test T --gold G      score against a gold standard
        """,
        subcommands: [Ingest.self, Search.self, Events.self, Conflicts.self, EntitiesCommand.self, Stats.self, Export.self, Brief.self, Check.self,
                      Analyze.self, Clean.self, Segment.self, Convert.self, KeywordsCommand.self, TimeCommand.self, MoneyCommand.self, Eval.self]
    )
}
