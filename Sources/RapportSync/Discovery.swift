import Foundation
import RapportCore

/// Finds (or makes) the calendar and the address book a book syncs to.
public struct SetupRequest: Sendable {
    public var url: String
    public var user: String?
    public var password: String?
    public var passwordCommand: String?
    /// An existing calendar (URL, or a path on the server), instead of one named Rapport.
    public var calendar: String?
    public var addressBook: String?
    public var includeNotes: Bool
    public var timeout: TimeInterval

    public init(url: String, user: String?, password: String?, passwordCommand: String?, calendar: String?, addressBook: String?,
                includeNotes: Bool, timeout: TimeInterval) {
        self.url = url
        self.user = user
        self.password = password
        self.passwordCommand = passwordCommand
        self.calendar = calendar
        self.addressBook = addressBook
        self.includeNotes = includeNotes
        self.timeout = timeout
    }
}

public struct SetupResult: Sendable {
    public var settings: SyncSettings
    public var createdCalendar: Bool
    public var createdAddressBook: Bool
}

public enum SyncSetup {
    /// The principal (PROPFIND current-user-principal at the URL, else at
    /// its RFC 6764 well-known path), its calendar and address-book homes,
    /// and in them the collections named Rapport, made when missing
    /// (MKCALENDAR, extended MKCOL).
    public static func discover(_ request: SetupRequest) throws -> SetupResult {
        guard let base = URL(string: request.url), let scheme = base.scheme?.lowercased(), ["http", "https"].contains(scheme), base.host != nil else {
            throw SyncError("'\(request.url)' is not a server URL (like https://dav.example.com/)", badInput: true)
        }
        let client = DAVClient(user: request.user, password: request.password, timeout: request.timeout)
        let origin = "\(scheme)://\(base.host!)" + (base.port.map { ":\($0)" } ?? "")
        var calendarHome: String?, contactsHome: String?
        for start in [request.url, origin + "/.well-known/caldav", origin + "/.well-known/carddav"] {
            guard let principal = try principal(at: start, client) else { continue }
            let (calendars, contacts) = try homes(of: principal, client)
            calendarHome = calendarHome ?? calendars
            contactsHome = contactsHome ?? contacts
            if calendarHome != nil && contactsHome != nil { break }
        }
        let calendarURL: String, contactsURL: String
        var createdCalendar = false, createdContacts = false
        if let named = request.calendar {
            calendarURL = try existing(named, kind: "calendar", home: calendarHome ?? request.url, client)
        } else {
            guard let home = calendarHome else {
                throw SyncError("no CalDAV calendar home found at \(request.url) (nor at /.well-known/caldav); give --calendar URL")
            }
            (calendarURL, createdCalendar) = try findOrMake(in: home, kind: "calendar", client)
        }
        if let named = request.addressBook {
            contactsURL = try existing(named, kind: "addressbook", home: contactsHome ?? request.url, client)
        } else {
            guard let home = contactsHome else {
                throw SyncError("no CardDAV address-book home found at \(request.url) (nor at /.well-known/carddav); give --address-book URL")
            }
            (contactsURL, createdContacts) = try findOrMake(in: home, kind: "addressbook", client)
        }
        let settings = SyncSettings(server: request.url, user: request.user, passwordCommand: request.passwordCommand,
                                    calendarURL: calendarURL, contactsURL: contactsURL, includeNotes: request.includeNotes)
        return SetupResult(settings: settings, createdCalendar: createdCalendar, createdAddressBook: createdContacts)
    }

    private static func principal(at url: String, _ client: DAVClient) throws -> String? {
        let response = try client.send("PROPFIND", url, headers: [("Depth", "0")], body: DAVBody.principal)
        guard response.status == 207 else { return nil }
        let resources = try Multistatus.parse(response.body, base: url, request: "PROPFIND \(url)")
        return resources.first?.properties["current-user-principal"]?.hrefs.first
    }

    private static func homes(of principal: String, _ client: DAVClient) throws -> (String?, String?) {
        let response = try client.send("PROPFIND", principal, headers: [("Depth", "0")], body: DAVBody.homes)
        guard response.status == 207 else { return (nil, nil) }
        let resources = try Multistatus.parse(response.body, base: principal, request: "PROPFIND \(principal)")
        let properties = resources.first?.properties ?? [:]
        return (properties["calendar-home-set"]?.hrefs.first, properties["addressbook-home-set"]?.hrefs.first)
    }

    /// The collection named Rapport in `home`, made when there is none.
    private static func findOrMake(in home: String, kind: String, _ client: DAVClient) throws -> (String, Bool) {
        let response = try client.send("PROPFIND", home, headers: [("Depth", "1")], body: DAVBody.collections)
        if response.status == 207 {
            let resources = try Multistatus.parse(response.body, base: home, request: "PROPFIND \(home)")
            if let found = resources.first(where: {
                $0.properties["resourcetype"]?.children.contains(kind) == true && $0.properties["displayname"]?.text == "Rapport"
            }) {
                return (slashed(found.href), false)
            }
        }
        let url = slashed(home) + (kind == "calendar" ? "rapport/" : "rapport-contacts/")
        let made = try client.send(kind == "calendar" ? "MKCALENDAR" : "MKCOL", url,
                                   body: kind == "calendar" ? DAVBody.makeCalendar : DAVBody.makeAddressBook)
        guard made.status == 201 else {
            throw SyncError("the server did not create the \(kind == "calendar" ? "calendar" : "address book") at \(url) (\(made.status)); give an existing one with --\(kind == "calendar" ? "calendar" : "address-book") URL")
        }
        return (url, true)
    }

    /// A collection the user named: it must exist and be of the right kind.
    private static func existing(_ name: String, kind: String, home: String, _ client: DAVClient) throws -> String {
        let url = slashed(Multistatus.absolute(name, base: slashed(home)))
        let response = try client.send("PROPFIND", url, headers: [("Depth", "0")], body: DAVBody.collections)
        guard response.status == 207,
              try Multistatus.parse(response.body, base: url, request: "PROPFIND \(url)").first?.properties["resourcetype"]?.children.contains(kind) == true
        else {
            throw SyncError("\(url) is not \(kind == "calendar" ? "a calendar" : "an address book") on the server (\(response.status))", badInput: true)
        }
        return url
    }

    static func slashed(_ url: String) -> String { url.hasSuffix("/") ? url : url + "/" }
}
