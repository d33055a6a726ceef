import Foundation
import ShilaoDOM

/// A declaration as written, for listings (`outline: none !important`).
public struct DeclarationInfo: Equatable, Sendable {
    public var property: String
    public var value: String
    public var important: Bool
}

extension DeclarationInfo {
    init(_ raw: RawDeclaration) {
        self.init(property: raw.name, value: raw.value.cssText, important: raw.important)
    }
}

/// An author style rule that applies in the engine's viewport, in cascade order.
public struct AuthorRule: Sendable {
    public var selectorText: String
    /// The sheet's URL, or `<style>` for an embedded sheet.
    public var sheet: String
    public var declarations: [DeclarationInfo]
    /// True when one of its selectors depends on focus (`:focus`, `:focus-visible`, `:focus-within`).
    public var involvesFocus: Bool
}

/// Computes what a page looks like for one viewport: the cascade over the user-agent sheet,
/// the page's `<style>` and `<link>` sheets (with `@import`) and style attributes. One engine
/// per page; styles are computed lazily and cached per element. Not thread-safe.
public final class StyleEngine {
    public let viewport: Viewport
    /// The orientation media queries see: the viewport's own unless the engine was turned.
    public let orientation: Orientation
    /// Some author sheet has a rule or sheet conditional on the `orientation` media feature.
    public let usesOrientationQueries: Bool
    /// Sheets that could not be loaded, with the reason; the page is styled without them.
    public let problems: [String]

    private let document: HTMLDocument
    private let pageURL: String
    private let screen: MediaScreen
    private let attributes: [Element: [String: String]]
    private let table: ElementTable
    private let rules: [ActiveRule]
    /// The author rules' index; the user-agent rules (the first of `rules`) have a shared one.
    private let index: RuleIndex
    private let userAgent: UserAgentRules
    /// The author selectors that depend on focus, alone (the user-agent ones have a shared
    /// index): an element none of them matches while focused looks the same focused.
    private let focusIndex: RuleIndex
    private var cache: [ComputedStyle?]
    /// Each element's matched rules, in cascade order, from its (unfocused) cascade: its focused
    /// style differs only in the rules that depend on focus, so it is derived from these rather
    /// than by matching every rule again.
    private var restingMatches: [[Match]?]
    /// Styles already computed, by what decides them (see `SharingKey`): most elements of a page
    /// repeat a sibling's or cousin's style, and sharing one copy of its values saves both the
    /// cascade and a kilobyte per element (a quarter of the heap of a page of 200,000 elements).
    private var shared: [SharingKey: ComputedStyle] = [:]
    /// Entries kept in `shared` before it starts over, so a page whose every element has its
    /// own style does not keep a second table of them.
    static let sharingLimit = 4096
    private var rendered: [Bool?]
    /// By position: the nearest box at or above it that paints, and whether it or a box above
    /// it is translucent (see `inherited`).
    private var paintingAncestors: [Int?]
    private var translucentAncestors: [Bool?]
    private let keyframes: Set<String>
    private let loader: StylesheetLoader
    /// The page renders in quirks mode (an old doctype or none).
    public let isQuirksMode: Bool

    public convenience init(document: HTMLDocument, pageURL: String, viewport: Viewport, loader: StylesheetLoader) {
        self.init(document: document, pageURL: pageURL, screen: MediaScreen(viewport), loader: loader, attributes: [:])
    }

    private init(document: HTMLDocument, pageURL: String, screen: MediaScreen, loader: StylesheetLoader,
                 attributes: [Element: [String: String]]) {
        self.document = document
        self.pageURL = pageURL
        self.screen = screen
        self.attributes = attributes
        viewport = screen.viewport
        orientation = screen.orientation
        self.loader = loader
        isQuirksMode = QuirksMode.applies(to: document.doctype)
        table = ElementTable(document: document, quirks: isQuirksMode, attributes: attributes)
        cache = [ComputedStyle?](repeating: nil, count: table.count)
        restingMatches = [[Match]?](repeating: nil, count: table.count)
        rendered = [Bool?](repeating: nil, count: table.count)
        paintingAncestors = [Int?](repeating: nil, count: table.count)
        translucentAncestors = [Bool?](repeating: nil, count: table.count)
        userAgent = isQuirksMode ? UserAgentRules.quirks : UserAgentRules.standard
        let sheets = AuthorSheets(document: document, pageURL: pageURL, screen: screen, loader: loader)
        rules = userAgent.rules + sheets.rules
        keyframes = sheets.keyframes
        problems = sheets.problems
        usesOrientationQueries = sheets.usesOrientationQueries
        index = RuleIndex(rules: rules, from: userAgent.rules.count, quirks: isQuirksMode)
        focusIndex = RuleIndex(rules: rules, from: userAgent.rules.count, quirks: isQuirksMode, including: \.involvesFocus)
    }

