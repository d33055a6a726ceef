import Testing
@testable import ShilaoStyle

@Suite struct SelectorTests {
    let page = """
    <!DOCTYPE html><html id="root"><body id="body">
    <div id="d1" class="box main" lang="zh-CN" data-x="foo-bar">
      <p id="p1" class="Intro">one</p>
      <p id="p2" title="hello world">two</p>
      <span id="s1"></span>
      <p id="p3"><a id="a1" href="/x">link</a><a id="a2">anchor</a></p>
    </div>
    <ul id="list"><li id="l1">1</li><li id="l2" class="odd">2</li><li id="l3">3</li><li id="l4" class="odd">4</li><li id="l5">5</li></ul>
    <form id="f"><input id="i1" type="CHECKBOX" checked><input id="i2" disabled><input id="i3" required></form>
    </body></html>
    """

    func ids(_ selector: String) throws -> [String]? { try select(selector, in: page) }

    @Test func simpleSelectors() throws {
        #expect(try ids("p") == ["p1", "p2", "p3"])
        #expect(try ids("#p2") == ["p2"])
        #expect(try ids(".main") == ["d1"])
        #expect(try ids(".intro") == [])
        #expect(try ids("DIV.box.main") == ["d1"])
        #expect(try ids("*|span") == ["s1"])
    }

    @Test func attributeOperators() throws {
        #expect(try ids("[title]") == ["p2"])
        #expect(try ids("[title='hello world']") == ["p2"])
        #expect(try ids("[title~=world]") == ["p2"])
        #expect(try ids("[title~='hello world']") == [])
        #expect(try ids("[lang|=zh]") == ["d1"])
        #expect(try ids("[data-x^=foo]") == ["d1"])
        #expect(try ids("[data-x$=bar]") == ["d1"])
        #expect(try ids("[data-x*='o-b']") == ["d1"])
        #expect(try ids("[data-x^='']") == [])
        #expect(try ids("[title='HELLO WORLD' i]") == ["p2"])
        #expect(try ids("[title='HELLO WORLD']") == [])
        #expect(try ids("[type=checkbox]") == ["i1"])
        #expect(try ids("[type=checkbox s]") == [])
    }

    /// The index keys selectors on an attribute's exact value or prefix; it must find exactly
    /// what trying every selector finds, whatever the lengths, characters and flags.
    @Test func ruleIndexFindsWhatEverySelectorFinds() throws {
        let html = """
        <html><body>
        <a href="/c1">1</a><a href="/c10/x">10</a><a href="/c">c</a><a href="/C1">C</a><a>none</a>
        <a href="/村务/公开">zh</a><a href="/村">cut</a><a href="\u{212A}">kelvin</a><a href="K">K</a>
        <input type="submit"><input type="SUBMIT"><input type="text" class="c1"><p lang="zh-CN" title="">p</p>
        </body></html>
        """
        let sheet = """
        a[href^='/c1'] {} a[href^='/c10'] {} a[href^='/c'] {} [href^='/c1'] {} a[href='/c'] {}
        a[href^='/村务'] {} a[href^='/村'] {} [href^='/村务/公'] {} a[href='K'] {} a[href^=K] {}
        input[type=submit] {} [type=submit i] {} input[type^=SUB] {} .c1[type=text] {} [type='text'] {}
        [title=''] {} [title^=''] {} [lang^=zh] {} [lang=zh-CN] {} a[href^='/c1' i] {} p {} * {}
        """
        try withDocument(html) { doc in
            let rules = Stylesheet(parsing: sheet).rules.compactMap { rule -> ActiveRule? in
                guard case .style(let style) = rule else { return nil }
                return ActiveRule(rule: style, origin: .author, sheet: "<style>")
            }
            #expect(rules.count == 22)
            let table = ElementTable(document: doc)
            let matcher = SelectorMatcher(table: table)
            let index = RuleIndex(rules: rules, quirks: false)
            for element in 0..<table.count {
                let indexed = index.matches(element, table: table, matcher: matcher).map(\.rule).sorted()
                let tried = rules.indices.filter { matcher.matchesAny(rules[$0].rule.selectors, element) }
                #expect(indexed == tried, "element \(element): \(table.names[element]) \(table.attribute(element, "href") ?? "")")
            }
            // Code points, not canonical equivalence: a KELVIN SIGN is not "K".
            let kelvin = try #require((0..<table.count).first { table.attribute($0, "href") == "\u{212A}" && table.attribute($0, "href")!.unicodeScalars.first == "\u{212A}" })
            #expect(index.matches(kelvin, table: table, matcher: matcher).map(\.rule) == [21], "only `*`")
        }
    }

    @Test func combinators() throws {
        #expect(try ids("div p") == ["p1", "p2", "p3"])
        #expect(try ids("body > p") == [])
        #expect(try ids("div > p > a") == ["a1", "a2"])
        #expect(try ids("#p1 + p") == ["p2"])
        #expect(try ids("#p1 ~ p") == ["p2", "p3"])
        #expect(try ids("#p1 ~ span + p a:last-child") == ["a2"])
        #expect(try ids("html div ~ ul li.odd") == ["l2", "l4"])
    }

