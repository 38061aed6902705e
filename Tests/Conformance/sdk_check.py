#!/usr/bin/env python3
"""Clerk's official Python SDK (clerk-backend-api 7.0.0) against a Clerk-compatible Users API.

The SDK is a client nobody here wrote: if it cannot send what the API core sends, or cannot parse
what the server answers, a real Clerk integration would break the same way. Every Users operation
of the API core (Sources/ClerkAPI/Operations) is one named check below, run in order against a
server started by scripts/conformance (`clerk-triage sandbox`), normally on a fresh database.

The run creates its own users (a random suffix keeps them apart from anything already there) and
uses the sandbox's demo users for what the API cannot create (passkeys, OAuth accounts,
organisations, subscriptions). Two operations SDK 7.0.0 does not offer (replacing a user's email
address or phone number) are sent as plain HTTP, and their answers parsed with the SDK's models.

Prints one line per check, then `N passed, M failed`; exits 1 when anything failed.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import os
import secrets
import struct
import sys
import time
import traceback
from typing import Any, Callable, Dict, List, Optional

import httpx
from clerk_backend_api import Clerk, models
from clerk_backend_api.utils import BackoffStrategy, RetryConfig

SDK_VERSION = "7.0.0"
# A 1x1 PNG, for the profile image.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


class Failed(Exception):
    """The call worked but the answer is wrong."""


class Skipped(Exception):
    """An earlier check this one needs did not pass."""


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


def equal(actual: Any, expected: Any, what: str) -> None:
    if actual != expected:
        raise Failed(f"{what}: expected {expected!r}, got {actual!r}")


def value(enum_or_text: Any) -> Any:
    return getattr(enum_or_text, "value", enum_or_text)


def totp(secret: str, at: Optional[float] = None) -> str:
    """RFC 6238 with Clerk's parameters: SHA-1, 30 s steps, 6 digits."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{number:06d}"


def clerk_error(call: Callable[[], Any], status: int, code: Optional[str] = None) -> str:
    """Runs a call that must fail with `status` and a Clerk error document.

    SDK 7.0.0 turns only some statuses of each operation into ClerkErrors and raises SDKError for
    the rest; the body must be a Clerk error document either way.
    """
    try:
        result = call()
    except models.ClerkErrors as error:
        equal(error.status_code, status, "status")
        codes = [entry.code for entry in error.data.errors]
    except models.SDKError as error:
        equal(error.status_code, status, "status")
        try:
            codes = [entry.code for entry in models.ClerkErrorsData.model_validate_json(error.body).errors]
        except Exception as parse_error:  # noqa: BLE001 -- reported as the check's failure
            raise Failed(f"HTTP {status}, but the body is no Clerk error document: {parse_error}") from None
    else:
        raise Failed(f"expected HTTP {status}, the call succeeded: {str(result)[:200]}")
    expect(bool(codes), "the Clerk error document lists no errors")
    if code is not None:
        expect(code in codes, f"expected error code {code!r}, got {codes}")
    return f"HTTP {status} {codes}"


