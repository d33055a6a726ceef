import CheckPack
import Foundation
import ShilaoCore

/// A Swift check registered under the id of its YAML file.
protocol BuiltInCheck: Check {
    static var id: String { get }
    init()
}

/// Shilao's own checks and primitives, and the catalogue that pairs them with `checks/`.
public enum BuiltIn {
    static let swiftChecks: [any BuiltInCheck.Type] = [
        DocumentTitle.self,
        ElderAds.self,
        ElderCaptchaAlternative.self,
        ElderEnlargeService.self,
        ElderInducedButtons.self,
        ElderModeEntry.self,
        ElderVoiceReading.self,
        FullwidthSpaceLayout.self,
        GovMetaTags.self,
        HTMLLangValid.self,
        LangMismatch.self,
        LinkPurpose.self,
        MediaAutoplay.self,
        MetaRefresh.self,
        MetaViewportZoom.self,
        MotionMarquee.self,
    ]

    public static let implementations = Implementations(
        checks: Dictionary(uniqueKeysWithValues: swiftChecks.map { type in
            (type.id, { @Sendable () -> any Check in type.init() })
        }),
        primitives: [
            RequiredAttribute.name: { try RequiredAttribute(options: $0.decode(RequiredAttribute.Options.self)) },
        ]
    )

    /// The built-in catalogue, plus the YAML checks in `extra` folders (`--checks DIR`).
    public static func catalogue(extra: [URL] = []) throws -> Catalogue {
        try Catalogue.load(directories: CheckPack.checkDirectories + extra, implementations: implementations)
    }
}
