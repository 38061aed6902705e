import ClerkAPI
import Foundation
import Testing

@Suite("Wire models")
struct WireModelTests {
    private func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try WireCoding.decoder.decode(T.self, from: Data(text.utf8))
    }

    @Test("a realistic user decodes, unknown fields ignored and unknown enum values kept")
    func decodesRealisticUser() throws {
        let user = try decode(User.self, Fixtures.user)
        #expect(user.id == "user_2abcDEF")
        #expect(user.externalID == nil)
        #expect(user.primaryEmailAddress?.emailAddress == "ana@example.com")
        #expect(user.primaryPhoneNumber == nil)
        #expect(user.locale == nil)
        #expect(user.fullName == "Ana Lima")
        #expect(user.emailAddresses[0].verification?.isVerified == true)
        #expect(user.emailAddresses[1].verification?.status.rawValue == "quarantined")
        #expect(user.emailAddresses[1].verification?.strategy == "email_magic_v9")
        #expect(user.emailAddresses[1].linkedTo == [IdentificationLink(type: "oauth_google", id: "idn_oauth1")])
        #expect(user.passkeys.first?.name == "MacBook")
        #expect(user.externalAccounts.first?.scopes == ["email", "profile"])
        #expect(user.publicMetadata["limits", "seats"] == .int(5))
        #expect(user.publicMetadata["limits", "ratio"] == .double(0.5))
        #expect(user.mfaEnabledAt == 1_705_000_000_000)
        #expect(user.mfaDisabledAt == nil)
        #expect(user.verificationAttemptsRemaining == 100)
        #expect(user.organizationMemberships == nil)
    }

    @Test("required-but-nullable keys may be absent")
    func decodesSparseUser() throws {
        let user = try decode(User.self, Fixtures.sparseUser)
        #expect(user.username == nil)
        #expect(user.firstName == nil)
        #expect(user.lastSignInAt == nil)
        #expect(user.privateMetadata == nil)
        #expect(user.banned)
    }

    @Test("encoding writes required-but-nullable fields as explicit null and omits optional ones")
    func encodesExplicitNulls() throws {
        var user = User(id: "user_1", createdAt: 1, updatedAt: 2)
        user.firstName = "Zoë"
        let data = try WireCoding.encoder.encode(user)
        let json = try JSONValue.parse(String(decoding: data, as: UTF8.self))
        let fields = try #require(json.objectValue)
        #expect(fields["external_id"] == .null)
        #expect(fields["username"] == .null)
        #expect(fields["last_active_at"] == .null)
        #expect(fields["lockout_expires_in_seconds"] == .null)
        #expect(fields["first_name"] == "Zoë")
        #expect(fields["locale"] == nil, "optional keys are omitted when empty")
        #expect(fields["organization_memberships"] == nil)
        #expect(try decode(User.self, String(decoding: data, as: UTF8.self)) == user, "round trip")
    }

    @Test("a credit ledger entry keeps its negative amount and RFC 3339 timestamp")
    func decodesLedgerEntry() throws {
        let entry = try decode(CreditLedgerEntry.self, Fixtures.ledgerEntry)
        #expect(entry.amount.amount == -200)
        #expect(entry.note == nil)
        #expect(entry.createdAt == "2026-11-23T10:00:00Z")
    }

    @Test("a Clerk error body decodes with its trace id")
    func decodesErrorBody() throws {
        let body = try decode(ClerkErrorBody.self, Fixtures.clerkError)
        #expect(body.errors.first?.code == "resource_not_found")
        #expect(body.errors.first?.longMessage == "No user was found with id user_x.")
        #expect(body.clerkTraceID == "trace-abc-123")
    }

    @Test("FieldUpdate keeps absent, null and a value apart, both ways")
    func fieldUpdateTriState() throws {
        var request = UpdateUserRequest()
        request.username = .clear
        request.firstName = .set("Ana")
        let text = String(decoding: try WireCoding.encoder.encode(request), as: UTF8.self)
        #expect(text == #"{"first_name":"Ana","username":null}"#)
        let decoded = try decode(UpdateUserRequest.self, text)
        #expect(decoded.username == .clear)
        #expect(decoded.firstName == .set("Ana"))
        #expect(decoded.lastName == nil)
    }

    @Test("a subscription with unknown nested pricing still decodes")
    func decodesSubscription() throws {
        let text = #"""
        {"object":"commerce_subscription","id":"csub_1","instance_id":"ins_1","status":"active","payer_id":"cpayer_1",
         "created_at":1,"updated_at":2,"active_at":1,"past_due_at":null,
         "subscription_items":[{"object":"commerce_subscription_item","id":"csubi_1","instance_id":"ins_1","status":"active",
           "plan_id":"cplan_1","plan":{"object":"commerce_plan","id":"cplan_1","name":"Pro","fee":{"amount":2000,"amount_formatted":"20.00","currency":"USD","currency_symbol":"$"},
           "annual_monthly_fee":null,"annual_fee":null,"description":null,"product_id":"prod_1","is_default":false,"is_recurring":true,
           "publicly_visible":true,"has_base_fee":true,"for_payer_type":"user","slug":"pro","avatar_url":null,"free_trial_enabled":false,"free_trial_days":null},
           "plan_period":"month","payer_id":"cpayer_1","is_free_trial":false,"period_start":1,"period_end":null,"canceled_at":null,
           "past_due_at":null,"ended_at":null,"totals":{"grand_total":{"amount":1},"something_new":[1,2]}}],
         "next_payment":{"date":5,"amount":{"amount":2000,"amount_formatted":"20.00","currency":"USD","currency_symbol":"$"}}}
        """#
        let subscription = try decode(BillingSubscription.self, text)
        #expect(subscription.status == .active)
        #expect(subscription.subscriptionItems.first?.plan?.name == "Pro")
        #expect(subscription.subscriptionItems.first?.totals?["something_new"] == [1, 2])
        #expect(subscription.nextPayment?.amount.amountFormatted == "20.00")
    }
}
