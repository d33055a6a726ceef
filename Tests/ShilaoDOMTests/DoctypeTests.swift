import Testing
@testable import ShilaoDOM

@Suite struct DoctypeTests {
    func doctype(_ html: String) throws -> Doctype? {
        let doc = try Loader.load(Array(html.utf8))
        return withExtendedLifetime(doc) { doc.doctype }
    }

    @Test func declaredDoctypes() throws {
        #expect(try doctype("<!DOCTYPE html><p>x") == Doctype(name: "html", publicID: nil, systemID: nil))
        let xhtml = #"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><p>x"#
        #expect(try doctype(xhtml) == Doctype(name: "html", publicID: "-//W3C//DTD XHTML 1.0 Transitional//EN",
                                              systemID: "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"))
    }

    @Test func missingDoctypeGetsLibxml2Default() throws {
        #expect(try doctype("<p>x")?.publicID == "-//W3C//DTD HTML 4.0 Transitional//EN")
    }
}
