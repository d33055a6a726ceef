import ArgumentParser
import Foundation
import ShilaoCore
import ShilaoReport

@main
struct Shilao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shilao",
        abstract: "适老化与无障碍静态审查工具 — audits web pages for elderly-friendly and barrier-free requirements.",
        version: ShilaoInfo.version,
        subcommands: [Audit.self, Checks.self, Explain.self, Profiles.self, Report.self]
    )

    /// Parses, runs, and maps every way out to the exit status of DESIGN.md: 0 audited and
    /// passed, 1 the gate failed, 2 usage or configuration error, 3 some inputs not audited.
    static func main() async {
        let status: ExitStatus
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            status = .passed
        } catch let exit as ExitStatus {
            status = exit
        } catch let usage as UsageError {
            FileHandle.standardError.write(Data("shilao: \(usage.message)\n".utf8))
            status = .usage
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                status = .passed
            } else if code == .validationFailure {
                let message = self.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
                FileHandle.standardError.write(Data("shilao: \(message) (see 'shilao help')\n".utf8))
                status = .usage
            } else {
                FileHandle.standardError.write(Data("shilao: \(self.message(for: error))\n".utf8))
                status = .usage
            }
        }
        Foundation.exit(status.rawValue)
    }
}

/// The process exit status; thrown by a subcommand to end with it.
enum ExitStatus: Int32, Error {
    case passed = 0
    case gateFailed = 1
    case usage = 2
    case inputsNotAudited = 3

    /// A finished run's status: a failed gate over inputs that could not be audited (3 says
    /// the gate passed on what loaded), over success.
    static func after(_ run: RunReport) -> ExitStatus {
        if !run.gate.passed { return .gateFailed }
        return run.totals.errors > 0 ? .inputsNotAudited : .passed
    }

    /// Ends the command with this status (success returns normally).
    func raise() throws {
        if self != .passed { throw self }
    }
}

/// A mistake in the command line or the configuration: one line, exit status 2.
struct UsageError: Error {
    let message: String
}

extension Language: ExpressibleByArgument {}
