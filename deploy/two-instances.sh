#!/usr/bin/env bash
# Two instances of the published app on one throwaway PostgreSQL, behind Debian's nginx, all on loopback:
#   deploy/two-instances.sh start   PostgreSQL, the migrate command once, two instances, nginx; waits until ready
#   deploy/two-instances.sh stop    stops what start started (by the PIDs it wrote) and removes the database server
# Settings (environment, defaults in brackets):
#   TRUSTCHECKIN_DEMO_DIR          state folder: PIDs, logs, each instance's DataFolder, nginx [/tmp/trustcheckin-two-instances]
#   TRUSTCHECKIN_PUBLISHED         the published app (dotnet publish output) [published into the state folder]
#   TRUSTCHECKIN_DEMO_HOST         the public name [localhost]
#   TRUSTCHECKIN_DEMO_HTTPS_PORT   nginx's port; App__BaseUrl is https://HOST:PORT [8443]
#   TRUSTCHECKIN_DEMO_PORT_1, _2   the instances' ports [5001, 5002]
#   TRUSTCHECKIN_DEMO_POSTGRES_PORT  [55432]
#   TRUSTCHECKIN_DEMO_RATE, TRUSTCHECKIN_DEMO_BURST  nginx's per-client limit, requests a second and burst [10, 50]
#   Encryption__MasterKey          the master key both instances share [made once, kept in the state folder]
#   TRUSTCHECKIN_DEMO_READY_TIMEOUT  seconds to wait for each piece [180]
# Any other app setting in the environment (Smtp__Host, Reminders__Enabled, RateLimits__…) reaches both instances.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir=${TRUSTCHECKIN_DEMO_DIR:-/tmp/trustcheckin-two-instances}
host=${TRUSTCHECKIN_DEMO_HOST:-localhost}
https_port=${TRUSTCHECKIN_DEMO_HTTPS_PORT:-8443}
ports=("${TRUSTCHECKIN_DEMO_PORT_1:-5001}" "${TRUSTCHECKIN_DEMO_PORT_2:-5002}")
postgres_port=${TRUSTCHECKIN_DEMO_POSTGRES_PORT:-55432}
rate=${TRUSTCHECKIN_DEMO_RATE:-10}
burst=${TRUSTCHECKIN_DEMO_BURST:-50}
ready_timeout=${TRUSTCHECKIN_DEMO_READY_TIMEOUT:-180}
public_address="https://$host:$https_port"
connection="Host=127.0.0.1;Port=$postgres_port;Database=trustcheckin;Username=postgres"

say() { echo "two-instances: $*" >&2; }

# A PID file names a process only while that process is still the one started (PIDs are reused).
running() {
    local pid_file=$1 expected=$2 pid
    [ -f "$pid_file" ] || return 1
    pid=$(cat "$pid_file")
    [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$expected"
}

stop_pid() {
    local pid_file=$1 expected=$2 name=$3 pid
    if running "$pid_file" "$expected"; then
        pid=$(cat "$pid_file")
        kill -TERM "$pid" 2>/dev/null || true
        # The app finishes requests in flight and sends queued mail within its 30-second shutdown timeout.
        for _ in $(seq 1 450); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            say "$name ($pid) did not stop in 45 s: killed"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$pid_file"
}

stop() {
    stop_pid "$dir/nginx/nginx.pid" nginx nginx
    for n in 2 1; do
        stop_pid "$dir/instance-$n.pid" TrustCheckIn.Web.dll "instance $n"
    done
    if [ -f "$dir/postgres.dir" ]; then
        "$root/.ci/postgres" stop "$(cat "$dir/postgres.dir")"
        rm -f "$dir/postgres.dir"
    fi
    say "stopped; logs and the instances' data folders (outboxes) stay in $dir"
}

# 200 from /healthz/ready, asked with the public Host header as any monitor must; gives up when the process has gone.
wait_ready() {
    local name=$1 url=$2 pid_file=$3 expected=$4 log=$5
    shift 5
    local deadline=$((SECONDS + ready_timeout))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "Host: $host:$https_port" "$@" "$url" || true)" = 200 ]; do
        if ! running "$pid_file" "$expected"; then
            say "$name exited before it was ready; the end of $log:"
            tail -n 40 "$log" >&2 || true
            return 1
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            say "$name was not ready in $ready_timeout s; the end of $log:"
            tail -n 40 "$log" >&2 || true
            return 1
        fi
        sleep 0.5
    done
    say "$name ready"
}

