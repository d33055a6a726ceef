import Testing
@testable import ShilaoStyle

@Suite struct CascadeTests {
    @Test func userAgentDefaults() throws {
        let html = """
        <html><head><title>t</title><style>.x{}</style></head><body>
        <h1 id="h1">a</h1><h2 id="h2">b</h2><h6 id="h6">c</h6><p id="p">p</p><a id="a" href="#">l</a><a id="plain">n</a>
        <b id="b">b</b><small id="small">s</small><ul id="ul"><li id="li">x</li></ul><div id="hidden" hidden>h</div>
        <span id="span">s</span><button id="button">b</button><table><tr><td id="td">c</td></tr></table>
        </body></html>
        """
        try withEngine(html) { engine, doc in
            #expect(style(engine, doc, "h1").fontSize == 32)
            #expect(style(engine, doc, "h1").fontWeight == 700)
            #expect(style(engine, doc, "h1").margin.top == .px(21.44))
            #expect(style(engine, doc, "h2").fontSize == 24)
            #expect(abs(style(engine, doc, "h6").fontSize - 10.72) < 0.001)
            #expect(style(engine, doc, "p").margin.top == .px(16))
            #expect(style(engine, doc, "p").display == "block")
            #expect(style(engine, doc, "a").color == RGBA(red: 0, green: 0, blue: 0xEE))
            #expect(style(engine, doc, "a").textDecorationLine == .underline)
            #expect(style(engine, doc, "plain").color == .black)
            #expect(style(engine, doc, "b").fontWeight == 700)
            #expect(abs(style(engine, doc, "small").fontSize - 16 / 1.2) < 0.001)
            #expect(style(engine, doc, "ul").padding.left == .px(40))
            #expect(style(engine, doc, "li").display == "list-item")
            #expect(style(engine, doc, "hidden").display == "none")
            #expect(style(engine, doc, "span").display == "inline")
            #expect(style(engine, doc, "td").display == "table-cell")
            #expect(abs(style(engine, doc, "button").fontSize - 13.333) < 0.01)
            #expect(engine.style(of: doc.body!).margin.left == .px(8))
            #expect(engine.style(of: doc.head!).display == "none")
            #expect(engine.style(of: doc.elements(named: "style")[0]).display == "none")
            #expect(!engine.isRendered(doc.elements(named: "title")[0]))
            #expect(engine.isRendered(doc.element(id: "p")!))
        }
    }

    /// The engine shares one index of them across pages, which holds only while they have
    /// nothing that depends on the page or the screen.
    @Test func userAgentSheetsHoldStyleRulesOnly() {
        for sheet in [UserAgentStyles.sheet, QuirksMode.userAgentSheet] {
            #expect(sheet.keyframes.isEmpty)
            #expect(sheet.rules.allSatisfy { if case .style = $0 { true } else { false } })
        }
        #expect(UserAgentRules.quirks.rules.count > UserAgentRules.standard.rules.count)
    }

    @Test func specificityThenOrder() throws {
        let html = """
        <style>
        #x { color: red }
        p.c { color: green }
        p { color: blue; font-size: 20px }
        p { font-size: 21px }
        .c { letter-spacing: 1px }
        </style><p id="x" class="c">t</p><p id="y" class="c">u</p>
        """
        try withEngine(html) { engine, doc in
            #expect(style(engine, doc, "x").color == RGBA(css: "red"))
            #expect(style(engine, doc, "y").color == RGBA(css: "green"))
            #expect(style(engine, doc, "y").fontSize == 21)
            #expect(style(engine, doc, "y").letterSpacing == 1)
        }
    }

