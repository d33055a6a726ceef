import Foundation
import ShilaoCore

/// Reads saved JSON Lines records back (`shilao report`): the contract's fields plus
/// `outcomes`, which scoring needs. Texts come back in the language they were saved in.
public enum RecordReader {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Every record of `path`, in file order. `category` names a check's category (the
    /// records do not carry it; the catalogue does).
    public static func records(_ path: String, category: (String) -> Category) throws -> [PageRecord] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read '\(path)'")
        }
        var records: [PageRecord] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated()
        where !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
            do {
                records.append(try record(Data(line), category: category))
            } catch let failure as Failure {
                throw Failure(description: "\(path):\(index + 1): \(failure.description)")
            }
        }
        return records
    }

    static func record(_ line: Data, category: (String) -> Category) throws -> PageRecord {
        guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else {
            throw Failure(description: "not a JSON object")
        }
        guard let url = object["url"] as? String, let statusText = object["status"] as? String,
              let status = PageRecord.Status(rawValue: statusText) else {
            throw Failure(description: "a record needs 'url' and 'status'")
        }
        guard let rawOutcomes = object["outcomes"] as? [String: String] else {
            throw Failure(description: "the record has no 'outcomes' (written by an older Shilao?); audit again")
        }
        var outcomes: [String: Outcome] = [:]
        for (check, value) in rawOutcomes {
            guard let outcome = Outcome(rawValue: value) else { throw Failure(description: "unknown outcome '\(value)' for \(check)") }
            outcomes[check] = outcome
        }
        let findings = try ((object["findings"] as? [[String: Any]]) ?? []).map { try finding($0, category: category) }
        return PageRecord(url: url, finalURL: object["finalUrl"] as? String, status: status, error: object["error"] as? String,
                          audit: PageAudit(outcomes: outcomes, findings: findings,
                                           styleProblems: (object["styleProblems"] as? [String]) ?? []))
    }

    static func finding(_ object: [String: Any], category: (String) -> Category) throws -> Finding {
        guard let check = object["check"] as? String,
              let outcome = (object["outcome"] as? String).flatMap(Outcome.init(rawValue:)),
              let impact = (object["impact"] as? String).flatMap(Impact.init(rawValue:)) else {
            throw Failure(description: "a finding needs 'check', 'outcome' and 'impact'")
        }
        var location: Location?
        if let line = object["line"] as? Int {
            location = Location(line: line, path: object["path"] as? String ?? "", snippet: object["snippet"] as? String ?? "")
        }
        let message = object["message"] as? String ?? ""
        let fix = object["fix"] as? String ?? ""
        let clauses: [Clause] = ((object["clauses"] as? [[String: String]]) ?? []).compactMap { item in
            guard let std = item["std"].flatMap(StandardID.init(rawValue:)), let clause = item["clause"] else { return nil }
            return Clause(std: std, clause: clause)
        }
        return Finding(check: check, outcome: outcome, impact: impact, category: category(check), location: location,
                       message: Localized(zhCN: message, en: message), fix: Localized(zhCN: fix, en: fix), clauses: clauses)
    }
}
