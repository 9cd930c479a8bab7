import Testing
@testable import Reading

/// The byte tokenizer and tree builder: never crash, keep the text.
@Suite struct HTMLTokenizerTests {
    /// All visible text of a document, whitespace-collapsed lines.
    func lines(_ html: String) -> [String] {
        let doc = HTMLDocument.parse(html)
        let blocks = HTMLBlocks.build(doc)
        return blocks.blocks.map { blocks.string($0) }
    }

    @Test func malformedMarkupNeverCrashesAndKeepsText() {
        let inputs = [
            "<div class=\"a><p>text</div", "<p <b>粗体</b> 后文", "<<<>>>", "a < b && c > d", "</>", "<!-- 未闭合的注释 <p>x",
            "<!DOCTYPE html><html><body>正文</body></html>", "<a href=x>链接<a href=y>链接二", "<p>one</p></p></div></span>",
            "<", "&", "&#", "&#x;", "<div", "<div class=", "<div class='x", "</div", "<?xml version=\"1.0\"?><p>x</p>",
            "<table><tr><td>一<td>二<tr><td>三</table>", "<ul><li>一<li>二</ul>", "<br/><br></br><p/>文字",
            "<svg><title>图</title><text>矢量</text></svg>正文", "\u{FEFF}<p>带 BOM</p>", "<p>\u{0}空字符</p>",
        ]
        for html in inputs {
            let r = HTMLExtractor.extract(html: html, path: "t.html")
            _ = r.text
        }
        #expect(lines("a < b && c > d") == ["a < b && c > d"])
        #expect(lines("<p <b>粗体</b> 后文").joined().contains("后文"))
        #expect(lines("<table><tr><td>一<td>二<tr><td>三</table>") == ["一", "二", "三"])
        #expect(lines("<ul><li>一<li>二</ul>") == ["一", "二"])
        #expect(lines("<svg><title>图</title><text>矢量</text></svg>正文") == ["正文"])
        #expect(lines("<br/><br></br><p/>文字") == ["文字"])
    }

    @Test func unclosedElementsCloseImplicitly() {
        let doc = HTMLDocument.parse("<div><p>第一段<p>第二段<div>第三段")
        // Each <p> closes the previous one: the two paragraphs are siblings under the div.
        let ps = doc.nodes.indices.filter { doc.nodes[$0].tag == .p }
        #expect(ps.count == 2)
        #expect(doc.nodes[ps[0]].parent == doc.nodes[ps[1]].parent)
        #expect(lines("<div><p>第一段<p>第二段<div>第三段") == ["第一段", "第二段", "第三段"])
    }

    @Test func endTagsOutsideScopeAreIgnored() {
        // The stray </div> inside the cell must not close the table.
        let html = "<div><table><tr><td>单元格</div>仍在单元格</td><td>第二格</td></tr></table>表后</div>"
        #expect(lines(html) == ["单元格仍在单元格", "第二格", "表后"])
    }

    @Test func tenThousandNestedDivsDoNotOverflow() {
        let depth = 10_000
        let html = String(repeating: "<div>", count: depth) + "最深处的文字，有标点。" + String(repeating: "</div>", count: depth)
        let doc = HTMLDocument.parse(html)
        #expect(doc.nodes.count == depth + 2)
        // Depth is capped: no node is deeper than maxDepth.
        var maxDepth = 0
        var depthOf = [Int](repeating: 0, count: doc.nodes.count)
        for k in 1..<doc.nodes.count {
            depthOf[k] = depthOf[Int(doc.nodes[k].parent)] + 1
            maxDepth = max(maxDepth, depthOf[k])
        }
        #expect(maxDepth <= HTMLDocument.maxDepth + 1)
        let r = HTMLExtractor.extract(html: html, path: "deep.html")
        #expect(r.text == "最深处的文字，有标点。")
        // Unclosed, too, and with the text before the deep part.
        let open = "<p>开头的一段正文，有标点，也有足够的长度。</p>" + String(repeating: "<div><span><b>", count: depth) + "文字"
        let r2 = HTMLExtractor.extract(html: open, path: "open.html")
        #expect(r2.text.hasPrefix("开头的一段正文"))
    }

    @Test func characterReferences() {
        let html = "<p>&nbsp;&ldquo;科技&rdquo;&mdash;&#x4E2D;&#22269;&amp;&lt;&gt; &copy2005 &unknown; &#128; &hellip;&middot;&apos;</p>"
        let text = lines(html).joined()
        #expect(text == "“科技”—中国&<> ©2005 &unknown; € …·'")
        // In attribute values a legacy name followed by "=" stays literal (URLs).
        let doc = HTMLDocument.parse("<a href=\"x?a=1&copy=2&amp;b=3\">t</a>")
        let a = doc.nodes.indices.first { doc.nodes[$0].tag == .a }!
        #expect(doc.attributeString(.href, of: a) == "x?a=1&copy=2&b=3")
    }

    @Test func scriptAndStyleContentIsNotText() {
        let html = """
            <html><head><style>p { content: "</div>"; }</style>
            <script>var s = "</div><p>不是正文</p>"; if (a < b && c > d) { x = '<b>'; }</script></head>
            <body><p>正文内容。</p><script type="text/javascript">document.write("<p>广告</p>")</script>
            <noscript>请启用脚本</noscript><p>第二段。</p></body></html>
            """
        #expect(lines(html) == ["正文内容。", "第二段。"])
    }

    @Test func titleDecodesEntitiesAndCommentsVanish() {
        let doc = HTMLDocument.parse("<title>A &amp; B</title><!-- <p>注释</p> --><p>x</p>")
        let t = doc.nodes.indices.first { doc.nodes[$0].tag == .title }!
        #expect(doc.textContent(of: t) == "A & B")
        #expect(lines("<title>A &amp; B</title><!-- <p>注释</p> --><p>x</p>") == ["x"])
    }

    @Test func hiddenElementsAreDropped() {
        let html = "<div style=\"display: none\">隐藏的文字</div><p hidden>也隐藏</p><p>可见的正文内容，足够长的一段话。</p>"
        let r = HTMLExtractor.extract(html: html, path: "h.html")
        #expect(!r.text.contains("隐藏"))
        #expect(r.text.contains("可见的正文"))
    }
}
