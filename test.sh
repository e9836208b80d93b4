#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need, then `dotnet test`.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Knowledge]
set -euo pipefail
cd "$(dirname "$0")"

# Tools some tests drive for real. Installed only when missing (root on our machines; sudo elsewhere).
need_apt=()
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
# The Web Chat browser test drives Debian's Chromium (tests/browser, Playwright with executablePath /usr/bin/chromium).
[ -x /usr/bin/chromium ] || need_apt+=(chromium chromium-driver)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing ${need_apt[*]} ..."
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# npm test drivers (botframework-directlinejs in Node, a botbuilder JS root bot, Playwright for the browser test): `npm ci` when
# node_modules is missing or older than the lock file. The host's build installs Web Chat itself the same way.
for dir in tests/directline-js tests/botbuilder-js tests/browser; do
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "npm ci in $dir ..."
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

log=$(mktemp)
set +e
dotnet test DelegateBot.sln -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line for CI: sum the per-project summaries dotnet test prints.
python3 - "$log" <<'PY'
import re, sys
counts = {"passed": 0, "failed": 0, "skipped": 0}
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    # Per-project summary block of the vstest console: "     Passed: 61", "     Failed: 2", "    Skipped: 1"
    m = re.match(r"^\s*(Passed|Failed|Skipped):\s*(\d+)\s*$", line)
    if m:
        counts[m.group(1).lower()] += int(m.group(2))
print(f"{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
PY
rm -f "$log"
exit $status
