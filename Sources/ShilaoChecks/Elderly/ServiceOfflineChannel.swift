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

    static var areaNumber: Regex<Substring> { #/[(（]?0\d{2,3}[)）]?[-－—–\s]?\d{7,8}(?!\d)/# }
    static var serviceLine: Regex<Substring> { #/(?:^|\D)(?:123\d{2}|400[-\s]?\d{3}[-\s]?\d{4})(?!\d)/# }
    static var place: Regex<Substring> { #/(?:办理地点|办事地点|受理地点|办理地址|服务地点|服务地址|地址|地点)\s*[：:]\s*[^\s：:]{4,}/# }

    func run(on page: Page, into results: inout Results) {
        guard let body = page.document.body, ServiceOfflineChannel.isServiceGuide(page) else { return }
        let hotline = ServiceOfflineChannel.firstHotline(in: body)
        let place = ServiceOfflineChannel.firstPlace(in: body)
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

    /// The first element outside the footer holding a hotline.
    static func firstHotline(in body: Element) -> Element? {
        for element in body.descendants where !PageKind.isFooter(element) {
            if element.name == "a", element.attribute("href")?.lowercased().hasPrefix("tel:") == true { return element }
            let text = element.ownText
            if text.contains(areaNumber) || text.contains(serviceLine) { return element }
        }
        return nil
    }

    /// The first element outside the footer naming an offline place or help on site.
    static func firstPlace(in body: Element) -> Element? {
        for element in body.descendants where !PageKind.isFooter(element) {
            if element.name == "address", VisibleText.hasReadableText(PageText.visible(element)) { return element }
            let text = PageText.compact(element.ownText)
            if text.contains(place) || placeWords.contains(where: text.contains) { return element }
        }
        return nil
    }
}
