import Testing
@testable import ShilaoStyle

/// `StyleEngine.textContrast(of:)`: bounds of the contrast over every colour a gradient paints
/// and beside the halo of the text's own shadows.
@Suite struct TextContrastBoundsTests {
    func result(_ html: String, _ id: String = "t") throws -> TextContrastResult {
        try withEngine(html) { engine, doc in engine.textContrast(of: doc.element(id: id)!) }
    }

    func span(_ html: String) throws -> ContrastSpan? {
        guard case .known(let span) = try result(html) else { return nil }
        return span
    }

    func contrast(_ a: String, _ b: String) -> Double {
        RGBA(css: a)!.contrast(with: RGBA(css: b)!)
    }

    @Test func flatColoursGiveTheExactRatio() throws {
        let html = "<div style='background:rgba(0,0,0,.5)'><p id='t' style='color:#fff'>x</p></div>"
        let flat = try withEngine(html) { engine, doc -> Double? in
            guard case .known(let pair) = engine.colors(of: doc.element(id: "t")!) else { return nil }
            return pair.contrastRatio
        }
        let bounds = try #require(try span(html))
        #expect(bounds.lowest == flat && bounds.highest == flat)
        #expect(bounds.backgrounds.count == 1 && bounds.halo.isEmpty)
    }

    /// ACT afw4f7 failed example 2: light grey text on white to blue fails against every colour.
    @Test func textFailingAgainstEveryStopFailsEverywhere() throws {
        let bounds = try #require(try span("<p id='t' style='color:#AAA; background:linear-gradient(to right, #FFF, #00F)'>x</p>"))
        #expect(abs(bounds.highest - contrast("#AAA", "#00F")) < 0.01)
        #expect(bounds.lowest == 1)
        #expect(bounds.backgrounds == [.white, RGBA(css: "#00F")!])
    }

    /// ACT afw4f7 passed example 2: dark grey passes on the white end only; the engine cannot
    /// know which end the text sits on.
    @Test func textPassingOnPartOfAGradientSpansBothSides() throws {
        let bounds = try #require(try span("<p id='t' style='color:#333; background:linear-gradient(to right, #FFF, #00F)'>x</p>"))
        #expect(abs(bounds.lowest - contrast("#333", "#00F")) < 0.01)
        #expect(abs(bounds.highest - contrast("#333", "#FFF")) < 0.01)
    }

    /// Between red and lime the mix is darker than either stop, so the lowest contrast of black
    /// text (about 4.2:1) is below both stops' (5.25 and 15.3): judging the stops alone would pass it.
    @Test func theMiddleOfASegmentCanBeDarkerThanItsStops() throws {
        let bounds = try #require(try span("<p id='t' style='color:#000; background:linear-gradient(red, lime)'>x</p>"))
        let darkest = (0...1000).map { step in
            RGBA.black.contrast(with: RGBA(red: 255, green: 0, blue: 0).gradientMix(toward: RGBA(red: 0, green: 255, blue: 0),
                                                                                   fraction: Double(step) / 1000))
        }.min()!
        #expect(bounds.lowest <= darkest && bounds.lowest > darkest - 0.1)
        #expect(darkest < 4.5 && contrast("#000", "red") > 5)
    }

    @Test func transparentStopsShowWhatIsBeneath() throws {
        let html = "<div style='background:#000'><p id='t' style='color:#777; background:linear-gradient(transparent, #fff)'>x</p></div>"
        let bounds = try #require(try span(html))
        #expect(bounds.backgrounds == [.black, .white])
        #expect(abs(bounds.highest - contrast("#777", "#000")) < 0.01)
    }

    /// A layer that does not tile both ways may leave the colour beneath it showing.
    @Test func aLayerThatMayNotCoverAddsWhatIsBeneath() throws {
        let covering = try #require(try span("<p id='t' style='color:#fff; background:#fff linear-gradient(#000, #111)'>x</p>"))
        #expect(covering.lowest > 15)
        let partial = try #require(try span("<p id='t' style='color:#fff; background:#fff linear-gradient(#000, #111) no-repeat'>x</p>"))
        #expect(partial.lowest == 1 && partial.highest == 21)
    }

    @Test func groupOpacityOverAGradient() throws {
        let html = "<div style='opacity:.5'><p id='t' style='color:#000; background:linear-gradient(#fff, #eee)'>x</p></div>"
        let bounds = try #require(try span(html))
        // Half of black over white is mid grey; the backgrounds fade towards white as much.
        #expect(abs(bounds.foreground.red - 127.5) < 0.01)
        #expect(bounds.highest < 4)
    }

