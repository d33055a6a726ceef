import Testing
@testable import ShilaoDOM

@Suite struct LoaderTests {
    /// Element views do not own the tree: every use stays inside the document's lifetime.
    func with<T>(_ bytes: [UInt8], charset: String? = nil, _ body: (HTMLDocument) throws -> T) throws -> T {
        let doc = try Loader.load(bytes, charset: charset)
        return try withExtendedLifetime(doc) { try body(doc) }
    }

    func with<T>(_ html: String, charset: String? = nil, _ body: (HTMLDocument) throws -> T) throws -> T {
        try with(Array(html.utf8), charset: charset, body)
    }

    func titleText(_ bytes: [UInt8], charset: String? = nil) throws -> String? {
        try with(bytes, charset: charset) { $0.elements(named: "title").first?.textContent }
    }

    @Test func attributesTellMissingFromEmpty() throws {
        try with(#"<p><img src="a.png"><img src="b.png" alt=""><img alt></p>"#) { doc in
            let images = doc.elements(named: "img")
            #expect(images.count == 3)
            #expect(images[0].attribute("alt") == nil)
            #expect(images[1].attribute("alt") == "")
            #expect(images[2].attribute("alt") == "")
            #expect(images[2].hasAttribute("alt"))
            #expect(!images[0].hasAttribute("alt"))
        }
    }

    /// Values come decoded (character references, CJK, names folded to lower case by the
    /// parser), and names match whole and exactly.
    @Test func attributeValuesAndNames() throws {
        try with(#"<a TITLE="办&amp;事 &#x6307;&#21335; &lt;b&gt;" data-x="1" data-xy="2" href>x</a>"#) { doc in
            let link = try #require(doc.elements(named: "a").first)
            #expect(link.attribute("title") == "办&事 指南 <b>")
            #expect(link.attribute("TITLE") == nil, "the parser folded the name; look-ups are exact")
            #expect(link.attribute("data-x") == "1")
            #expect(link.attribute("data-xy") == "2")
            #expect(link.attribute("data") == nil)
            #expect(link.attribute("href") == "")
            #expect(link.attributes.map(\.name) == ["title", "data-x", "data-xy", "href"])
            #expect(link.attributes(prefixed: "data-").map(\.name) == ["data-x", "data-xy"])
            #expect(link.attributes(prefixed: "data-x").map(\.value) == ["1", "2"])
            #expect(link.attributes(prefixed: "data-xyz").isEmpty)
            #expect(link.attributes(prefixed: "").count == 4)
        }
    }

    @Test func lineNumbersPathsAndSnippets() throws {
        let html = "<html>\r\n<body>\r\n<div>x</div>\r\n<div>\r\n<img src=\"a.png\">\r\n<img src=\"b&quot;.png\" alt=\"\">\r\n</div></body></html>"
        try with(html) { doc in
            let images = doc.elements(named: "img")
            #expect(images.map(\.line) == [5, 6])
            #expect(images[0].path == "/html/body/div[2]/img[1]")
            #expect(images[1].snippet() == #"<img src="b&quot;.png" alt="">"#)
            #expect(doc.body?.path == "/html/body")
        }
    }

    @Test func ordinalsFollowDocumentOrderOutsideTemplates() throws {
        try with("<html><body><p>a</p><template><i>x</i></template><div><b>y</b></div></body></html>") { doc in
            let elements = Array(doc.elements)
            #expect(elements.map(\.ordinal) == elements.indices.map { $0 })
            let inert = try doc.select(xpath: "//i")
            #expect(inert.count == 1 && inert[0].ordinal == nil, "template content is not in the tree")
            // Per-element memos keep both kinds apart, and by-name lists hold tree elements only.
            var memo = ElementMemo<String>()
            for element in elements { memo[element] = element.name }
            memo[inert[0]] = "inert"
            #expect(elements.map { memo[$0] } == elements.map(\.name))
            #expect(memo[inert[0]] == "inert")
            #expect(doc.elements(named: "i").isEmpty && doc.elements(named: "b").count == 1)
        }
    }

    @Test func deepPathsKeepTheTopAndTheNearestSteps() throws {
        let steps = Element.pathSteps
        // html, body and `steps` divs: every step written out.
        try with("<html><body>" + String(repeating: "<div>", count: steps) + "x</body></html>") { doc in
            let deepest = doc.elements(named: "div").last!
            #expect(deepest.path == "/html/body" + String(repeating: "/div", count: steps))
        }
        try with("<html><body>" + String(repeating: "<div>", count: 1_000) + "<p>x</p></body></html>") { doc in
            let path = doc.elements(named: "p")[0].path
            #expect(path == "/html/body/…" + String(repeating: "/div", count: steps - 1) + "/p")
        }
    }

    @Test func snippetIsCut() throws {
        try with("<p title=\"\(String(repeating: "长", count: 500))\">x</p>") { doc in
            let snippet = doc.elements(named: "p")[0].snippet(limit: 80)
            #expect(snippet.count == 80)
            #expect(snippet.hasSuffix("…"))
        }
    }

