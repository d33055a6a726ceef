import ShilaoCore

/// `--format json`: the whole run in one document: settings, totals, the site score with every
/// item's points (enough to recompute it), the baseline comparison, the gate, page records and
/// the inputs that could not be audited.
enum JSONReport {
    static func render(_ run: RunReport) -> String {
        let settings = run.settings
        let totals = run.totals
        var members: [(String, JSON)] = [
            ("tool", .object([("name", .string("shilao")), ("version", .string(ShilaoInfo.version))])),
            ("settings", .object([
                ("profile", .string(settings.profile)),
                ("profileVersion", .string(run.profile.version)),
                ("lang", .string(settings.language.rawValue)),
                ("jobs", .int(settings.jobs)),
                ("inputs", .array(settings.inputs.map(JSON.string))),
            ])),
            ("summary", .object([
                ("pages", .int(totals.pages)),
                ("errors", .int(totals.errors)),
                ("failed", .int(totals.failed)),
                ("needsReview", .int(totals.needsReview)),
            ])),
        ]
        if let site = run.site { members.append(("site", siteJSON(site))) }
        members.append(("profiles", .array(run.sites.map(siteJSON))))
        members.append(("notes", .array(run.notes.map { .string($0[run.language]) })))
        if !run.hosts.isEmpty {
            members.append(("hosts", .array(run.hosts.map { host in
                .object([
                    ("host", .string(host.host)), ("pages", .int(host.pages)), ("errors", .int(host.errors)),
                    ("site", host.site.map(siteJSON) ?? .null),
                    ("worstPages", .array(host.worstPages.map {
                        .object([("url", .string($0.url)), ("failed", .int($0.failed)), ("score", $0.score.map(JSON.double) ?? .null)])
                    })),
                ])
            })))
        }
        if let diff = run.baseline {
            members.append(("baseline", .object([
                ("new", .int(diff.new)), ("fixed", .int(diff.fixed.count)), ("unchanged", .int(diff.unchanged)),
            ])))
        }
        members.append(("gate", .object([
            ("passed", .bool(run.gate.passed)),
            ("reasons", .array(run.gate.reasons.map { .string($0[run.language]) })),
        ])))
        members.append(("pages", .array(run.pages.map { RecordJSON.record($0, language: run.language) })))
        members.append(("loadFailures", .array(run.pages.filter { $0.record.status == .error }.map {
            .object([("url", .string($0.record.url)), ("error", .string($0.record.error ?? ""))])
        })))
        return JSON.object(members).serialized(indent: 2) + "\n"
    }

    static func siteJSON(_ site: SiteScore) -> JSON {
        .object([
            ("profile", .string(site.profile)),
            ("score", site.score.map(JSON.double) ?? .null),
            ("passMark", .double(site.passMark)),
            ("passed", .bool(site.passed)),
            ("vetoFailed", .array(site.vetoFailed.map { .object([("check", .string($0.check)), ("pages", .int($0.pages))]) })),
            ("principles", .array(site.principles.map {
                .object([("principle", .string($0.principle.rawValue)), ("earned", .double(round2($0.earned))),
                         ("applicable", .double(round2($0.applicable)))])
            })),
            ("items", .array(site.items.map { item in
                .object([
                    ("check", .string(item.item.check)),
                    ("principle", .string(item.item.principle.rawValue)),
                    ("points", .double(item.item.points)),
                    ("veto", .bool(item.item.veto)),
                    ("passedPages", .int(item.passedPages)),
                    ("failedPages", .int(item.failedPages)),
                    ("reviewPages", .int(item.reviewPages)),
                    ("earned", .double(round2(item.earned))),
                ])
            })),
        ])
    }

    static func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
