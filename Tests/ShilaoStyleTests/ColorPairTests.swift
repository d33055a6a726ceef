import Testing
@testable import ShilaoStyle

@Suite struct ColorPairTests {
    func pair(_ html: String, _ id: String = "t") throws -> ColorResult {
        try withEngine(html) { engine, doc in engine.colors(of: doc.element(id: id)!) }
    }

    func ratio(_ html: String) throws -> Double? {
        guard case .known(let pair) = try pair(html) else { return nil }
        return (pair.contrastRatio * 100).rounded() / 100
    }

    @Test func plainTextOnTheCanvas() throws {
        #expect(try ratio("<p id='t'>x</p>") == 21)
        #expect(try ratio("<p id='t' style='color:#777'>x</p>") == 4.48)
        #expect(try ratio("<body style='background:#fff'><p id='t' style='color:#767676'>x</p></body>") == 4.54)
    }

    @Test func ancestorBackgroundsAndAlpha() throws {
        #expect(try ratio("<div style='background-color:#000'><p id='t' style='color:#fff'>x</p></div>") == 21)
        guard case .known(let half) = try pair("<div style='background:rgba(0,0,0,.5)'><p id='t' style='color:#fff'>x</p></div>") else {
            Issue.record("expected known colours")
            return
        }
        #expect(abs(half.background.red - 127.5) < 0.01)
        guard case .known(let text) = try pair("<p id='t' style='color:rgba(0,0,0,.5)'>x</p>") else {
            Issue.record("expected known colours")
            return
        }
        #expect(abs(text.foreground.red - 127.5) < 0.01 && text.background == .white)
    }

    @Test func groupOpacityBlendsWithWhatIsBelow() throws {
        guard case .known(let faded) = try pair("<div style='opacity:.5'><p id='t'>x</p></div>") else {
            Issue.record("expected known colours")
            return
        }
        #expect(abs(faded.foreground.red - 127.5) < 0.01 && faded.background == .white)
        guard case .known(let dark) = try pair(
            "<div style='background:#000'><div style='opacity:.5;background:#fff'><p id='t' style='color:#000'>x</p></div></div>") else {
            Issue.record("expected known colours")
            return
        }
        #expect(abs(dark.background.red - 127.5) < 0.01 && dark.foreground == .black)
    }

    @Test func imagesAndPositionedBoxesAreUnknown() throws {
        #expect(try ratio("<div style='background:url(a.png)'><p id='t'>x</p></div>") == nil)
        #expect(try ratio("<div style='background-image:linear-gradient(red,blue)'><p id='t'>x</p></div>") == nil)
        #expect(try ratio("<div style='background:url(a.png)'><p id='t' style='background:#fff'>x</p></div>") == 21)
        #expect(try ratio("<div style='position:absolute'><p id='t'>x</p></div>") == nil)
        #expect(try ratio("<div style='position:fixed;background:#000'><p id='t' style='color:#fff'>x</p></div>") == 21)
        if case .unknown(let reason) = try pair("<div style='background:url(a.png)'><p id='t'>x</p></div>") {
            #expect(reason.contains("a.png"))
        } else {
            Issue.record("expected unknown")
        }
    }
}
