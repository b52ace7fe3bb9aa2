#!/bin/sh
# chromium.sh installs Debian's headless-capable Chromium for the browser
# end-to-end tests of internal/web when it is missing, and prints its path.
# The tests find it at /usr/bin/chromium (or $PARALLAX_CHROMIUM) and skip
# only when no browser can be found at all.
set -eu

for b in "${PARALLAX_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
	if [ -n "$b" ] && [ -x "$b" ]; then
		echo "$b"
		exit 0
	fi
done

if ! command -v apt-get >/dev/null 2>&1; then
	echo "chromium.sh: no chromium and no apt-get to install it" >&2
	exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
echo /usr/bin/chromium