    @Test func gbkPageWithMetaCharsetGivesChineseText() throws {
        // "政府网站" in GBK.
        let head = Array(#"<html><head><meta charset="gbk"><title>"#.utf8)
        let title: [UInt8] = [0xD5, 0xFE, 0xB8, 0xAE, 0xCD, 0xF8, 0xD5, 0xBE]
        let tail = Array("</title></head><body></body></html>".utf8)
        #expect(try titleText(head + title + tail) == "政府网站")
    }

    @Test func gbkPageWithHttpEquivAndCharsetHint() throws {
        let title: [UInt8] = [0xD5, 0xFE, 0xB8, 0xAE]
        let bytes = Array("<html><head><title>".utf8) + title + Array("</title></head></html>".utf8)
        #expect(try titleText(bytes, charset: "GB2312") == "政府")
        // Undeclared GBK bytes fall back to GB18030, as a Chinese browser would.
        #expect(try titleText(bytes) == "政府")
    }

    @Test func hintWinsOverMeta() throws {
        let bytes = Array(#"<html><head><meta charset="gbk"><title>政府</title></head></html>"#.utf8)
        #expect(try titleText(bytes, charset: "utf-8") == "政府")
    }

    @Test func utf8BOM() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<html><body><p>村务公开</p></body></html>".utf8)
        #expect(try with(bytes) { $0.elements(named: "p").first?.textContent } == "村务公开")
    }

    @Test func invalidUTF8IsRepairedNotSwitchedToLatin1() throws {
        var bytes = Array(#"<html><head><meta charset="utf-8"></head><body><p>a"#.utf8)
        bytes += [0xFF, 0xC3]
        bytes += Array("b</p><p>社保</p></body></html>".utf8)
        let texts = try with(bytes) { $0.elements(named: "p").map(\.textContent) }
        #expect(texts == ["a\u{FFFD}\u{FFFD}b", "社保"])
    }

    @Test func nulBytesDoNotCutThePage() throws {
        let bytes = Array("<html><body><p>a".utf8) + [0] + Array("b</p><p>after</p></body></html>".utf8)
        #expect(try with(bytes) { $0.elements(named: "p").last?.textContent } == "after")
    }

    @Test func emptyPageIsAnError() {
        #expect(throws: LoadError.empty) { try Loader.load([]) }
        #expect(throws: LoadError.empty) { try Loader.load(Array("  \n ".utf8)) }
    }

    @Test func deepNestingDoesNotCrashOrTruncate() throws {
        let depth = 10_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "<img src=x>"
            + String(repeating: "</div>", count: depth) + "<p id=last>end</p></body></html>"
        try with(html) { doc in
            #expect(doc.elements(named: "div").count == depth)
            let image = try #require(doc.elements(named: "img").first)
            #expect(image.ancestors.reduce(0) { count, _ in count + 1 } == depth + 2)
            #expect(doc.element(id: "last")?.textContent == "end")
            #expect(doc.root!.textContent.hasSuffix("end"))
            #expect(image.path.hasSuffix("/div/img"))
        }
    }

    @Test func traversalOrderAndNavigation() throws {
        try with("<html><head><title>t</title></head><body><ul><li>1</li><li>2<b>x</b></li></ul><p>z</p></body></html>") { doc in
            #expect(doc.elements.map(\.name) == ["html", "head", "title", "body", "ul", "li", "li", "b", "p"])
            let ul = doc.elements(named: "ul")[0]
            #expect(ul.descendants.map(\.name) == ["li", "li", "b"])
            #expect(ul.children.count == 2)
            #expect(ul.nextElementSibling?.name == "p")
            #expect(doc.elements(named: "b")[0].closest("ul") == ul)
            #expect(doc.elements(named: "p")[0].previousElementSibling == ul)
            #expect(doc.elements(named: "b")[0].isNamed("b"))
            let texts = doc.elements(named: "li")[1].childNodes.map { node -> String in
                switch node {
                case .element(let e): return "<\(e.name)>"
                case .text(let t): return t
                }
            }
            #expect(texts == ["2", "<b>"])
            #expect(!doc.elements(named: "b")[0].isNamed("br"))
        }
    }

    @Test func templateContentIsNotInTheTree() throws {
        try with("<html><body><template><img src=a><p>t</p></template><p>x</p></body></html>") { doc in
            #expect(doc.elements(named: "img").isEmpty)
            #expect(doc.elements(named: "p").count == 1)
            #expect(doc.body?.textContent == "x")
            #expect(doc.elements(named: "template")[0].childNodes.isEmpty)
        }
    }

    @Test func xpathSelectsAndRejectsBadExpressions() throws {
        try with("<html><body><a href='a'>x</a><a>y</a></body></html>") { doc throws in
            #expect(try doc.select(xpath: "//a[@href]").count == 1)
            #expect(throws: DOMError.self) { try doc.select(xpath: "//a[") }
        }
    }
}
