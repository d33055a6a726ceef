import ShilaoCore
import ShilaoDOM

/// ACT 80f0bf (partly): no sound plays by itself. `audio autoplay` without `muted` fails unless it
/// has native controls or a media fragment of 3 seconds or less; a looping `video` likewise.
/// Other autoplaying video may be silent or short, which the markup cannot tell: review.
/// `<bgsound>` and plug-ins told to `autostart` always play.
struct MediaAutoplay: BuiltInCheck {
    static let id = "media-autoplay"
    static let shortPlay = 3.0

    func run(on page: Page, into results: inout Results) {
        for element in page.document.elements {
            switch element.name {
            case "audio", "video":
                judgeMedia(element, into: &results)
            case "bgsound":
                results.fail(element, "fail.bgsound", ["src": element.attribute("src") ?? ""])
            case "embed" where MediaAutoplay.isOn(element.attribute("autostart")) || MediaAutoplay.isOn(element.attribute("autoplay")):
                results.fail(element, "fail.plugin", ["src": element.attribute("src") ?? ""])
            case "object" where element.children.contains(where: MediaAutoplay.isAutostartParam):
                results.fail(element, "fail.plugin", ["src": element.attribute("data") ?? ""])
            default:
                break
            }
        }
    }

    func judgeMedia(_ media: Element, into results: inout Results) {
        guard media.hasAttribute("autoplay"), !media.hasAttribute("muted") else { return }
        let sources = ([media.attribute("src")] + media.children.filter { $0.isNamed("source") }.map { $0.attribute("src") })
            .compactMap { $0 }
        let data = ["src": sources.first ?? ""]
        if media.hasAttribute("controls") || (!sources.isEmpty && sources.allSatisfy(MediaAutoplay.playsBriefly)) {
            results.pass(media)
        } else if media.isNamed("audio") || media.hasAttribute("loop") {
            results.fail(media, media.isNamed("audio") ? "fail.audio" : "fail.video-loop", data)
        } else {
            results.review(media, "review.video", data)
        }
    }

    /// `autostart="true"` and the like; `false`, `0` and `no` keep a plug-in quiet.
    static func isOn(_ value: String?) -> Bool {
        guard let value = value?.trimmed(.whitespaces).lowercased() else { return false }
        return !["false", "0", "no", "off"].contains(value)
    }

    static func isAutostartParam(_ element: Element) -> Bool {
        guard element.isNamed("param"), let name = element.attribute("name")?.lowercased() else { return false }
        return (name == "autostart" || name == "autoplay") && isOn(element.attribute("value"))
    }

    /// A media fragment `#t=start,end` that plays no more than 3 seconds.
    static func playsBriefly(_ src: String) -> Bool {
        guard let hash = src.lastIndex(of: "#") else { return false }
        let fragment = src[src.index(after: hash)...]
        guard fragment.hasPrefix("t=") else { return false }
        let times = fragment.dropFirst(2).split(separator: ",").map { Double($0.replacingOccurrences(of: "npt:", with: "")) }
        guard times.count == 2, let start = times[0], let end = times[1] else { return false }
        return end - start <= shortPlay
    }
}
