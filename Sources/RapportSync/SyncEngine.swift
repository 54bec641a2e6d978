import Foundation
import RapportCore

/// What one sync did (or, with `--dry-run`, would do).
public struct SyncReport: Sendable {
    /// Items and cards sent for the first time, by reference.
    public var created: [String] = []
    public var updated: [String] = []
    public var deleted: [String] = []
    /// Changes from the server made in the book, one line each.
    public var pulled: [String] = []
    /// Server versions kept as conflicts (Rapport's version won), one line each.
    public var conflicts: [String] = []
    /// Things left for the next sync, one line each.
    public var skipped: [String] = []
    public var unchanged = 0
    /// The undo journal's change for what was pulled, when anything was.
    public var undoLabel: String?
}

/// A sync: first what changed on the server since the last one is pulled
/// into the book (one undoable change), then what changed in the book is
/// pushed, item by item, each recorded in the mapping as soon as the
/// server has it.
public struct SyncEngine {
    public var store: RapportStore
    public var settings: SyncSettings
    public var calendar: LocalCalendar
    public var now: Date
    public var dryRun: Bool
    var client: DAVClient

    public init(store: RapportStore, settings: SyncSettings, password: String?, calendar: LocalCalendar, now: Date,
                dryRun: Bool, timeout: TimeInterval) {
        self.store = store
        self.settings = settings
        self.calendar = calendar
        self.now = now
        self.dryRun = dryRun
        self.client = DAVClient(user: settings.user, password: password, timeout: timeout)
    }

    public func run() throws -> SyncReport {
        var report = SyncReport()
        let stored = try store.syncMappings()
        var mappings = stored
        let before = try targets(mappings)
        // What the server holds now: href → ETag.
        let (calendarListing, calendarToken) = try changes(settings.calendarURL, known: stored.values.filter { $0.collection == .calendar })
        let (contactsListing, contactsToken) = try changes(settings.contactsURL, known: stored.values.filter { $0.collection == .contacts })
        let listing = calendarListing.merging(contactsListing) { first, _ in first }
        var pulled: [(uid: String, change: PulledChange)] = []
        var conflicts: [(mapping: SyncMapping, reason: String, server: String)] = []
        for mapping in mappings.values.sorted(by: { $0.uid < $1.uid }) {
            let target = before[mapping.uid]
            guard let etag = listing[Multistatus.key(mapping.href)] else {
                // Deleted on the server.
                if mapping.collection == .calendar, let ref = try? ItemRef(parsing: mapping.ref),
                   case .put(let text)? = target?.action, !isFinished(text) {
                    pulled.append((mapping.uid, .cancelled(ref, reason: "deleted on the server")))
                } else if mapping.collection == .contacts {
                    report.skipped.append("\(mapping.ref): its card was deleted on the server; sent again")
                }
                if !dryRun { try store.removeSyncMapping(uid: mapping.uid) }
                mappings[mapping.uid] = nil
                continue
            }
            guard etag != mapping.etag else { continue }
            let response = try client.send("GET", mapping.href)
            guard response.status == 200 else { continue }
            let serverETag = response.etag ?? etag
            let rapportChanged = target?.hash != mapping.hash
            let change: PulledChange?
            do {
                change = try serverChange(mapping, server: response.body)
            } catch let error as CalendarObject.Failure {
                conflicts.append((mapping, "the server's version cannot be read: \(error)", response.body))
                change = nil
            }
            if let change {
                if rapportChanged, case .contactAdded = change {
                    pulled.append((mapping.uid, change)) // adding a number or an address overwrites nothing
                } else if rapportChanged, !sameAsWanted(change, target) {
                    conflicts.append((mapping, "changed on the server and in Rapport; Rapport's version was kept", response.body))
                } else if !rapportChanged {
                    pulled.append((mapping.uid, change))
                }
            }
            if !dryRun { try store.updateSyncETag(uid: mapping.uid, etag: serverETag) }
            mappings[mapping.uid]?.etag = serverETag
        }
        if dryRun {
            report.pulled = pulled.map { "\(mappings[$0.uid]?.ref ?? $0.uid): \(describe($0.change))" }
            report.conflicts = conflicts.map { "\($0.mapping.ref): \($0.reason)" }
        } else {
            let outcome = try store.applyPulled(pulled, now: now, calendar: calendar)
            report.pulled = outcome.applied.map(\.summary)
            for (uid, reason) in outcome.refused {
                guard let mapping = stored[uid] else { continue }
                conflicts.append((mapping, "the server's change was refused: \(reason)", ""))
            }
            for conflict in conflicts {
                let server = conflict.server.isEmpty ? ((try? client.send("GET", conflict.mapping.href).body) ?? "") : conflict.server
                try store.addSyncConflict(uid: conflict.mapping.uid, ref: conflict.mapping.ref, reason: conflict.reason, server: server, at: now)
            }
            report.conflicts = conflicts.map { "\($0.mapping.ref): \($0.reason)" }
        }
        try push(try targets(mappings), mappings: mappings, report: &report)
        if !dryRun {
            // Only now: a sync stopped before this point is compared again from the previous token.
            try store.setSyncToken(calendarToken, for: settings.calendarURL)
            try store.setSyncToken(contactsToken, for: settings.contactsURL)
            try store.setLastSync(now)
        }
        return report
    }

