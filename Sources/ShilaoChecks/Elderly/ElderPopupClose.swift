import ShilaoCore
import ShilaoDOM
import ShilaoStyle

/// MIIT app 2.4: a pop-up or floating layer shown with the page has a close control, at least
/// 44×44px where CSS fixes its size, at the top-left, top-right or bottom-centre. A layer is a
/// dialog (`role=dialog`, `aria-modal`), a positioned box named like one (popup, modal,
/// tanchuang, piaochuang, floatAd), or a fixed box over half the screen with a raised z-index.
/// Layers hidden at load (opened later by a script) are not judged.
struct ElderPopupClose: BuiltInCheck {
    static let id = "elder-popup-close"

    static let layerWords = ["popup", "pop-up", "modal", "dialog", "tanchuang", "tanchu", "piaochuang", "piaofu",
                             "floatad", "float-ad", "float_ad", "layui-layer"]
    static let closeWords = ["关闭", "×", "✕", "✖", "╳", "CLOSE", "不再显示", "不再提示", "知道了"]
    static let closeClassWords = ["close", "guanbi"]
    static let minimumSize = 44.0
    /// A raised z-index: what a layer meant to sit over the page sets.
    static let overlayZIndex = 100

    func run(on page: Page, into results: inout Results) {
        guard let body = page.document.body else { return }
        var layers: [Element] = []
        // One pass: what display:none hides is never a layer, and a layer's own parts (a dialog
        // inside a mask) are judged with it, so neither subtree is walked further.
        body.walk(from: ()) { element, _ in
            if page.style.style(of: element).display == "none" { return nil }
            if element != body, isLayer(element, page) {
                layers.append(element)
                return nil
            }
            return ()
        }
        for layer in layers {
            judge(layer, page, into: &results)
        }
    }

    /// Whether a rendered element is a pop-up layer.
    func isLayer(_ element: Element, _ page: Page) -> Bool {
        let role = (element.attribute("role") ?? "").lowercased()
        if role == "dialog" || role == "alertdialog" || element.attribute("aria-modal") == "true" { return true }
        let style = page.style.style(of: element)
        guard style.position == .fixed || style.position == .absolute else { return false }
        let names = ((element.attribute("id") ?? "") + " " + (element.attribute("class") ?? "")).lowercased()
        if ElderPopupClose.layerWords.contains(where: names.contains) { return true }
        guard style.position == .fixed, (style.zIndex ?? 0) >= ElderPopupClose.overlayZIndex else { return false }
        let viewport = page.style.viewport
        return ElderPopupClose.covers(style.width, half: viewport.width) && ElderPopupClose.covers(style.height, half: viewport.height)
    }

    static func covers(_ length: CSSLength, half total: Double) -> Bool {
        switch length {
        case .px(let value): return value >= total / 2
        case .percent(let value): return value >= 50
        default: return false
        }
    }

    func judge(_ layer: Element, _ page: Page, into results: inout Results) {
        guard let close = layer.descendants.first(where: { ElderPopupClose.isCloseControl($0, in: page) }) else {
            results.fail(layer, "fail.no-close")
            return
        }
        let style = page.style.style(of: close)
        if let width = ElderPopupClose.fixedSize(style.width, style.minWidth),
           let height = ElderPopupClose.fixedSize(style.height, style.minHeight),
           style.display != "inline",
           width < ElderPopupClose.minimumSize - 0.005 || height < ElderPopupClose.minimumSize - 0.005 {
            results.fail(close, "fail.small", ["width": NumberText.format(width), "height": NumberText.format(height)])
            return
        }
        switch ElderPopupClose.corner(style) {
        case .allowed:
            results.pass(close)
        case .elsewhere:
            results.fail(close, "fail.position")
        case .unknown:
            results.review(close, "review.position")
        }
    }

    /// Words on the control, or a class a script binds closing to (`<span class="close">`).
    static func isCloseControl(_ element: Element, in page: Page) -> Bool {
        let names = ((element.attribute("id") ?? "") + " " + (element.attribute("class") ?? "")).lowercased()
        let named = closeClassWords.contains(where: names.contains)
        guard ControlText.isControl(element) || named else { return false }
        if named { return true }
        let words = ControlText.words(of: element, in: page, uppercased: true)
        return words == "X" || closeWords.contains(where: words.contains)
    }

    /// The larger of `width` and `min-width` when CSS fixes it in px.
    static func fixedSize(_ size: CSSLength, _ minimum: CSSLength) -> Double? {
        guard let value = size.pixels else { return nil }
        return max(value, minimum.pixels ?? 0)
    }

    enum Corner: Equatable {
        case allowed, elsewhere, unknown
    }

    /// Where an absolutely placed control sits in its layer, from its insets; a control in the
    /// flow of the layer cannot be placed without layout.
    static func corner(_ style: ComputedStyle) -> Corner {
        guard style.position == .absolute || style.position == .fixed else { return .unknown }
        let inset = style.inset
        let top = inset.top != .auto
        let bottom = inset.bottom != .auto
        let left = inset.left != .auto
        let right = inset.right != .auto
        let centred = inset.left == .percent(50) || inset.right == .percent(50) || (left && right && inset.left == inset.right)
        if top, left || right { return .allowed }
        if bottom, centred { return .allowed }
        // At the bottom but to one side.
        if bottom, left || right { return .elsewhere }
        return .unknown
    }
}
