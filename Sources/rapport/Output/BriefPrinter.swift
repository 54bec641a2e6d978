import Foundation
import RapportCore

/// A brief as text for a terminal or a pipe, or as Markdown.
struct BriefPrinter {
    let lines: [BriefLine]
    let style: OutputStyle

    /// Aligned text: sections flush left, people indented, field labels in a
    /// column; on a terminal, long values wrap under their column.
    var text: [String] {
        var output: [String] = []
        var indent = 2
        for line in lines {
            let value = TerminalText.safe(line.text)
            switch line.kind {
            case .title:
                output.append(style.bold(value))
                indent = 2
            case .heading:
                output.append(style.bold(value))
                indent = 2
            case .subheading:
                output.append("  " + style.bold(value))
                indent = 4
            case .field:
                let lead = String(repeating: " ", count: indent)
                let label = line.label.padding(toLength: BriefLine.labelWidth, withPad: " ", startingAt: 0)
                let hanging = String(repeating: " ", count: indent + BriefLine.labelWidth + 1)
                for (index, part) in wrap(value, width: (style.width ?? Int.max) - hanging.count).enumerated() {
                    output.append((index == 0 ? lead + style.dim(label) + " " : hanging) + tone(part, line.tone))
                }
            case .text:
                let lead = String(repeating: " ", count: indent)
                for part in wrap(value, width: (style.width ?? Int.max) - indent) { output.append(lead + tone(part, line.tone)) }
            case .blank:
                output.append("")
                indent = 2
            }
        }
        return output
    }

    /// Markdown for printing or pasting into a calendar invite: the stored
    /// text escaped so that it reads as written, never as markup.
    var markdown: [String] {
        var output: [String] = []
        for line in lines {
            let value = BriefPrinter.escapeMarkdown(TerminalText.safe(line.text))
            switch line.kind {
            case .title: output.append("# " + value)
            case .heading: output.append("## " + value)
            case .subheading: output.append("### " + value)
            case .field:
                if line.label.isEmpty {
                    // A continuation is a list item under the field; an indented one, one level deeper.
                    let indent = value.prefix { $0 == " " }
                    output.append("  " + indent + "- " + value.dropFirst(indent.count))
                } else {
                    output.append("- **\(BriefPrinter.escapeMarkdown(line.label))**: " + value)
                }
            case .text: output.append(value.isEmpty ? "" : BriefPrinter.escapeLineStart(value) + "  ")
            case .blank: output.append("")
            }
        }
        return output
    }

    private func tone(_ text: String, _ tone: BriefTone) -> String {
        switch tone {
        case .normal: return text
        case .muted: return style.dim(text)
        case .accent: return style.bold(text)
        case .ask, .late: return style.red(text)
        }
    }

    /// Splits at spaces into lines of at most `width` columns (a longer word stays whole).
    private func wrap(_ text: String, width: Int) -> [String] {
        guard width > 10, TerminalText.width(text) > width else { return [text] }
        let indent = String(text.prefix { $0 == " " })
        var lines: [String] = [], current = indent
        for word in text.dropFirst(indent.count).split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current == indent ? current + word : current + " " + word
            if TerminalText.width(candidate) > width && current != indent {
                lines.append(current)
                current = indent + word
            } else {
                current = candidate
            }
        }
        return lines + [current]
    }

    /// A backslash before each character Markdown reads as markup within a
    /// line (emphasis, code, links, HTML, tables); the rest stays as typed,
    /// readable in a calendar invite that shows the text raw.
    static func escapeMarkdown(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// A line of notes that would start a heading, a list or a quote starts with a backslash.
    static func escapeLineStart(_ line: String) -> String {
        let trimmed = line.drop { $0 == " " }
        let marker = trimmed.first.map { "#-+>=".contains($0) } ?? false
        let numbered = trimmed.prefix { $0.isASCII && $0.isNumber }.count > 0
            && trimmed.drop { $0.isASCII && $0.isNumber }.first.map { $0 == "." || $0 == ")" } ?? false
        return marker || numbered ? String(line.prefix(line.count - trimmed.count)) + "\\" + trimmed : line
    }
}

/// A value as JSON, with instants in the user's zone (`2026-11-30T10:00:00+01:00`) like the other JSON Rapport prints.
func printJSON(_ value: some Encodable, calendar: LocalCalendar) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
        var container = encoder.singleValueContainer()
        try container.encode(AgendaText.iso(.instant(date), calendar: calendar))
    }
    var text = String(decoding: try encoder.encode(value), as: UTF8.self)
    text = text.replacingOccurrences(of: #"\[\n\s*\n?\s*\]"#, with: "[]", options: .regularExpression)
    say(JSONText.escapeInvisible(text))
}
