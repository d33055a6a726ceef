import Testing
@testable import ShilaoStyle

/// Gradients are read down to their colour stops, which is all contrast needs; the rest of
/// their syntax is checked so that a broken gradient is not mistaken for a readable one.
@Suite struct GradientTests {
    /// The gradient of `background-image: <value>` on an element with `color: <color>`, or the
    /// layer the engine kept instead.
    func layer(_ value: String, color: String = "#000") throws -> BackgroundImage? {
        try withEngine("<p id='t' style='color:\(color); background-image:\(value)'>x</p>") { engine, doc in
            style(engine, doc, "t").backgroundImages.first
        }
    }

    func colors(_ value: String, color: String = "#000") throws -> [String]? {
        guard case .gradient(let gradient)? = try layer(value, color: color) else { return nil }
        return gradient.colors.map(\.description)
    }

    @Test func linearStopsWithOrWithoutADirection() throws {
        #expect(try colors("linear-gradient(to right, #FFF, #00F)") == ["#FFFFFF", "#0000FF"])
        #expect(try colors("linear-gradient(red, blue)") == ["#FF0000", "#0000FF"])
        #expect(try colors("linear-gradient(45deg, red 0%, blue 50% 60%, lime)") == ["#FF0000", "#0000FF", "#00FF00"])
        #expect(try colors("linear-gradient(to top left, rgb(0 0 0 / 50%), hsl(0 0% 100%))") == ["#000000 alpha 0.5", "#FFFFFF"])
    }

    @Test func otherShapesAndRepeatingForms() throws {
        #expect(try colors("radial-gradient(circle closest-side at 10% 20%, #fff, #000)") == ["#FFFFFF", "#000000"])
        #expect(try colors("conic-gradient(from 90deg at 50% 50%, red 0deg, blue 180deg)") == ["#FF0000", "#0000FF"])
        #expect(try colors("repeating-linear-gradient(45deg, #eee 0 10px, #fff 10px 20px)") == ["#EEEEEE", "#FFFFFF"])
        #expect(try colors("-webkit-linear-gradient(top, #fff, #ddd)") == ["#FFFFFF", "#DDDDDD"])
    }

    @Test func oldWebKitSyntaxSortsStopsByPosition() throws {
        #expect(try colors("-webkit-gradient(linear, left top, left bottom, from(#fff), to(#000), color-stop(0.5, #888))")
            == ["#FFFFFF", "#888888", "#000000"])
        #expect(try colors("-webkit-gradient(linear, 0 0, 0 100%, color-stop(80%, red), from(blue))") == ["#0000FF", "#FF0000"])
    }

    @Test func hintsSitOnlyBetweenStops() throws {
        #expect(try colors("linear-gradient(red, 30%, blue)") == ["#FF0000", "#0000FF"])
        #expect(try layer("linear-gradient(30%, red, blue)") == .generated("linear-gradient"))
        #expect(try layer("linear-gradient(red, 10%, 20%, blue)") == .generated("linear-gradient"))
        #expect(try layer("linear-gradient(red, blue, 50%)") == .generated("linear-gradient"))
    }

    @Test func unreadableGradientsStayGeneratedImages() throws {
        #expect(try layer("linear-gradient(red)") == .generated("linear-gradient"))
        #expect(try layer("linear-gradient(to right, color-mix(in srgb, red, blue), white)") == .generated("linear-gradient"))
        #expect(try layer("linear-gradient(red 10% 20% 30%, blue)") == .generated("linear-gradient"))
        #expect(try layer("image-set('a.png' 1x)") == .generated("image-set"))
    }

    @Test func currentColorAndTransparentStops() throws {
        #expect(try colors("linear-gradient(currentColor, transparent)", color: "#123456") == ["#123456", "#000000 alpha 0"])
    }

    /// Legacy colours mix in sRGB (a straight line between stops); anything else goes through
    /// Oklab, where the path bends, so the engine does not judge it.
    @Test func interpolationSpace() throws {
        func srgb(_ value: String) throws -> Bool? {
            guard case .gradient(let gradient)? = try layer(value) else { return nil }
            return gradient.interpolatesInSRGB
        }
        #expect(try srgb("linear-gradient(#fff, rgba(0,0,0,.5), hwb(0 0% 0%), hsl(120 50% 50%), navy)") == true)
        #expect(try srgb("linear-gradient(to right in srgb, #fff, #00f)") == true)
        #expect(try srgb("linear-gradient(to right in oklab, #fff, #00f)") == false)
        #expect(try srgb("linear-gradient(in hsl longer hue, red, blue)") == false)
        #expect(try srgb("linear-gradient(lab(100 0 0), #00f)") == false)
    }

    /// Premultiplied mixing: half way from red to transparent is translucent red, not dark red.
    @Test func mixingIsPremultiplied() {
        let red = RGBA(red: 255, green: 0, blue: 0)
        let half = red.gradientMix(toward: .transparent, fraction: 0.5)
        #expect(half == RGBA(red: 255, green: 0, blue: 0, alpha: 0.5))
        #expect(half.over(.white) == RGBA(red: 255, green: 127.5, blue: 127.5))
        let mid = RGBA.white.gradientMix(toward: RGBA(red: 0, green: 0, blue: 255), fraction: 0.5)
        #expect(mid == RGBA(red: 127.5, green: 127.5, blue: 255))
    }

    @Test func repeatAndClipPerLayer() throws {
        let html = """
        <style>
        #a { background: #fff linear-gradient(#000, #111) no-repeat }
        #b { background: linear-gradient(#000, #111) repeat-x, linear-gradient(red, blue) round }
        #c { background-image: linear-gradient(red, blue); background-repeat: repeat no-repeat }
        #d { background: linear-gradient(red, blue) text; -webkit-background-clip: text }
        #e { background: linear-gradient(red, blue) }
        #f { -webkit-background-clip: padding-box, text }
        </style><p id="a">a</p><p id="b">b</p><p id="c">c</p><p id="d">d</p><p id="e">e</p><p id="f">f</p>
        """
        try withEngine(html) { engine, doc in
            #expect(style(engine, doc, "a").backgroundRepeatsBothWays == [false])
            #expect(style(engine, doc, "b").backgroundRepeatsBothWays == [false, true])
            #expect(!style(engine, doc, "c").backgroundLayerRepeatsBothWays(0))
            #expect(style(engine, doc, "d").backgroundClipsToText)
            #expect(style(engine, doc, "e").backgroundRepeatsBothWays == [true] && !style(engine, doc, "e").backgroundClipsToText)
            #expect(style(engine, doc, "f").backgroundClipsToText)
        }
    }

    @Test func invalidRepeatStylesDropTheDeclaration() throws {
        let html = "<p id='t' style='background-repeat: no-repeat; background-repeat: repeat-x repeat-y'>x</p>"
        try withEngine(html) { engine, doc in
            #expect(style(engine, doc, "t").backgroundRepeatsBothWays == [false])
        }
    }
}
