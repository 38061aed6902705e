#!/usr/bin/env python3
"""Bans the users whose ids are on stdin (one a line) with Clerk's official Python SDK, one
`users.ban` call each in a plain loop, as such scripts are usually written: no pacing, the SDK's
default retries, and a failure noted and passed over rather than stopping the loop.

The key comes from CLERK_SECRET_KEY. `clerk-triage bench scripts` runs this against
`clerk-triage users ban -`. The last line on stderr is a JSON summary:
{"users": N, "banned": B, "failed": F, "failures": {"SDKError 429": F, ...}}; exit status 1 when
any ban failed.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import sys

from clerk_backend_api import Clerk, models


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True, help="e.g. http://127.0.0.1:8080/v1")
    arguments = parser.parse_args()

    ids = [line.strip() for line in sys.stdin if line.strip()]
    clerk = Clerk(bearer_auth=os.environ["CLERK_SECRET_KEY"], server_url=arguments.base_url)
    banned = 0
    failures: collections.Counter[str] = collections.Counter()
    for user_id in ids:
        try:
            clerk.users.ban(user_id=user_id)
            banned += 1
        except models.ClerkBaseError as error:
            failures[f"{type(error).__name__} {error.status_code}"] += 1
        except Exception as error:  # noqa: BLE001 - a loop like this notes any failure and goes on
            failures[type(error).__name__] += 1
    summary = {"users": len(ids), "banned": banned, "failed": sum(failures.values()), "failures": dict(failures)}
    print(json.dumps(summary), file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
