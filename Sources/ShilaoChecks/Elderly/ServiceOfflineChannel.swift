import ShilaoCore
import ShilaoDOM

/// Service guides keep the offline way open (Law Art. 39, 国办发〔2020〕45号; tool policy): a
/// hotline (a `tel:` link, 12345 and the other 123xx lines, a number with an area code, a 400
/// number) and an offline place (办理地点 / 地址 with a place, 现场办理, 帮办代办). Neither
/// fails, one of the two needs review. The page's footer (the site organiser's address and
/// phone) does not count. Only service-guide pages are judged.
struct ServiceOfflineChannel: BuiltInCheck {
    static let id = "service-offline-channel"

    /// Words that make a page a service guide wherever they appear in its title, column or headings.
    static let guideWords = ["办事指南", "服务指南", "办理指南", "申请指南", "办理流程", "办事流程", "办事须知", "一次性告知"]
    /// Service areas: with two guide sections in the text, a page about them is a guide.
    static let serviceWords = ["社保", "医保", "民政", "便民服务", "养老保险", "医疗保险", "社会救助", "高龄津贴", "低保"]
    static let sectionWords = ["申请材料", "所需材料", "办理材料", "办理流程", "办理时限", "办理时间", "办理地点", "受理条件",
                               "申请条件", "收费标准", "办理方式"]
    /// Pinyin path segments CMSs give guide columns (办事指南, 服务指南).
    static let guidePaths = ["bszn", "fwzn", "banshizhinan"]
    static let placeWords = ["现场办理", "窗口办理", "帮办", "代办", "上门办理", "上门服务"]

    static let placeLabels = ["办理地点", "办事地点", "受理地点", "办理地址", "服务地点", "服务地址", "地址", "地点"]

    func run(on page: Page, into results: inout Results) {
        guard let body = page.document.body, ServiceOfflineChannel.isServiceGuide(page) else { return }
        let content = PageKind.outsideFooters(body)
        let hotline = ServiceOfflineChannel.firstHotline(in: content)
        let place = ServiceOfflineChannel.firstPlace(in: content)
        switch (hotline, place) {
        case let (hotline?, _?):
            results.pass(hotline)
        case let (hotline?, nil):
            results.review(hotline, "review.no-place")
        case let (nil, place?):
            results.review(place, "review.no-hotline")
        case (nil, nil):
            results.fail(page.document.elements(named: "h1").first ?? body, "fail.missing")
        }
    }

    static func isServiceGuide(_ page: Page) -> Bool {
        let document = page.document
        var labels = document.elements(named: "title").prefix(1).map(\.textContent)
        labels += PageKind.metaContents(document, names: ["columnname", "articletitle"])
        labels += ["h1", "h2", "h3"].flatMap { document.elements(named: $0).map(\.textContent) }
        if labels.contains(where: { label in guideWords.contains { label.contains($0) } }) { return true }
        let path = page.url.lowercased()
        if guidePaths.contains(where: { path.contains("/\($0)") }) { return true }
        let heading = labels.prefix(3).joined()
        guard serviceWords.contains(where: heading.contains), let body = document.body else { return false }
        let text = PageText.visible(body)
        return sectionWords.filter { text.contains($0) }.count >= 2
    }

    /// The first element holding a hotline.
    static func firstHotline(in content: [Element]) -> Element? {
        for element in content {
            if element.isNamed("a"), element.attribute("href")?.lowercased().hasPrefix("tel:") == true { return element }
            // Every number looked for starts with 0, 1 or 4: text without them is passed unread.
            let text = element.ownText
            if text.utf8.contains(where: { $0 == 0x30 || $0 == 0x31 || $0 == 0x34 }), hasPhoneNumber(ScalarText(text)) {
                return element
            }
        }
        return nil
    }

    /// The first element naming an offline place or help on site.
    static func firstPlace(in content: [Element]) -> Element? {
        for element in content {
            if element.isNamed("address"), VisibleText.hasReadableText(PageText.visible(element)) { return element }
            // Every place label holds 地, every place word 办 or 上: text without them is passed unread.
            let own = element.ownText
            var labelled = false
            var worded = false
            for scalar in own.unicodeScalars {
                if scalar == "地" { labelled = true } else if scalar == "办" || scalar == "上" { worded = true }
            }
            guard labelled || worded else { continue }
            let text = PageText.compact(own)
            if (labelled && hasPlace(ScalarText(text))) || (worded && placeWords.contains(where: text.contains)) { return element }
        }
        return nil
    }

    /// A number with an area code, `(0xx)xxxxxxxx` with an optional bracket and separator, or a
    /// service line: 123xx (12345, 12333) or 400-xxx-xxxx, not inside a longer run of digits.
    static func hasPhoneNumber(_ text: ScalarText) -> Bool {
        for start in 0..<text.count {
            if text[start] == "0", hasAreaNumber(text, at: start) { return true }
            if text.isDigit(at: start - 1) { continue }
            if text.has("123", at: start), text.digitRun(from: start) == 5 { return true }
            if text.has("400", at: start), hasFreephone(text, at: start + 3) { return true }
        }
        return false
    }

    /// After the `0` of an area code: two or three more digits, an optional closing bracket and
    /// separator, then exactly seven or eight digits.
    static func hasAreaNumber(_ text: ScalarText, at zero: Int) -> Bool {
        (2...3).contains { codeLength in
            guard text.digitRun(from: zero + 1) >= codeLength else { return false }
            var next = zero + 1 + codeLength
            if text.isAny(of: ")）", at: next) { next += 1 }
            if text.isAny(of: "-－—–", at: next) || text.isWhitespace(at: next) { next += 1 }
            let digits = text.digitRun(from: next)
            return digits == 7 || digits == 8
        }
    }

    /// The rest of a 400 number: three digits and four, each group after an optional separator.
    static func hasFreephone(_ text: ScalarText, at index: Int) -> Bool {
        var next = index
        for (group, last) in [(3, false), (4, true)] {
            if text[next] == "-" || text.isWhitespace(at: next) { next += 1 }
            let digits = text.digitRun(from: next)
            guard last ? digits == group : digits >= group else { return false }
            next += group
        }
        return true
    }

    /// A place label, a colon and at least four characters of place: `办理地点：县政务服务中心`.
    static func hasPlace(_ text: ScalarText) -> Bool {
        for start in 0..<text.count {
            guard let afterLabel = text.first(of: placeLabels, at: start) else { continue }
            let colon = text.skippingWhitespace(from: afterLabel)
            guard text.isAny(of: ":：", at: colon) else { continue }
            var end = text.skippingWhitespace(from: colon + 1)
            let placeStart = end
            while let scalar = text[end], !scalar.properties.isWhitespace, scalar != ":", scalar != "：" { end += 1 }
            if end - placeStart >= 4 { return true }
        }
        return false
    }
}
