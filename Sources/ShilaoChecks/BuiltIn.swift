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
        AriaAllowedAttr.self,
        AriaHiddenFocus.self,
        AriaRequiredAttr.self,
        AriaRequiredChildren.self,
        AriaRequiredParent.self,
        AriaRoles.self,
        AriaValidAttr.self,
        AriaValidAttrValue.self,
        AutocompleteValid.self,
        Bypass.self,
        DocumentTitle.self,
        DuplicateID.self,
        DuplicateIDARIA.self,
        ElderAds.self,
        ElderCaptchaAlternative.self,
        ElderEnlargeService.self,
        ElderFontSize.self,
        ElderInducedButtons.self,
        ElderLargePointer.self,
        ElderLineHeight.self,
        ElderModeEntry.self,
        ElderParagraphSpacing.self,
        ElderPopupClose.self,
        ElderVoiceReading.self,
        FocusVisible.self,
        FrameFocusableContent.self,
        FullwidthSpaceLayout.self,
        GovMetaTags.self,
        HeadingForMainContent.self,
        HeadingOrder.self,
        HTMLLangValid.self,
        HTMLXMLLangMismatch.self,
        LabelTitleOnly.self,
        LandmarkOneMain.self,
        LangMismatch.self,
        LinkPurpose.self,
        ListItem.self,
        ListStructure.self,
        MediaAutoplay.self,
        MetaRefresh.self,
        MetaViewportZoom.self,
        MotionMarquee.self,
        NestedInteractive.self,
        NonTextContrast.self,
        ObjectAlt.self,
        OrientationLock.self,
        PageHasHeadingOne.self,
        PresentationRoleConflict.self,
        Region.self,
        ScrollableRegionFocusable.self,
        ServiceOfflineChannel.self,
        SummaryName.self,
        Tabindex.self,
        TargetSize.self,
        TDHeadersAttr.self,
        TextContrastCheck.self,
        TextContrastEnhanced.self,
        TextSpacingStyle.self,
        THHasDataCells.self,
        ValidLang.self,
    ]

    public static let implementations = Implementations(
        checks: Dictionary(uniqueKeysWithValues: swiftChecks.map { type in
            (type.id, { @Sendable () -> any Check in type.init() })
        }),
        primitives: [
            RequiredAttribute.name: { try RequiredAttribute(options: $0.decode(RequiredAttribute.Options.self)) },
            AccessibleNamePresent.name: { try AccessibleNamePresent(options: $0.decode(AccessibleNamePresent.Options.self)) },
        ]
    )

    /// The built-in catalogue, plus the YAML checks in `extra` folders (`--checks DIR`).
    public static func catalogue(extra: [URL] = []) throws -> Catalogue {
        try Catalogue.load(directories: CheckPack.checkDirectories + extra, implementations: implementations)
    }
}
