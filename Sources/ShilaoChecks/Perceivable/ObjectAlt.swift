import Foundation
import ShilaoCore
import ShilaoDOM

/// ACT 8fc3b6: an `object` that shows an image, sound, video or Flash has an accessible name
/// (`aria-label`, `aria-labelledby` or `title`); fallback content inside it is not read while
/// the object loads. What it embeds is read from `type`, else from the file extension; when
/// neither tells, a person has to look.
struct ObjectAlt: BuiltInCheck {
    static let id = "object-alt"

    enum Content {
        case nonText, text, unknown
    }

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        for object in page.document.elements(named: "object") {
            // An author-given role (an image, or presentation) is judged by that role's rules.
            guard tree.explicitRole(object) == nil, !tree.isHidden(object) else { continue }
            switch Self.content(of: object) {
            case .text:
                continue
            case .nonText:
                results.judgeName(of: object, in: tree)
            case .unknown:
                if tree.name(of: object).allSatisfy(\.quickIsWhitespace) {
                    results.review(object, "review", ["data": object.attribute("data") ?? ""])
                } else {
                    results.pass(object)
                }
            }
        }
    }

    static func content(of object: Element) -> Content {
        if let type = object.attribute("type")?.trimmed(.whitespaces).lowercased(), !type.isEmpty {
            if ["image/", "audio/", "video/"].contains(where: type.hasPrefix) || type == flashType { return .nonText }
            return .text
        }
        guard let data = object.attribute("data"), let url = URL(string: data.trimmed(.whitespaces)) else {
            return .unknown
        }
        let ext = url.pathExtension.lowercased()
        if nonTextExtensions.contains(ext) { return .nonText }
        if textExtensions.contains(ext) { return .text }
        return .unknown
    }

    static let flashType = "application/x-shockwave-flash"

    static let nonTextExtensions: Set<String> = [
        "apng", "avif", "bmp", "gif", "ico", "jpeg", "jpg", "png", "svg", "webp",
        "aac", "flac", "m4a", "mp3", "oga", "ogg", "opus", "wav",
        "avi", "m4v", "mov", "mp4", "mpeg", "ogv", "webm", "wmv", "flv", "swf",
    ]

    static let textExtensions: Set<String> = ["htm", "html", "shtml", "php", "asp", "aspx", "jsp", "txt", "xhtml", "pdf"]
}