start() {
    if running "$dir/instance-1.pid" TrustCheckIn.Web.dll || running "$dir/instance-2.pid" TrustCheckIn.Web.dll || running "$dir/nginx/nginx.pid" nginx; then
        say "already running from $dir: stop it first"
        exit 1
    fi

    local nginx
    nginx=$(command -v nginx || ls /usr/sbin/nginx 2>/dev/null || true)
    [ -n "$nginx" ] || { say "nginx is not installed (apt-get install nginx-light)"; exit 1; }
    mkdir -p "$dir"
    # Whatever goes wrong from here, nothing is left running.
    trap 'status=$?; [ "$status" -eq 0 ] || { say "start failed: stopping what was started"; stop; }' EXIT

    local published=${TRUSTCHECKIN_PUBLISHED:-}
    if [ -z "$published" ]; then
        published="$dir/published"
        say "publishing the app into $published"
        dotnet publish "$root/src/TrustCheckIn.Web" -c Release -o "$published" >"$dir/publish.log"
    fi
    [ -f "$published/TrustCheckIn.Web.dll" ] || { say "no TrustCheckIn.Web.dll in $published"; false; }

    if [ -z "${Encryption__MasterKey:-}" ]; then
        [ -f "$dir/master.key" ] || (umask 077 && openssl rand -base64 32 >"$dir/master.key")
        Encryption__MasterKey=$(cat "$dir/master.key")
    fi

    # Its own folder, not inside the state folder: the server runs as the postgres user, who may not be able to
    # enter a folder made by mktemp or a test.
    mktemp -d /tmp/trustcheckin-postgres-XXXXXX >"$dir/postgres.dir"
    "$root/.ci/postgres" start "$(cat "$dir/postgres.dir")" "$postgres_port"
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    "$bin/createdb" -h 127.0.0.1 -p "$postgres_port" -U postgres trustcheckin
    say "PostgreSQL on 127.0.0.1:$postgres_port"

    export ASPNETCORE_ENVIRONMENT=Production App__BaseUrl="$public_address" Database__Provider=PostgreSQL \
        ConnectionStrings__Default="$connection" Encryption__MasterKey
    # The schema is a deploy step, run once; the instances only check it (/healthz/ready is 503 until it is current).
    (cd "$published" && timeout 300 dotnet TrustCheckIn.Web.dll migrate) >"$dir/migrate.log" 2>&1 \
        || { say "migrate failed:"; tail -n 40 "$dir/migrate.log" >&2; false; }
    say "migrations applied"

    for n in 1 2; do
        mkdir -p "$dir/instance-$n"
        (cd "$published" && exec env Database__MigrateOnStart=false DataFolder="$dir/instance-$n" \
            ASPNETCORE_URLS="http://127.0.0.1:${ports[n - 1]}" dotnet TrustCheckIn.Web.dll) \
            >"$dir/instance-$n.log" 2>&1 </dev/null &
        echo $! >"$dir/instance-$n.pid"
    done
    for n in 1 2; do
        wait_ready "instance $n on 127.0.0.1:${ports[n - 1]}" "http://127.0.0.1:${ports[n - 1]}/healthz/ready" \
            "$dir/instance-$n.pid" TrustCheckIn.Web.dll "$dir/instance-$n.log"
    done

    local prefix="$dir/nginx"
    mkdir -p "$prefix/temp"
    [ -f "$prefix/cert.pem" ] || openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$host" \
        -addext "subjectAltName=DNS:$host" -keyout "$prefix/key.pem" -out "$prefix/cert.pem" 2>/dev/null
    local user_line=""
    [ "$(id -u)" -eq 0 ] && user_line="user root;"
    sed -e "s|@PREFIX@|$prefix|g" -e "s|@USER_LINE@|$user_line|" -e "s|@HOST@|$host|g" -e "s|@HTTPS_PORT@|$https_port|g" \
        -e "s|@PORT_1@|${ports[0]}|g" -e "s|@PORT_2@|${ports[1]}|g" -e "s|@RATE@|$rate|g" -e "s|@BURST@|$burst|g" \
        "$root/deploy/nginx-two-instances.conf" >"$prefix/nginx.conf"
    "$nginx" -p "$prefix" -e "$prefix/error.log" -c "$prefix/nginx.conf" </dev/null >"$prefix/start.log" 2>&1 \
        || { say "nginx did not start:"; cat "$prefix/start.log" "$prefix/error.log" >&2 2>/dev/null; false; }
    wait_ready "nginx on $public_address" "$public_address/healthz/ready" "$prefix/nginx.pid" nginx "$prefix/error.log" \
        -k --resolve "$host:$https_port:127.0.0.1"
    trap - EXIT

    say "serving $public_address (self-signed certificate: $prefix/cert.pem); stop with: $0 stop"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
*)
    echo "usage: deploy/two-instances.sh start|stop (settings: see the top of this file)" >&2
    exit 2
    ;;
esac
