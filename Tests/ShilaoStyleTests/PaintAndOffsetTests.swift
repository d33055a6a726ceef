import Testing
@testable import ShilaoStyle

/// Properties the CSS checks read to know whether text is on screen and how it is painted:
/// text-shadow, text-indent, position offsets, and SVG fill and stroke.
@Suite struct PaintAndOffsetTests {
    @Test func textShadowInheritsAndNoneClearsIt() throws {
        let html = """
        <html><head><title>t</title><style>.halo { text-shadow: white 0 0 3px } .flat { text-shadow: none }</style></head>
        <body><p id="p" class="halo"><span id="child">a</span><b id="flat" class="flat">b</b></p><p id="plain">c</p></body></html>
        """
        try withEngine(html) { engine, doc in
            #expect(style(engine, doc, "p").hasTextShadow)
            #expect(style(engine, doc, "child").hasTextShadow)
            #expect(!style(engine, doc, "flat").hasTextShadow)
            #expect(!style(engine, doc, "plain").hasTextShadow)
        }
    }

    @Test func offsetsAndTextIndentComputeToPixels() throws {
        let html = """
        <html><head><title>t</title><style>
        #off { position: absolute; top: -999em; left: -10px } #inset { position: fixed; inset: 1px 2px 3px 4px }
        h1 { text-indent: -9999px } #pct { text-indent: 10% hanging }
        </style></head><body><p id="off">a</p><p id="inset">b</p><h1 id="logo">c<span id="inner">d</span></h1><p id="pct">e</p></body></html>
        """
        try withEngine(html) { engine, doc in
            #expect(style(engine, doc, "off").inset.top == .px(-15984))
            #expect(style(engine, doc, "off").inset.left == .px(-10))
            #expect(style(engine, doc, "off").inset.right == .auto)
            #expect(style(engine, doc, "inset").inset == Edges(top: .px(1), right: .px(2), bottom: .px(3), left: .px(4)))
            #expect(style(engine, doc, "logo").textIndent == .px(-9999))
            #expect(style(engine, doc, "inner").textIndent == .px(-9999))
            #expect(style(engine, doc, "pct").textIndent == .percent(10))
        }
    }

    @Test func fillAndStrokeResolveCurrentColorAndPaintServers() throws {
        let html = """
        <html><head><title>t</title><style>
        svg { color: #767676; fill: currentColor } .line { stroke: #ccc } .grad { fill: url(#g) #000 } .none { fill: none }
        </style></head><body><svg id="svg"><path id="path" class="line"/><rect id="grad" class="grad"/><circle id="none" class="none"/></svg>
        <p id="p">x</p></body></html>
        """
        try withEngine(html) { engine, doc in
            let grey = RGBA(red: 0x76, green: 0x76, blue: 0x76)
            #expect(style(engine, doc, "svg").fill == grey)
            #expect(style(engine, doc, "path").fill == grey)
            #expect(style(engine, doc, "path").stroke == RGBA(red: 0xCC, green: 0xCC, blue: 0xCC))
            #expect(style(engine, doc, "grad").fill == .transparent)
            #expect(style(engine, doc, "none").fill == .transparent)
            #expect(style(engine, doc, "p").fill == .black)
            #expect(style(engine, doc, "p").stroke == .transparent)
            #expect(style(engine, doc, "path").source(of: .fill) == nil)
            #expect(style(engine, doc, "svg").source(of: .fill)?.origin == .author)
        }
    }
}

@Suite struct OrientationTests {
    static let html = """
    <html><head><title>t</title><style>
    body { transform: rotate(2.5deg) }
    @media (orientation: landscape) { body { transform: rotate(92.5deg) } }
    @media (orientation: portrait) { html { transform: matrix3d(0, -1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1) } }
    </style></head><body><p id="p">x</p></body></html>
    """

    @Test func turningTheEngineFlipsOnlyTheOrientation() throws {
        try withEngine(Self.html) { engine, doc in
            #expect(engine.orientation == .landscape)
            #expect(engine.usesOrientationQueries)
            #expect(engine.style(of: doc.body!).transformRotation == 92.5)
            #expect(engine.style(of: doc.root!).transformRotation == nil)
            let portrait = engine.turned(to: .portrait)
            #expect(portrait.viewport == .desktop)
            #expect(portrait.style(of: doc.body!).transformRotation == 2.5)
            #expect(abs((portrait.style(of: doc.root!).transformRotation ?? 0) + 90) < 0.001)
        }
    }

    @Test func pagesWithoutOrientationQueriesSaySo() throws {
        let html = "<html><head><title>t</title><style>@media (min-width: 600px) { p { color: red } }</style></head><body></body></html>"
        try withEngine(html) { engine, _ in
            #expect(!engine.usesOrientationQueries)
        }
    }
}

@Suite struct MatchedRuleTests {
    @Test func matchedAuthorRulesFollowFocusAndCascadeOrder() throws {
        let html = """
        <html><head><title>t</title><style>
        a { color: #036 } a:focus { outline: none } a:focus:not(:focus-visible) { outline: 0 } .x, a.x { color: red }
        </style></head><body><a id="a" class="x" href="#">l</a></body></html>
        """
        try withEngine(html) { engine, doc in
            let link = doc.element(id: "a")!
            #expect(engine.matchedAuthorRules(of: link).map(\.selectorText) == ["a", ".x, a.x"])
            #expect(engine.matchedAuthorRules(of: link, focused: true).map(\.selectorText) == ["a", "a:focus", ".x, a.x"])
            #expect(engine.matchedAuthorRules(of: link, focused: true)[1].sheet == "<style>")
        }
    }
}

@Suite struct PresentationalHintTests {
    @Test func bgcolorAndFontColorActBeforeAuthorRules() throws {
        let html = """
        <html><head><title>t</title><style>body { background: #E9EEF4 } .dark { background-color: #333 }</style></head>
        <body text="#222"><table bgcolor="#FFFFFF"><tr><td id="cell" class="gray">a</td><td id="dark" class="dark" bgcolor="ffffcc">b</td>
        <td id="bare" bgcolor="FFF8E1"><font id="font" color="#999">c</font></td></tr></table><p id="p">d</p></body></html>
        """
        try withEngine(html) { engine, doc in
            guard case .known(let pair) = engine.colors(of: doc.element(id: "cell")!) else {
                Issue.record("colours should be known")
                return
            }
            #expect(pair.background == .white)
            #expect(pair.foreground == RGBA(red: 0x22, green: 0x22, blue: 0x22))
            #expect(style(engine, doc, "dark").backgroundColor == RGBA(red: 0x33, green: 0x33, blue: 0x33))
            #expect(style(engine, doc, "bare").backgroundColor == RGBA(red: 0xFF, green: 0xF8, blue: 0xE1))
            #expect(style(engine, doc, "font").color == RGBA(red: 0x99, green: 0x99, blue: 0x99))
            #expect(style(engine, doc, "font").source(of: .color)?.origin == .author)
        }
    }
}
