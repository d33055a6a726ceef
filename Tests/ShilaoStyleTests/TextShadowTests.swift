import Testing
@testable import ShilaoStyle

/// `text-shadow` computes to a list of shadows with lengths in px.
@Suite struct TextShadowTests {
    func shadows(_ value: String, style extra: String = "") throws -> [TextShadow]? {
        try withEngine("<p id='t' style='\(extra); text-shadow:\(value)'>x</p>") { engine, doc in
            style(engine, doc, "t").textShadows
        }
    }

    @Test func aListOfShadowsWithTheColourFirstOrLast() throws {
        let gray = RGBA(css: "#aaa")!
        #expect(try shadows("#aaa 2px 2px 4px, #aaa -2px 2px 4px") == [
            TextShadow(color: gray, offsetX: 2, offsetY: 2, blur: 4), TextShadow(color: gray, offsetX: -2, offsetY: 2, blur: 4),
        ])
        #expect(try shadows("white 0 0 3px") == [TextShadow(color: .white, offsetX: 0, offsetY: 0, blur: 3)])
        #expect(try shadows("1px 1px 0 rgba(0,0,0,.5)") == [
            TextShadow(color: RGBA(red: 0, green: 0, blue: 0, alpha: 0.5), offsetX: 1, offsetY: 1, blur: 0),
        ])
    }

    @Test func withoutAColourTheShadowTakesTheTextColour() throws {
        #expect(try shadows("1px 2px") == [TextShadow(color: nil, offsetX: 1, offsetY: 2, blur: 0)])
        #expect(try shadows("currentColor 0 0 2px") == [TextShadow(color: nil, offsetX: 0, offsetY: 0, blur: 2)])
    }

    @Test func lengthsResolveAgainstTheFont() throws {
        #expect(try shadows("0.1em -0.1em 0.5em red", style: "font-size:20px")
            == [TextShadow(color: RGBA(css: "red"), offsetX: 2, offsetY: -2, blur: 10)])
        #expect(try shadows("1pt 0 calc(2px + 1px) red") == [TextShadow(color: RGBA(css: "red"), offsetX: 4.0 / 3, offsetY: 0, blur: 3)])
    }

    /// A colour the engine cannot read leaves the shadow there but unknown, so that contrast
    /// is reviewed rather than judged as if the text had no shadow.
    @Test func unknownColourFunctionsAreKeptAsUnreadable() throws {
        #expect(try shadows("0 0 3px color-mix(in srgb, red, blue)", style: "text-shadow: 1px 1px 0 black") == nil)
        #expect(try withEngine("<p id='t' style='text-shadow: 0 0 3px light-dark(#fff, #000)'>x</p>") { engine, doc in
            style(engine, doc, "t").hasTextShadow
        })
    }

    @Test func noneIsEmpty() throws {
        #expect(try shadows("none") == [])
    }

    /// Browsers drop these declarations, so an earlier valid one stays.
    @Test(arguments: ["1px", "1px 2px 3px 4px", "1px 2px -3px red", "red 1px blue 2px", "1px red 2px", "10% 2px red"])
    func invalidValuesAreDropped(_ value: String) throws {
        #expect(try shadows(value, style: "text-shadow: 1px 1px 0 black") == [TextShadow(color: .black, offsetX: 1, offsetY: 1, blur: 0)])
    }

    @Test func inheritedWithTheirColourFollowingEachElement() throws {
        let html = """
        <p id="p" style="color:#111; text-shadow: 0 0 2px, 1px 1px 0 white"><span id="s" style="color:#222">x</span></p>
        """
        try withEngine(html) { engine, doc in
            let child = style(engine, doc, "s")
            #expect(child.textShadows == [TextShadow(color: nil, offsetX: 0, offsetY: 0, blur: 2),
                                          TextShadow(color: .white, offsetX: 1, offsetY: 1, blur: 0)])
            #expect(child.hasTextShadow)
        }
    }
}
