import Foundation
import Testing

/// End-to-end: what a hurried person types into `rapport add`, on Monday
/// 2 March 2026 in Berlin — stored as meant, or refused with status 2, one
/// line naming the word and a "did you mean", and the book byte for byte
/// unchanged.
@Suite("rapport add, never a guess")
struct CaptureCommandTests {
    let monday = "2026-03-02 09:00:00"

    func book() throws -> RapportProcess {
        let rapport = try RapportProcess()
        for (name, account) in [("Hank Scorpio", "Globex"), ("Jürgen Müller", "Müller & Söhne GmbH"), ("Zoé Lefèvre", "Globex"),
                                ("Dana Ruiz", "Acme"), ("Dana Scully", "Globex")] {
            try rapport.run(["contact", "add", name, "--account", account], at: monday)
        }
        return rapport
    }

    @Test("refusals: status 2, one line with the word and what was meant, nothing written", arguments: [
        ("send contract @hank tomorow", "rapport: 'tomorow' is not a date word; did you mean 'tomorrow'? (put it in double quotes to keep it in the title)\n"),
        ("call with hnak fri", "rapport: no contact is called 'hnak'; did you mean Hank Scorpio? to add 'hnak' anyway: --new \"hnak\" or rapport contact add \"hnak\"\n"),
        ("call with Priya fri", "rapport: no contact is called 'Priya'; to add 'Priya' anyway: --new \"Priya\" or rapport contact add \"Priya\"\n"),
        ("review 25:70 @hank", "rapport: '25:70' is not a time of day\n"),
        ("quote @hank 32.13.", "rapport: '32.13.': there is no month 13 (dotted dates are day.month.)\n"),
        ("lunch with dana fri", "rapport: 'dana' matches 2 contacts: @4 Dana Ruiz, @5 Dana Scully; name one by @id or a fuller name\n"),
    ])
    func refusals(phrase: String, message: String) throws {
        let rapport = try book()
        let before = try rapport.databaseBytes()
        let result = try rapport.run(["add", phrase], at: monday)
        #expect(result.status == 2, "\(phrase)")
        #expect(result.stderr == message)
        #expect(result.stdout.isEmpty)
        #expect(try rapport.databaseBytes() == before)
    }

    @Test("the forms people type are stored as meant")
    func stored() throws {
        let rapport = try book()
        let cases: [(String, String)] = [
            ("call @hank tomorrow 9h30", "Added f1 follow-up \"Call\" with Hank Scorpio, due Tue 3 Mar 09:30\n"),
            ("quote @hank 15.3.", "Added f2 follow-up \"quote\" with Hank Scorpio, due Sun 15 Mar\n"),
            ("call Juergen in 2 weeks", "Added f3 follow-up \"Call\" with Jürgen Müller, due Mon 16 Mar\n"),
            ("pipeline review @hank every first monday", "Added f4 follow-up \"pipeline review\" with Hank Scorpio, due Mon 2 Mar, repeats every first monday\n"),
            ("email zoe fri", "Added f5 follow-up \"Email\" with Zoé Lefèvre, due Fri 6 Mar\n"),
            ("meeting zoe fri 10", "Added m1 meeting \"Meeting with Zoé Lefèvre\" with Zoé Lefèvre, Fri 6 Mar 10:00; 1 thank-you note owed after it\n"),
            ("lunch with dana #acme fri", "Added l1 lunch with Dana Ruiz · Acme, Fri 6 Mar 12:00\n"),
            ("gift for hank €40 fri", "Added g1 gift \"Gift for Hank Scorpio\" for Hank Scorpio, €40.00, send by Fri 6 Mar\n"),
            ("call Priya Sharma fri", "Added f6 follow-up \"Call\" with Priya Sharma (new @6), due Fri 6 Mar\n"),
        ]
        for (phrase, expected) in cases {
            let result = try rapport.run(["add", phrase], at: monday)
            #expect(result.stdout == expected, "\(phrase): \(result.stderr)")
            #expect(result.status == 0)
        }
        let forced = try rapport.run(["add", "call प्रिया fri", "--new", "प्रिया"], at: monday)
        #expect(forced.stdout == "Added f7 follow-up \"Call\" with प्रिया (new @7), due Fri 6 Mar\n", "\(forced.stderr)")
    }

    @Test("an item already late is stored, with a warning saying how late")
    func lateWarning() throws {
        let rapport = try book()
        let result = try rapport.run(["add", "send the deck @hank 27.2.2026"], at: monday)
        #expect(result.status == 0)
        #expect(result.stdout == "Added f1 follow-up \"send the deck\" with Hank Scorpio, due Fri 27 Feb\n")
        #expect(result.stderr == "rapport: warning: f1 is already 3 d late\n")
        #expect(try rapport.run(["add", "call @hank 8:00"], at: monday).stderr == "rapport: warning: f2 is already 1 h late\n")
    }

    @Test("thanks in the phrase marks the note owed; thanks sent takes several references and names")
    func thanks() throws {
        let rapport = try book()
        try rapport.run(["log", "meeting", "Kickoff", "--with", "Jürgen Müller, Hank Scorpio, Zoé Lefèvre", "--at", "27.2.2026 10:00"], at: monday)
        let thanked = try rapport.run(["add", "thanks @jurgen"], at: monday)
        #expect(thanked.stdout == "Thank-you notes sent t1 to Jürgen Müller\n", "\(thanked.stderr)")
        let sent = try rapport.run(["thanks", "sent", "t2", "Zoé", "--via", "email"], at: monday)
        #expect(sent.stdout == "t2: thank-you note to Hank Scorpio sent (email)\nt3: thank-you note to Zoé Lefèvre sent (email)\n",
                "\(sent.stderr)")
        let again = try rapport.run(["thanks", "sent", "Zoé"], at: monday)
        #expect(again.status == 2 && again.stderr == "rapport: no thank-you note is owed to Zoé Lefèvre\n")
    }
}
