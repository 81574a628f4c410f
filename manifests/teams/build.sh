#!/usr/bin/env bash
# Builds the Teams app package (the zip you upload in Teams → Apps → Manage your apps → Upload an app, or in the
# Teams admin center): manifest.json with your bot's Microsoft App ID and host, plus the two icons, at the zip's root.
#
#   manifests/teams/build.sh --bot-id <Microsoft App ID> --domain <bot host> [--version 1.0.1] [--out helpdesk-teams.zip]
#
# The App ID and host can also come from BOT_APP_ID / BOT_DOMAIN (e.g. the same Bot__AppId the bot runs with).
# Needs python3 (standard library only). Validate the result with: node tests/e2e/teams-manifest.check.mjs --zip <zip>
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bot_id="${BOT_APP_ID:-}"
domain="${BOT_DOMAIN:-}"
version=""
out="$PWD/helpdesk-teams.zip"

usage() { sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --bot-id) bot_id="${2:-}"; shift 2 ;;
    --domain) domain="${2:-}"; shift 2 ;;
    --version) version="${2:-}"; shift 2 ;;
    --out) out="${2:-}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

command -v python3 >/dev/null 2>&1 || { echo "ERROR: python3 is needed to build the package." >&2; exit 1; }

python3 - "$here" "$bot_id" "$domain" "$version" "$out" <<'PY'
import json, os, re, sys, zipfile

here, bot_id, domain, version, out = sys.argv[1:6]
guid = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
host = re.compile(r"^(\*\.)?([a-zA-Z0-9-]+\.)+[a-zA-Z]{2,}$")
problems = []
if not guid.match(bot_id) or bot_id == "00000000-0000-0000-0000-000000000000":
    problems.append("--bot-id (or BOT_APP_ID) must be your bot's Microsoft App ID, a GUID (Azure Bot → Configuration).")
if not host.match(domain):
    problems.append("--domain (or BOT_DOMAIN) must be the host name the bot is reached at, e.g. helpdesk.contoso.com (no https://, no path).")
if version and not re.match(r"^\d+\.\d+\.\d+$", version):
    problems.append("--version must look like 1.2.3 (Teams needs a higher version for every update).")
if problems:
    sys.stderr.write("ERROR: " + "\nERROR: ".join(problems) + "\n")
    sys.exit(2)

with open(os.path.join(here, "manifest.json"), encoding="utf-8") as f:
    manifest = json.load(f)
for bot in manifest["bots"]:
    bot["botId"] = bot_id
manifest["validDomains"] = [domain]
if version:
    manifest["version"] = version

os.makedirs(os.path.dirname(os.path.abspath(out)) or ".", exist_ok=True)
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
    package.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    for icon in (manifest["icons"]["color"], manifest["icons"]["outline"]):
        package.write(os.path.join(here, icon), icon)
print(os.path.abspath(out))
PY
