import CSV
import Foundation

/// Contacts read from a CRM or spreadsheet export. The header row maps
/// columns to fields by the names the usual exporters give them — Google
/// (current and legacy), Outlook, LinkedIn, HubSpot, Salesforce, Rapport's
/// own export — and `overrides` by the user (`--map "E-mail 2=email"`).
/// Lines before the header (LinkedIn's "Notes:") are skipped: the header is
/// the first line that names a name column. Commas or semicolons separate
/// (whichever the header uses more); quoted fields may hold commas and
/// newlines (parsing by yaslab/CSV.swift). A column with no field of its own
/// is kept on the contact as a labelled detail, never dropped.
public enum CSVContacts {
    /// The fields a column can fill (`--map COLUMN=FIELD`).
    public enum Field: String, CaseIterable, Sendable {
        case name, firstName = "first-name", middleName = "middle-name", lastName = "last-name", prefix, suffix
        case email, phone, account, department, title, tags, notes, birthday, anniversary, nickname, address, url, social
        case tier, favourite, cadence, lunchCadence = "lunch-cadence", channel, needs, wants, caresAbout = "cares-about"
        case dietaryNeeds = "dietary-needs", family, interests, ignore
    }

    /// Which order numeric dates (`03/05/1980`) are in.
    public enum DateOrder: String, CaseIterable, Sendable {
        case dmy, mdy
    }

    /// Common header names (folded: lower case, letters and digits only).
    static let synonyms: [String: Field] = [
        "name": .name, "fullname": .name, "contactname": .name, "displayname": .name, "contact": .name,
        "firstname": .firstName, "givenname": .firstName, "first": .firstName,
        "middlename": .middleName, "additionalname": .middleName,
        "lastname": .lastName, "surname": .lastName, "familyname": .lastName, "last": .lastName,
        "nameprefix": .prefix, "salutation": .prefix, "suffix": .suffix, "namesuffix": .suffix,
        "email": .email, "emailaddress": .email,
        "phone": .phone, "phonenumber": .phone, "telephone": .phone, "mobile": .phone,
        "company": .account, "accountname": .account, "account": .account, "organization": .account, "organisation": .account,
        "organization1name": .account, "organizationname": .account, "companyname": .account, "associatedcompany": .account,
        "jobtitle": .title, "role": .title, "position": .title, "organization1title": .title, "organizationtitle": .title,
        "title": .title,
        "department": .department, "organization1department": .department, "organizationdepartment": .department,
        "tags": .tags, "labels": .tags, "categories": .tags, "groupmembership": .tags,
        "notes": .notes, "note": .notes, "description": .notes,
        "birthday": .birthday, "dateofbirth": .birthday, "birthdate": .birthday,
        "anniversary": .anniversary, "weddinganniversary": .anniversary,
        "nickname": .nickname,
        "webpage": .url, "website": .url, "websiteurl": .url, "personalwebpage": .url, "businesswebpage": .url, "url": .url,
        "linkedinurl": .social, "linkedin": .social, "twitter": .social, "twitterusername": .social,
        "tier": .tier, "favourite": .favourite, "favorite": .favourite, "stayintouchdays": .cadence, "cadencedays": .cadence,
        "lunchcadencedays": .lunchCadence, "luncheverydays": .lunchCadence, "preferredchannel": .channel,
        "needs": .needs, "wants": .wants, "caresabout": .caresAbout, "dietaryneeds": .dietaryNeeds, "family": .family,
        "interests": .interests,
        // Columns that only describe others (types of an address, display copies) or are computed by Rapport.
        "id": .ignore, "lasttouch": .ignore, "touchdue": .ignore, "fileas": .ignore, "photo": .ignore, "initials": .ignore,
        "phoneticfirstname": .ignore, "phoneticmiddlename": .ignore, "phoneticlastname": .ignore, "yomifirstname": .ignore,
        "yomilastname": .ignore, "emailtype": .ignore, "email2type": .ignore, "email3type": .ignore, "emaildisplayname": .ignore,
        "email2displayname": .ignore, "email3displayname": .ignore, "priority": .ignore, "sensitivity": .ignore, "private": .ignore,
        "givennameyomi": .ignore, "familynameyomi": .ignore, "additionalnameyomi": .ignore, "nameprefix1": .ignore,
    ]