    @Test func whatTheEngineDoesNotJudge() throws {
        func reason(_ html: String) throws -> String? {
            if case .unknown(let reason) = try result(html) { return reason }
            return nil
        }
        #expect(try reason("<p id='t' style='background:linear-gradient(#000, #fff), url(a.png)'>x</p>")?.contains("a.png") == true)
        #expect(try reason("<p id='t' style='background:linear-gradient(in oklab, #000, #fff)'>x</p>")?.contains("sRGB") == true)
        #expect(try reason("<p id='t' style='background:linear-gradient(red, blue); -webkit-background-clip:text'>x</p>")?
            .contains("background-clip") == true)
        #expect(try reason("<p id='t' style='color:rgba(0,0,0,.5); text-shadow:0 0 2px #fff'>x</p>")?.contains("semi-transparent") == true)
        #expect(try reason("<p id='t' style='text-shadow:0 0 2px color-mix(in srgb, red, blue)'>x</p>")?.contains("text-shadow") == true)
        let layers = "linear-gradient(#000, #111), linear-gradient(#000, #111), linear-gradient(#000, #111), linear-gradient(#000, #111)"
        #expect(try reason("<p id='t' style='background:\(layers)'>x</p>")?.contains("gradient layers") == true)
    }

    /// ACT afw4f7 passed example 4: black on #737373 is 4.43:1, but a white halo lifts the
    /// background beside the glyphs.
    @Test func aHaloThatHelps() throws {
        let bounds = try #require(try span("<p id='t' style='color:#000; background:#737373; text-shadow:white 0 0 3px'>x</p>"))
        #expect(bounds.lowest >= 4.5 && bounds.highest == 21)
        #expect(abs(bounds.lowestWithoutShadow - 4.43) < 0.01 && bounds.shadowMatters)
        #expect(bounds.halo == [.white])
    }

    /// ACT afw4f7 failed example 11: #666 on white passes (5.74:1), but four grey shadows
    /// surround the glyphs and the edge sits on grey.
    @Test func aHaloThatHurts() throws {
        let shadows = "#aaa 2px 2px 4px, #aaa -2px 2px 4px, #aaa 2px -2px 4px, #aaa -2px -2px 4px"
        let bounds = try #require(try span("<p id='t' style='color:#666; background:#fff; text-shadow:\(shadows)'>x</p>"))
        #expect(bounds.highest < 4.5 && bounds.highestWithoutShadow > 5.7)
        // Lighter strokes take less shadow: the same halo is then not enough to fail.
        let light = try #require(try span("<p id='t' style='color:#666; background:#fff; font-weight:200; text-shadow:\(shadows)'>x</p>"))
        #expect(light.highest >= 4.5)
    }

    /// A drop shadow leaves the background itself beside one side of every stroke.
    @Test func aDropShadowKeepsThePlainBackgroundInPlay() throws {
        let bounds = try #require(try span("<p id='t' style='color:#fff; background:#ccc; text-shadow:2px 2px 0 #000'>x</p>"))
        #expect(abs(bounds.lowest - contrast("#fff", "#ccc")) < 0.01 && bounds.highest == 21)
    }

    /// A shadow in the text's own colour thickens the glyphs; it is no background.
    @Test func shadowsInTheTextColourAreGlyphs() throws {
        let plain = try #require(try span("<p id='t' style='color:#595959'>x</p>"))
        let thick = try #require(try span("<p id='t' style='color:#595959; text-shadow:0 0 1px, 0 0 1px #595959'>x</p>"))
        #expect(plain == thick)
    }
}

/// The halo model: how strongly a shadow shows beside a thin stroke.
@Suite struct HaloModelTests {
    @Test func aSharpShadowUnderTheGlyphIsHidden() {
        let strengths = HaloModel.edgeStrengths([TextShadow(color: .black, offsetX: 0, offsetY: 0, blur: 0)], strokeWidth: 1)
        #expect(strengths == [[0]])
    }

    @Test func aBlurredHaloShowsOnEverySide() {
        let strengths = HaloModel.edgeStrengths([TextShadow(color: .white, offsetX: 0, offsetY: 0, blur: 3)], strokeWidth: 1)
        // Symmetric: every direction gives the same three distances.
        #expect(strengths.count == HaloModel.distances.count)
        #expect(strengths.allSatisfy { $0[0] > 0.1 && $0[0] < 0.5 })
    }

    @Test func aDropShadowLeavesOneSideBare() {
        let strengths = HaloModel.edgeStrengths([TextShadow(color: .black, offsetX: 2, offsetY: 2, blur: 0)], strokeWidth: 1)
        #expect(strengths.contains([0]) && strengths.contains([1]))
    }

    @Test func strengthFallsWithDistanceAndBlur() {
        let near = HaloModel.strength(offset: 0, blur: 4, at: 0.5, stroke: 1)
        let far = HaloModel.strength(offset: 0, blur: 4, at: 1.5, stroke: 1)
        let wide = HaloModel.strength(offset: 0, blur: 20, at: 0.5, stroke: 1)
        #expect(near > far && near > wide && wide > 0)
    }

    @Test func strokeWidthFollowsWeight() {
        #expect(HaloModel.strokeWidth(fontWeight: 700) == 1)
        #expect(HaloModel.strokeWidth(fontWeight: 400) == 1)
        #expect(HaloModel.strokeWidth(fontWeight: 300) == 0.75)
        #expect(HaloModel.strokeWidth(fontWeight: 100) == 0.5)
    }
}
