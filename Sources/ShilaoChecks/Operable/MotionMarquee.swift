import ShilaoCore
import ShilaoDOM
import ShilaoStyle

/// WCAG 2.2.2: nothing moves or blinks without a way to stop it. `<marquee>` and `<blink>` fail
/// (stopping on hover is not a pause control a keyboard or a slow reader can use). Scripts that
/// move things are for review: one that writes a marquee, a timer that moves a layer (飘窗,
/// scrolling news), or a known scroller library. An infinite CSS animation on an element with
/// text fails, unless the page's `prefers-reduced-motion: reduce` rules stop it.
struct MotionMarquee: BuiltInCheck {
    static let id = "motion-marquee"

    /// Scroller and floating-layer scripts by file name (MSClass and kxbdMarquee are the common
    /// Chinese scrollers).
    static let scrollerScripts = ["marquee", "msclass", "piaochuang", "floatad", "admove"]
    /// Properties a script changes to move a layer by hand (`.style.left += 2`, `.scrollTop++`).
    static let movedProperties = ["style.left", "style.top", "style.right", "style.bottom", "style.marginLeft",
                                  "style.marginTop", "scrollTop", "scrollLeft", "pixelLeft", "pixelTop", "posLeft", "posTop"]
    static let timers = ["setInterval", "setTimeout", "requestAnimationFrame"]

    func run(on page: Page, into results: inout Results) {
        for element in page.document.elements {
            switch element.name {
            case "marquee", "blink":
                results.fail(element, "fail.\(element.name)")
            case "script":
                judgeScript(element, into: &results)
            default:
                break
            }
        }
        judgeAnimations(page, into: &results)
        if results.records.isEmpty, let body = page.document.body {
            results.pass(body)
        }
    }

    /// Text that moves for ever: a running animation (a defined `@keyframes` name) repeating
    /// infinitely. The reduced-motion styles are computed only when one is found.
    func judgeAnimations(_ page: Page, into results: inout Results) {
        guard let body = page.document.body else { return }
        var reduced: StyleEngine?
        var moving: [(Element, Animation)] = []
        // One pass that leaves display:none subtrees out, instead of asking each element whether
        // an ancestor hides it (quadratic on deep pages).
        body.walk(from: ()) { element, _ in
            let style = page.style.style(of: element)
            if style.display == "none" { return nil }
            if element != body, let animation = MotionMarquee.endless(style, defined: page.style.keyframeNames) {
                moving.append((element, animation))
            }
            return ()
        }
        for (element, animation) in moving where VisibleText.hasReadableText(PageText.visible(element)) {
            let still = reduced ?? page.style.assuming(prefersReducedMotion: true)
            reduced = still
            if MotionMarquee.endless(still.style(of: element), defined: page.style.keyframeNames) == nil {
                results.pass(element)
            } else {
                results.fail(element, "fail.animation", ["name": animation.name])
            }
        }
    }

    /// The first animation that runs for ever; one whose duration is (nearly) zero never shows.
    static func endless(_ style: ComputedStyle, defined: Set<String>) -> Animation? {
        style.animations.first { $0.iterationCount == .infinity && $0.duration > 0.01 && defined.contains($0.name) }
    }

    func judgeScript(_ script: Element, into results: inout Results) {
        if let src = script.attribute("src") {
            let file = src.split(separator: "/").last.map { $0.lowercased() } ?? ""
            if let name = MotionMarquee.scrollerScripts.first(where: { file.contains($0) }) {
                results.review(script, "review.library", ["src": src, "name": name])
            }
            return
        }
        guard let run = PageText.runs(of: script).first(where: { !$0.text.allSatisfy(\.quickIsWhitespace) }) else { return }
        let code = run.text
        let text = ScalarText(code)
        if let offset = MotionMarquee.writtenMarquee(in: text) {
            results.review(script, line: PageText.line(of: text.stringIndex(of: offset, in: code), in: code, startingAt: run.line),
                           "review.written")
        } else if MotionMarquee.movesLayer(text) {
            let timers = MotionMarquee.timerCalls(in: text)
            let interval = timers.first { text.has("setInterval", at: $0) } ?? timers.first
            if let interval {
                results.review(script, line: PageText.line(of: text.stringIndex(of: interval, in: code), in: code, startingAt: run.line),
                               "review.moving")
            }
        }
    }

    /// Where a script writes a `<marquee` tag (any case), as a scalar offset.
    static func writtenMarquee(in text: ScalarText) -> Int? {
        (0..<text.count).first { start in
            text[start] == "<" && text.has("marquee", at: text.skippingWhitespace(from: start + 1), ignoringCase: true)
        }
    }

    /// A moved property assigned or stepped: `.style.left = x`, `.scrollTop += 1`, `.posTop--`
    /// (a comparison `==` is not a move).
    static func movesLayer(_ text: ScalarText) -> Bool {
        (0..<text.count).contains { start in
            guard text[start] == ".", let after = text.first(of: movedProperties, at: start + 1) else { return false }
            let next = text.skippingWhitespace(from: after)
            if text.has("++", at: next) || text.has("--", at: next) { return true }
            let equals = text.isAny(of: "+-", at: next) ? next + 1 : next
            return text[equals] == "=" && text[equals + 1] != "="
        }
    }

    /// Offsets of timer calls (`setInterval (`), each a whole word.
    static func timerCalls(in text: ScalarText) -> [Int] {
        (0..<text.count).filter { start in
            guard !text.isWordScalar(at: start - 1), let after = text.first(of: timers, at: start) else { return false }
            return text[text.skippingWhitespace(from: after)] == "("
        }
    }
}