    /// What a column holds.
    enum Role: Equatable {
        case field(Field, label: String?)
        /// One of a numbered group's parts: Google's "E-mail 1 - Label" / "E-mail 1 - Value", Rapport's "Phone 2 label".
        case group(Group, number: Int, part: GroupPart)
        /// A piece of a postal address: Outlook's "Business City", Salesforce's "Mailing Street".
        case addressPart(label: String?, order: Int)
        /// A column with no field of its own, kept as a labelled detail.
        case custom(String)
    }

    enum Group: String { case email, phone, address, website, event, relation, customfield, im, detail }
    enum GroupPart: Equatable { case value, label, kind, addressPart(Int) }

    static func fold(_ header: String) -> String {
        header.lowercased().replacingOccurrences(of: "e-mail", with: "email").filter { $0.isLetter || $0.isNumber }
    }

    private static let addressParts: [(String, Int)] = [
        ("pobox", 0), ("street", 1), ("streetaddress", 1), ("street2", 2), ("street3", 3), ("extendedaddress", 2), ("city", 4),
        ("locality", 4), ("state", 5), ("stateprovince", 5), ("stateregion", 5), ("region", 5), ("postalcode", 6),
        ("zippostalcode", 6), ("zip", 6), ("zipcode", 6), ("country", 7), ("countryregion", 7),
    ]

    /// The role of one header; `hasJobTitle` says whether "Title" is a job title or a courtesy title (Outlook).
    static func role(_ header: String, override: Field?, hasJobTitle: Bool, isLinkedIn: Bool) -> Role {
        if let override { return .field(override, label: nil) }
        let folded = fold(header)
        if folded == "title", hasJobTitle { return .field(.prefix, label: nil) }
        if isLinkedIn, folded == "url" { return .field(.social, label: "LinkedIn") }
        if let field = synonyms[folded] { return .field(field, label: nil) }
        // "email1value", "phone2label", "address1formatted", "detail3kind", "email2address", "phone1"
        if let match = folded.firstMatch(of: /^(email|phone|address|website|event|relation|customfield|im|detail)(\d+)([a-z]*)$/) {
            let group = Group(rawValue: String(match.1))!, number = Int(match.2) ?? 0, rest = String(match.3)
            switch rest {
            case "", "value", "address", "formatted": return .group(group, number: number, part: .value)
            case "label", "type": return .group(group, number: number, part: .label)
            case "kind": return .group(group, number: number, part: .kind)
            default:
                if group == .address, let part = addressParts.first(where: { $0.0 == rest }) {
                    return .group(group, number: number, part: .addressPart(part.1))
                }
            }
        }
        for prefix in ["business", "home", "other", "mailing", "work", ""] where folded.hasPrefix(prefix) {
            if let part = addressParts.first(where: { $0.0 == folded.dropFirst(prefix.count) }) {
                return .addressPart(label: prefix.isEmpty ? nil : prefix == "business" ? "work" : prefix, order: part.1)
            }
        }
        if folded.contains("email"), !folded.contains("type"), !folded.contains("displayname") {
            let label = folded.components(separatedBy: "email").first.flatMap { $0.isEmpty ? nil : $0 }
            return .field(.email, label: label)
        }
        if folded.contains("phone") || folded.hasSuffix("fax") || folded.hasSuffix("mobile") || folded == "pager" || folded == "callback" {
            let words = header.lowercased().split(whereSeparator: { !$0.isLetter })
                .filter { !["phone", "number", "2", "3"].contains($0) }
            return .field(.phone, label: words.isEmpty ? nil : words.joined(separator: " "))
        }
        return .custom(header.trimmingCharacters(in: .whitespaces))
    }

    /// Reads cards from CSV text (kept for callers that already have text).
    public static func read(_ text: String, overrides: [String: Field] = [:], dateOrder: DateOrder? = nil)
        throws(PhraseError) -> (cards: [VCard], problems: [VCardProblem]) {
        let result = try read(bytes: Array(text.utf8), overrides: overrides, dateOrder: dateOrder)
        return (result.cards, result.problems)
    }

