#!/usr/bin/env bash
# Installs what building and testing PlanLens needs on Debian/Ubuntu, only
# what is missing: system packages through apt (as root, or with sudo), the
# rustfmt and clippy components. Safe to run again.
set -euo pipefail

need_pkgs=(build-essential pkg-config python3 ca-certificates)
# Extra groups are switched on by the caller: PLANLENS_SETUP="app e2e".
for group in ${PLANLENS_SETUP:-}; do
    case "$group" in
        app) need_pkgs+=(libwebkit2gtk-4.1-dev libssl-dev librsvg2-dev libxdo-dev
                         libayatana-appindicator3-dev nodejs npm) ;;
        e2e) need_pkgs+=(xvfb xauth webkit2gtk-driver fonts-noto-cjk imagemagick curl) ;;
        *) echo "setup.sh: unknown group $group" >&2; exit 2 ;;
    esac
done

missing=()
for p in "${need_pkgs[@]}"; do
    # node/npm may come from elsewhere (nvm, NodeSource): accept the commands.
    case "$p" in
        nodejs) command -v node >/dev/null && continue ;;
        npm) command -v npm >/dev/null && continue ;;
    esac
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "setup.sh: installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null; then
    echo "setup.sh: cargo not found; install Rust from https://rustup.rs first" >&2
    exit 1
fi
if command -v rustup >/dev/null; then
    rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
    rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
fi