    /// The styles the page would have after a script or the reader changed something a static
    /// read leaves at its default: attribute values set on elements (a font-size switcher adding
    /// a class to `body`), and a system set to reduce motion. Sheets come through the same loader.
    public func assuming(attributes: [Element: [String: String]] = [:], prefersReducedMotion: Bool = false) -> StyleEngine {
        var changed = self.attributes
        changed.merge(attributes) { $0.merging($1) { $1 } }
        let screen = MediaScreen(viewport, orientation: orientation,
                                 prefersReducedMotion: prefersReducedMotion || self.screen.prefersReducedMotion)
        return StyleEngine(document: document, pageURL: pageURL, screen: screen, loader: loader, attributes: changed)
    }

    /// Reads the author sheets `document` would be styled with in `viewport` through `loader`,
    /// and nothing else: a loader that fetches learns this way which sheets a page links or
    /// imports, and can fetch them before the page is audited. Includes the sheets read only in
    /// the screens `turned(to:)` and `assuming(prefersReducedMotion:)` style the page for.
    public static func readSheets(of document: HTMLDocument, pageURL: String, viewport: Viewport, loader: StylesheetLoader) {
        let screen = MediaScreen(viewport)
        guard AuthorSheets(document: document, pageURL: pageURL, screen: screen, loader: loader).readsUnderMedia else { return }
        for orientation in [Orientation.portrait, .landscape] {
            for reduced in [false, true] where orientation != screen.orientation || reduced {
                let other = MediaScreen(viewport, orientation: orientation, prefersReducedMotion: reduced)
                _ = AuthorSheets(document: document, pageURL: pageURL, screen: other, loader: loader)
            }
        }
    }

    /// The same page styled at the same viewport size but in the other orientation (or this
    /// one): what a phone shows when it is turned. Sheets come from the same loader.
    public func turned(to orientation: Orientation) -> StyleEngine {
        let screen = MediaScreen(viewport, orientation: orientation, prefersReducedMotion: self.screen.prefersReducedMotion)
        return StyleEngine(document: document, pageURL: pageURL, screen: screen, loader: loader, attributes: attributes)
    }

    // MARK: Queries

    /// The computed style of `element`. Ancestors are computed first, top-down and without
    /// recursion, so depth does not matter.
    public func style(of element: Element) -> ComputedStyle {
        guard let position = table.index(of: element) else { return .initial }
        return style(at: position)
    }

    func style(at position: Int) -> ComputedStyle {
        if let cached = cache[position] { return cached }
        var chain: [Int] = []
        var current = position
        while current >= 0, cache[current] == nil {
            chain.append(current)
            current = table.parent[current]
        }
        for item in chain.reversed() {
            let parentIndex = table.parent[item]
            let matches = matches(item, SelectorMatcher(table: table))
            restingMatches[item] = matches
            cache[item] = compute(item, parent: parentIndex >= 0 ? cache[parentIndex] : nil, matches: matches)
        }
        return cache[position]!
    }

    /// The style `element` would have while focused by keyboard (`:focus`, `:focus-visible`
    /// and `:focus-within` matching), for the focus-visible check.
    public func focusedStyle(of element: Element) -> ComputedStyle {
        guard let position = table.index(of: element) else { return .initial }
        // Computing it also keeps its matches in `restingMatches`, read below.
        let resting = style(at: position)
        var focusedMatcher = SelectorMatcher(table: table)
        focusedMatcher.focused = position
        let gained = focusMatches(position, focusedMatcher)
        let lost = focusMatches(position, SelectorMatcher(table: table))
        // Focus-dependent selectors that match alike either way (`:not(:focus)` matches only
        // unfocused) leave the cascade as it is.
        if gained.elementsEqual(lost, by: { $0.key == $1.key }) { return resting }
        // The other selectors match alike focused or not: swap the focus-dependent matches.
        // One occurrence each, since a rule's other selector may match with the same key.
        var matches = restingMatches[position]!
        for match in lost {
            if let found = matches.firstIndex(where: { $0.key == match.key }) { matches.remove(at: found) }
        }
        matches += gained
        matches.sort { $0.key < $1.key }
        let parentIndex = table.parent[position]
        return compute(position, parent: parentIndex >= 0 ? style(at: parentIndex) : nil, matches: matches)
    }

