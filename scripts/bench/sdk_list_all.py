#!/usr/bin/env python3
"""Every user of an instance as ndjson on stdout, with Clerk's official Python SDK, as a support
script would write it: pages of 500 by offset until a short page, each user dumped as it arrives.

The key comes from CLERK_SECRET_KEY. `clerk-triage bench scripts` times this against
`clerk-triage users list --all --format ndjson`. The last line on stderr is a JSON summary:
{"users": N, "pages": P}.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

from clerk_backend_api import Clerk


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True, help="e.g. http://127.0.0.1:8080/v1")
    parser.add_argument("--page-size", type=int, default=500)
    arguments = parser.parse_args()

    clerk = Clerk(bearer_auth=os.environ["CLERK_SECRET_KEY"], server_url=arguments.base_url)
    out = sys.stdout
    users = pages = offset = 0
    while True:
        page = clerk.users.list(request={"limit": arguments.page_size, "offset": offset})
        pages += 1
        for user in page:
            out.write(user.model_dump_json(by_alias=True))
            out.write("\n")
        users += len(page)
        if len(page) < arguments.page_size:
            break
        offset += len(page)
    out.flush()
    print(json.dumps({"users": users, "pages": pages}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
