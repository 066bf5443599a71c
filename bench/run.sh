#!/usr/bin/env bash
# The load benchmark: publishes the app (Release), builds the bench tool, seeds (or reuses) the databases and
# measures every page with wrk against the published app running as its own process.
#   bash bench/run.sh [--couples 10000] [--years 5] [--rounds 3] [--duration 5] [--connections 16] [--first-submits 20] [--pages TEXT]
#   bash bench/run.sh --before GIT_REF [--before-plain yes] ...   the second instance runs that commit's build over the
#   same data (with --before-plain yes the words left unencrypted, as before encryption at rest)
#   bash bench/run.sh --provider postgresql ...   the app on PostgreSQL: a server of Debian's package on loopback, its
#   databases copied from the seeded SQLite files (kept in BENCH_POSTGRES_DIR between runs)
# BENCH_WORK (default /tmp/trustcheckin-bench) keeps the seeded databases between runs; BENCH_PORT (18510) the first port;
# BENCH_POSTGRES_DIR (/tmp/trustcheckin-bench-postgres) and BENCH_POSTGRES_PORT (18520) the PostgreSQL server's.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work="${BENCH_WORK:-/tmp/trustcheckin-bench}"
mkdir -p "$work"

args=()
before=""
provider="sqlite"
while [ "$#" -gt 0 ]; do
    case "$1" in
    --before) before="$2"; shift 2 ;;
    --provider) provider="${2,,}"; shift 2 ;;
    *) args+=("$1"); shift ;;
    esac
done
case "$provider" in
sqlite | postgresql) ;;
*) echo "--provider is sqlite or postgresql, not $provider" >&2; exit 2 ;;
esac

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
[ "$provider" = postgresql ] && ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 && missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "$provider" = postgresql ]; then
    # A server kept between runs (its copies of the seeded databases take minutes at 10,000 couples), with the
    # settings a production server would have (fsync on); stopped when the run ends.
    pg_dir="${BENCH_POSTGRES_DIR:-/tmp/trustcheckin-bench-postgres}"
    pg_port="${BENCH_POSTGRES_PORT:-18520}"
    .ci/postgres start "$pg_dir" "$pg_port" durable
    trap '.ci/postgres stop "$pg_dir" keep' EXIT
    args+=(--postgres "Host=127.0.0.1;Port=$pg_port;Username=postgres;Maximum Pool Size=200")
fi

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
