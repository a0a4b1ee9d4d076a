#!/usr/bin/env bash
# The browser tests and the PDF report need Debian's Chromium; pdftoppm (poppler-utils) turns a
# PDF page into a PNG; khal is the calendar program the reminders file is imported into. Install
# them when missing and we are root; otherwise say what to install.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v khal >/dev/null 2>&1 || missing+=(khal)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${missing[*]} from Debian's packages (needed by the browser, PDF and calendar tests)..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    echo "Please install: ${missing[*]} (for example: sudo apt-get install ${missing[*]})." >&2
    echo "The browser tests, PDF reports and the calendar test need them." >&2
    exit 1
fi
