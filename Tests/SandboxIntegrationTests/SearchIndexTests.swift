@testable import ClerkSandbox
import Testing

/// The in-memory search index keeps changed users in an overlay and folds it into its columns
/// when it grows: before and after the fold, every user is found by its current text only.
@Suite("Sandbox: search index overlay")
struct SearchIndexTests {
    private func text(name: String, emails: [String] = []) -> SearchText {
        var text = SearchText()
        text[.names] = [name]
        text[.emails] = emails
        return text
    }

    private func found(_ index: SearchIndex, _ needle: String, _ fields: [SearchField] = SearchField.allCases) -> [Int64] {
        index.matches(needle, in: fields).rowids
    }

    @Test("changes, deletions and new users are seen before and after the overlay is folded in")
    func foldsOverlay() {
        let index = SearchIndex(overlayLimit: 4)
        index.update(1, text(name: "ada lovelace", emails: ["ada@example.com"]))
        index.update(2, text(name: "alan turing", emails: ["alan@example.org"]))
        index.update(3, text(name: "grace hopper"))
        #expect(found(index, "a") == [1, 2, 3])
        #expect(found(index, "example", [.names]) == [], "fields are searched apart")
        index.update(4, text(name: "林 王"))
        // The fourth change folds the overlay into the columns.
        #expect(found(index, "林") == [4])
        #expect(found(index, "example", [.emails]) == [1, 2])
        index.update(2, text(name: "alan m. turing"))
        index.update(1, nil)
        #expect(found(index, "example") == [], "a deleted user and a removed address are gone while in the overlay")
        #expect(found(index, "m. t") == [2])
        index.update(5, text(name: "ADA NEW".lowercased()))
        index.update(6, text(name: "x"))
        // Folded again: 2 changed, 1 deleted, 5 and 6 new.
        #expect(found(index, "ada") == [5])
        #expect(found(index, "turing") == [2])
        #expect(found(index, "a") == [2, 3, 5])
        #expect(found(index, "X") == [6], "the text is folded to lower case")
        #expect(found(index, "no one") == [])
    }
}
