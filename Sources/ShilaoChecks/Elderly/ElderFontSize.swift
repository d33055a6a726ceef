import Foundation
import ShilaoCore
import ShilaoDOM
import ShilaoStyle

/// Main text is big enough to read. Mobile views, mobile versions and elder-mode pages: at
/// least 18px (MIIT web 1.2.3?, app 1.1). Ordinary desktop pages: below 12px fails and 12 to
/// under 14px needs review, a tool policy, since no official desktop number exists. Where the
/// page offers font-size levels, its largest level must bring main text to 30px (MIIT app 1.1).
struct ElderFontSize: BuiltInCheck {
    static let id = "elder-font-size"

    static let elderMinimum = 18.0
    static let desktopMinimum = 12.0
    static let desktopComfortable = 14.0
    static let largestLevelMinimum = 30.0

    /// Where main text sits: paragraphs, list items, table cells, article bodies and the main region.
    static let contentContainers: Set<String> = [
        "p", "li", "td", "th", "dd", "dt", "blockquote", "figcaption", "caption", "address", "article", "main",
    ]
    /// Not main text: headings are larger by design; control text is the target checks' matter;
    /// superscripts and ruby annotations are small by nature (MIIT app 1.1 leaves out subtitles
    /// and function text too).
    static let excluded: Set<String> = [
        "h1", "h2", "h3", "h4", "h5", "h6", "button", "select", "option", "optgroup", "input", "legend",
        "sup", "sub", "rt", "rp",
    ]

    func run(on page: Page, into results: inout Results) {
        let mainText = ElderFontSize.mainText(in: page)
        let large = page.style.viewport == .mobile || PageKind.isElderPage(page) || PageKind.isMobileVersion(page)
        var judgements = TextJudgements()
        let blocks = VisibleText.blocks(of: page)
        for element in mainText {
            let block = blocks.block(of: element)
            let size = page.style.style(of: element).fontSize
            let data = ["size": NumberText.format(size)]
            if large {
                if size < ElderFontSize.elderMinimum - 0.005 {
                    judgements.add(element, block: block, .failed, "fail.elder", data)
                } else {
                    judgements.pass(element)
                }
            } else if size < ElderFontSize.desktopMinimum - 0.005 {
                judgements.add(element, block: block, .failed, "fail.desktop", data)
            } else if size < ElderFontSize.desktopComfortable - 0.005 {
                judgements.add(element, block: block, .needsReview, "review.desktop", data)
            } else {
                judgements.pass(element)
            }
        }
        judgements.report(into: &results)
        FontLevels(page: page, mainText: mainText).judge(into: &results)
    }

    /// The text holders that are main text: inside a content container, outside excluded elements.
    static func mainText(in page: Page) -> [Element] {
        let inExcluded = excludedFlag(in: page)
        let content = page.memo.value("ElderFontSize.content") {
            InheritedFlag { contentContainers.contains($0.name) || isArticleBody($0) }
        }
        return VisibleText.holders(in: page).filter { !inExcluded.selfOrAncestor($0) && content.selfOrAncestor($0) }
    }

    /// Inside an excluded element (a heading, a control…), for the size and line-height checks.
    static func excludedFlag(in page: Page) -> InheritedFlag {
        page.memo.value("ElderFontSize.excluded") { InheritedFlag { excluded.contains($0.name) } }
    }

    /// The body containers gov CMSs name 正文.
    static func isArticleBody(_ element: Element) -> Bool {
        let identifiers = ((element.attribute("id") ?? "") + " " + (element.attribute("class") ?? "")).lowercased()
        return ["zhengwen", "trs_editor", "article-content", "article_content", "articlecontent"].contains { identifiers.contains($0) }
    }
}

/// The font-size levels a page offers (A+ / 大 中 小 controls, switcher classes in its sheets,
/// level values in its scripts) and main text at the largest of them.
struct FontLevels {
    let page: Page
    let mainText: [Element]

    /// A level a static read can size: a class or attribute the switcher sets on html/body
    /// (main text computed with it), or a px value written in the page's script.
    struct Level {
        let size: Double
        let name: String
        let element: Element?
    }

    /// Class and attribute names that say "font size" or "big".
    static let levelWords = ["font", "size", "zoom", "big", "large", "xl", "zihao", "fs-", "fs_"]
    /// Values outside this range are steps or indexes (`fontZoom(1)`), not sizes.
    static let plausibleSizes = 10.0...100.0