    /// Reads cards from a file's bytes (UTF-8, UTF-16 with a BOM, else
    /// Windows-1252 with a warning, or `encoding`). Rows without a name or an
    /// email are reported with their line and skipped; a broken quote stops
    /// the reading there. A date column whose order its values do not prove
    /// is refused unless `dateOrder` is given.
    public static func read(bytes: [UInt8], encoding: TextEncoding? = nil, overrides: [String: Field] = [:],
                            dateOrder: DateOrder? = nil) throws(PhraseError) -> ReadResult {
        var result = ReadResult()
        let file = DecodedFile(bytes, encoding: encoding)
        var usedFallback = false
        var text = file.text(file.bytes, usedFallback: &usedFallback)
        if usedFallback {
            result.warnings.append("the file is not UTF-8; read as \(file.fallback.rawValue) (--encoding chooses another)")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let foldedOverrides = Dictionary(overrides.map { (fold($0.key), $0.value) }, uniquingKeysWith: { $1 })
        let (headerOffset, body) = findHeader(text, overrides: foldedOverrides)
        let headerLine = body.prefix { $0 != "\n" && $0 != "\r" && $0 != "\r\n" }
        let delimiter: UnicodeScalar = headerLine.filter { $0 == ";" }.count > headerLine.filter { $0 == "," }.count ? ";" : ","
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: true, trimFields: true, delimiter: delimiter)
        } catch {
            throw PhraseError("the file has no header row to name its columns")
        }
        let headers = reader.headerRow ?? []
        let folded = headers.map(fold)
        let hasJobTitle = folded.contains { ["jobtitle", "organization1title", "organizationtitle"].contains($0) }
        let isLinkedIn = folded.contains("connectedon")
        let roles = headers.map { role($0, override: foldedOverrides[fold($0)], hasJobTitle: hasJobTitle, isLinkedIn: isLinkedIn) }
        guard roles.contains(where: { [.name, .firstName, .lastName, .email].contains(field($0)) })
                || roles.contains(where: { if case .group(.email, _, .value) = $0 { return true } else { return false } }) else {
            throw PhraseError("no column gives a name or an email (columns: \(headers.joined(separator: ", "))); map one with --map \"COLUMN=name\"")
        }
        var rows: [(line: Int, cells: [String])] = []
        var line = headerOffset + 2 // the header is the line after the preamble
        while let row = reader.next() {
            let start = line
            line += 1 + row.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
            if row.allSatisfy(\.isEmpty) { continue }
            // SQLite would cut the text short at a NUL: the row is refused, never stored changed.
            if row.contains(where: { $0.unicodeScalars.contains("\u{0}") }) {
                result.problems.append(VCardProblem(line: start, message: "a field holds a NUL character; the row was not imported"))
                continue
            }
            rows.append((start, row.map(unescapeFormula)))
        }
        let orders = try dateOrders(headers: headers, roles: roles, rows: rows.map(\.cells), chosen: dateOrder)
        for (start, row) in rows {
            var card = record(row, roles: roles, headers: headers, orders: orders, line: start)
            if card.name.isEmpty, let email = card.emails.first?.address { card.name = email }
            if card.name.isEmpty {
                result.problems.append(VCardProblem(line: start, message: "a row without a name or an email"))
            } else {
                result.cards.append(card)
            }
        }
        // A quote opened and never closed swallows the rest of the file into
        // one field: the rows from its line on are reported, not imported.
        if let broken = unclosedQuoteLine(body).map({ $0 + headerOffset }) {
            result.cards.removeAll { $0.line >= broken }
            result.problems.removeAll { $0.line >= broken }
            result.problems.append(VCardProblem(line: broken, message: "a quote is not closed; this row and the rest of the file were not imported"))
        }
        if let error = reader.error {
            result.problems.append(VCardProblem(line: line, message: "the file cannot be read from here on (\(error)); a quote may not be closed"))
        }
        return result
    }

    private static func field(_ role: Role) -> Field? {
        if case .field(let field, _) = role { return field }
        return nil
    }

    /// The header line and the text from it on, with how many lines came before.
    static func findHeader(_ text: String, overrides: [String: Field]) -> (Int, String) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        let naming: Set<Field> = [.name, .firstName, .lastName, .email]
        for (index, line) in lines.prefix(50).enumerated() {
            let cells = line.split(whereSeparator: { $0 == "," || $0 == ";" })
                .map { fold($0.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))) }
            if cells.contains(where: { overrides[$0].map(naming.contains) ?? synonyms[$0].map(naming.contains) ?? false })
                || cells.contains(where: { $0.hasPrefix("email") && $0.hasSuffix("value") }) {
                guard index > 0 else { return (0, text) }
                return (index, lines[index...].joined(separator: "\n"))
            }
        }
        return (0, text)
    }

    /// A cell written as text with a leading apostrophe, because a
    /// spreadsheet would run it as a formula (`'=SUM(A1)`), loses the apostrophe again.
    static func unescapeFormula(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.dropFirst().first, CSVExport.formulaStarts.contains(second) else { return cell }
        return String(cell.dropFirst())
    }

    private static func record(_ row: [String], roles: [Role], headers: [String], orders: [Int: DateOrder], line: Int) -> VCard {
        var card = VCard(name: "", line: line)
        var first = "", middle = "", last = "", suffix = ""
        var groups: [String: (value: String?, label: String?, kind: String?, parts: [Int: String])] = [:]
        var addresses: [String?: [Int: String]] = [:]
        func date(_ value: String, column: Int) -> Birthday?? {
            // nil: not a date at all; .some(nil): Outlook's "no date"
            if ["0/0/00", "0/0/0000", "00/00/0000", "1/1/0001"].contains(value) { return .some(nil) }
            return CSVDates.parse(value, order: orders[column]).map { .some($0) }
        }
        for (index, value) in row.enumerated() where index < roles.count && !value.isEmpty {
            switch roles[index] {
            case .field(let field, let label):
                switch field {
                case .name: card.name = value
                case .firstName: first = value
                case .middleName: middle = value
                case .lastName: last = value
                case .suffix: suffix = value
                case .prefix: card.details.append(VCard.Detail(.custom, "Prefix", value))
                case .email:
                    card.emails += multiple(value).flatMap { $0.split(whereSeparator: { $0 == " " }) }.filter { $0.contains("@") }
                        .map { (String($0), label) }
                case .phone: card.phones += multiple(value).map { ($0, label) }
                case .account: if card.organisation == nil { card.organisation = value }
                case .department: card.department = value
                case .title: card.title = value
                case .tags:
                    card.categories += multiple(value, alsoSplittingOn: ",;").filter { !$0.hasPrefix("*") }
                case .notes: card.note = value
                case .birthday:
                    switch date(value, column: index) {
                    case .some(let day): card.birthday = day
                    case nil: card.details.append(VCard.Detail(.custom, headers[index], value))
                    }
                case .anniversary:
                    switch date(value, column: index) {
                    case .some(let day?): card.details.append(VCard.Detail(.anniversary, nil, day.description))
                    case .some(nil): break
                    case nil: card.details.append(VCard.Detail(.custom, headers[index], value))
                    }
                case .nickname: card.nickname = value
                case .address: card.details.append(VCard.Detail(.address, label, value))
                case .url: card.details += multiple(value).map { VCard.Detail(.url, label, $0) }
                case .social: card.details += multiple(value).map { VCard.Detail(.social, label ?? headers[index], $0) }
                case .tier: card.tier = Tier(rawValue: value.uppercased())
                case .favourite: card.isFavourite = ["yes", "true", "1", "y", "★"].contains(value.lowercased())
                case .cadence: card.stayInTouchDays = Int(value)
                case .lunchCadence: card.lunchCadenceDays = Int(value)
                case .channel: card.preferredChannel = Channel(rawValue: value.lowercased())
                case .needs: card.needs = value
                case .wants: card.wants = value
                case .caresAbout: card.caresAbout = value
                case .dietaryNeeds: card.dietaryNeeds = value
                case .family: card.family = value
                case .interests: card.interests = value
                case .ignore: break
                }
            case .group(let group, let number, let part):
                let key = "\(group.rawValue)\(number)"
                var entry = groups[key] ?? (nil, nil, nil, [:])
                switch part {
                case .value: entry.value = value
                case .label: entry.label = value.hasPrefix("* ") ? String(value.dropFirst(2)) : value
                case .kind: entry.kind = value
                case .addressPart(let order): entry.parts[order] = value
                }
                groups[key] = entry
            case .addressPart(let label, let order):
                addresses[label, default: [:]][order, default: ""] += (addresses[label]?[order] == nil ? "" : ", ") + value
            case .custom(let header):
                if value == "Unspecified" { continue } // Outlook's empty Gender
                if isLinkedInDate(header), let day = CSVDates.parse(value, order: nil) {
                    card.details.append(VCard.Detail(.event, header, day.description))
                } else {
                    card.details.append(VCard.Detail(.custom, header, value))
                }
            }
        }
        for key in groups.keys.sorted(by: { $0.localizedStandardCompare($1) == .orderedAscending }) {
            let entry = groups[key]!
            let label = entry.label.flatMap { $0.isEmpty ? nil : $0.lowercased() == "other" ? "other" : $0 }
            let composed = entry.parts.keys.sorted().compactMap { entry.parts[$0] }.joined(separator: ", ")
            guard let value = entry.value ?? (composed.isEmpty ? nil : composed) else { continue }
            switch Group(rawValue: String(key.prefix { $0.isLetter }))! {
            case .email: card.emails += multiple(value).filter { $0.contains("@") }.map { ($0, label?.lowercased()) }
            case .phone: card.phones += multiple(value).map { ($0, label?.lowercased()) }
            case .address: card.details += multiple(value).map { VCard.Detail(.address, label?.lowercased(), oneLine($0)) }
            case .website: card.details += multiple(value).map { VCard.Detail(.url, label, $0) }
            case .im: card.details += multiple(value).map { VCard.Detail(.social, label, $0) }
            case .relation: card.details += multiple(value).map { VCard.Detail(.related, label, $0) }
            case .customfield: card.details += multiple(value).map { VCard.Detail(.custom, label, $0) }
            case .event:
                let day = CSVDates.parse(value, order: nil)?.description ?? value
                if label?.lowercased() == "anniversary" { card.details.append(VCard.Detail(.anniversary, nil, day)) }
                else { card.details.append(VCard.Detail(.event, label, day)) }
            case .detail:
                let kind = entry.kind.flatMap(ContactDetail.Kind.init(rawValue:)) ?? .custom
                if kind == .department { card.department = value } else { card.details.append(VCard.Detail(kind, label, value)) }
            }
        }
        for label in addresses.keys.sorted(by: { ($0 ?? "") < ($1 ?? "") }) {
            let parts = addresses[label]!
            card.details.append(VCard.Detail(.address, label, parts.keys.sorted().map { parts[$0]! }.joined(separator: ", ")))
        }
        if card.name.isEmpty { card.name = [first, middle, last, suffix].filter { !$0.isEmpty }.joined(separator: " ") }
        return card
    }

    /// An address written over several lines, on one: "1 Main St, Springfield".
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    private static func isLinkedInDate(_ header: String) -> Bool { fold(header) == "connectedon" }

    /// Google joins several values of one field with " ::: ".
    private static func multiple(_ value: String, alsoSplittingOn separators: String = "") -> [String] {
        value.components(separatedBy: " ::: ").flatMap { part in
            separators.isEmpty ? [part] : part.split(whereSeparator: { separators.contains($0) }).map(String.init)
        }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The order of each date column's numeric dates, proven by its values
    /// (a first number over 12 is a day), else `chosen`; a column that stays
    /// ambiguous without `chosen`, or contradicts itself, is refused.
    static func dateOrders(headers: [String], roles: [Role], rows: [[String]], chosen: DateOrder?) throws(PhraseError) -> [Int: DateOrder] {
        var orders: [Int: DateOrder] = [:]
        for (column, role) in roles.enumerated() {
            guard case .field(let field, _) = role, field == .birthday || field == .anniversary else { continue }
            var dayFirst: String?, monthFirst: String?, ambiguous: String?
            for row in rows where column < row.count {
                guard let (a, b) = CSVDates.numericPair(row[column]) else { continue }
                if a > 12 && b <= 12 { dayFirst = dayFirst ?? row[column] }
                else if b > 12 && a <= 12 { monthFirst = monthFirst ?? row[column] }
                else if a <= 12 && b <= 12 && a != b { ambiguous = ambiguous ?? row[column] }
            }
            switch (dayFirst, monthFirst) {
            case let (day?, month?):
                throw PhraseError("column '\(headers[column])' has day-first (\(day)) and month-first (\(month)) dates; fix the file")
            case (_?, nil): orders[column] = .dmy
            case (nil, _?): orders[column] = .mdy
            case (nil, nil):
                if let chosen { orders[column] = chosen }
                else if let example = ambiguous {
                    throw PhraseError("the dates in column '\(headers[column])' (such as \(example)) could be day or month first; say which with --date-order dmy or --date-order mdy")
                }
            }
        }
        return orders
    }

    /// The line of a double quote that opens a field and is never closed, if any.
    static func unclosedQuoteLine(_ text: String) -> Int? {
        var line = 1, quoteLine = 0, inQuotes = false, previousWasQuote = false
        for character in text {
            if character == "\"" {
                if inQuotes && previousWasQuote { previousWasQuote = false; continue } // "" inside quotes
                inQuotes.toggle()
                if inQuotes { quoteLine = line }
                previousWasQuote = !inQuotes
                continue
            }
            previousWasQuote = false
            if character == "\n" || character == "\r\n" { line += 1 }
        }
        return inQuotes ? quoteLine : nil
    }

    /// Reads `COLUMN=field` mappings.
    public static func overrides(_ mappings: [String]) throws(PhraseError) -> [String: Field] {
        var result: [String: Field] = [:]
        for mapping in mappings {
            let parts = mapping.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let field = Field(rawValue: parts[1].lowercased()) else {
                throw PhraseError("--map '\(mapping)' is not COLUMN=FIELD (fields: \(Field.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            result[parts[0]] = field
        }
        return result
    }
}

/// Dates as exporters write them in CSV: `1969-12-28`, `--12-28`,
/// `19691228`, `12/28/1969` or `28.12.1969` (in an order given), `28 Dec
/// 1969`, `Dec 28, 1969`.
enum CSVDates {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The first two numbers of a numeric `a/b/yyyy`, `a.b.yyyy` or `a-b-yyyy` date.
    static func numericPair(_ value: String) -> (Int, Int)? {
        guard value.allSatisfy(\.isASCII), let match = value.trimmingCharacters(in: .whitespaces).wholeMatch(of: /(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})/) else { return nil }
        return (Int(match.1)!, Int(match.2)!)
    }

    /// A date in the range Rapport keeps for a birthday (`ValidRange.birthdayYears`), else nil.
    /// (ASCII digits only: a regex digit also matches other scripts' digits, which Int does not read.)
    static func parse(_ value: String, order: CSVContacts.DateOrder?) -> Birthday? {
        guard value.allSatisfy(\.isASCII), let day = parseAny(value, order: order) else { return nil }
        return day.year.map(ValidRange.birthdayYears.contains) ?? true ? day : nil
    }

    private static func parseAny(_ value: String, order: CSVContacts.DateOrder?) -> Birthday? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let day = VCardReader.birthday(text) { return day }
        if let match = text.wholeMatch(of: /(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})/) {
            let (a, b, year) = (Int(match.1)!, Int(match.2)!, Int(match.3)!)
            switch order {
            case .dmy?: return Birthday(year: year, month: b, day: a)
            case .mdy?: return Birthday(year: year, month: a, day: b)
            case nil: return a == b ? Birthday(year: year, month: a, day: b) : nil
            }
        }
        if let match = text.wholeMatch(of: /(\d{4})[\/.](\d{1,2})[\/.](\d{1,2})/) {
            return Birthday(year: Int(match.1)!, month: Int(match.2)!, day: Int(match.3)!)
        }
        if let match = text.wholeMatch(of: /(\d{1,2})\.? ([A-Za-z]{3})[a-z]*\.? (\d{4})/),
           let month = months.firstIndex(of: match.2.lowercased()) {
            return Birthday(year: Int(match.3)!, month: month + 1, day: Int(match.1)!)
        }
        if let match = text.wholeMatch(of: /([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})/),
           let month = months.firstIndex(of: match.1.lowercased()) {
            return Birthday(year: Int(match.3)!, month: month + 1, day: Int(match.2)!)
        }
        return nil
    }
}
