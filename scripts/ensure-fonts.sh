#!/usr/bin/env bash
# Fonts for every script a person may write in, so a name prints as written (in the pages, the
# HTML report and the PDF, which Chromium makes on this machine from the fonts installed here):
# Latin, Greek, Cyrillic, Arabic, Hebrew, Devanagari and the other Indic scripts (Noto's core
# fonts), Chinese, Japanese and Korean (Noto CJK) and colour emoji. Each script is checked through
# fontconfig, the way the browser finds its fonts, so fonts from elsewhere count too. Missing ones
# are installed from Debian's packages when we are root; otherwise we say what to install.
# `--required` (make test) fails when fonts are missing; without it (make lab) it only tells.
set -euo pipefail
required=0
[ "${1:-}" = "--required" ] && required=1

# script name, one of its letters (hex), and the Debian package whose fonts cover it
checks=(
    "Greek 03B1 fonts-noto-core"
    "Cyrillic 0436 fonts-noto-core"
    "Arabic 0644 fonts-noto-core"
    "Hebrew 05D0 fonts-noto-core"
    "Devanagari 0928 fonts-noto-core"
    "Bengali 0995 fonts-noto-core"
    "Gurmukhi 0A15 fonts-noto-core"
    "Gujarati 0A95 fonts-noto-core"
    "Oriya 0B15 fonts-noto-core"
    "Tamil 0B95 fonts-noto-core"
    "Telugu 0C15 fonts-noto-core"
    "Kannada 0C95 fonts-noto-core"
    "Malayalam 0D15 fonts-noto-core"
    "Chinese 674E fonts-noto-cjk"
    "Japanese 3042 fonts-noto-cjk"
    "Korean AC00 fonts-noto-cjk"
    "colour-emoji 1F44D fonts-noto-color-emoji"
)

missing_scripts=()
packages=()
if ! command -v fc-list >/dev/null 2>&1; then
    packages=(fontconfig fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji)
    missing_scripts=(all)
else
    for check in "${checks[@]}"; do
        read -r script letter package <<<"$check"
        pattern=":charset=${letter}"
        [ "$script" = colour-emoji ] && pattern="${pattern}:color=true"
        if [ -z "$(fc-list "$pattern" family)" ]; then
            missing_scripts+=("$script")
            [[ " ${packages[*]} " == *" $package "* ]] || packages+=("$package")
        fi
    done
fi
[ ${#packages[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing ${packages[*]} from Debian's packages (fonts for ${missing_scripts[*]})..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
    fc-cache -f >/dev/null 2>&1 || true
else
    echo "No font on this machine writes ${missing_scripts[*]}: names in those scripts would show as empty boxes." >&2
    echo "Please install: ${packages[*]} (for example: sudo apt-get install ${packages[*]}; on other systems, Google's Noto fonts for the same scripts)." >&2
    [ "$required" -eq 1 ] && exit 1
fi
exit 0
