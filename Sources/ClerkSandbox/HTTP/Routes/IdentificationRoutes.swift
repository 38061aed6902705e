import ClerkAPI
import Hummingbird

extension SandboxRoutes {
    private struct EmailBody: Decodable {
        var emailAddress: String
        var identificationStatus: String?
        enum CodingKeys: String, CodingKey {
            case emailAddress = "email_address"
            case identificationStatus = "identification_status"
        }
    }

    private struct PhoneBody: Decodable {
        var phoneNumber: String
        var identificationStatus: String?
        enum CodingKeys: String, CodingKey {
            case phoneNumber = "phone_number"
            case identificationStatus = "identification_status"
        }
    }

    func addIdentificationRoutes(to router: Router<BasicRequestContext>) {
        router.put("/v1/users/{user_id}/email_address") { request, context in
            var request = request
            let body = try await RequestBodies.decode(EmailBody.self, from: &request,
                                                      allowed: ["email_address", "identification_status", "notify_primary_email_address_changed"])
            return try JSONResponse.encode(try await directory.replaceEmailAddress(try context.userID, address: body.emailAddress, status: body.identificationStatus))
        }
        router.put("/v1/users/{user_id}/phone_number") { request, context in
            var request = request
            let body = try await RequestBodies.decode(PhoneBody.self, from: &request, allowed: ["phone_number", "identification_status"])
            return try JSONResponse.encode(try await directory.replacePhoneNumber(try context.userID, number: body.phoneNumber, status: body.identificationStatus))
        }
    }
}
