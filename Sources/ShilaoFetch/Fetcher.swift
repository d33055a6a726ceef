import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ShilaoCore

/// How Shilao fetches pages: limits that keep one slow or hostile server from stalling or
/// flooding a run.
public struct FetchSettings: Sendable {
    public var concurrency = 8
    public var perHost = 2
    /// Seconds between two requests to the same host.
    public var delay = 0.0
    public var connectTimeout = 10.0
    public var readTimeout = 30.0
    /// The whole fetch of one URL, redirects and retries included.
    public var totalTimeout = 60.0
    public var maxRedirects = 5
    public var retries = 3
    /// The longest `Retry-After` Shilao waits for.
    public var retryAfterCap = 30.0
    public var maxBodyBytes = 10 * 1024 * 1024
    public var userAgent = "Shilao/\(ShilaoInfo.version) (elderly-friendly accessibility audit)"

    public init() {}
}

extension URL {
    /// An `http:` or `https:` URL, the only kind Shilao fetches.
    var isHTTP: Bool {
        guard let scheme = scheme?.lowercased() else { return false }
        return scheme == "http" || scheme == "https"
    }
}

/// What fetching one URL gave.
public enum FetchOutcome: Sendable, Equatable {
    case page(finalURL: String, status: Int, body: [UInt8], charset: String?)
    /// A response that is not HTML: recorded, not audited.
    case skipped(finalURL: String, contentType: String)
    case failed(finalURL: String?, reason: String, status: Int?)
}

/// Fetches pages over HTTP(S) with AsyncHTTPClient: per-host limits, timeouts, redirects (up to
/// `maxRedirects`, loops refused), retries with backoff on connection errors and 429/503
/// (honouring `Retry-After`), a body size limit and compressed responses.
public final class Fetcher: Sendable {
    let client: HTTPClient
    let settings: FetchSettings
    let gate: HostGate

