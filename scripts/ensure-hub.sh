#!/usr/bin/env bash
# The hub tests (tests/test_hub.py) run a real JupyterHub, whose proxy, configurable-http-proxy,
# comes from npm. Install the version pinned in deploy/jupyterhub/package-lock.json into .hub/ of
# this checkout (not globally), again only when the lock file changes.
set -euo pipefail
cd "$(dirname "$0")/.."
# The hub's environment is made with the system's Python (tests/browser/hub_setup.py says why).
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 \
    && ! /usr/bin/python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
    echo "Installing python3-venv from Debian's packages (for the hub tests)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends python3 python3-venv >/dev/null
fi
target=.hub
lock=deploy/jupyterhub/package-lock.json
if [ -x "$target/node_modules/.bin/configurable-http-proxy" ] && cmp -s "$lock" "$target/package-lock.json"; then
    exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing npm from Debian's packages (the hub tests' proxy comes from npm)..."
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
    else
        # Not root: the hub tests skip anyway (they add system users), so this is only a note.
        echo "Note: no npm here, so no configurable-http-proxy; the hub tests need root and it." >&2
        exit 0
    fi
fi
echo "Installing configurable-http-proxy into $target/ (for the hub tests)..."
mkdir -p "$target"
cp deploy/jupyterhub/package.json "$lock" "$target/"
(cd "$target" && npm ci --no-audit --no-fund --loglevel=error)
