#!/usr/bin/env bash
# The load benchmark: publishes the app (Release), builds the bench tool, seeds (or reuses) the databases and
# measures every page with wrk against the published app running as its own process.
#   bash bench/run.sh [--couples 10000] [--years 5] [--rounds 3] [--duration 5] [--connections 16] [--first-submits 20]
#   bash bench/run.sh --before GIT_REF [--before-plain yes] ...   the second instance runs that commit's build over the
#   same data (with --before-plain yes the words left unencrypted, as before encryption at rest)
# BENCH_WORK (default /tmp/trustcheckin-bench) keeps the seeded databases between runs; BENCH_PORT (18510) the first port.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work="${BENCH_WORK:-/tmp/trustcheckin-bench}"
mkdir -p "$work"

if ! command -v wrk >/dev/null 2>&1; then
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq wrk >/dev/null
fi

args=()
before=""
while [ "$#" -gt 0 ]; do
    if [ "$1" = "--before" ]; then
        before="$2"
        shift 2
    else
        args+=("$1")
        shift
    fi
done

dotnet publish src/TrustCheckIn.Web -c Release -o "$work/app" -v quiet -nologo
if [ -n "$before" ]; then
    # The earlier commit, published from a throw-away worktree of this repository.
    rm -rf "$work/before-src" "$work/before-app"
    git worktree prune
    git worktree add --detach "$work/before-src" "$before" >/dev/null
    dotnet publish "$work/before-src/src/TrustCheckIn.Web" -c Release -o "$work/before-app" -v quiet -nologo
    git worktree remove --force "$work/before-src"
    args+=(--before-app "$work/before-app")
fi

dotnet build bench/TrustCheckIn.Bench -c Release -v quiet -nologo
dotnet bench/TrustCheckIn.Bench/bin/Release/net10.0/TrustCheckIn.Bench.dll run --app "$work/app" --work "$work" --port "${BENCH_PORT:-18510}" "${args[@]}"