    /// What an element's computed style follows from, when it has no style attribute and no
    /// presentational hint: its parent's values (by identity) and its matched rules in cascade
    /// order. The root font size and the viewport are the engine's own.
    struct SharingKey: Hashable {
        let parent: ObjectIdentifier
        let rules: [Int]
    }

    /// A matched rule and its sort key (origin, specificity, rule order).
    typealias Match = (rule: Int, key: Int)

    private func compute(_ position: Int, parent: ComputedStyle?, matches: [Match]) -> ComputedStyle {
        let hints = presentationalHints(at: position)
        let inline = inlineDeclarations(at: position)
        // Parents live in `cache` as long as the engine, so their identities are never reused.
        // Focused styles share too: the focus rules they match are in the key.
        var key: SharingKey?
        if let parent, hints.isEmpty, inline.isEmpty {
            let sharingKey = SharingKey(parent: parent.identity, rules: matches.map(\.rule))
            if let style = shared[sharingKey] { return style }
            key = sharingKey
        }
        let cascade = Cascade(matches: matches, rules: rules, hints: hints, inline: inline, quirks: isQuirksMode)
        let rootSize = table.parent[position] < 0 ? 16 : style(at: 0).fontSize
        let style = ValueComputer(inherited: parent ?? .initial, rootFontSize: rootSize, viewport: viewport).compute(cascade)
        if let key {
            if shared.count >= Self.sharingLimit { shared.removeAll(keepingCapacity: true) }
            shared[key] = style
        }
        return style
    }

    /// Matched rules in cascade order: every user-agent key sorts before every author key, so
    /// the two lists follow one another.
    private func matches(_ position: Int, _ matcher: SelectorMatcher) -> [Match] {
        userAgent.index.matches(position, table: table, matcher: matcher) + index.matches(position, table: table, matcher: matcher)
    }

    /// The focus-dependent rules that match, user-agent and author, in cascade order.
    private func focusMatches(_ position: Int, _ matcher: SelectorMatcher) -> [Match] {
        userAgent.focusIndex.matches(position, table: table, matcher: matcher)
            + focusIndex.matches(position, table: table, matcher: matcher)
    }

    /// Colour attributes old table templates still use: `bgcolor` on the body and table parts,
    /// `text` on the body, `color` on `font`.
    private func presentationalHints(at position: Int) -> [Declaration] {
        let element = table.elements[position]
        var css = ""
        switch table.names[position] {
        case "body", "table", "tr", "td", "th", "thead", "tbody", "tfoot":
            if let value = element.attribute("bgcolor").flatMap(Self.legacyColor) { css += "background-color: \(value);" }
            if table.names[position] == "body", let value = element.attribute("text").flatMap(Self.legacyColor) { css += "color: \(value);" }
        case "font":
            if let value = element.attribute("color").flatMap(Self.legacyColor) { css += "color: \(value);" }
        default:
            return []
        }
        return css.isEmpty ? [] : Parser.parseDeclarations(css).compactMap(Declaration.init)
    }

    /// An attribute colour as CSS: browsers also read hex digits written without `#`.
    static func legacyColor(_ raw: String) -> String? {
        let value = raw.trimmed(.whitespaces)
        guard !value.isEmpty, !value.contains(";") else { return nil }
        let isHex = (value.count == 3 || value.count == 6) && value.allSatisfy(\.isHexDigit)
        return isHex ? "#" + value : value
    }

    private func inlineDeclarations(at position: Int) -> [Declaration] {
        guard let text = table.attribute(position, "style"), !text.isEmpty else { return [] }
        return Parser.parseDeclarations(text).compactMap(Declaration.init)
    }

    /// The declarations of the element's `style` attribute that the engine accepted, as written.
    public func inlineDeclarations(of element: Element) -> [DeclarationInfo] {
        guard let position = table.index(of: element), let text = table.attribute(position, "style") else { return [] }
        return Declaration.accepted(Parser.parseDeclarations(text)).written
    }

    /// Author rules that apply in this viewport, in cascade order (UA rules left out). Written
    /// out once per engine: several checks read them, and serialising every value each time
    /// cost as much as the check.
    public private(set) lazy var authorRules: [AuthorRule] = rules.filter { $0.origin == .author }.map(Self.authorRule)

