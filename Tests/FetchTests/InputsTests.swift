import Foundation
import Testing
import ShilaoCore
import ShilaoDOM
@testable import ShilaoFetch

/// Makes a folder tree from `files` (relative path → contents) and removes it afterwards.
func withTree<T>(_ files: [String: String], _ body: (String) throws -> T) throws -> T {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("shilao-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return try body(root.path)
}

/// Fails every `p` element, so each record shows which page it came from.
struct NamesParagraphs: Check {
    func run(on page: Page, into results: inout Results) {
        for p in page.document.elements(named: "p") { results.fail(p, "fail", ["text": p.textContent]) }
    }
}

@Suite struct InputsTests {
    @Test func foldersAreSearchedRecursivelyAndSorted() throws {
        try withTree(["b.html": "", "a/z.htm": "", "a/y.HTML": "", "a/notes.txt": "", ".hidden/x.html": ""]) { root in
            let names = Inputs.resolve([root]).map(\.name)
            #expect(names == ["\(root)/a/y.HTML", "\(root)/a/z.htm", "\(root)/b.html"])
        }
    }

    @Test func linksHiddenEntriesAndFoldersNamedLikePagesAreLeftOut() throws {
        try withTree(["d/a.html": "", "d/sub/b.htm": "", "d/.c.html": "", "d/x.html/inner.txt": "", "other/o.html": ""]) { root in
            try FileManager.default.createSymbolicLink(atPath: "\(root)/d/link.html", withDestinationPath: "\(root)/other/o.html")
            try FileManager.default.createSymbolicLink(atPath: "\(root)/d/linked", withDestinationPath: "\(root)/other")
            #expect(Inputs.resolve(["\(root)/d"]).map(\.name) == ["\(root)/d/a.html", "\(root)/d/sub/b.htm"])
            #expect(Inputs.resolve(["\(root)/d/"]).map(\.name) == ["\(root)/d/a.html", "\(root)/d/sub/b.htm"])
        }
    }

    @Test func aFolderThatCannotBeListedIsAnErrorRecord() throws {
        // A path of PATH_MAX bytes or more cannot be opened, by root or anyone: the deepest
        // folder of this chain is listed in its parent but cannot be listed itself.
        try withTree(["top.html": ""]) { root in
            let segment = String(repeating: "d", count: 250)
            var descriptors = [open(root, O_RDONLY | O_DIRECTORY)]
            var path = root
            while path.utf8.count < Int(PATH_MAX) {
                mkdirat(descriptors.last!, segment, 0o755)
                descriptors.append(openat(descriptors.last!, segment, O_RDONLY | O_DIRECTORY))
                path += "/" + segment
            }
            close(openat(descriptors.last!, "deep.html", O_CREAT | O_WRONLY, 0o644))
            defer {
                // Taken down through descriptors: the paths are too long to name.
                unlinkat(descriptors.last!, "deep.html", 0)
                for level in stride(from: descriptors.count - 1, to: 0, by: -1) {
                    close(descriptors[level])
                    unlinkat(descriptors[level - 1], segment, AT_REMOVEDIR)
                }
                close(descriptors[0])
            }
            #expect(!descriptors.contains(-1))
            let inputs = Inputs.resolve([root])
            #expect(inputs.first == .file(name: "\(root)/top.html", path: "\(root)/top.html"))
            #expect(inputs.count == 2)
            guard case .unusable(let name, let reason) = inputs.last else {
                Issue.record("the folder that cannot be listed must be a record")
                return
            }
            #expect(name.hasPrefix(root + "/" + segment) && name.hasSuffix(segment))
            #expect(reason == "cannot list the folder: File name too long")
        }
    }

    @Test func aFileIsReadWithinItsSizeLimit() throws {
        try withTree(["p.html": "<p>12345</p>"]) { root in
            let path = "\(root)/p.html"
            #expect(Inputs.read(path, maxBytes: 12).bytes == Array("<p>12345</p>".utf8))
            #expect(Inputs.read(path).bytes?.count == 12)
            #expect(Inputs.read(path, maxBytes: 11).failureReason == "the page is larger than 11 bytes (--max-page-size)")
            #expect(Inputs.read("\(root)/gone.html").failureReason == "cannot read the file: No such file or directory")
            #expect(Inputs.read(root).failureReason == "cannot read the file: it is a folder")
            // A device has no size up front: reading stops one byte past the limit.
            #expect(Inputs.read("/dev/zero", maxBytes: 100_000).failureReason == "the page is larger than 100000 bytes (--max-page-size)")
            #expect(Inputs.read("/dev/null", maxBytes: 10).bytes == [])
        }
    }

    /// An empty URL list is no inputs. Read through FileManager it leaked 4 KB, which the
    /// address-sanitizer run of the suite reports (found by FuzzInputs).
    @Test func urlListsAreReadLikePages() throws {
        try withTree(["empty.txt": "", "urls.txt": "# pages\nhttp://x.gov.cn/a\n\nnot a url\n"]) { root in
            #expect(Inputs.urlList("\(root)/empty.txt").isEmpty)
            #expect(Inputs.urlList("\(root)/urls.txt").map(\.name) == ["http://x.gov.cn/a", "not a url"])
            #expect(Inputs.urlList("\(root)/gone.txt") == [.unusable(name: "\(root)/gone.txt", reason: "cannot read the URL list")])
        }
    }

    @Test func missingInputsAndEmptyFoldersBecomeUnusable() throws {
        try withTree(["empty/readme.txt": "x", "p.html": "<p>x</p>"]) { root in
            let inputs = Array(InputSequence(known: Inputs.resolve(["\(root)/missing.html", "\(root)/empty", "\(root)/p.html", "\(root)/./p.html"])))
            #expect(inputs.count == 3, "the same file named twice is audited once")
            #expect(inputs[0] == .unusable(name: "\(root)/missing.html", reason: "no such file or folder"))
            #expect(inputs[1].name == "\(root)/empty")
            if case .unusable = inputs[1] {} else { Issue.record("an empty folder must be reported") }
            if case .file = inputs[2] {} else { Issue.record("a file must be audited") }
        }
    }

    @Test func largestFilesStartFirstAndKeepTheirPlace() throws {
        try withTree(["a.html": "x", "b.html": String(repeating: "x", count: 900), "c.html": String(repeating: "x", count: 50)]) { root in
            let files = ["a", "b", "c"].map { Input.file(name: "\($0).html", path: "\(root)/\($0).html") }
            let inputs = [files[0], .web("https://example.org/"), files[1], files[2]]
            var order = StartOrder(inputs.makeIterator(), biggestFilesFirst: true)
            var started: [(Int, String)] = []
            while let (index, input) = order.next() { started.append((index, input.name)) }
            // Files before the URL are not reordered past it; after it, the big one goes first.
            #expect(started.map(\.1) == ["a.html", "https://example.org/", "b.html", "c.html"])
            #expect(started.map(\.0) == [0, 1, 2, 3])
            // b is over four times the median size: it starts first, the others in their order.
            var local = StartOrder([files[0], files[2], files[1]].makeIterator(), biggestFilesFirst: true)
            var localOrder: [(Int, String)] = []
            while let (index, input) = local.next() { localOrder.append((index, input.name)) }
            #expect(localOrder.map(\.1) == ["b.html", "a.html", "c.html"])
            #expect(localOrder.map(\.0) == [2, 0, 1])
            var fetched = StartOrder([files[0], files[1]].makeIterator(), biggestFilesFirst: false)
            #expect(fetched.next()?.1.name == "a.html")
        }
    }

    @Test func pagesStartOutOfOrderOnlyWithinABatch() throws {
        // Every 16th page is big, the bigger the later: in each batch those start first, the
        // others keep their order (the pages of one site together), and no page starts
        // outside its batch, which would hold every record after it back.
        let count = startOrderBatch + 44
        func size(_ index: Int) -> Int { index % 16 == 0 ? 5_000 + index : 10 + index % 7 }
        var files: [String: String] = [:]
        for index in 0..<count { files[String(format: "p%03d.html", index)] = String(repeating: "x", count: size(index)) }
        try withTree(files) { root in
            let inputs = (0..<count).map { Input.file(name: "\($0)", path: root + String(format: "/p%03d.html", $0)) }
            var order = StartOrder(inputs.makeIterator(), biggestFilesFirst: true)
            var started: [Int] = []
            while let (index, _) = order.next() { started.append(index) }
            func expected(_ batch: Range<Int>) -> [Int] {
                batch.filter { $0 % 16 == 0 }.reversed() + batch.filter { $0 % 16 != 0 }
            }
            #expect(startOrderBatch / 16 <= startOrderEarly)
            #expect(started == expected(0..<startOrderBatch) + expected(startOrderBatch..<count))
        }
    }

    @Test func jobsStartFilesInLanesApart() throws {
        // Two jobs: runs of 16 files, a file of each run of a pair in turn, so the two cores are
        // 16 files apart (another site) rather than on neighbouring pages of one.
        let count = 2 * startOrderLane + 8
        var files: [String: String] = [:]
        for index in 0..<count { files[String(format: "p%03d.html", index)] = "x" }
        try withTree(files) { root in
            let inputs = (0..<count).map { Input.file(name: "\($0)", path: root + String(format: "/p%03d.html", $0)) }
            var order = StartOrder(inputs.makeIterator(), biggestFilesFirst: true, lanes: 2)
            var started: [Int] = []
            while let (index, _) = order.next() { started.append(index) }
            let pairs = (0..<startOrderLane).flatMap { [$0, startOrderLane + $0] }
            #expect(started == pairs + Array(2 * startOrderLane..<count))
        }
    }

    @Test func runnerKeepsInputOrderWhateverTheJobs() async throws {
        var files: [String: String] = [:]
        for index in 0..<40 {
            // Uneven sizes, so pages finish out of order when run in parallel.
            let filler = String(repeating: "<div>填充</div>", count: (index % 7) * 400)
            files[String(format: "page%02d.html", index)] = "<html><body>\(filler)<p>\(index)</p></body></html>"
        }
        files["broken.html"] = ""
        try await withTreeAsync(files) { root in
            let inputs = Inputs.resolve([root, "\(root)/nope.html"])
            let metadata = CheckMetadata(
                id: "names", title: Localized(zhCN: "t", en: "t"), rationale: Localized(zhCN: "r", en: "r"),
                fix: Localized(zhCN: "f", en: "f"), messages: ["fail": Localized(zhCN: "{text}", en: "{text}")],
                impact: .minor, category: .accessibility, standards: [], act: [], examples: Examples(),
                implementation: .swift, file: "names.yml")
            let auditor = Auditor(engine: Engine(checks: [CatalogueEntry(metadata: metadata, check: NamesParagraphs())]))
            for jobs in [1, 2, 8] {
                var urls: [String] = []
                var texts: [String] = []
                try await Runner(auditor: auditor, jobs: jobs).run(inputs) { record in
                    urls.append(record.url)
                    texts += record.audit.findings.map(\.message.en)
                }
                #expect(urls == inputs.map(\.name))
                #expect(texts == (0..<40).map(String.init))
                #expect(urls.last == "\(root)/nope.html")
            }
            var errors: [String: String] = [:]
            try await Runner(auditor: auditor, jobs: 2).run(inputs) { record in
                if record.status == .error { errors[record.url] = record.error }
            }
            #expect(errors == ["\(root)/broken.html": LoadError.empty.description, "\(root)/nope.html": "no such file or folder"])
        }
    }
}

func withTreeAsync(_ files: [String: String], _ body: (String) async throws -> Void) async throws {
    let root = try withTree([:]) { $0 }
    for (path, text) in files {
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    defer { try? FileManager.default.removeItem(atPath: root) }
    try await body(root)
}

extension Result where Success == [UInt8], Failure == InputError {
    var bytes: [UInt8]? { try? get() }

    var failureReason: String? {
        if case .failure(let error) = self { return error.reason }
        return nil
    }
}
