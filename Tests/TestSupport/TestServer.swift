import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 server on 127.0.0.1 (a free port) for the fetch tests. Routes are a
/// closure from path to a reply; it stops when `stop()` is called or the test's `with` block ends.
public final class TestServer: Sendable {
    public indirect enum Reply: Sendable {
        case respond(status: Int, headers: [(String, String)], body: [UInt8])
        /// Answer after a pause (for timeouts).
        case delayed(seconds: Double, Reply)
        /// Close the connection without answering.
        case reset
        /// Answer once `path` has been requested too, or with 503 after five seconds: shows that
        /// two requests were in flight at once.
        case awaiting(path: String, Reply)
    }

    let group: MultiThreadedEventLoopGroup
    let channel: Channel
    public let port: Int
    let counter = Counter()

    public var base: String { "http://127.0.0.1:\(port)" }

    /// How many requests have reached `path` so far.
    public func hits(_ path: String) -> Int { counter.count(path) }

    /// The most requests that were waiting for their answer at one time.
    public var mostAtOnce: Int { counter.mostAtOnce }

    /// Every request so far in the order it arrived, with when (seconds since the server started).
    public var arrivals: [(path: String, at: Double)] { counter.arrivals }

    public init(routes: @escaping @Sendable (String, Int) -> Reply) throws {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let counter = self.counter
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(routes: routes, counter: counter))
                }
            }
        channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        port = channel.localAddress?.port ?? 0
    }

    public func stop() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Runs `body` with a started server and always stops it afterwards.
    public static func with<T>(routes: @escaping @Sendable (String, Int) -> Reply,
                               _ body: (TestServer) async throws -> T) async throws -> T {
        let server = try TestServer(routes: routes)
        do {
            let result = try await body(server)
            server.stop()
            return result
        } catch {
            server.stop()
            throw error
        }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var hits: [String: Int] = [:]
        private var open = 0
        private var most = 0
        private var log: [(String, Double)] = []
        private let started = ContinuousClock.now

        func increment(_ path: String) -> Int {
            lock.lock()
            defer { lock.unlock() }
            let elapsed = ContinuousClock.now - started
            log.append((path, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            hits[path, default: 0] += 1
            open += 1
            most = max(most, open)
            return hits[path]!
        }

        func answered() {
            lock.lock()
            defer { lock.unlock() }
            open -= 1
        }

        var arrivals: [(path: String, at: Double)] {
            lock.lock()
            defer { lock.unlock() }
            return log
        }

        var mostAtOnce: Int {
            lock.lock()
            defer { lock.unlock() }
            return most
        }

        func count(_ path: String) -> Int {
            lock.lock()
            defer { lock.unlock() }
            return hits[path, default: 0]
        }
    }

    final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let routes: @Sendable (String, Int) -> Reply
        let counter: Counter
        var path = "/"

        init(routes: @escaping @Sendable (String, Int) -> Reply, counter: Counter) {
            self.routes = routes
            self.counter = counter
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                path = head.uri
            case .body:
                break
            case .end:
                let hit = counter.increment(path)
                send(routes(path, hit), context: context)
            }
        }

        private func send(_ reply: Reply, context: ChannelHandlerContext) {
            switch reply {
            case .reset:
                counter.answered()
                context.close(promise: nil)
            case .delayed(let seconds, let inner):
                let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: .milliseconds(Int64(seconds * 1000))) {
                    self.send(inner, context: loopBound.value)
                }
            case .awaiting(let other, let inner):
                wait(for: other, then: inner, until: .now() + .seconds(5), context: context)
            case .respond(let status, let headers, let body):
                counter.answered()
                var head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status))
                for (name, value) in headers { head.headers.add(name: name, value: value) }
                head.headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
                context.write(wrapOutboundOut(.head(head)), promise: nil)
                var buffer = context.channel.allocator.buffer(capacity: body.count)
                buffer.writeBytes(body)
                context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }

        private func wait(for path: String, then reply: Reply, until deadline: NIODeadline, context: ChannelHandlerContext) {
            if counter.count(path) > 0 { return send(reply, context: context) }
            if NIODeadline.now() > deadline { return send(.status(503), context: context) }
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .milliseconds(10)) {
                self.wait(for: path, then: reply, until: deadline, context: loopBound.value)
            }
        }
    }
}

public extension TestServer.Reply {
    static func html(_ text: String, charset: String? = "utf-8") -> Self {
        .respond(status: 200, headers: [("Content-Type", "text/html" + (charset.map { "; charset=\($0)" } ?? ""))],
                 body: Array(text.utf8))
    }

    static func css(_ text: String) -> Self {
        .respond(status: 200, headers: [("Content-Type", "text/css")], body: Array(text.utf8))
    }

    static func status(_ code: Int, headers: [(String, String)] = []) -> Self {
        .respond(status: code, headers: headers, body: Array("status \(code)".utf8))
    }

    static func redirect(_ location: String) -> Self {
        .respond(status: 302, headers: [("Location", location)], body: [])
    }
}
