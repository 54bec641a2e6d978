import CSV
import Foundation

/// Contacts read from a CRM or spreadsheet export: the header row maps
/// columns to fields by their common names ("First Name", "Email",
/// "Company", "Account Name", "Title", "Phone"…), `overrides` by the user
/// (`--map "E-mail 2=email"`). Commas or semicolons separate (whichever the
/// header uses more), a UTF-8 BOM is ignored, quoted fields may hold commas
/// and newlines (parsing by yaslab/CSV.swift).
public enum CSVContacts {
    /// The fields a column can fill.
    public enum Field: String, CaseIterable, Sendable {
        case name, firstName = "first-name", lastName = "last-name", email, phone, account, title, tags, notes, birthday, nickname
    }

    /// Common header names (folded: lower case, no spaces, dashes or underscores).
    static let synonyms: [String: Field] = [
        "name": .name, "fullname": .name, "contactname": .name, "displayname": .name, "contact": .name,
        "firstname": .firstName, "givenname": .firstName, "first": .firstName,
        "lastname": .lastName, "surname": .lastName, "familyname": .lastName, "last": .lastName,
        "email": .email, "emailaddress": .email, "email1": .email, "email2": .email, "workemail": .email, "e-mail": .email,
        "email1value": .email, "email2value": .email,
        "phone": .phone, "phonenumber": .phone, "mobile": .phone, "mobilephone": .phone, "workphone": .phone, "businessphone": .phone,
        "phone1value": .phone, "telephone": .phone,
        "company": .account, "accountname": .account, "account": .account, "organization": .account, "organisation": .account,
        "organization1name": .account, "companyname": .account,
        "title": .title, "jobtitle": .title, "role": .title, "position": .title, "organization1title": .title,
        "tags": .tags, "labels": .tags, "categories": .tags, "groupmembership": .tags,
        "notes": .notes, "note": .notes, "description": .notes,
        "birthday": .birthday, "dateofbirth": .birthday,
        "nickname": .nickname,
    ]

    static func fold(_ header: String) -> String {
        header.lowercased().filter { !" _-".contains($0) }
    }

    /// Reads cards from CSV text. Rows without a name are reported with
    /// their line and skipped; a broken quote stops the reading there.
    public static func read(_ text: String, overrides: [String: Field] = [:]) throws(PhraseError) -> (cards: [VCard], problems: [VCardProblem]) {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let headerLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter: UnicodeScalar = headerLine.filter { $0 == ";" }.count > headerLine.filter { $0 == "," }.count ? ";" : ","
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true, delimiter: delimiter)
        } catch {
            throw PhraseError("the file has no header row to name its columns")
        }
        let headers = reader.headerRow ?? []
        let foldedOverrides = Dictionary(overrides.map { (fold($0.key), $0.value) }, uniquingKeysWith: { $1 })
        let fields = headers.map { foldedOverrides[fold($0)] ?? synonyms[fold($0)] }
        guard fields.contains(where: { $0 == .name || $0 == .firstName || $0 == .lastName }) else {
            throw PhraseError("no column gives a name (columns: \(headers.joined(separator: ", "))); map one with --map \"COLUMN=name\"")
        }
        var cards: [VCard] = []
        var problems: [VCardProblem] = []
        var line = 2 // the header is line 1
        while let row = reader.next() {
            let start = line
            line += 1 + row.reduce(0) { $0 + $1.filter { $0 == "\n" || $0 == "\r\n" }.count }
            if row.allSatisfy(\.isEmpty) { continue }
            // SQLite would cut the text short at a NUL: the row is refused, never stored changed.
            if row.contains(where: { $0.unicodeScalars.contains("\u{0}") }) {
                problems.append(VCardProblem(line: start, message: "a field holds a NUL character; the row was not imported"))
                continue
            }
            var card = VCard(name: "", line: start)
            var first = "", last = ""
            for (index, value) in row.enumerated() where index < fields.count && !value.isEmpty {
                switch fields[index] {
                case .name?: card.name = value
                case .firstName?: first = value
                case .lastName?: last = value
                case .email?: card.emails += value.split(whereSeparator: { $0 == " " || $0 == ":" }).filter { $0.contains("@") }.map { (String($0), nil) }
                case .phone?: card.phones.append((value, nil))
                case .account?: card.organisation = value
                case .title?: card.title = value
                case .tags?: card.categories += value.split(whereSeparator: { ",;".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
                        .filter { !$0.isEmpty && !$0.hasPrefix("*") }
                case .notes?: card.note = value
                case .birthday?: card.birthday = VCardReader.birthday(value)
                    ?? Birthday(text: value).flatMap { birthday in birthday.year.map(ValidRange.birthdayYears.contains) ?? true ? birthday : nil }
                case .nickname?: card.nickname = value
                case nil: break
                }
            }
            if card.name.isEmpty { card.name = [first, last].filter { !$0.isEmpty }.joined(separator: " ") }
            if card.name.isEmpty {
                problems.append(VCardProblem(line: start, message: "a row without a name"))
            } else {
                cards.append(card)
            }
        }
        // A quote opened and never closed swallows the rest of the file into
        // one field: the rows from its line on are reported, not imported.
        if let broken = unclosedQuoteLine(text) {
            cards.removeAll { $0.line >= broken }
            problems.removeAll { $0.line >= broken }
            problems.append(VCardProblem(line: broken, message: "a quote is not closed; this row and the rest of the file were not imported"))
        }
        if let error = reader.error {
            problems.append(VCardProblem(line: line, message: "the file cannot be read from here on (\(error)); a quote may not be closed"))
        }
        return (cards, problems)
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
