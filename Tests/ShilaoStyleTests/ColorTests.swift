import Foundation
import Testing
@testable import ShilaoStyle

@Suite struct ColorTests {
    func rgba(_ text: String) -> RGBA? { RGBA(css: text) }

    func close(_ a: RGBA?, _ b: RGBA, tolerance: Double = 0.6) -> Bool {
        guard let a else { return false }
        return abs(a.red - b.red) <= tolerance && abs(a.green - b.green) <= tolerance && abs(a.blue - b.blue) <= tolerance
            && abs(a.alpha - b.alpha) <= 0.01
    }

    @Test func syntaxes() {
        let red = RGBA(red: 255, green: 0, blue: 0)
        for text in ["red", "RED", "#f00", "#ff0000", "#F00F", "#ff0000ff", "rgb(255,0,0)", "rgb(255 0 0)",
                     "rgba(100%, 0%, 0%, 1)", "rgb(255 0 0 / 100%)", "hsl(0, 100%, 50%)", "hsl(0deg 100% 50%)",
                     "hsla(360, 100%, 50%, 1)", "hwb(0 0% 0%)", "rgb(300, -5, 0)", "hsl(1turn 100% 50%)",
                     "oklch(62.8% 0.2577 29.23)", "lab(54.29 80.8 69.89)"] {
            #expect(close(rgba(text), red, tolerance: 1.5), "\(text)")
        }
        #expect(close(rgba("rgba(0, 0, 0, .5)"), RGBA(red: 0, green: 0, blue: 0, alpha: 0.5)))
        #expect(close(rgba("#0008"), RGBA(red: 0, green: 0, blue: 0, alpha: 0x88 / 255)))
        #expect(close(rgba("transparent"), .transparent))
        #expect(close(rgba("rebeccapurple"), RGBA(red: 0x66, green: 0x33, blue: 0x99)))
        #expect(close(rgba("hsl(120 100% 25%)"), RGBA(red: 0, green: 127.5, blue: 0)))
        #expect(close(rgba("Canvas"), .white))
        #expect(close(rgba("CanvasText"), .black))
        #expect(close(rgba("rgb(calc(255 / 2) 0 0)"), RGBA(red: 127.5, green: 0, blue: 0)))
        #expect(ColorParser.namedColors.count == 148)
    }

    @Test func invalidColours() {
        for text in ["#12", "#12345", "rgb(1, 2)", "rgb(1 2 3 4)", "rgb(1, 2 3)", "hwb(0, 0%, 0%)", "nocolor", "currentColor",
                     "rgb(1 2 3 / )", "#ggg"] {
            #expect(rgba(text) == nil, "\(text)")
        }
    }

    /// Whole channels come from a table: it must give what the formula gives, and channels
    /// between whole values must still be computed.
    @Test func luminanceOfWholeAndBlendedChannels() {
        func formula(_ channel: Double) -> Double {
            let c = min(max(channel / 255, 0), 1)
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        var wrong: [Double] = []
        for step in -4...1024 {
            let channel = Double(step) / 4
            let expected = 0.2126 * formula(channel) + 0.7152 * formula(255 - channel) + 0.0722 * formula(channel / 2)
            if RGBA(red: channel, green: 255 - channel, blue: channel / 2).relativeLuminance != expected { wrong.append(channel) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }

    @Test func contrastRatiosMatchWCAG() {
        #expect(RGBA.black.contrast(with: .white) == 21)
        #expect(abs(rgba("#777")!.contrast(with: .white) - 4.48) < 0.005)
        #expect(abs(rgba("#767676")!.contrast(with: .white) - 4.54) < 0.005)
        #expect(rgba("#777")!.contrast(with: .white) < 4.5)
        #expect(rgba("#767676")!.contrast(with: .white) >= 4.5)
        #expect(RGBA.white.contrast(with: .white) == 1)
    }

    @Test func compositing() {
        let half = rgba("rgba(0,0,0,.5)")!.over(.white)
        #expect(close(half, RGBA(red: 127.5, green: 127.5, blue: 127.5)))
        let stacked = rgba("rgba(255,0,0,.5)")!.over(rgba("rgba(0,0,255,.5)")!)
        #expect(close(stacked, RGBA(red: 170, green: 0, blue: 85, alpha: 0.75)))
        #expect(RGBA.transparent.over(.white) == .white)
    }
}
