import ShilaoCore
import ShilaoDOM
import ShilaoStyle

/// MIIT web 2.4.1: no ads, ad plug-ins or floating ad layers (飘窗) on pages that offer the elder
/// service. Scope (STANDARDS.md): an elder-mode page, or any page of a site that has no
/// separate elder version; on ordinary pages of a site that has one, the same finds are
/// reported for review. Floating layers are read from the computed styles, so a layer floated by
/// a site stylesheet counts as one floated by an inline style.
struct ElderAds: BuiltInCheck {
    static let id = "elder-ads"

    /// Names floating-ad scripts use, in script URLs or inline code, matched without case.
    static let floatingScriptNames = ["floatAd", "AdMove", "adFloat", "floatingAd", "piaochuang", "FloatDiv"]
    /// Inline snippets that load network ads (AdSense, Baidu 联盟).
    static let inlineAdCode = ["adsbygoogle", "slotbydup", "cpro_id", "BAIDU_CLB"]
    static let sourceElements: Set<String> = ["script", "iframe", "frame", "img", "embed", "object", "input"]

    struct Find {
        let element: Element
        let key: String
        let evidence: String
        var line: Int?
    }

    func run(on page: Page, into results: inout Results) {
        guard let body = page.document.body else { return }
        var finds: [Find] = []
        var reportedIDs: [String] = []
        let adImage = FirstDescendant(in: page.document, where: ElderAds.isAdImage)
        // What lies inside an ad is part of that ad: the walk does not enter it.
        page.document.root?.walk(from: ()) { element, _ in
            let floats = { (element: Element) in ElderAds.floats(page.style.style(of: element)) }
            guard let find = ElderAds.classify(element, reportedIDs: reportedIDs, adImage: adImage, isFloating: floats)
            else { return () }
            finds.append(find)
            if let id = find.element.attribute("id") { reportedIDs.append(id) }
            return nil
        }
        guard !finds.isEmpty else {
            results.pass(body)
            return
        }
        let otherVersion = PageKind.isElderPage(page) ? nil : PageKind.separateElderVersion(page)
        for find in finds {
            var data = ["evidence": find.evidence]
            let line = find.line ?? find.element.line
            if let entry = otherVersion, find.key.hasPrefix("fail") {
                data["entry"] = entry.attribute("href") ?? ""
                results.review(find.element, line: line, "review.ordinary-page", data)
            } else if find.key.hasPrefix("fail") {
                results.fail(find.element, line: line, find.key, data)
            } else {
                results.review(find.element, line: line, find.key, data)
            }
        }
    }

    /// What makes this element an ad, if anything. `reportedIDs` are ids of ad layers already
    /// found: the script that moves one of them is part of that find, not another. `adImage`
    /// finds the first ad image inside an element.
    static func classify(_ element: Element, reportedIDs: [String], adImage: FirstDescendant,
                         isFloating: (Element) -> Bool) -> Find? {
        let name = element.name
        if sourceElements.contains(name),
           let host = ["src", "data"].lazy.compactMap({ element.attribute($0) }).compactMap(AdHosts.adHost(in:)).first {
            return Find(element: element, key: "fail.host", evidence: host)
        }
        if name == "script" {
            return classifyScript(element, reportedIDs: reportedIDs)
        }
        if name == "html" || name == "body" || name == "head" { return nil }
        if NameTokens.isAdNamed(element) {
            let evidence = identifierEvidence(element)
            if isFloating(element) { return Find(element: element, key: "fail.floating", evidence: evidence) }
            let hasContent = element.firstElementChild != nil || !PageText.collapsed(element.textContent).isEmpty
            return Find(element: element, key: hasContent ? "fail.named" : "review.empty-slot", evidence: evidence)
        }
        if isFloating(element), let image = adImage.of(element) {
            return Find(element: element, key: "fail.floating", evidence: image.attribute("src") ?? "")
        }
        return nil
    }

    static func classifyScript(_ script: Element, reportedIDs: [String]) -> Find? {
        if let src = script.attribute("src") {
            let lower = src.lowercased()
            guard let name = floatingScriptNames.first(where: { lower.contains($0.lowercased()) }) else { return nil }
            return Find(element: script, key: "fail.float-script", evidence: name)
        }
        guard let run = PageText.runs(of: script).first(where: { !$0.text.allSatisfy(\.quickIsWhitespace) }) else { return nil }
        let code = run.text
        let lower = code.lowercased()
        func line(of needle: String) -> Int? {
            lower.range(of: needle.lowercased()).map { PageText.line(of: $0.lowerBound, in: lower, startingAt: run.line) }
        }
        if let host = AdHosts.adHost(mentionedIn: code) {
            return Find(element: script, key: "fail.inline-code", evidence: host, line: line(of: host))
        }
        if let snippet = inlineAdCode.first(where: { lower.contains($0.lowercased()) }) {
            return Find(element: script, key: "fail.inline-code", evidence: snippet, line: line(of: snippet))
        }
        if let name = floatingScriptNames.first(where: { lower.contains($0.lowercased()) }),
           !reportedIDs.contains(where: { id in code.contains("\"\(id)\"") || code.contains("'\(id)'") }) {
            return Find(element: script, key: "fail.float-script", evidence: name, line: line(of: name))
        }
        return nil
    }

    /// `id="floatAd"` or `class="ad-top"`, whichever names the ad.
    static func identifierEvidence(_ element: Element) -> String {
        if let id = element.attribute("id"), NameTokens.words(id).contains(where: NameTokens.isAdWord) {
            return "id=\"\(id)\""
        }
        return "class=\"\(element.attribute("class") ?? "")\""
    }

    /// Taken out of the flow, as floating layers are.
    static func floats(_ style: ComputedStyle) -> Bool {
        style.position == .fixed || style.position == .absolute
    }

    /// An image served by an ad network, kept under an ad folder or file name, or described as 广告.
    static func isAdImage(_ element: Element) -> Bool {
        guard element.isNamed("img") else { return false }
        let src = element.attribute("src") ?? ""
        if AdHosts.adHost(in: src) != nil || NameTokens.words(src).contains(where: NameTokens.isAdWord) { return true }
        return [element.attribute("alt"), element.attribute("title")].contains { $0?.contains("广告") == true }
    }
}
