import ShilaoDOM

/// Words in identifiers and URLs: `floatAd`, `ad_top`, `/images/ad/x.gif` → `float ad`, `ad top`,
/// `images ad x gif`. Matching whole words is what keeps `address`, `header` or `download`
/// from reading as "ad".
enum NameTokens {
    /// Lower-cased words, split at anything but letters and digits and at camelCase humps.
    static func words(_ text: String) -> [String] {
        // Over bytes: ids and classes are ASCII, and this runs on every element of a page.
        var words: [String] = []
        var current: [UInt8] = []
        var previousWasLower = false
        func flush() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            let upper = (0x41...0x5A).contains(byte), lower = (0x61...0x7A).contains(byte), digit = (0x30...0x39).contains(byte)
            guard upper || lower || digit else {
                flush()
                previousWasLower = false
                continue
            }
            if upper, previousWasLower { flush() }
            current.append(upper ? byte + 0x20 : byte)
            previousWasLower = lower || digit
        }
        flush()
        return words
    }

    /// The words of an element's `id` and `class`.
    static func identifierWords(of element: Element) -> [String] {
        words((element.attribute("id") ?? "") + " " + (element.attribute("class") ?? ""))
    }

    // MARK: Ads

    static let adWords: Set<String> = [
        "ad", "ads", "adv", "advs", "advert", "adverts", "advertise", "advertisement", "advertising",
        "guanggao", "piaochuang", "floatad", "adfloat", "adsbygoogle",
    ]
    /// Run-together names: `adbox`, `topad`, `floatad`, … (`address` or `load` are not among them).
    static let adPrefixedParts: Set<String> = [
        "box", "wrap", "banner", "area", "slot", "float", "div", "img", "pic", "list", "con", "content",
        "container", "layer", "space", "pos", "unit", "block", "zone", "win", "window",
    ]
    static let adSuffixedParts: Set<String> = [
        "float", "top", "side", "left", "right", "bottom", "fix", "fixed", "pop", "popup", "banner", "couplet",
    ]

    /// Whether a word names an ad: `ad`, `adv`, `guanggao`, `adbox`, `topad`, …
    static func isAdWord(_ word: String) -> Bool {
        if adWords.contains(word) || word.contains("guanggao") || word.contains("piaochuang") { return true }
        if word.hasPrefix("ad"), adPrefixedParts.contains(String(word.dropFirst(2))) { return true }
        if word.hasSuffix("ad"), adSuffixedParts.contains(String(word.dropLast(2))) { return true }
        return false
    }

    /// Whether the element's id or class names an ad.
    static func isAdNamed(_ element: Element) -> Bool {
        identifierWords(of: element).contains(where: isAdWord)
    }
}