class Check:
    def __init__(self, base_url: str, secret_key: str, timeout_s: float) -> None:
        self.base_url = base_url.rstrip("/")
        self.secret_key = secret_key
        self.timeout_ms = int(timeout_s * 1000)
        # The SDK's default retries back off for up to an hour; a check wants the first answer.
        no_retries = RetryConfig("none", BackoffStrategy(1, 1, 1.0, 1), False)
        self.clerk = Clerk(bearer_auth=secret_key, server_url=self.base_url, retry_config=no_retries, timeout_ms=self.timeout_ms)
        self.users = self.clerk.users
        self.run_id = secrets.token_hex(4)
        self.state: Dict[str, Any] = {}
        self.passed = 0
        self.failed = 0

    # -- running ----------------------------------------------------------------------------

    def run(self, name: str, body: Callable[[], Optional[str]]) -> None:
        started = time.monotonic()
        try:
            detail = body() or ""
            status = "PASS"
            self.passed += 1
        except Skipped as reason:
            status, detail = "FAIL", f"not run: {reason}"
            self.failed += 1
        except Failed as reason:
            status, detail = "FAIL", str(reason)
            self.failed += 1
        except Exception as error:  # noqa: BLE001 -- any SDK or transport error fails the check, never the run
            status, detail = "FAIL", f"{type(error).__name__}: {error}"
            self.failed += 1
            if os.environ.get("SDK_CHECK_VERBOSE"):
                traceback.print_exc()
        elapsed = int((time.monotonic() - started) * 1000)
        line = f"{status} {name} ({elapsed} ms)" + (f": {' '.join(detail.split())[:300]}" if detail else "")
        print(line, flush=True)

    def need(self, *keys: str) -> List[Any]:
        missing = [key for key in keys if key not in self.state]
        if missing:
            raise Skipped(f"needs {', '.join(missing)} from an earlier check")
        return [self.state[key] for key in keys]

    def raw(self, method: str, path: str, body: Dict[str, Any]) -> httpx.Response:
        return httpx.request(
            method, self.base_url + path, json=body, timeout=self.timeout_ms / 1000,
            headers={"Authorization": f"Bearer {self.secret_key}", "Clerk-API-Version": "2026-05-12"})

    def demo_user(self, label: str, wanted: Callable[[Any], bool]) -> Any:
        """A sandbox demo user with something the API cannot create, not touched by another check."""
        taken = self.state.setdefault("taken", set())
        for offset in range(0, 2000, 500):
            page = self.users.list(request={"limit": 500, "offset": offset, "order_by": "+created_at"})
            for user in page:
                if user.id not in taken and wanted(user):
                    taken.add(user.id)
                    return user
            if len(page) < 500:
                break
        raise Failed(f"no sandbox demo user has {label}")

    # -- creating and reading -----------------------------------------------------------------

    def create_users(self) -> str:
        run = self.run_id
        self.state["totp_secret"] = "JBSWY3DPEHPK3PXP"
        first = self.users.create(
            email_address=[f"ana.{run}@example.com"], username=f"ana_{run}", password="correct horse battery staple",
            external_id=f"ext-{run}-a", first_name="Ana", last_name=f"Lima{run}",
            public_metadata={"plan": "pro", "limits": {"seats": 5, "ratio": 0.5}}, private_metadata={"note": "vip"},
            unsafe_metadata={"theme": "dark"}, totp_secret=self.state["totp_secret"],
            backup_codes=[f"{run}code1", f"{run}code2"])
        second = self.users.create(
            phone_number=[f"+1555010{int(run, 16) % 10000:04d}"], username=f"bruno_{run}", external_id=f"ext-{run}-b",
            first_name="Bruno", last_name=f"Sato{run}", skip_password_requirement=True)
        third = self.users.create(
            email_address=[f"zoe.{run}@example.org"], web3_wallet=[f"0x{secrets.token_hex(20)}"], username=f"zoe_{run}",
            first_name="Zoë", last_name=f"Ünal{run}", skip_password_requirement=True)
        equal(first.email_addresses[0].email_address, f"ana.{run}@example.com", "A's address")
        equal(first.public_metadata, {"plan": "pro", "limits": {"seats": 5, "ratio": 0.5}}, "A's public metadata")
        expect(first.password_enabled and first.totp_enabled and first.backup_code_enabled, "A has a password, TOTP and backup codes")
        expect(bool(second.phone_numbers), "B has a phone number")
        expect(bool(third.web3_wallets), "C has a web3 wallet")
        self.state.update(a=first, b=second, c=third)
        return f"{first.id}, {second.id}, {third.id}"

    def create_duplicate(self) -> str:
        (first,) = self.need("a")
        return clerk_error(lambda: self.users.create(email_address=[first.email_addresses[0].email_address], skip_password_requirement=True), 422)

    def get(self) -> str:
        (first,) = self.need("a")
        user = self.users.get(user_id=first.id)
        equal(user.id, first.id, "id")
        equal(user.username, first.username, "username")
        equal(user.external_id, first.external_id, "external_id")
        equal(user.private_metadata, {"note": "vip"}, "private metadata")
        equal(user.unsafe_metadata, {"theme": "dark"}, "unsafe metadata")
        return user.id

    def get_missing(self) -> str:
        return clerk_error(lambda: self.users.get(user_id=f"user_missing{self.run_id}"), 404)

    def wrong_key(self) -> str:
        other = Clerk(bearer_auth="sk_test_not_the_key_" + self.run_id, server_url=self.base_url,
                      retry_config=RetryConfig("none", BackoffStrategy(1, 1, 1.0, 1), False), timeout_ms=self.timeout_ms)
        return clerk_error(lambda: other.users.get(user_id=self.need("a")[0].id), 401)

    def ids(self, **request: Any) -> List[str]:
        return [user.id for user in self.users.list(request=request)]

    def list_orders(self) -> str:
        first, second, third = self.need("a", "b", "c")
        mine = [first.id, second.id, third.id]
        equal(self.ids(query=self.run_id, order_by="+created_at"), mine, "oldest first")
        equal(self.ids(query=self.run_id, order_by="-created_at"), mine[::-1], "newest first")
        equal(self.ids(query=self.run_id, order_by="+username"), mine, "by username")
        equal(self.ids(user_id=mine, order_by="-username"), mine[::-1], "by username, descending")
        return "created_at and username, both directions"

    def list_pages(self) -> str:
        first, second, third = self.need("a", "b", "c")
        equal(self.ids(query=self.run_id, order_by="+created_at", limit=1, offset=1), [second.id], "limit 1 offset 1")
        equal(self.ids(query=self.run_id, order_by="+created_at", limit=2, offset=2), [third.id], "the last page")
        equal(self.ids(query=self.run_id, offset=3), [], "past the end")
        return "limit and offset"

    def list_filters(self) -> str:
        first, second, third = self.need("a", "b", "c")
        run = self.run_id
        cases = {
            "email_address": (dict(email_address=[first.email_addresses[0].email_address]), [first.id]),
            "phone_number": (dict(phone_number=[second.phone_numbers[0].phone_number]), [second.id]),
            "username": (dict(username=[f"bruno_{run}", f"zoe_{run}"]), [second.id, third.id]),
            "external_id": (dict(external_id=[f"ext-{run}-a"]), [first.id]),
            "web3_wallet": (dict(web3_wallet=[third.web3_wallets[0].web3_wallet]), [third.id]),
            "user_id": (dict(user_id=[first.id, third.id]), [first.id, third.id]),
            "user_id excluded": (dict(query=run, user_id=[f"-{first.id}"]), [second.id, third.id]),
            "email_address_query": (dict(email_address_query=f"ZOE.{run}"), [third.id]),
            "username_query": (dict(username_query=f"ana_{run}"), [first.id]),
            "name_query": (dict(name_query=f"sato{run}"), [second.id]),
            "phone_number_query": (dict(phone_number_query=second.phone_numbers[0].phone_number[-7:], query=run), [second.id]),
            "created_at_after": (dict(query=run, created_at_after=second.created_at - 1), [second.id, third.id] if second.created_at > first.created_at else None),
        }
        for label, (request, expected) in cases.items():
            found = sorted(self.ids(order_by="+created_at", **request))
            if expected is None:
                expect(second.id in found, f"{label}: B missing from {found}")
            else:
                equal(found, sorted(expected), label)
        return f"{len(cases)} filters"

    def list_by_organization(self) -> str:
        member = self.demo_user("an organisation membership", lambda user: True)
        memberships = self.users.get_organization_memberships(user_id=member.id, limit=10)
        if not memberships.data:
            member = self.demo_user("an organisation membership",
                                    lambda user: bool(self.users.get_organization_memberships(user_id=user.id, limit=1).data))
            memberships = self.users.get_organization_memberships(user_id=member.id, limit=10)
        organization = memberships.data[0].organization.id
        found = self.ids(organization_id=[organization], limit=500)
        expect(member.id in found, f"the member {member.id} is not among the organisation's users")
        return f"{organization}: {len(found)} users"

    def count(self) -> str:
        first, second, third = self.need("a", "b", "c")
        total = self.users.count(request={"query": self.run_id})
        equal(value(total.object), "total_count", "object")
        equal(total.total_count, 3, "users of this run")
        equal(self.users.count(request={"user_id": [first.id, second.id]}).total_count, 2, "by user_id")
        everyone = self.users.count(request={}).total_count
        expect(everyone >= 3, f"count of everyone is {everyone}")
        return f"{everyone} users in all"

    # -- changing -----------------------------------------------------------------------------

    def update(self) -> str:
        (first,) = self.need("a")
        updated = self.users.update(user_id=first.id, first_name="Ana Maria", username=f"ana_maria_{self.run_id}", external_id=f"ext-{self.run_id}-a2")
        equal(updated.first_name, "Ana Maria", "first name")
        equal(updated.username, f"ana_maria_{self.run_id}", "username")
        equal(self.users.get(user_id=first.id).external_id, f"ext-{self.run_id}-a2", "external id read back")
        equal(updated.public_metadata, first.public_metadata, "metadata kept")
        return updated.id

    def merge_metadata(self) -> str:
        (first,) = self.need("a")
        merged = self.users.update_metadata(user_id=first.id, public_metadata={"limits": {"seats": 8, "ratio": None}, "beta": [1, 2]},
                                            private_metadata={"note": None, "tier": "gold"})
        equal(merged.public_metadata, {"plan": "pro", "limits": {"seats": 8}, "beta": [1, 2]}, "deep merge, null deletes")
        equal(merged.private_metadata, {"tier": "gold"}, "private metadata merged")
        equal(merged.unsafe_metadata, {"theme": "dark"}, "untouched field kept")
        return "deep merge"

    def replace_metadata(self) -> str:
        (first,) = self.need("a")
        replaced = self.users.replace_metadata(user_id=first.id, public_metadata={"only": True}, unsafe_metadata={})
        equal(replaced.public_metadata, {"only": True}, "public replaced")
        equal(replaced.unsafe_metadata, {}, "unsafe emptied")
        equal(replaced.private_metadata, {"tier": "gold"}, "private left alone")
        return "per-field replace"

    def ban_unban(self) -> str:
        (first,) = self.need("a")
        expect(self.users.ban(user_id=first.id).banned, "banned after ban")
        equal(self.ids(query=self.run_id, banned=True), [first.id], "banned filter")
        equal(self.users.count(request={"query": self.run_id, "banned": False}).total_count, 2, "not banned")
        expect(not self.users.unban(user_id=first.id).banned, "not banned after unban")
        return first.id

    def bulk_ban_unban(self) -> str:
        _, second, third = self.need("a", "b", "c")
        banned = self.users.bulk_ban(user_ids=[second.id, third.id])
        equal(sorted(user.id for user in banned), sorted([second.id, third.id]), "users returned by bulk ban")
        expect(all(user.banned for user in banned), "all banned")
        unbanned = self.users.bulk_unban(user_ids=[second.id, third.id])
        expect(not any(user.banned for user in unbanned), "all unbanned")
        equal(self.users.count(request={"query": self.run_id, "banned": True}).total_count, 0, "none banned after")
        return "2 users"

    def lock_unlock(self) -> str:
        _, second = self.need("a", "b")
        expect(self.users.lock(user_id=second.id).locked, "locked after lock")
        expect(not self.users.unlock(user_id=second.id).locked, "unlocked after unlock")
        return second.id

    def profile_image(self) -> str:
        _, second = self.need("a", "b")
        with_image = self.users.set_profile_image(user_id=second.id, file=models.File(file_name="face.png", content=PNG, content_type="image/png"))
        expect(with_image.has_image, "has_image after upload")
        image_url = with_image.image_url
        without = self.users.delete_profile_image(user_id=second.id)
        expect(not without.has_image, "no image after delete")
        return f"set and deleted ({image_url})"

    def verify_password(self) -> str:
        (first,) = self.need("a")
        verified = self.users.verify_password(user_id=first.id, password="correct horse battery staple")
        expect(verified.verified, "the right password verifies")
        wrong = clerk_error(lambda: self.users.verify_password(user_id=first.id, password="wrong"), 422)
        return f"right one verified; wrong one {wrong}"

    def verify_totp(self) -> str:
        (first, secret) = self.need("a", "totp_secret")
        now = time.time()
        # A code at a step boundary may already be the next one; either must verify.
        for at in (now, now + 30):
            try:
                verified = self.users.verify_totp(user_id=first.id, code=totp(secret, at))
                break
            except (models.ClerkErrors, models.SDKError):
                verified = None
        expect(verified is not None and verified.verified, "a current code verifies")
        equal(value(verified.code_type), "totp", "code type")
        wrong = f"{(int(totp(secret)) + 500_000) % 1_000_000:06d}"
        return "current code verified; wrong one " + clerk_error(lambda: self.users.verify_totp(user_id=first.id, code=wrong), 422)

    def delete_backup_codes(self) -> str:
        (first,) = self.need("a")
        equal(self.users.delete_backup_codes(user_id=first.id).user_id, first.id, "user_id")
        expect(not self.users.get(user_id=first.id).backup_code_enabled, "backup codes gone")
        return first.id

    def delete_totp(self) -> str:
        (first,) = self.need("a")
        equal(self.users.delete_totp(user_id=first.id).user_id, first.id, "user_id")
        expect(not self.users.get(user_id=first.id).totp_enabled, "TOTP gone")
        return first.id

    def disable_mfa(self) -> str:
        user = self.demo_user("two-factor authentication", lambda user: user.two_factor_enabled)
        equal(self.users.disable_mfa(user_id=user.id).user_id, user.id, "user_id")
        after = self.users.get(user_id=user.id)
        expect(not after.two_factor_enabled and not after.totp_enabled and not after.backup_code_enabled, "no second factor left")
        return user.id

    def password_compromised(self) -> str:
        (first,) = self.need("a")
        marked = self.users.set_password_compromised(user_id=first.id, revoke_all_sessions=False)
        equal(marked.id, first.id, "user returned")
        unmarked = self.users.unset_password_compromised(user_id=first.id)
        equal(unmarked.id, first.id, "user returned")
        return "set and unset"

    def remove_password(self) -> str:
        (first,) = self.need("a")
        removed = self.users.remove_password(user_id=first.id, sign_out_of_other_sessions=False)
        expect(not removed.password_enabled, "no password after removal")
        return first.id

    def delete_passkey(self) -> str:
        user = self.demo_user("a passkey", lambda user: bool(user.passkeys))
        passkey = user.passkeys[0].id
        deleted = self.users.delete_passkey(user_id=user.id, passkey_identification_id=passkey)
        expect(deleted.deleted, "deleted")
        expect(passkey not in [key.id for key in self.users.get(user_id=user.id).passkeys], "passkey gone")
        return passkey

    def delete_web3_wallet(self) -> str:
        _, _, third = self.need("a", "b", "c")
        wallet = third.web3_wallets[0].id
        expect(self.users.delete_web3_wallet(user_id=third.id, web3_wallet_identification_id=wallet).deleted, "deleted")
        equal(self.users.get(user_id=third.id).web3_wallets, [], "wallets left")
        return wallet

    def oauth_access_tokens(self) -> str:
        user = self.demo_user("an OAuth account", lambda user: any(value(account.provider or "").startswith("oauth_") for account in user.external_accounts))
        provider = next(value(account.provider) for account in user.external_accounts if value(account.provider or "").startswith("oauth_"))
        tokens = self.users.get_o_auth_access_token(user_id=user.id, provider=provider)
        expect(isinstance(tokens, list), "a list")
        for token in tokens:
            equal(value(token.provider), provider, "token provider")
        account = next(account for account in user.external_accounts if value(account.provider) == provider)
        found = self.ids(provider=provider, provider_user_id=[account.provider_user_id])
        equal(found, [user.id], "users.list by provider and provider_user_id")
        return f"{provider}: {len(tokens)} token(s); list by provider_user_id finds the user"

    def delete_external_account(self) -> str:
        user = self.demo_user("an external account", lambda user: bool(user.external_accounts))
        account = user.external_accounts[0].id
        expect(self.users.delete_external_account(user_id=user.id, external_account_id=account).deleted, "deleted")
        expect(account not in [item.id for item in self.users.get(user_id=user.id).external_accounts], "account gone")
        return account

    def organization_memberships(self) -> str:
        user = self.demo_user("an organisation membership",
                              lambda user: self.users.get_organization_memberships(user_id=user.id, limit=1).total_count > 0)
        page = self.users.get_organization_memberships(user_id=user.id, limit=1, offset=0)
        expect(len(page.data) == 1, "one membership per page of 1")
        expect(page.total_count >= 1, "total_count")
        equal(page.data[0].public_user_data.user_id, user.id, "the membership's user")
        return f"{page.total_count} membership(s)"

    def organization_invitations(self) -> str:
        (first,) = self.need("a")
        empty = self.users.get_organization_invitations(user_id=first.id, limit=10, offset=0)
        equal((empty.total_count, empty.data), (0, []), "a new user's invitations")
        invited = self.demo_user("an organisation invitation",
                                 lambda user: self.users.get_organization_invitations(user_id=user.id, limit=1).total_count > 0)
        page = self.users.get_organization_invitations(user_id=invited.id, limit=1, offset=0)
        equal(len(page.data), 1, "invitations on a page of 1")
        pending = self.users.get_organization_invitations(user_id=invited.id, limit=10, status="pending")
        expect(all(value(item.status) == "pending" for item in pending.data), "status filter")
        return f"{page.total_count} for {invited.id}, {pending.total_count} pending"

    def billing_subscription(self) -> str:
        (first,) = self.need("a")
        none = clerk_error(lambda: self.users.get_billing_subscription(user_id=first.id), 404, "resource_not_found")

        def subscribed(user: Any) -> bool:
            try:
                self.users.get_billing_subscription(user_id=user.id)
                return True
            except models.ClerkErrors:
                return False

        user = self.demo_user("a subscription", subscribed)
        subscription = self.users.get_billing_subscription(user_id=user.id)
        expect(bool(subscription.id), "subscription id")
        expect(isinstance(subscription.subscription_items, list), "subscription items")
        return f"{subscription.id}: {value(subscription.status)}; a new user has none ({none})"

    def credit_balance(self) -> str:
        _, second = self.need("a", "b")
        balance = self.users.get_billing_credit_balance(user_id=second.id)
        self.state["balance_before"] = balance
        return str(balance.balance.amount if balance.balance else 0)

    def adjust_credits(self) -> str:
        _, second = self.need("a", "b")
        key = f"conformance-{self.run_id}"
        entry = self.users.adjust_billing_credit_balance(user_id=second.id, amount=250, action="increase", idempotency_key=key, currency="USD", note="goodwill")
        again = self.users.adjust_billing_credit_balance(user_id=second.id, amount=250, action="increase", idempotency_key=key, currency="USD", note="goodwill")
        equal(again.id, entry.id, "the same ledger entry for the same idempotency key")
        balance = self.users.get_billing_credit_balance(user_id=second.id).balance
        equal(balance.amount if balance else None, 250, "balance after one adjustment of 250")
        expect(entry.amount.amount == 250, f"ledger amount {entry.amount.amount}")
        return f"{entry.id}, repeated key returned it again"

    def trusted_devices(self) -> str:
        user = self.demo_user("a trusted device", lambda user: self.users.list_trusted_devices(user_id=user.id).total_count > 0)
        devices = self.users.list_trusted_devices(user_id=user.id)
        device = devices.data[0]
        revoked = self.users.revoke_trusted_device(user_id=user.id, trusted_device_id=device.id)
        equal(revoked.id, device.id, "the revoked device")
        remaining = self.users.list_trusted_devices(user_id=user.id)
        expect(device.id not in [item.id for item in remaining.data if value(getattr(item, "status", "active")) == "active"], "device still active")
        return f"{devices.total_count} listed, {device.id} revoked"

    def replace_email_address(self) -> str:
        (third,) = self.need("c")[:1]
        address = f"zoe.new.{self.run_id}@example.net"
        response = self.raw("PUT", f"/users/{third.id}/email_address", {"email_address": address, "identification_status": "verified"})
        equal(response.status_code, 200, f"status ({response.text[:200]})")
        email = models.EmailAddress.model_validate_json(response.text)
        equal(email.email_address, address, "address")
        user = self.users.get(user_id=third.id)
        equal([item.email_address for item in user.email_addresses], [address], "the user's only address")
        equal(user.primary_email_address_id, email.id, "primary address")
        return "not in SDK 7.0.0: plain HTTP, parsed by the SDK's EmailAddress model"

    def replace_phone_number(self) -> str:
        (second,) = self.need("b")[:1]
        number = f"+1555019{int(self.run_id, 16) % 10000:04d}"
        response = self.raw("PUT", f"/users/{second.id}/phone_number", {"phone_number": number})
        equal(response.status_code, 200, f"status ({response.text[:200]})")
        phone = models.PhoneNumber.model_validate_json(response.text)
        equal(phone.phone_number, number, "number")
        equal([item.phone_number for item in self.users.get(user_id=second.id).phone_numbers], [number], "the user's only number")
        return "not in SDK 7.0.0: plain HTTP, parsed by the SDK's PhoneNumber model"

    def delete(self) -> str:
        users = self.need("a", "b", "c")
        for user in users:
            deleted = self.users.delete(user_id=user.id)
            expect(deleted.deleted and deleted.id == user.id, f"{user.id} deleted")
        clerk_error(lambda: self.users.get(user_id=users[0].id), 404)
        equal(self.users.count(request={"query": self.run_id}).total_count, 0, "users of this run left")
        return "3 users; reading one back is a 404"

    def all_checks(self) -> List[tuple]:
        return [
            ("users.create", self.create_users),
            ("users.create with a taken address is refused", self.create_duplicate),
            ("users.get", self.get),
            ("users.get of a missing user is a 404", self.get_missing),
            ("a wrong key is a 401", self.wrong_key),
            ("users.list orders", self.list_orders),
            ("users.list limit and offset", self.list_pages),
            ("users.list filters", self.list_filters),
            ("users.list by organization_id", self.list_by_organization),
            ("users.count", self.count),
            ("users.update", self.update),
            ("users.update_metadata (deep merge)", self.merge_metadata),
            ("users.replace_metadata", self.replace_metadata),
            ("users.ban and users.unban", self.ban_unban),
            ("users.bulk_ban and users.bulk_unban", self.bulk_ban_unban),
            ("users.lock and users.unlock", self.lock_unlock),
            ("users.set_profile_image and users.delete_profile_image", self.profile_image),
            ("users.verify_password", self.verify_password),
            ("users.verify_totp", self.verify_totp),
            ("users.delete_backup_codes", self.delete_backup_codes),
            ("users.delete_totp", self.delete_totp),
            ("users.disable_mfa", self.disable_mfa),
            ("users.set_password_compromised and unset", self.password_compromised),
            ("users.remove_password", self.remove_password),
            ("users.delete_passkey", self.delete_passkey),
            ("users.delete_web3_wallet", self.delete_web3_wallet),
            ("users.get_o_auth_access_token", self.oauth_access_tokens),
            ("users.delete_external_account", self.delete_external_account),
            ("users.get_organization_memberships", self.organization_memberships),
            ("users.get_organization_invitations", self.organization_invitations),
            ("users.get_billing_subscription", self.billing_subscription),
            ("users.get_billing_credit_balance", self.credit_balance),
            ("users.adjust_billing_credit_balance (idempotency key)", self.adjust_credits),
            ("users.list_trusted_devices and users.revoke_trusted_device", self.trusted_devices),
            ("replace email address (PUT /users/{id}/email_address)", self.replace_email_address),
            ("replace phone number (PUT /users/{id}/phone_number)", self.replace_phone_number),
            ("users.delete", self.delete),
        ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True, help="e.g. http://127.0.0.1:8080/v1")
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds per request")
    parser.add_argument("--only", help="run only the checks whose name contains this text (later ones may then fail for want of earlier ones)")
    arguments = parser.parse_args()
    key = os.environ.get("CLERK_SECRET_KEY", "")
    if not key:
        print("set CLERK_SECRET_KEY to the server's secret key", file=sys.stderr)
        return 2
    check = Check(arguments.base_url, key, arguments.timeout)
    for name, body in check.all_checks():
        if arguments.only is None or arguments.only in name:
            check.run(name, body)
    print(f"{check.passed} passed, {check.failed} failed")
    return 0 if check.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