    func judge(into results: inout Results) {
        guard let body = page.document.body else { return }
        let controls = body.descendants.filter { ElderEnlargeService.isEnlargeControl($0, in: page) }
        let toolbar = PageKind.toolbarScript(page)
        let levels = classLevels(body: body, controls: controls) + scriptLevels(controls: controls)
        guard let largest = levels.max(by: { $0.size < $1.size }) else {
            if let control = controls.first ?? toolbar {
                results.review(control, "review.largest")
            }
            return
        }
        let at = largest.element ?? controls.first ?? body
        if largest.size >= ElderFontSize.largestLevelMinimum - 0.005 {
            results.pass(at)
        } else {
            results.fail(at, "fail.largest", ["size": NumberText.format(largest.size), "level": largest.name])
        }
    }

    /// Classes and attributes that author rules setting a font size put on html or body, and
    /// the page's script sets (a quoted name in its code) or its controls plainly stand for.
    func classLevels(body: Element, controls: [Element]) -> [Level] {
        guard !mainText.isEmpty else { return [] }
        // Read only when a class is not already taken for its words.
        lazy var code = scriptCode()
        var seen: Set<String> = []
        var levels: [Level] = []
        for rule in page.style.authorRules
        where rule.declarations.contains(where: { $0.property == "font-size" || $0.property == "font" }) {
            for compound in FontLevels.leadingCompounds(rule.selectorText) {
                let target: Element
                switch compound.tag {
                case "html": target = page.document.root ?? body
                case "body", nil: target = body
                default: continue
                }
                for (name, value) in compound.attributes {
                    let present = target.attribute(name) ?? ""
                    let setting: String
                    let label: String
                    if name == "class" {
                        guard !present.split(separator: " ").contains(Substring(value)) else { continue }
                        setting = present.isEmpty ? value : present + " " + value
                        label = (compound.tag ?? "") + "." + value
                    } else {
                        guard present != value else { continue }
                        setting = value
                        label = (compound.tag ?? "") + "[\(name)=\(value)]"
                    }
                    let lowered = label.lowercased()
                    let worded = !controls.isEmpty && FontLevels.levelWords.contains { lowered.contains($0) }
                    guard worded || code.contains("'\(value)'") || code.contains("\"\(value)\""),
                          seen.insert(target.name + label).inserted else { continue }
                    let engine = page.style.assuming(attributes: [target: [name: setting]])
                    let control = controls.first { FontLevels.code(of: $0).contains(value) }
                    levels.append(Level(size: mainTextSize(engine), name: label, element: control))
                }
            }
        }
        return levels
    }

    /// Sizes written in the page's code: px arguments of the controls (`doZoom(18)`) and
    /// number lists in inline scripts that set a font size (`levels = [14, 16, 18]`).
    func scriptLevels(controls: [Element]) -> [Level] {
        var levels: [Level] = []
        for control in controls {
            for size in FontLevels.callArguments(in: ScalarText(FontLevels.code(of: control))) {
                if FontLevels.plausibleSizes.contains(size) {
                    levels.append(Level(size: size, name: PageText.collapsed(ControlText.allText(of: control)), element: control))
                }
            }
        }
        for script in page.document.elements(named: "script") where script.attribute("src") == nil {
            let code = script.textContent
            guard code.contains("fontSize") || code.contains("font-size") else { continue }
            for (sizes, written) in FontLevels.numberLists(in: ScalarText(code)) {
                guard sizes.allSatisfy(FontLevels.plausibleSizes.contains), let size = sizes.max() else { continue }
                levels.append(Level(size: size, name: written, element: controls.first))
            }
        }
        return levels
    }

    /// The size most main text has: the median over characters, so a long paragraph outweighs
    /// a date.
    func mainTextSize(_ engine: StyleEngine) -> Double {
        let weighted = mainText.map { element in
            (size: engine.style(of: element).fontSize, weight: max(1, VisibleText.readableCount(element.ownText)))
        }.sorted { $0.size < $1.size }
        let half = (weighted.reduce(0) { $0 + $1.weight } + 1) / 2
        var seen = 0
        for item in weighted {
            seen += item.weight
            if seen >= half { return item.size }
        }
        return weighted.last?.size ?? 0
    }

    /// What a control runs: its link and click handler.
    static func code(of control: Element) -> String {
        (control.attribute("href") ?? "") + " " + (control.attribute("onclick") ?? "")
    }

