/// Response bodies shaped like Clerk's, including what real responses contain and the spec does not
/// promise: unknown fields, new enum values, omitted optional keys, nulls.
enum Fixtures {
    static let user = #"""
    {
      "id": "user_2abcDEF",
      "object": "user",
      "external_id": null,
      "primary_email_address_id": "idn_email1",
      "primary_phone_number_id": null,
      "primary_web3_wallet_id": null,
      "username": "ana.lima",
      "first_name": "Ana",
      "last_name": "Lima",
      "image_url": "https://img.clerk.com/abc",
      "has_image": false,
      "public_metadata": {"plan": "pro", "limits": {"seats": 5, "ratio": 0.5}},
      "private_metadata": {},
      "unsafe_metadata": {},
      "email_addresses": [
        {
          "id": "idn_email1",
          "object": "email_address",
          "email_address": "ana@example.com",
          "reserved": false,
          "verification": {"status": "verified", "strategy": "email_code", "attempts": 1, "expire_at": 1700000000000},
          "linked_to": [],
          "created_at": 1700000000000,
          "updated_at": 1700000000000,
          "future_field": {"anything": true}
        },
        {
          "id": "idn_email2",
          "object": "email_address",
          "email_address": "ana@work.example",
          "reserved": false,
          "verification": {"status": "quarantined", "strategy": "email_magic_v9", "attempts": null, "expire_at": null},
          "linked_to": [{"type": "oauth_google", "id": "idn_oauth1"}],
          "created_at": 1700000000001,
          "updated_at": 1700000000001
        }
      ],
      "phone_numbers": [],
      "web3_wallets": [],
      "passkeys": [
        {"id": "idn_pk1", "object": "passkey", "name": "MacBook", "last_used_at": 1710000000000,
         "verification": {"status": "verified", "strategy": "passkey", "nonce": "nonce", "attempts": null, "expire_at": null}}
      ],
      "password_enabled": true,
      "two_factor_enabled": true,
      "totp_enabled": true,
      "backup_code_enabled": false,
      "mfa_enabled_at": 1705000000000,
      "mfa_disabled_at": null,
      "external_accounts": [
        {"object": "external_account", "id": "eac_1", "provider": "oauth_google", "identification_id": "idn_oauth1",
         "provider_user_id": "1234", "approved_scopes": "email profile", "email_address": "ana@work.example",
         "first_name": "Ana", "last_name": "Lima", "public_metadata": {}, "created_at": 1, "updated_at": 2,
         "verification": {"status": "verified", "strategy": "oauth_google", "expire_at": 3, "attempts": null}}
      ],
      "saml_accounts": [],
      "enterprise_accounts": [],
      "last_sign_in_at": 1711111111111,
      "banned": false,
      "locked": false,
      "lockout_expires_in_seconds": null,
      "verification_attempts_remaining": 100,
      "updated_at": 1712000000000,
      "created_at": 1700000000000,
      "delete_self_enabled": true,
      "create_organization_enabled": true,
      "last_active_at": 1712000000000,
      "legal_accepted_at": null,
      "brand_new_flag": "ignored"
    }
    """#

    /// A user with only the keys the spec marks required, several of them omitted-when-null as some
    /// Clerk responses do.
    static let sparseUser = #"""
    {"id":"user_sparse","object":"user","has_image":false,"public_metadata":{},"email_addresses":[],"phone_numbers":[],
     "web3_wallets":[],"passkeys":[],"password_enabled":false,"two_factor_enabled":false,"totp_enabled":false,
     "backup_code_enabled":false,"external_accounts":[],"saml_accounts":[],"enterprise_accounts":[],
     "banned":true,"locked":false,"updated_at":1,"created_at":1,"delete_self_enabled":false,
     "create_organization_enabled":false}
    """#

    static let clerkError = #"""
    {"errors":[{"message":"not found","long_message":"No user was found with id user_x.","code":"resource_not_found","meta":{}}],
     "meta":{},"clerk_trace_id":"trace-abc-123"}
    """#

    static let ledgerEntry = #"""
    {"object":"commerce_credit_ledger","id":"cled_1","payer_id":"cpayer_1",
     "amount":{"amount":-200,"amount_formatted":"-2.00","currency":"USD","currency_symbol":"$"},
     "source_type":"manual","source_id":"adj_1","note":null,"created_at":"2026-11-23T10:00:00Z"}
    """#

    static func userList(_ ids: [String]) -> String {
        "[" + ids.map { user.replacingOccurrences(of: "user_2abcDEF", with: $0) }.joined(separator: ",") + "]"
    }
}
