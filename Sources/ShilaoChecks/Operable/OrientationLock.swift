import ShilaoCore
import ShilaoStyle

/// ACT b33eff (WCAG 1.3.4): a page turned a quarter turn in one orientation only (a transform
/// under an `orientation` media query) stays sideways whichever way the phone is held. The page
/// is styled in both orientations at the run's viewport size and each element's rotation is
/// compared; only pages whose sheets test `orientation` are looked at.
struct OrientationLock: BuiltInCheck {
    static let id = "orientation-lock"

    /// Degrees of slack around a quarter turn (`rotate(1.5708rad)` is 90.0002°).
    static let tolerance = 1.0

    func run(on page: Page, into results: inout Results) {
        guard page.style.usesOrientationQueries else { return }
        let portrait = page.style.turned(to: .portrait)
        let landscape = page.style.turned(to: .landscape)
        for element in page.document.elements where page.style.isRendered(element) {
            let upright = portrait.style(of: element).transformRotation
            let sideways = landscape.style(of: element).transformRotation
            guard upright != nil || sideways != nil else { continue }
            let difference = abs((upright ?? 0) - (sideways ?? 0))
            // Equal rotations in both orientations are not conditional on the orientation.
            guard difference > 0.001 else { continue }
            let turn = difference.truncatingRemainder(dividingBy: 180)
            if abs(turn - 90) < Self.tolerance {
                results.fail(element, "fail", [
                    "portrait": NumberText.format(upright ?? 0), "landscape": NumberText.format(sideways ?? 0),
                ])
            } else {
                results.pass(element)
            }
        }
    }
}