    /// The author rules that match `element` (while focused by keyboard when `focused`), in
    /// cascade order, so a message can name the rule that set a value.
    public func matchedAuthorRules(of element: Element, focused: Bool = false) -> [AuthorRule] {
        guard let position = table.index(of: element) else { return [] }
        var matcher = SelectorMatcher(table: table)
        matcher.focused = focused ? position : nil
        // The author index alone: it holds every author rule and nothing else.
        let matches = index.matches(position, table: table, matcher: matcher).map(\.rule)
        // A rule with several matching selectors takes the place of its most specific one, the last.
        return matches.enumerated().compactMap { offset, rule in
            guard !matches[(offset + 1)...].contains(rule) else { return nil }
            return Self.authorRule(rules[rule])
        }
    }

    private static func authorRule(_ active: ActiveRule) -> AuthorRule {
        AuthorRule(
            selectorText: active.rule.selectorText, sheet: active.sheet,
            declarations: active.rule.written,
            involvesFocus: active.rule.selectors.contains { $0.involvesFocus })
    }

    /// Names of `@keyframes` defined in the page's sheets.
    public var keyframeNames: Set<String> { keyframes }

    /// False when the element or an ancestor has `display: none` (it generates no box).
    public func isRendered(_ element: Element) -> Bool {
        guard let position = table.index(of: element) else { return false }
        return inherited(position, \.rendered, root: true) { position, above in
            above && style(at: position).display != "none"
        }
    }

    // MARK: Colours

    /// The text colour of `element` and the colour behind it, composited through semi-transparent
    /// backgrounds and group opacity down to the white canvas. Unknown when a background image
    /// or gradient shows behind the text, or when a positioned box may sit over other content.
    public func colors(of element: Element) -> ColorResult {
        guard let position = table.index(of: element) else { return .unknown(reason: "element is not in the document") }
        let chain: [Int]
        switch backdrop(of: position, judgingGradients: false) {
        case .unknown(let reason): return .unknown(reason: reason)
        case .chain(let boxes): chain = boxes
        }
        // Paint from the canvas up; each group's opacity blends it with what was below it.
        var below: [RGBA] = []
        var background = RGBA.white
        for item in chain.reversed() {
            below.append(background)
            background = cache[item]!.backgroundColor.over(background)
        }
        var text = cache[position]!.color.over(background)
        for (offset, item) in chain.enumerated() {
            let opacity = cache[item]!.opacity
            guard opacity < 1 else { continue }
            let under = below[chain.count - 1 - offset]
            background = under.blended(toward: background, fraction: opacity)
            text = under.blended(toward: text, fraction: opacity)
        }
        return .known(ColorPair(foreground: text, background: background))
    }

    /// Bounds of the contrast of `element`'s own text with what is painted behind it: as
    /// `colors(of:)`, and also over gradients the engine can read (against every colour they
    /// paint) and beside the text's own shadows (see `TextPaint` and `HaloModel`).
    public func textContrast(of element: Element) -> TextContrastResult {
        guard let position = table.index(of: element) else { return .unknown(reason: "element is not in the document") }
        let chain: [Int]
        switch backdrop(of: position, judgingGradients: true) {
        case .unknown(let reason): return .unknown(reason: reason)
        case .chain(let boxes): chain = boxes
        }
        let style = cache[position]!
        guard let declared = style.textShadows else { return .unknown(reason: "a text-shadow Shilao cannot read") }
        let boxes = chain.reversed().map { item -> PaintBox in
            let box = cache[item]!
            let layers = box.backgroundImages.enumerated().compactMap { index, image -> (gradient: Gradient, covers: Bool)? in
                guard case .gradient(let gradient) = image else { return nil }
                return (gradient, box.backgroundLayerRepeatsBothWays(index))
            }
            return PaintBox(backgroundColor: box.backgroundColor, gradients: layers, opacity: box.opacity)
        }
        // A shadow in the text's own colour changes with it: it thickens the glyphs (ACT counts
        // such pixels as foreground) rather than putting a background behind them.
        let shadows = declared.compactMap { shadow -> (color: RGBA, shadow: TextShadow)? in
            guard let color = shadow.color, color.alpha > 0, color != style.color else { return nil }
            return (color, shadow)
        }
        let paint = TextPaint(boxes: boxes, text: style.color, shadows: shadows,
                              strokeWidth: HaloModel.strokeWidth(fontWeight: style.fontWeight))
        if let reason = paint.unbounded { return .unknown(reason: reason) }
        guard let span = paint.span() else { return .unknown(reason: "too many gradient stops and shadows to bound") }
        return .known(span)
    }

