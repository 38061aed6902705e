/// `GET /users/{id}/billing/subscription` (`CommerceSubscription`).
///
/// The parts a support agent reads (status, plans, periods, next payment) are typed; the deep
/// pricing breakdowns (totals, seats, proration, payment method) are kept as raw JSON so that a
/// change in those rarely-read structures cannot break decoding of the whole subscription.
public struct BillingSubscription: Codable, Sendable, Hashable, Identifiable {
    public struct Status: OpenEnum {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public static let active: Status = "active"
        public static let pastDue: Status = "past_due"
        public static let canceled: Status = "canceled"
        public static let ended: Status = "ended"
        public static let abandoned: Status = "abandoned"
        public static let incomplete: Status = "incomplete"
    }

    public struct Plan: Codable, Sendable, Hashable, Identifiable {
        public var object: String
        public var id: String
        public var name: String
        @Nullable public var fee: Money?
        @Nullable public var annualMonthlyFee: Money?
        @Nullable public var annualFee: Money?
        @Nullable public var description: String?
        public var productID: String
        public var isDefault: Bool
        public var isRecurring: Bool
        public var publiclyVisible: Bool
        public var hasBaseFee: Bool
        public var forPayerType: String
        public var slug: String
        @Nullable public var avatarURL: String?
        public var freeTrialEnabled: Bool
        @Nullable public var freeTrialDays: Int?

        public init(id: String, name: String, slug: String, fee: Money?, productID: String) {
            self.object = "commerce_plan"
            self.id = id
            self.name = name
            self.fee = fee
            self.annualMonthlyFee = nil
            self.annualFee = nil
            self.description = nil
            self.productID = productID
            self.isDefault = false
            self.isRecurring = true
            self.publiclyVisible = true
            self.hasBaseFee = fee != nil
            self.forPayerType = "user"
            self.slug = slug
            self.avatarURL = nil
            self.freeTrialEnabled = false
            self.freeTrialDays = nil
        }

        enum CodingKeys: String, CodingKey {
            case object, id, name, fee, description, slug
            case annualMonthlyFee = "annual_monthly_fee"
            case annualFee = "annual_fee"
            case productID = "product_id"
            case isDefault = "is_default"
            case isRecurring = "is_recurring"
            case publiclyVisible = "publicly_visible"
            case hasBaseFee = "has_base_fee"
            case forPayerType = "for_payer_type"
            case avatarURL = "avatar_url"
            case freeTrialEnabled = "free_trial_enabled"
            case freeTrialDays = "free_trial_days"
        }
    }

    public struct Item: Codable, Sendable, Hashable, Identifiable {
        public var object: String
        public var id: String
        public var instanceID: String
        /// `active`, `canceled`, `expired`, `ended`, `past_due`, `upcoming`, `incomplete`, `abandoned`.
        public var status: String
        @Nullable public var planID: String?
        public var priceID: String?
        public var plan: Plan?
        /// `month` or `annual`.
        public var planPeriod: String
        public var payerID: String
        public var isFreeTrial: Bool
        public var periodStart: UnixMillis
        @Nullable public var periodEnd: UnixMillis?
        @Nullable public var canceledAt: UnixMillis?
        @Nullable public var pastDueAt: UnixMillis?
        @Nullable public var endedAt: UnixMillis?
        public var createdAt: UnixMillis?
        public var updatedAt: UnixMillis?
        public var lifetimePaid: Money?
        public var paymentMethod: JSONValue?
        public var nextPayment: JSONValue?
        public var totals: JSONValue?
        public var seats: JSONValue?

        public init(
            id: String, instanceID: String, status: String, plan: Plan, planPeriod: String, payerID: String,
            periodStart: UnixMillis, periodEnd: UnixMillis?, createdAt: UnixMillis
        ) {
            self.object = "commerce_subscription_item"
            self.id = id
            self.instanceID = instanceID
            self.status = status
            self.planID = plan.id
            self.plan = plan
            self.planPeriod = planPeriod
            self.payerID = payerID
            self.isFreeTrial = false
            self.periodStart = periodStart
            self.periodEnd = periodEnd
            self.canceledAt = nil
            self.pastDueAt = nil
            self.endedAt = nil
            self.createdAt = createdAt
            self.updatedAt = createdAt
        }

        enum CodingKeys: String, CodingKey {
            case object, id, status, plan, totals, seats
            case instanceID = "instance_id"
            case planID = "plan_id"
            case priceID = "price_id"
            case planPeriod = "plan_period"
            case payerID = "payer_id"
            case isFreeTrial = "is_free_trial"
            case periodStart = "period_start"
            case periodEnd = "period_end"
            case canceledAt = "canceled_at"
            case pastDueAt = "past_due_at"
            case endedAt = "ended_at"
            case createdAt = "created_at"
            case updatedAt = "updated_at"
            case lifetimePaid = "lifetime_paid"
            case paymentMethod = "payment_method"
            case nextPayment = "next_payment"
        }
    }

    public struct NextPayment: Codable, Sendable, Hashable {
        public var date: UnixMillis
        public var amount: Money

        public init(date: UnixMillis, amount: Money) {
            self.date = date
            self.amount = amount
        }
    }

    public var object: String
    public var id: String
    public var instanceID: String
    public var status: Status
    public var payerID: String
    public var createdAt: UnixMillis
    public var updatedAt: UnixMillis
    @Nullable public var activeAt: UnixMillis?
    @Nullable public var pastDueAt: UnixMillis?
    public var subscriptionItems: [Item]
    public var nextPayment: NextPayment?
    public var eligibleForFreeTrial: Bool?

    public init(
        id: String, instanceID: String, status: Status, payerID: String, createdAt: UnixMillis, activeAt: UnixMillis?,
        items: [Item], nextPayment: NextPayment?
    ) {
        self.object = "commerce_subscription"
        self.id = id
        self.instanceID = instanceID
        self.status = status
        self.payerID = payerID
        self.createdAt = createdAt
        self.updatedAt = createdAt
        self.activeAt = activeAt
        self.pastDueAt = nil
        self.subscriptionItems = items
        self.nextPayment = nextPayment
        self.eligibleForFreeTrial = false
    }

    enum CodingKeys: String, CodingKey {
        case object, id, status
        case instanceID = "instance_id"
        case payerID = "payer_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case activeAt = "active_at"
        case pastDueAt = "past_due_at"
        case subscriptionItems = "subscription_items"
        case nextPayment = "next_payment"
        case eligibleForFreeTrial = "eligible_for_free_trial"
    }
}
