import Testing
@testable import RapportCore

@Suite("Database location")
struct DatabaseLocationTests {
    @Test("--db wins, then RAPPORT_DB, then XDG_DATA_HOME, then ~/.local/share")
    func precedence() {
        let environment = ["RAPPORT_DB": "/env/r.sqlite", "XDG_DATA_HOME": "/xdg", "HOME": "/home/dana"]
        #expect(DatabaseLocation.resolve(explicit: "/flag/r.sqlite", environment: environment) == "/flag/r.sqlite")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: environment) == "/env/r.sqlite")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/dana"])
                == "/xdg/rapport/rapport.sqlite")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["HOME": "/home/dana"])
                == "/home/dana/.local/share/rapport/rapport.sqlite")
        // The XDG spec says a relative XDG_DATA_HOME is ignored; so is an empty one.
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "data", "HOME": "/home/dana"])
                == "/home/dana/.local/share/rapport/rapport.sqlite")
        #expect(DatabaseLocation.resolve(explicit: "", environment: ["RAPPORT_DB": "", "HOME": "/h"])
                == "/h/.local/share/rapport/rapport.sqlite")
    }
}