    @Test func structuralPseudoClasses() throws {
        #expect(try ids(":root") == ["root"])
        #expect(try ids("li:first-child") == ["l1"])
        #expect(try ids("li:last-child") == ["l5"])
        #expect(try ids("a:only-child") == [])
        #expect(try ids("#list :nth-child(2n+1)") == ["l1", "l3", "l5"])
        #expect(try ids("li:nth-child(even)") == ["l2", "l4"])
        #expect(try ids("li:nth-child(-n+2)") == ["l1", "l2"])
        #expect(try ids("li:nth-child(n+4)") == ["l4", "l5"])
        #expect(try ids("li:nth-last-child(1)") == ["l5"])
        #expect(try ids("li:nth-child(2 of .odd)") == ["l4"])
        #expect(try ids("div > p:nth-of-type(2)") == ["p2"])
        #expect(try ids("div > :first-of-type") == ["p1", "s1"])
        #expect(try ids("div > :last-of-type") == ["s1", "p3"])
        #expect(try ids("span:only-of-type") == ["s1"])
        #expect(try ids("div :empty") == ["s1"])
        #expect(try ids(":link") == ["a1"])
        #expect(try ids("a:any-link") == ["a1"])
    }

    @Test func logicalPseudoClasses() throws {
        #expect(try ids("p:not(#p1, #p3)") == ["p2"])
        #expect(try ids(":is(#p1, span)") == ["p1", "s1"])
        #expect(try ids(":where(li).odd") == ["l2", "l4"])
        #expect(try ids(":is(li, :bogus)") == ["l1", "l2", "l3", "l4", "l5"])
        #expect(try ids(":is(#l1, :bogus)") == ["l1"])
        #expect(try ids("p:has(> a[href])") == ["p3"])
        #expect(try ids("div:has(span)") == ["d1"])
        #expect(try ids("p:has(+ span)") == ["p2"])
        #expect(try ids("li:has(~ #l5)") == ["l1", "l2", "l3", "l4"])
        #expect(try ids(":lang(zh) p") == ["p1", "p2", "p3"])
    }

    @Test func formStates() throws {
        #expect(try ids(":checked") == ["i1"])
        #expect(try ids("input:disabled") == ["i2"])
        #expect(try ids("input:enabled") == ["i1", "i3"])
        #expect(try ids(":required") == ["i3"])
    }

    @Test func dynamicPseudoClassesAndPseudoElementsNeverMatch() throws {
        #expect(try ids("a:hover") == [])
        #expect(try ids("a:focus") == [])
        #expect(try ids("a:visited") == [])
        #expect(try ids("p::before") == [])
        #expect(try ids("p:after") == [])
        #expect(try ids("input::-webkit-input-placeholder") == [])
    }

    @Test func invalidSelectors() {
        for text in ["a:unknown", "p::nonsense", "> p", "p >", "p ~ ~ q", "#1a", "[a=]", "[a=b x]", ":nth-child(foo)",
                     "a:not()", "ns|p", "", "p,", ":has()", "a::before.x"] {
            #expect(SelectorParser.parseList(text) == nil, "\(text)")
        }
    }

    /// Specificity examples from Selectors Level 4 §17.
    @Test(arguments: [
        ("*", Specificity(a: 0, b: 0, c: 0)),
        ("li", Specificity(a: 0, b: 0, c: 1)),
        ("ul li", Specificity(a: 0, b: 0, c: 2)),
        ("ul ol+li", Specificity(a: 0, b: 0, c: 3)),
        ("h1 + *[rel=up]", Specificity(a: 0, b: 1, c: 1)),
        ("ul ol li.red", Specificity(a: 0, b: 1, c: 3)),
        ("li.red.level", Specificity(a: 0, b: 2, c: 1)),
        ("#x34y", Specificity(a: 1, b: 0, c: 0)),
        ("#s12:not(FOO)", Specificity(a: 1, b: 0, c: 1)),
        (".foo :is(.bar, #baz)", Specificity(a: 1, b: 1, c: 0)),
        (":where(#a, .b) p", Specificity(a: 0, b: 0, c: 1)),
        ("a:has(> img, #x)", Specificity(a: 1, b: 0, c: 1)),
        ("li:nth-child(2n+1 of .a, #b)", Specificity(a: 1, b: 1, c: 1)),
        ("p::before", Specificity(a: 0, b: 0, c: 2)),
        ("a:hover", Specificity(a: 0, b: 1, c: 1)),
    ])
    func specificity(_ text: String, _ expected: Specificity) throws {
        let list = try #require(SelectorParser.parseList(text))
        #expect(list[0].specificity == expected)
    }

    @Test func focusSelectorsAreFlagged() throws {
        #expect(try #require(SelectorParser.parseList("a:focus"))[0].involvesFocus)
        #expect(try #require(SelectorParser.parseList(":is(a:focus-visible)"))[0].involvesFocus)
        #expect(try !#require(SelectorParser.parseList("a:hover"))[0].involvesFocus)
    }

    @Test func anPlusB() {
        let cases: [(String, (Int, Int)?)] = [
            ("odd", (2, 1)), ("even", (2, 0)), ("3", (0, 3)), ("-n+3", (-1, 3)), ("n", (1, 0)),
            ("+n-1", (1, -1)), ("2n - 1", (2, -1)), ("-2n+ 5", (-2, 5)), ("n+", nil), ("x", nil),
        ]
        for (text, expected) in cases {
            let parsed = SelectorParser.parseAnPlusB(Parser.parseComponentValues(text))
            #expect(parsed?.0 == expected?.0 && parsed?.1 == expected?.1, "\(text)")
        }
    }
}