    /// Inline script text, event handlers and `javascript:` links: where a switcher names its classes.
    func scriptCode() -> String {
        var parts: [String] = []
        for element in page.document.elements {
            if element.isNamed("script"), element.attribute("src") == nil { parts.append(element.textContent) }
            for attribute in element.attributes where attribute.name.hasPrefix("on") || attribute.value.hasPrefix("javascript:") {
                parts.append(attribute.value)
            }
        }
        return parts.joined(separator: "\n")
    }

    /// The first compound of each selector in a list, as tag and attribute settings (a class
    /// is the `class` attribute): `body.big p` gives body with class big.
    static func leadingCompounds(_ selectorText: String) -> [(tag: String?, attributes: [(String, String)])] {
        // Scanned as bytes (every delimiter is ASCII): this runs over every author rule that
        // sets a font size, on every page.
        selectorText.utf8.split(separator: UInt8(ascii: ",")).compactMap { selector in
            let trimmed = selector.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            var depth = 0
            let end = trimmed.firstIndex { byte in
                if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: "]") || byte == UInt8(ascii: ")") { depth -= 1 }
                return depth == 0 && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: ">")
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "~"))
            } ?? trimmed.endIndex
            let compound = String(Substring(trimmed[..<end]))
            let tag = compound.prefix { $0.quickIsLetter || $0.isNumber }.lowercased()
            let attributes = FontLevels.attributeSettings(in: ScalarText(compound))
            return attributes.isEmpty ? nil : (tag.isEmpty ? nil : tag, attributes)
        }
    }

    /// Numeric arguments of calls in a control's code: `doZoom(18)`, `setSize('20px')`.
    static func callArguments(in text: ScalarText) -> [Double] {
        (0..<text.count).compactMap { start in
            guard text[start] == "(" else { return nil }
            var next = text.skippingWhitespace(from: start + 1)
            if text.isAny(of: "'\"", at: next) { next += 1 }
            guard let (value, end) = text.number(at: next) else { return nil }
            next = text.has("px", at: end) ? end + 2 : end
            if text.isAny(of: "'\"", at: next) { next += 1 }
            return text[text.skippingWhitespace(from: next)] == ")" ? value : nil
        }
    }

    /// Lists of two or more numbers in brackets (`[14, 16, 18]`), with the text as written.
    static func numberLists(in text: ScalarText) -> [(sizes: [Double], written: String)] {
        (0..<text.count).compactMap { start in
            guard text[start] == "[" else { return nil }
            var sizes: [Double] = []
            var next = text.skippingWhitespace(from: start + 1)
            while let (value, end) = text.number(at: next) {
                sizes.append(value)
                next = text.skippingWhitespace(from: end)
                guard text[next] == "," else { break }
                next = text.skippingWhitespace(from: next + 1)
            }
            guard sizes.count >= 2, text[next] == "]" else { return nil }
            return (sizes, String(String.UnicodeScalarView(text.scalars[start...next])))
        }
    }

    /// Class names (`.big`) and attribute values (`[data-size=large]`) a selector compound sets.
    static func attributeSettings(in text: ScalarText) -> [(String, String)] {
        func isNameScalar(_ index: Int) -> Bool {
            guard let scalar = text[index], scalar.isASCII else { return false }
            return scalar == "-" || scalar == "_" || scalar.quickIsAlphabetic || text.isDigit(at: index)
        }
        func name(from index: Int) -> (String, Int)? {
            var end = index
            while isNameScalar(end) { end += 1 }
            return end > index ? (String(String.UnicodeScalarView(text.scalars[index..<end])), end) : nil
        }
        var classes: [(String, String)] = []
        var settings: [(String, String)] = []
        for start in 0..<text.count {
            if text[start] == ".", let (className, _) = name(from: start + 1) {
                classes.append(("class", className))
            }
            guard text[start] == "[", let (attribute, afterName) = name(from: text.skippingWhitespace(from: start + 1)) else { continue }
            var next = text.skippingWhitespace(from: afterName)
            guard text[next] == "=" else { continue }
            next = text.skippingWhitespace(from: next + 1)
            if text.isAny(of: "'\"", at: next) { next += 1 }
            let valueStart = next
            while let scalar = text[next], !"]\"'".unicodeScalars.contains(scalar) { next += 1 }
            guard next > valueStart else { continue }
            let value = String(String.UnicodeScalarView(text.scalars[valueStart..<next]))
            if text.isAny(of: "'\"", at: next) { next += 1 }
            if text[text.skippingWhitespace(from: next)] == "]" { settings.append((attribute.lowercased(), value)) }
        }
        return classes + settings
    }
}
