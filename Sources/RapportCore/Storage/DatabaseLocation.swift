import Foundation

/// Where the database lives: `--db PATH`, else `RAPPORT_DB`, else
/// `$XDG_DATA_HOME/rapport/rapport.sqlite`, else
/// `~/.local/share/rapport/rapport.sqlite`.
public enum DatabaseLocation {
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["RAPPORT_DB"], !fromEnvironment.isEmpty { return fromEnvironment }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            dataHome = home + "/.local/share"
        }
        return dataHome + "/rapport/rapport.sqlite"
    }
}