    @Test func importanceAgainstInlineStyles() throws {
        let html = """
        <style>
        #a { color: red !important; font-size: 30px }
        #b { color: red !important }
        #c { letter-spacing: 2px !important }
        </style>
        <p id="a" style="color: blue; font-size: 10px">a</p>
        <p id="b" style="color: blue !important">b</p>
        <p id="c" style="letter-spacing: 0.12em !important; word-spacing: 3px">c</p>
        """
        try withEngine(html) { engine, doc in
            let a = style(engine, doc, "a")
            #expect(a.color == RGBA(css: "red"))
            #expect(a.fontSize == 10)
            #expect(a.source(of: .color) == DeclarationSource(origin: .author, important: true))
            #expect(a.source(of: .fontSize) == DeclarationSource(origin: .inlineStyle, important: false))
            let b = style(engine, doc, "b")
            #expect(b.color == RGBA(css: "blue"))
            #expect(b.source(of: .color) == DeclarationSource(origin: .inlineStyle, important: true))
            let c = style(engine, doc, "c")
            #expect(abs(c.letterSpacing! - 1.92) < 0.001)
            #expect(c.source(of: .letterSpacing) == DeclarationSource(origin: .inlineStyle, important: true))
            #expect(c.source(of: .lineHeight) == nil)
            #expect(engine.inlineDeclarations(of: doc.element(id: "c")!) == [
                DeclarationInfo(property: "letter-spacing", value: "0.12em", important: true),
                DeclarationInfo(property: "word-spacing", value: "3px", important: false),
            ])
        }
    }

    @Test func userAgentImportantAndOriginOrder() throws {
        // An author rule of any specificity beats a UA rule; `revert` goes back to the UA value.
        let html = "<style>* { display: inline } h1 { font-weight: revert; display: revert } </style><h1 id='h'>x</h1><div id='d'>y</div>"
        try withEngine(html) { engine, doc in
            #expect(style(engine, doc, "d").display == "inline")
            #expect(style(engine, doc, "h").display == "block")
            #expect(style(engine, doc, "h").fontWeight == 700)
        }
    }

    @Test func inheritanceAndUnits() throws {
        let html = """
        <html style="font-size: 20px"><style>
        body { font-size: 12pt; line-height: 1.5; color: #333 }
        .em { font-size: 2em } .pct { font-size: 50% } .rem { font-size: 1.5rem } .mm { font-size: 5mm }
        .kw { font-size: x-large } .small { font-size: small } .larger { font-size: larger }
        .lh-pct { line-height: 150% } .lh-em { line-height: 2em } .lh-px { line-height: 30px } .lh-n { line-height: normal }
        .calc { font-size: calc(1rem + 2px) } .clamp { font-size: clamp(10px, 2vw, 40px) } .max { font-size: max(1em, 30px) }
        .ex { font-size: 4ex } .w { width: 50%; height: calc(100% - 10px); max-width: min(100%, 600px); min-height: 3em }
        .bolder { font-weight: bolder } .lighter { font-weight: lighter } .font { font: italic bold 20px/2 serif }
        .font2 { line-height: 3; font: 18px sans-serif } .inh { border: 1px solid; border-color: inherit; color: red }
        .unset { color: unset; display: unset } .initial { color: initial; font-size: initial }
        </style>
        <body id="body"><div class="em" id="em"><p id="in-em">t</p><div class="pct" id="pct"></div></div>
        <p class="rem" id="rem"></p><p class="mm" id="mm"></p><p class="kw" id="kw"></p><p class="small" id="small"></p>
        <p class="larger" id="larger"></p><div class="lh-pct" id="lh-pct"><p id="lh-pct-child" class="em"></p></div>
        <div class="lh-em" id="lh-em"></div><div class="lh-px" id="lh-px"></div><div class="lh-n" id="lh-n"></div>
        <p class="calc" id="calc"></p><p class="clamp" id="clamp"></p><p class="max" id="max"></p><p class="ex" id="ex"></p>
        <div class="w" id="w"></div><b><span class="bolder" id="bolder"></span><span class="lighter" id="lighter"></span></b>
        <p class="font" id="font"></p><p class="font2" id="font2"></p><div class="inh" id="inh"></div>
        <div class="unset" id="unset"></div><div class="initial" id="initial"></div>
        </body></html>
        """
        try withEngine(html) { engine, doc in
            #expect(style(engine, doc, "body").fontSize == 16)
            #expect(style(engine, doc, "em").fontSize == 32)
            #expect(style(engine, doc, "in-em").fontSize == 32)
            #expect(style(engine, doc, "in-em").lineHeight == .factor(1.5))
            #expect(style(engine, doc, "in-em").lineHeightPixels == 48)
            #expect(style(engine, doc, "pct").fontSize == 16)
            #expect(style(engine, doc, "rem").fontSize == 30)
            #expect(abs(style(engine, doc, "mm").fontSize - 18.8976) < 0.001)
            #expect(style(engine, doc, "kw").fontSize == 24)
            #expect(style(engine, doc, "small").fontSize == 13)
            #expect(abs(style(engine, doc, "larger").fontSize - 19.2) < 0.001)
            #expect(style(engine, doc, "lh-pct").lineHeight == .px(24))
            #expect(style(engine, doc, "lh-pct-child").lineHeight == .px(24))
            #expect(style(engine, doc, "lh-em").lineHeight == .px(32))
            #expect(style(engine, doc, "lh-px").lineHeightPixels == 30)
            #expect(style(engine, doc, "lh-n").lineHeightPixels == 16 * 1.2)
            #expect(style(engine, doc, "calc").fontSize == 22)
            #expect(style(engine, doc, "clamp").fontSize == 25.6)
            #expect(style(engine, doc, "max").fontSize == 30)
            #expect(style(engine, doc, "ex").fontSize == 32)
            let w = style(engine, doc, "w")
            #expect(w.width == .percent(50))
            #expect(w.height == .calc(px: -10, percent: 100))
            #expect(w.maxWidth == .expression)
            #expect(w.minHeight == .px(48))
            #expect(style(engine, doc, "bolder").fontWeight == 900)
            #expect(style(engine, doc, "lighter").fontWeight == 400)
            let font = style(engine, doc, "font")
            #expect(font.fontSize == 20 && font.fontWeight == 700 && font.fontStyle == "italic" && font.lineHeight == .factor(2))
            #expect(style(engine, doc, "font2").lineHeight == .normal)
            let inh = style(engine, doc, "inh")
            #expect(inh.border.top.width == 1 && inh.border.top.style == "solid")
            #expect(inh.border.top.color == RGBA(red: 0x33, green: 0x33, blue: 0x33))
            #expect(style(engine, doc, "unset").color == RGBA(red: 0x33, green: 0x33, blue: 0x33))
            #expect(style(engine, doc, "unset").display == "inline")
            #expect(style(engine, doc, "initial").color == .black)
            #expect(style(engine, doc, "initial").fontSize == 16)
        }
    }

    @Test func customProperties() throws {
        let html = """
        <style>
        :root { --main: #c00; --size: 18px; --pad: 1px 2px; --loop-a: var(--loop-b); --loop-b: var(--loop-a) }
        .card { --size: 20px; color: var(--main); font-size: var(--size); padding: var(--pad) }
        .fallback { color: var(--missing, blue); font-size: var(--missing) }
        .cycle { color: green; color: var(--loop-a) }
        .nested { --x: var(--size); margin-top: calc(var(--x) * 2) }
        </style>
        <div class="card" id="card"><p class="nested" id="nested">x</p></div>
        <p class="fallback" id="fallback">y</p><p class="cycle" id="cycle">z</p>
        """
        try withEngine(html) { engine, doc in
            let card = style(engine, doc, "card")
            #expect(card.color == RGBA(red: 0xCC, green: 0, blue: 0))
            #expect(card.fontSize == 20)
            #expect(card.padding.top == .px(1) && card.padding.right == .px(2) && card.padding.left == .px(2))
            #expect(card.customProperty("--main") == "#c00")
            #expect(style(engine, doc, "nested").margin.top == .px(40))
            #expect(style(engine, doc, "fallback").color == RGBA(css: "blue"))
            #expect(style(engine, doc, "fallback").fontSize == 16)
            // Invalid at computed-value time: the declaration still wins and acts as unset.
            #expect(style(engine, doc, "cycle").color == .black)
        }
    }

    @Test func otherProperties() throws {
        let html = """
        <style>
        #a { background: url(bg.png) no-repeat center / cover #fff; opacity: 50%; position: absolute; z-index: 5;
             outline: 2px dashed red; border-bottom: thick double; box-shadow: 0 0 2px #000; text-decoration: underline wavy red;
             animation: spin 2s linear infinite, fade .5s; transform: rotate(0.25turn) scale(2); cursor: url(big.cur) 4 4, pointer;
             overflow: hidden; visibility: hidden; margin: 0 auto }
        #b { background: linear-gradient(red, blue); outline: none; border: 3px none; transform: matrix(0, 1, -1, 0, 0, 0) }
        #c { -webkit-animation: pulse 1s 3; animation-iteration-count: 4 }
        </style><div id="a">a</div><div id="b">b</div><div id="c">c</div>
        """
        try withEngine(html) { engine, doc in
            let a = style(engine, doc, "a")
            #expect(a.backgroundImages == [.url("bg.png")])
            #expect(a.backgroundColor == .white)
            #expect(a.opacity == 0.5)
            #expect(a.position == .absolute && a.zIndex == 5)
            #expect(a.outlineWidth == 2 && a.outlineStyle == "dashed" && a.outlineColor == RGBA(css: "red"))
            #expect(a.border.bottom.width == 5 && a.border.bottom.style == "double" && a.border.top.width == 0)
            #expect(a.hasBoxShadow)
            #expect(a.textDecorationLine == .underline)
            #expect(a.animations == [Animation(name: "spin", duration: 2, iterationCount: .infinity),
                                     Animation(name: "fade", duration: 0.5, iterationCount: 1)])
            #expect(a.transformRotation == 90)
            #expect(a.cursor == "pointer" && a.cursorImages == ["big.cur"])
            #expect(a.overflowX == "hidden" && a.overflowY == "hidden")
            #expect(a.visibility == .hidden)
            #expect(a.margin.left == .auto && a.margin.top == .px(0))
            let b = style(engine, doc, "b")
            #expect(b.backgroundImages == [.gradient(Gradient(function: "linear-gradient", colors: [RGBA(css: "red")!, RGBA(css: "blue")!],
                                                              interpolatesInSRGB: true))])
            #expect(!b.hasVisibleOutline && b.outlineWidth == 3 && b.border.left.width == 0)
            #expect(b.transformRotation == 90)
            #expect(style(engine, doc, "c").animations == [Animation(name: "pulse", duration: 1, iterationCount: 4)])
        }
    }

    @Test func mediaQueriesPerViewport() throws {
        let html = """
        <style>
        p { font-size: 14px }
        @media (max-width: 600px) { p { font-size: 18px } }
        @media screen and (min-width: 60em) { .wide { color: red } }
        @media print { p { color: green } }
        @media not print { .np { color: blue } }
        @media (width <= 400px) and (orientation: portrait) { .range { color: purple } }
        @media (400px < width <= 1280px) { .range2 { color: orange } }
        @media only screen and (prefers-color-scheme: dark), (hover: none) { .mix { color: teal } }
        @media (prefers-reduced-motion: no-preference) { .motion { animation: x 1s } }
        @media (unknown-feature) { p { color: maroon } }
        @media not (unknown-feature) { p { color: maroon } }
        @media screen and (-webkit-min-device-pixel-ratio: 2) { .retina { color: navy } }
        </style>
        <link rel="stylesheet" media="print" href="missing.css">
        <style media="(max-width: 480px)">.m { color: lime }</style>
        <p id="p" class="wide np range range2 mix motion retina m">x</p>
        """
        try withEngine(html, viewport: .desktop) { engine, doc in
            let p = style(engine, doc, "p")
            #expect(p.fontSize == 14)
            #expect(p.color == RGBA(css: "orange"))
            #expect(p.animations.count == 1)
            #expect(engine.problems.isEmpty)
        }
        try withEngine(html, viewport: .mobile) { engine, doc in
            let p = style(engine, doc, "p")
            #expect(p.fontSize == 18)
            #expect(p.color == RGBA(css: "lime"))
        }
        for (query, desktop, mobile) in [("(orientation: landscape)", true, false), ("(min-width: 376px)", true, false),
                                          ("tv, screen and (max-height: 700px)", false, true), ("not all and (color)", false, false),
                                          ("(min-aspect-ratio: 16/10)", true, false), ("(800px <= height)", true, false),
                                          ("garbage(", false, false), ("", true, true), ("speech", false, false)] {
            let list = MediaQueryList(text: query)
            #expect(list.matches(MediaScreen(.desktop)) == desktop, "\(query)")
            #expect(list.matches(MediaScreen(.mobile)) == mobile, "\(query)")
        }
    }

    @Test func supportsAndLayers() throws {
        let html = """
        <style>
        @supports (display: grid) { #a { color: red } }
        @supports not (display: grid) { #a { color: blue } }
        @layer base { #b { color: green } }
        @layer base;
        @font-face { font-family: x; src: url(x.woff) }
        </style><p id="a">a</p><p id="b">b</p>
        """
        try withEngine(html) { engine, doc in
            #expect(style(engine, doc, "a").color == RGBA(css: "red"))
            #expect(style(engine, doc, "b").color == RGBA(css: "green"))
        }
    }

    @Test func focusedStylesAndAuthorRules() throws {
        let html = """
        <style>
        a:focus { outline: none }
        .b:focus-visible { outline: 3px solid orange }
        div:focus-within { background-color: yellow }
        @keyframes spin { to { transform: rotate(1turn) } }
        </style>
        <div id="d"><a id="a" href="#">a</a><button id="b" class="b">b</button><input id="i"></div>
        """
        try withEngine(html) { engine, doc in
            let a = doc.element(id: "a")!
            #expect(engine.style(of: a).outlineStyle == "none")
            #expect(engine.focusedStyle(of: a).outlineStyle == "none")
            #expect(!engine.focusedStyle(of: a).hasVisibleOutline)
            let b = engine.focusedStyle(of: doc.element(id: "b")!)
            #expect(b.outlineStyle == "solid" && b.outlineWidth == 3)
            let input = engine.focusedStyle(of: doc.element(id: "i")!)
            #expect(input.outlineStyle == "auto" && input.outlineWidth == 1)
            #expect(engine.focusedStyle(of: doc.element(id: "d")!).backgroundColor == RGBA(css: "yellow"))
            #expect(engine.style(of: doc.element(id: "d")!).backgroundColor == .transparent)
            let focusRules = engine.authorRules.filter(\.involvesFocus)
            #expect(focusRules.map(\.selectorText) == ["a:focus", ".b:focus-visible", "div:focus-within"])
            #expect(focusRules[0].declarations == [DeclarationInfo(property: "outline", value: "none", important: false)])
            #expect(focusRules[0].sheet == "<style>")
            #expect(engine.keyframeNames == ["spin"])
        }
    }

    @Test func quirksModeFollowsTheDoctype() throws {
        let body = """
        <style>body { font-size: 12px } .Intro { color: red } #Main { width: 300 } p { font-size: 14 }</style>
        <body><div id="main"><p id="p" class="intro">x</p><table><tr><td id="td">t</td></tr></table></div></body>
        """
        let quirky = [body, "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">" + body,
                      "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.0 Transitional//EN\" \"http://www.w3.org/TR/REC-html40/loose.dtd\">" + body]
        for html in quirky {
            try withEngine(html) { engine, doc in
                #expect(engine.isQuirksMode)
                #expect(style(engine, doc, "p").color == RGBA(css: "red"))
                #expect(style(engine, doc, "p").fontSize == 14)
                #expect(style(engine, doc, "main").width == .px(300))
                #expect(style(engine, doc, "td").fontSize == 16)
            }
        }
        let standard = ["<!DOCTYPE html>" + body,
                        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">" + body,
                        "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\" \"http://www.w3.org/TR/html4/loose.dtd\">" + body]
        for html in standard {
            try withEngine(html) { engine, doc in
                #expect(!engine.isQuirksMode)
                #expect(style(engine, doc, "p").color == .black)
                #expect(style(engine, doc, "p").fontSize == 12)
                #expect(style(engine, doc, "main").width == .auto)
                #expect(style(engine, doc, "td").fontSize == 12)
            }
        }
    }

    @Test func deepNestingDoesNotRecurse() throws {
        let depth = 10_000
        let html = "<html><body style='font-size: 20px'>" + String(repeating: "<div class='d'>", count: depth) + "<span id='leaf'>x</span>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let css = "<style>.a .d .d span { color: red } .d { line-height: 1.4 } div > div > span { font-weight: bold }</style>"
        try withEngine(css + html) { engine, doc in
            let leaf = style(engine, doc, "leaf")
            #expect(leaf.fontSize == 20)
            #expect(leaf.color == .black)
            #expect(leaf.fontWeight == 700)
            #expect(leaf.lineHeight == .factor(1.4))
            #expect(engine.isRendered(doc.element(id: "leaf")!))
        }
    }

    @Test func assumedAttributesAndReducedMotion() throws {
        let html = """
        <style>
        body.big p { font-size: 30px }
        [data-size=xl] p { line-height: 2 }
        .tip { animation: blink 1s infinite }
        @media (prefers-reduced-motion: reduce) { .tip { animation: none } }
        </style><body class="page"><p id="p">a</p><p id="tip" class="tip">b</p></body>
        """
        try withEngine(html) { engine, doc in
            #expect(style(engine, doc, "p").fontSize == 16)
            #expect(style(engine, doc, "tip").animations.count == 1)
            let big = engine.assuming(attributes: [doc.body!: ["class": "page big", "data-size": "xl"]])
            #expect(style(big, doc, "p").fontSize == 30)
            #expect(style(big, doc, "p").lineHeight == .factor(2))
            #expect(style(big, doc, "tip").animations.count == 1)
            let still = big.assuming(prefersReducedMotion: true)
            #expect(style(still, doc, "tip").animations.isEmpty)
            #expect(style(still, doc, "p").fontSize == 30)
            // The page's own engine is untouched.
            #expect(style(engine, doc, "p").fontSize == 16)
        }
    }

    @Test func insetsOfPositionedBoxes() throws {
        let html = """
        <style>
        #a { position: absolute; top: 0; right: 10px }
        #b { position: fixed; inset: 5px auto 50% }
        </style><div id="a">a</div><div id="b">b</div><div id="c">c</div>
        """
        try withEngine(html) { engine, doc in
            #expect(style(engine, doc, "a").inset == Edges(top: .px(0), right: .px(10), bottom: .auto, left: .auto))
            #expect(style(engine, doc, "b").inset == Edges(top: .px(5), right: .auto, bottom: .percent(50), left: .auto))
            #expect(style(engine, doc, "c").inset.top == .auto)
        }
    }

    /// Elements whose style follows from the same parent values and the same matched rules
    /// share one copy of their values; anything else that decides a style keeps them apart.
    @Test func stylesAreSharedOnlyWhenEverythingThatDecidesThemAgrees() throws {
        let html = """
        <html><head><title>t</title><style>.a{font-size:2em;color:#123456} .b{color:red}</style></head><body>
        <div id="small" style="font-size:10px"><p class="a" id="s1">x</p><p class="a" id="s2">y</p>
          <p class="a" id="s3" style="color:blue">z</p><p class="a b" id="s4">w</p></div>
        <div id="large" style="font-size:20px"><p class="a" id="l1">x</p></div>
        <table><tr><td id="t1">a</td><td id="t2" bgcolor="ff0000">b</td><td id="t3">c</td></tr></table>
        </body></html>
        """
        try withEngine(html) { engine, doc in
            let s1 = style(engine, doc, "s1"), s2 = style(engine, doc, "s2")
            #expect(s1.identity == s2.identity, "same parent, same rules: one copy")
            #expect(s1.fontSize == 20 && s2.fontSize == 20)
            #expect(style(engine, doc, "s3").color == RGBA(css: "blue"))
            #expect(style(engine, doc, "s3").identity != s1.identity)
            #expect(style(engine, doc, "s4").color == RGBA(css: "red"))
            #expect(style(engine, doc, "l1").fontSize == 40, "a parent of another size is another style")
            #expect(style(engine, doc, "t2").backgroundColor == RGBA(css: "red"))
            #expect(style(engine, doc, "t3").backgroundColor != style(engine, doc, "t2").backgroundColor)
            #expect(style(engine, doc, "t1").identity == style(engine, doc, "t3").identity)
        }
    }

    /// Focused styles share as the others do: the focus rules an element matches are part of
    /// what decides its style.
    @Test func focusedStylesShareByTheRulesTheyMatch() throws {
        let html = """
        <style>a:focus { outline: 2px solid red } .x:focus { color: green }</style>
        <p><a id="a1" href="#">1</a><a id="a2" href="#">2</a><a id="a3" class="x" href="#">3</a></p>
        """
        try withEngine(html) { engine, doc in
            let a1 = doc.element(id: "a1")!, a2 = doc.element(id: "a2")!, a3 = doc.element(id: "a3")!
            #expect(engine.focusedStyle(of: a1).identity == engine.focusedStyle(of: a2).identity)
            #expect(engine.focusedStyle(of: a1).identity != engine.style(of: a1).identity)
            #expect(engine.focusedStyle(of: a1).outlineWidth == 2 && engine.style(of: a1).outlineStyle != "solid")
            #expect(engine.focusedStyle(of: a3).color == RGBA(css: "green"))
            #expect(engine.focusedStyle(of: a3).identity != engine.focusedStyle(of: a1).identity)
            #expect(engine.style(of: a3).color != RGBA(css: "green"))
        }
    }

    /// A focused style is the resting one with the focus-dependent matches swapped: a rule whose
    /// other selector matches either way, with the same key as the one focus drops, still applies.
    @Test func focusedStylesKeepWhatMatchesEitherWay() throws {
        let html = """
        <style>
        a { color: red; background-color: white }
        .x:not(:focus), .y.z { color: green }
        .w:not(:focus) { background-color: yellow }
        a:focus { outline: 4px solid blue }
        </style>
        <p><a id="a" class="x y z w" href="#">a</a></p>
        """
        try withEngine(html) { engine, doc in
            let a = doc.element(id: "a")!
            let resting = engine.style(of: a), focused = engine.focusedStyle(of: a)
            #expect(resting.color == RGBA(css: "green") && resting.backgroundColor == RGBA(css: "yellow"))
            #expect(focused.color == RGBA(css: "green"))
            #expect(focused.backgroundColor == RGBA(css: "white"))
            #expect(focused.outlineWidth == 4 && resting.outlineStyle != "solid")
        }
    }
}