    public init(settings: FetchSettings) {
        self.settings = settings
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .milliseconds(Int64(settings.connectTimeout * 1000)),
                                      read: .milliseconds(Int64(settings.readTimeout * 1000)))
        configuration.decompression = .enabled(limit: .size(settings.maxBodyBytes * 4))
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, settings.perHost)
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        gate = HostGate(limit: max(1, settings.perHost), delay: settings.delay)
    }

    public func shutdown() async {
        try? await client.shutdown()
    }

    /// What a page request accepts.
    public static let acceptingPages = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"

    /// Fetches `url`, following redirects and retrying what may pass. Never throws: every way a
    /// fetch can go wrong is an outcome with its reason. `totalTimeout` counts from the first
    /// request's turn at its host (`--per-host`), so a URL waiting behind slow ones is not timed
    /// out before it is asked for.
    /// With `anyType`, a response of any content type is a `.page` (sitemaps, style sheets);
    /// `accept` is the request's `Accept` header.
    public func fetch(_ url: String, anyType: Bool = false, accept: String = Fetcher.acceptingPages) async -> FetchOutcome {
        var deadline: NIODeadline?
        var current = url
        var visited: Set<String> = [url]
        var redirects = 0
        var attempt = 0
        while true {
            guard let parsed = URL(string: current), parsed.isHTTP, let host = parsed.host else {
                return .failed(finalURL: current == url ? nil : current, reason: "not an http(s) URL: \(current)", status: nil)
            }
            let target = current
            let fixed = deadline
            let (step, started) = await gate.run(host: host.lowercased()) { () async -> (Step, NIODeadline) in
                let limit = fixed ?? NIODeadline.now() + .milliseconds(Int64(self.settings.totalTimeout * 1000))
                return (await self.once(target, deadline: limit, anyType: anyType, accept: accept), limit)
            }
            deadline = started
            switch step {
            case .done(let outcome):
                return outcome
            case .redirect(let location):
                redirects += 1
                guard let next = URL(string: location, relativeTo: parsed)?.absoluteURL.absoluteString else {
                    return .failed(finalURL: current, reason: "redirect to an invalid location '\(location)'", status: nil)
                }
                if redirects > settings.maxRedirects {
                    return .failed(finalURL: next, reason: "more than \(settings.maxRedirects) redirects", status: nil)
                }
                if !visited.insert(next).inserted {
                    return .failed(finalURL: next, reason: "redirect loop at \(next)", status: nil)
                }
                current = next
                attempt = 0
            case .retry(let after, let reason):
                attempt += 1
                guard attempt <= settings.retries else {
                    return .failed(finalURL: current == url ? nil : current, reason: reason, status: nil)
                }
                let backoff = after ?? 0.5 * pow(2, Double(attempt - 1))
                let wait = min(backoff, settings.retryAfterCap)
                if NIODeadline.now() + .milliseconds(Int64(wait * 1000)) > started {
                    return .failed(finalURL: current == url ? nil : current, reason: "\(reason); no time left to retry", status: nil)
                }
                try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000))
            }
        }
    }

    enum Step: Sendable {
        case done(FetchOutcome)
        case redirect(String)
        case retry(after: Double?, reason: String)
    }

    private func once(_ url: String, deadline: NIODeadline, anyType: Bool, accept: String) async -> Step {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "User-Agent", value: settings.userAgent)
        request.headers.add(name: "Accept", value: accept)
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request, deadline: deadline)
        } catch {
            return Fetcher.step(for: error)
        }
        let status = Int(response.status.code)
        let finalURL = url
        if [301, 302, 303, 307, 308].contains(status), let location = response.headers.first(name: "Location") {
            _ = try? await response.body.collect(upTo: 64 * 1024)
            return .redirect(location)
        }
        if status == 429 || status == 503 {
            _ = try? await response.body.collect(upTo: 64 * 1024)
            return .retry(after: Fetcher.retryAfter(response.headers.first(name: "Retry-After")), reason: "HTTP \(status)")
        }
        let body: ByteBuffer
        do {
            body = try await response.body.collect(upTo: settings.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            return .done(.failed(finalURL: finalURL, reason: "the response is larger than \(settings.maxBodyBytes) bytes (--max-page-size)", status: status))
        } catch {
            return Fetcher.step(for: error)
        }
        if status >= 400 {
            return .done(.failed(finalURL: finalURL, reason: "HTTP \(status)", status: status))
        }
        let contentType = response.headers.first(name: "Content-Type")
        guard anyType || MediaType.isHTML(contentType) else {
            return .done(.skipped(finalURL: finalURL, contentType: MediaType.essence(contentType) ?? "unknown"))
        }
        return .done(.page(finalURL: finalURL, status: status, body: Array(body.readableBytesView),
                           charset: MediaType.charset(contentType)))
    }

    /// Connection-level failures are worth another try; a deadline or a refused URL is not.
    static func step(for error: Error) -> Step {
        if let error = error as? HTTPClientError {
            if error == .deadlineExceeded || error == .readTimeout {
                return .done(.failed(finalURL: nil, reason: "timed out", status: nil))
            }
            if error == .connectTimeout { return .retry(after: nil, reason: "could not connect in time") }
            if error == .remoteConnectionClosed { return .retry(after: nil, reason: "the server closed the connection") }
            if error == .invalidURL || error == .emptyHost {
                return .done(.failed(finalURL: nil, reason: "invalid URL", status: nil))
            }
            return .retry(after: nil, reason: "\(error)")
        }
        return .retry(after: nil, reason: "connection error: \(error)")
    }

    /// `Retry-After` in seconds or as an HTTP date.
    static func retryAfter(_ value: String?) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }
}

/// Limits how many requests run at once against one host, and spaces their starts by `delay`.
actor HostGate {
    let limit: Int
    let delay: Double
    private var active: [String: Int] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]
    private var nextStart: [String: ContinuousClock.Instant] = [:]

    init(limit: Int, delay: Double) {
        self.limit = limit
        self.delay = delay
    }

    func run<T: Sendable>(host: String, _ body: @Sendable () async -> T) async -> T {
        await enter(host)
        let result = await body()
        leave(host)
        return result
    }

    private func enter(_ host: String) async {
        while active[host, default: 0] >= limit {
            await withCheckedContinuation { waiting[host, default: []].append($0) }
        }
        active[host, default: 0] += 1
        guard delay > 0 else { return }
        let now = ContinuousClock.now
        let start = max(now, nextStart[host] ?? now)
        nextStart[host] = start + .milliseconds(Int(delay * 1000))
        if start > now { try? await Task.sleep(until: start, clock: .continuous) }
    }

    private func leave(_ host: String) {
        active[host, default: 1] -= 1
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue
            next.resume()
        }
    }
}
