/// JSON text made safe for a terminal.
public enum JSONText {
    /// Escapes DEL, C1 controls and invisible format characters (bidi
    /// overrides, zero-width characters) as `\uXXXX`, which JSON readers decode
    /// back to the same text. Such characters only occur inside JSON strings,
    /// where the escape is valid.
    public static func escapeInvisible(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { $0.value >= 0x7F && TerminalText.needsReplacement($0) }) else {
            return json
        }
        var result = ""
        for scalar in json.unicodeScalars {
            if scalar.value >= 0x7F && TerminalText.needsReplacement(scalar) {
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
