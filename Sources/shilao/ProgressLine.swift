import Foundation
import ShilaoCore
import ShilaoReport

/// One line on standard error, rewritten as pages finish: done/total, pages per second, errors,
/// time left. Only when standard error is a terminal; nothing otherwise.
final class ProgressLine {
    let total: Int?
    let language: Language
    let enabled = isatty(STDERR_FILENO) == 1
    let started = Date()
    var lastDraw = Date.distantPast

    init(total: Int?, language: Language) {
        self.total = total
        self.language = language
    }

    func update(_ totals: RunTotals) {
        guard enabled, Date().timeIntervalSince(lastDraw) > 0.2 || totals.pages == total else { return }
        lastDraw = Date()
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        let rate = Double(totals.pages) / elapsed
        let done = total.map { "\(totals.pages)/\($0)" } ?? "\(totals.pages)"
        var left = ""
        if let total, rate > 0 {
            let seconds = Int(Double(total - totals.pages) / rate)
            left = language == .zhCN ? "，剩余约 \(seconds / 60) 分 \(seconds % 60) 秒" : ", about \(seconds / 60)m \(seconds % 60)s left"
        }
        let text = language == .zhCN
            ? "已完成 \(done) 页，\(String(format: "%.1f", rate)) 页/秒，错误 \(totals.errors)\(left)"
            : "done \(done) pages, \(String(format: "%.1f", rate)) pages/s, \(totals.errors) errors\(left)"
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    func finish() {
        guard enabled, lastDraw != .distantPast else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
