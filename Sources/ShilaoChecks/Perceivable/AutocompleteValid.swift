import ShilaoCore
import ShilaoDOM

/// ACT 73f2c2: an `autocomplete` value on a form field a person can use follows the HTML
/// autofill grammar: `[section-*] [shipping|billing] ([contact type] contact field | field)
/// [webauthn]`, or `on`/`off` alone.
struct AutocompleteValid: BuiltInCheck {
    static let id = "autocomplete-valid"

    func run(on page: Page, into results: inout Results) {
        let tree = page.accessibility
        for field in page.document.elements {
            guard field.isNamed("input") || field.isNamed("select") || field.isNamed("textarea"),
                  let value = field.attribute("autocomplete"), !value.allSatisfy(\.quickIsWhitespace) else { continue }
            if field.isNamed("input"),
               Self.noAutofillTypes.contains((field.attribute("type") ?? "").trimmed(.whitespaces).lowercased()) {
                continue
            }
            // isFocusable is false for disabled, unrendered and inert fields: nobody fills those in.
            guard tree.isFocusable(field),
                  field.attribute("aria-disabled")?.trimmed(.whitespaces).lowercased() != "true" else { continue }
            if Self.isValid(value) {
                results.pass(field)
            } else {
                results.fail(field, "fail", ["value": value.trimmed(.whitespaces)])
            }
        }
    }

    static let noAutofillTypes: Set<String> = ["hidden", "button", "submit", "reset", "image"]

    static func isValid(_ value: String) -> Bool {
        var tokens = value.lowercased().whitespaceTokens[...]
        if tokens.count == 1, tokens.first == "on" || tokens.first == "off" { return true }
        if tokens.last == "webauthn" { tokens.removeLast() }
        if tokens.first?.hasPrefix("section-") == true { tokens.removeFirst() }
        if tokens.first == "shipping" || tokens.first == "billing" { tokens.removeFirst() }
        switch tokens.count {
        case 1: return fields.contains(tokens[tokens.startIndex]) || contactFields.contains(tokens[tokens.startIndex])
        case 2: return contactTypes.contains(tokens[tokens.startIndex]) && contactFields.contains(tokens[tokens.startIndex + 1])
        default: return false
        }
    }

    // HTML Living Standard, "Autofill": the field names, then those that take a contact type.
    static let fields: Set<String> = [
        "name", "honorific-prefix", "given-name", "additional-name", "family-name", "honorific-suffix", "nickname",
        "username", "new-password", "current-password", "one-time-code", "organization-title", "organization",
        "street-address", "address-line1", "address-line2", "address-line3", "address-level4", "address-level3",
        "address-level2", "address-level1", "country", "country-name", "postal-code", "cc-name", "cc-given-name",
        "cc-additional-name", "cc-family-name", "cc-number", "cc-exp", "cc-exp-month", "cc-exp-year", "cc-csc",
        "cc-type", "transaction-currency", "transaction-amount", "language", "bday", "bday-day", "bday-month",
        "bday-year", "sex", "url", "photo",
    ]
    static let contactFields: Set<String> = [
        "tel", "tel-country-code", "tel-national", "tel-area-code", "tel-local", "tel-local-prefix",
        "tel-local-suffix", "tel-extension", "email", "impp",
    ]
    static let contactTypes: Set<String> = ["home", "work", "mobile", "fax", "pager"]
}
