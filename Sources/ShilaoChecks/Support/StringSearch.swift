#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// `text.contains("办理地点")` in the checks means "these UTF-8 bytes occur in the text". Both the
// standard library's and Foundation's `contains` compare grapheme by grapheme (Foundation
// through NSString and UTF-16) and cost microseconds a call, which made keyword searches a
// large share of an audit. These concrete overloads win over the generic ones wherever the
// argument is a String, and search the bytes with memchr and memcmp. Canonically equivalent spellings
// (a precomposed letter against letter + combining mark) do not match; the keywords checks
// look for are CJK and ASCII, where that never arises.
extension String {
    func contains(_ other: String) -> Bool {
        utf8ContainsBytes(of: other)
    }
}

extension Substring {
    func contains(_ other: String) -> Bool {
        utf8ContainsBytes(of: other)
    }
}

extension StringProtocol {
    fileprivate func utf8ContainsBytes(of other: String) -> Bool {
        if other.isEmpty { return true }
        let found = utf8.withContiguousStorageIfAvailable { haystack in
            Self.search(haystack, other)
        }
        if let found { return found }
        return Array(utf8).withUnsafeBufferPointer { Self.search($0, other) }
    }

    private static func search(_ haystack: UnsafeBufferPointer<UInt8>, _ other: String) -> Bool {
        var needle = other
        return needle.withUTF8 { needle in
            guard needle.count <= haystack.count, let base = haystack.baseAddress, let first = needle.first else { return false }
            // memchr finds each candidate first byte; memcmp checks the rest.
            var position = 0
            let last = haystack.count - needle.count
            while position <= last {
                guard let hit = memchr(base + position, Int32(first), last - position + 1) else { return false }
                let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + offset, needle.baseAddress!, needle.count) == 0 { return true }
                position = offset + 1
            }
            return false
        }
    }
}