    // MARK: Pushing

    private func push(_ targets: [String: SyncTarget], mappings: [String: SyncMapping], report: inout SyncReport) throws {
        for target in targets.values.sorted(by: { ($0.collection.rawValue, $0.ref) < ($1.collection.rawValue, $1.ref) }) {
            let mapping = mappings[target.uid]
            switch target.action {
            case .put(let text):
                let hash = SyncTarget.hash(text)
                if let mapping, mapping.hash == hash {
                    report.unchanged += 1
                    continue
                }
                if dryRun {
                    if mapping == nil { report.created.append(target.ref) } else { report.updated.append(target.ref) }
                    continue
                }
                let href = mapping?.href ?? href(for: target)
                var precondition = mapping.map { ("If-Match", $0.etag ?? "*") } ?? ("If-None-Match", "*")
                var response = try client.send("PUT", href, headers: [precondition], body: text)
                if response.status == 412, mapping == nil {
                    // Already there: a sync killed after the server took it, before the mapping was written.
                    let existing = try client.send("GET", href)
                    guard existing.status == 200, existing.body.contains("UID:" + target.uid) else {
                        report.skipped.append("\(target.ref): the server has another item at \(Multistatus.key(href)); not overwritten")
                        continue
                    }
                    precondition = ("If-Match", existing.etag ?? "*")
                    response = try client.send("PUT", href, headers: [precondition], body: text)
                }
                switch response.status {
                case 200...299:
                    try store.saveSyncMapping(SyncMapping(uid: target.uid, collection: target.collection, ref: target.ref, href: href,
                                                          etag: response.etag, hash: hash, sent: text, syncedAt: now))
                    if mapping == nil { report.created.append(target.ref) } else { report.updated.append(target.ref) }
                case 412:
                    report.skipped.append("\(target.ref): changed on the server during the sync; the next sync compares them")
                default:
                    throw SyncError("the server refused \(target.ref) (\(response.status)) at \(Multistatus.key(href)); the next sync resumes from here")
                }
            case .delete:
                guard let mapping else { continue }
                if dryRun {
                    report.deleted.append(target.ref)
                    continue
                }
                let response = try client.send("DELETE", mapping.href, headers: mapping.etag.map { [("If-Match", $0)] } ?? [])
                switch response.status {
                case 200...299, 404:
                    try store.removeSyncMapping(uid: mapping.uid)
                    report.deleted.append(target.ref)
                case 412:
                    report.skipped.append("\(target.ref): changed on the server during the sync; not deleted")
                default:
                    throw SyncError("the server refused to delete \(target.ref) (\(response.status)); the next sync resumes from here")
                }
            }
        }
    }

    /// A new resource's URL: the collection and the UID, as a file name.
    private func href(for target: SyncTarget) -> String {
        let base = target.collection == .calendar ? settings.calendarURL : settings.contactsURL
        let name = target.uid.replacingOccurrences(of: "@rapport", with: "")
            .map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") ? String($0) : "_" }.joined()
        return SyncSetup.slashed(base) + name + "." + target.collection.fileExtension
    }

    // MARK: Pulling

