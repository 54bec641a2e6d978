/// One line about what is late, for a shell prompt, a status bar or a login
/// message: `rapport overdue --format "{late} late · {thank-you} thank-yous"`.
///
/// A template is text with fields in braces; `{{` and `}}` are literal
/// braces. The fields are `{late}` (how many items are late), one count per
/// item kind, named as `--kind` names it (`{thank-you}`, `{follow-up}`…, or
/// an alias from the table of kinds: `{thanks}`), and the most overdue item's `{first.ref}`,
/// `{first.kind}`, `{first.title}`, `{first.who}`, `{first.account}`,
/// `{first.late}` and `{first.due}`. A template naming any other field is
/// refused when it is read, never rendered with a hole in it.
///
/// The rendered line is terminal-safe (every character of it, stored text
/// and the template's own, goes through `TerminalText.safe`, so it is one
/// line without control codes) and, with a width, cut at a grapheme
/// cluster with "…" to fit that many columns.
public struct OverdueTemplate: Sendable, Equatable {
    /// What a field stands for.
    public enum Field: Sendable, Equatable {
        /// How many items are late.
        case late
        /// How many items of one kind are late.
        case count(ItemKind)
        /// A value of the most overdue item.
        case first(FirstValue)

        /// The field's name, as written between braces.
        public var name: String {
            switch self {
            case .late: return "late"
            case .count(let kind): return kind.rawValue
            case .first(let value): return "first." + value.rawValue
            }
        }

        /// One line of documentation, for `--help` and the README.
        public var help: String {
            switch self {
            case .late: return "how many items are late"
            case .count(let kind): return "how many late items are \(kind.label) items"
            case .first(let value): return value.help
            }
        }
    }

    /// The values of the most overdue item a template can show.
    public enum FirstValue: String, CaseIterable, Sendable {
        case ref, kind, title, who, account, late, due

        var help: String {
            switch self {
            case .ref: return "the most overdue item's reference (f12)"
            case .kind: return "its kind (follow-up)"
            case .title: return "its title"
            case .who: return "its people (Dana Ruiz, Lee Park)"
            case .account: return "its account, or nothing"
            case .late: return "how late it is (3 d late, 2 h late)"
            case .due: return "when it was due (Fri 27 Nov 16:00)"
            }
        }
    }

    /// Every field, in the order `--help` lists them.
    public static let fields: [Field] = [.late] + ItemKind.allCases.map(Field.count) + FirstValue.allCases.map(Field.first)

    enum Part: Sendable, Equatable {
        case text(String)
        case field(Field)
    }

    let parts: [Part]

    /// Reads a template, or throws a message naming the unknown field (with
    /// the closest known one) or the unclosed brace.
    public init(parsing template: String) throws(PhraseError) {
        var parts: [Part] = []
        var text = ""
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            let next = template.index(after: index)
            if character == "}" {
                guard next < template.endIndex, template[next] == "}" else {
                    throw PhraseError("the template has a '}' without its '{' (write '}}' for a brace)")
                }
                text.append("}")
                index = template.index(after: next)
                continue
            }
            guard character == "{" else {
                text.append(character)
                index = next
                continue
            }
            if next < template.endIndex, template[next] == "{" {
                text.append("{")
                index = template.index(after: next)
                continue
            }
            guard let close = template[next...].firstIndex(of: "}") else {
                throw PhraseError("the template has a '{' that is never closed (write '{{' for a brace)")
            }
            let name = String(template[next..<close])
            // A kind's count answers to whatever `--kind` takes: its name, label or an alias ({thanks}).
            guard let field = Self.fields.first(where: { $0.name == name.lowercased() }) ?? ItemKind(named: name).map(Field.count) else {
                throw PhraseError(Self.unknownFieldMessage(name))
            }
            if !text.isEmpty { parts.append(.text(text)); text = "" }
            parts.append(.field(field))
            index = template.index(after: close)
        }
        if !text.isEmpty { parts.append(.text(text)) }
        self.parts = parts
    }

    private static func unknownFieldMessage(_ name: String) -> String {
        let shown = TerminalText.safe(name)
        let wanted = name.lowercased()
        let names = fields.map(\.name)
        let scored = names.map { candidate -> (name: String, score: Int) in
            // A shared beginning of four letters ("thanks", "thank-you") counts as close as a typo.
            let sharedStart = zip(wanted, candidate).prefix { $0 == $1 }.count
            return (candidate, sharedStart >= 4 ? 1 : editDistance(wanted, candidate))
        }
        let best = scored.min { $0.score < $1.score }
        if let best, best.score <= max(2, wanted.count / 3) {
            return "the template has no field {\(shown)}; did you mean {\(best.name)}?"
        }
        return "the template has no field {\(shown)}; the fields are " + names.map { "{\($0)}" }.joined(separator: ", ")
    }

    /// The line for `items` (late items, most overdue first), or nil when
    /// there are none: a prompt then shows nothing at all.
    public func render(_ items: [AgendaItem], in agenda: Agenda, calendar: LocalCalendar, maxWidth: Int? = nil) -> String? {
        guard let first = items.first else { return nil }
        var line = ""
        for part in parts {
            switch part {
            case .text(let text):
                line += text
            case .field(.late):
                line += String(items.count)
            case .field(.count(let kind)):
                line += String(items.count { $0.kind == kind })
            case .field(.first(let value)):
                line += Self.value(value, of: first, in: agenda, calendar: calendar)
            }
        }
        let safe = TerminalText.safe(line)
        guard let maxWidth else { return safe }
        return TerminalText.truncate(safe, toWidth: maxWidth)
    }

    private static func value(_ value: FirstValue, of item: AgendaItem, in agenda: Agenda, calendar: LocalCalendar) -> String {
        switch value {
        case .ref: return item.ref.description
        case .kind: return item.kind.label
        case .title: return item.title
        case .who: return item.contacts.map(\.name).joined(separator: ", ")
        case .account: return item.account ?? ""
        case .late: return AgendaText.when(item, in: agenda, calendar: calendar)
        case .due: return DateText.due(item.due, in: calendar, relativeToYear: agenda.today.year)
        }
    }
}
