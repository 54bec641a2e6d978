/// A one-line text field: the text and where the cursor is, edited by keys.
///
/// The cursor counts grapheme clusters (what a reader sees as one
/// character: `é` typed as `e` + U+0301, `प्रि`, a flag, a family emoji).
/// Keys arrive one scalar at a time, and a scalar may join the cluster
/// before or after it, so every edit splits the text at the cursor, edits
/// one side, and measures the cursor again in the joined text: it always
/// lands on a cluster boundary, never past the end.
public struct LineEditor: Hashable, Sendable {
    public private(set) var text: String
    /// The cursor, in characters (grapheme clusters) from the start.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key; returns false for keys it does not edit with.
    public mutating func handle(_ key: Key) -> Bool {
        let split = text.index(text.startIndex, offsetBy: min(cursor, text.count))
        var before = String(text[..<split])
        var after = String(text[split...])
        switch key {
        case .character(let c):
            before.append(c)
        case .backspace, .control("h"):
            if !before.isEmpty { before.removeLast() }
        case .delete, .control("d"):
            if !after.isEmpty { after.removeFirst() }
        case .left, .control("b"):
            if let last = before.popLast() { after.insert(last, at: after.startIndex) }
        case .right, .control("f"):
            if !after.isEmpty { before.append(after.removeFirst()) }
        case .home, .control("a"):
            after = before + after
            before = ""
        case .end, .control("e"):
            before += after
            after = ""
        case .control("u"):
            before = ""
        case .control("k"):
            after = ""
        case .control("w"):
            while before.last == " " { before.removeLast() }
            while let last = before.last, last != " " { before.removeLast() }
        default:
            return false
        }
        join(before, after)
        return true
    }

    /// Replaces the text, cursor at the end.
    public mutating func set(_ newText: String) {
        text = newText
        cursor = newText.count
    }

    /// The text `before` + `after`, the cursor between them: where the two
    /// sides merge into one cluster, after that cluster.
    private mutating func join(_ before: String, _ after: String) {
        text = before + after
        let scalarsBefore = before.unicodeScalars.count
        var scalars = 0
        var characters = 0
        for character in text {
            if scalars >= scalarsBefore { break }
            scalars += character.unicodeScalars.count
            characters += 1
        }
        cursor = characters
    }
}