    private func targets(_ mappings: [String: SyncMapping]) throws -> [String: SyncTarget] {
        let list = try store.syncTargets(now: now, calendar: calendar, includeNotes: settings.includeNotes, mappings: mappings)
        return Dictionary(list.map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// href path → ETag of every resource in a collection, and the token to
    /// ask from next time: through `sync-collection` (RFC 6578) what changed
    /// since the last sync's token, laid over the ETags the mapping knows;
    /// when the server does not support it (or forgot the token), every ETag.
    private func changes(_ collection: String, known: [SyncMapping]) throws -> ([String: String], String?) {
        let token = try store.syncToken(for: collection)
        let response = try client.send("REPORT", collection, headers: [("Depth", "1")], body: DAVBody.syncCollection(token),
                                       tolerating: [400, 403, 404, 405, 409, 415, 501])
        guard response.status == 207 else {
            if token != nil, !dryRun { try store.setSyncToken(nil, for: collection) }
            return (try etags(collection), nil)
        }
        var listing: [String: String] = [:]
        if token != nil {
            for mapping in known { if let etag = mapping.etag { listing[Multistatus.key(mapping.href)] = etag } else { listing[Multistatus.key(mapping.href)] = "" } }
        }
        for resource in try Multistatus.parse(response.body, base: collection, request: "REPORT \(Multistatus.key(collection))") {
            let key = Multistatus.key(resource.href)
            guard key != Multistatus.key(collection) else { continue }
            if resource.status == 404 {
                listing[key] = nil
            } else if let etag = resource.properties["getetag"]?.text {
                listing[key] = etag
            }
        }
        return (listing, Multistatus.syncToken(response.body))
    }

    /// href path → ETag of every resource in a collection.
    private func etags(_ collection: String) throws -> [String: String] {
        let response = try client.send("PROPFIND", collection, headers: [("Depth", "1")], body: DAVBody.etags)
        guard response.status == 207 else {
            throw SyncError("the server did not list \(Multistatus.key(collection)) (\(response.status)); run rapport sync setup again if it moved")
        }
        var etags: [String: String] = [:]
        for resource in try Multistatus.parse(response.body, base: collection, request: "PROPFIND \(Multistatus.key(collection))") {
            if let etag = resource.properties["getetag"]?.text, Multistatus.key(resource.href) != Multistatus.key(collection) {
                etags[Multistatus.key(resource.href)] = etag
            }
        }
        return etags
    }

    /// What changed on the server, compared with what Rapport sent.
    private func serverChange(_ mapping: SyncMapping, server text: String) throws -> PulledChange? {
        switch mapping.collection {
        case .calendar:
            guard let ref = try? ItemRef(parsing: mapping.ref) else { return nil }
            let sent = try CalendarObject.read(mapping.sent, calendar: calendar)
            let server = try CalendarObject.read(text, calendar: calendar)
            if server.status == .completed, sent.status != .completed {
                return .completed(ref, at: server.completed ?? now)
            }
            if server.status == .cancelled, sent.status != .cancelled {
                return .cancelled(ref, reason: "cancelled on the server")
            }
            if sent.status == .completed || sent.status == .cancelled { return nil }
            if server.kind == .todo, let due = server.due, due != sent.due { return .moved(ref, to: due) }
            if server.kind == .event, let start = server.start, start != sent.start { return .moved(ref, to: start) }
            return nil
        case .contacts:
            guard mapping.ref.hasPrefix("@"), let id = Int64(mapping.ref.dropFirst()),
                  let server = VCardReader.read(text).cards.first, let sent = VCardReader.read(mapping.sent).cards.first else { return nil }
            let known = Set(sent.emails.map { $0.address.lowercased() })
            let emails = server.emails.map(\.address).filter { !known.contains($0.lowercased()) && $0.contains("@") }
            func digits(_ number: String) -> String { number.filter(\.isNumber) }
            let knownPhones = Set(sent.phones.map { digits($0.number) })
            let phones = server.phones.map(\.number).filter { !knownPhones.contains(digits($0)) && !digits($0).isEmpty }
            return emails.isEmpty && phones.isEmpty ? nil : .contactAdded(contactID: id, emails: emails, phones: phones)
        }
    }

    /// Whether the server's change is what Rapport wants anyway (both sides did the same).
    private func sameAsWanted(_ change: PulledChange, _ target: SyncTarget?) -> Bool {
        guard case .put(let text)? = target?.action, let wanted = try? CalendarObject.read(text, calendar: calendar) else { return false }
        switch change {
        case .completed: return wanted.status == .completed
        case .cancelled: return wanted.status == .cancelled
        case .moved(_, let due): return wanted.due == due || wanted.start == due
        case .contactAdded: return false
        }
    }

    private func isFinished(_ text: String) -> Bool {
        text.contains("\r\nSTATUS:COMPLETED\r\n") || text.contains("\r\nSTATUS:CANCELLED\r\n")
    }

    private func describe(_ change: PulledChange) -> String {
        switch change {
        case .completed: return "would be marked done"
        case .cancelled(_, let reason): return "would be cancelled (\(reason))"
        case .moved(_, let due): return "would move to \(DateText.due(due, in: calendar, relativeToYear: calendar.day(of: now).year))"
        case .contactAdded(_, let emails, let phones): return "would gain " + (emails + phones).map { TerminalText.safe($0) }.joined(separator: ", ")
        }
    }
}