    private enum Backdrop {
        /// The element and the ancestors that paint, innermost first, up to the root or to an
        /// opaque box with no group opacity above it.
        case chain([Int])
        case unknown(String)
    }

    /// The boxes that paint behind the element's text (see `Backdrop`), or why what shows there cannot be known: an
    /// image (or, unless `judgingGradients`, any gradient) in a box whose background shows
    /// through, or a positioned box that may sit over other content. Gradients are judged when
    /// they mix in sRGB and are not clipped to the text.
    private func backdrop(of position: Int, judgingGradients: Bool) -> Backdrop {
        // Computes the element and its ancestors once; below, styles are read in place.
        _ = style(at: position)
        var chain: [Int] = []
        var current = position
        var needsBackdrop = true
        while current >= 0 {
            let style = cache[current]!
            chain.append(current)
            if needsBackdrop {
                let name = table.names[current]
                if judgingGradients, style.backgroundClipsToText {
                    return .unknown("the background of <\(name)> is clipped to the text (background-clip: text)")
                }
                var coversOpaquely = false
                for (index, image) in style.backgroundImages.enumerated() {
                    switch image {
                    case .url(let url):
                        return .unknown("background image \(url) behind the text on <\(name)>")
                    case .generated(let function):
                        return .unknown("\(function) behind the text on <\(name)>")
                    case .gradient(let gradient):
                        guard judgingGradients else { return .unknown("\(gradient.function) behind the text on <\(name)>") }
                        guard gradient.interpolatesInSRGB else {
                            return .unknown("\(gradient.function) mixing its colours outside sRGB behind the text on <\(name)>")
                        }
                        if style.backgroundLayerRepeatsBothWays(index), gradient.colors.allSatisfy(\.isOpaque) { coversOpaquely = true }
                    }
                }
                if style.backgroundColor.isOpaque || coversOpaquely { needsBackdrop = false }
            }
            if style.opacity < 1 { needsBackdrop = true }
            if needsBackdrop, style.position == .absolute || style.position == .fixed {
                return .unknown("<\(table.names[current])> is position: \(style.position.rawValue) over other content")
            }
            // Under an opaque box, with no group opacity above it, nothing further up shows.
            if !needsBackdrop, !hasTranslucentAncestor(current) { break }
            current = paintingAncestor(of: current)
        }
        return .chain(chain)
    }

    /// Whether a box changes what shows behind text inside it: a background colour or image,
    /// group opacity, or positioning that may lay it over other content. Boxes that do none of
    /// these are skipped when painting, so deep plain markup costs nothing per level.
    private func paints(_ position: Int) -> Bool {
        let style = style(at: position)
        return style.backgroundColor.alpha > 0 || !style.backgroundImages.isEmpty || style.opacity < 1
            || style.position == .absolute || style.position == .fixed || style.backgroundClipsToText
    }

    /// The nearest ancestor that `paints`, -1 when none.
    private func paintingAncestor(of position: Int) -> Int {
        let parent = table.parent[position]
        guard parent >= 0 else { return -1 }
        return inherited(parent, \.paintingAncestors, root: -1) { position, above in paints(position) ? position : above }
    }

    /// Whether some ancestor has `opacity` below 1 (blending the whole group with what is beneath).
    private func hasTranslucentAncestor(_ position: Int) -> Bool {
        let parent = table.parent[position]
        guard parent >= 0 else { return false }
        return inherited(parent, \.translucentAncestors, root: false) { position, above in
            above || style(at: position).opacity < 1
        }
    }

    /// A value of the element at `position` that follows from its own style and its parent's
    /// value (`root` above the root), remembered in `cache` for every element the climb
    /// passes, so asking it of every element of a deep page stays linear.
    private func inherited<Value>(_ position: Int, _ cache: ReferenceWritableKeyPath<StyleEngine, [Value?]>, root: Value,
                                  _ derive: (Int, Value) -> Value) -> Value {
        var chain: [Int] = []
        var current = position
        var above = root
        while current >= 0 {
            if let known = self[keyPath: cache][current] {
                above = known
                break
            }
            chain.append(current)
            current = table.parent[current]
        }
        for position in chain.reversed() {
            above = derive(position, above)
            self[keyPath: cache][position] = above
        }
        return above
    }
}
