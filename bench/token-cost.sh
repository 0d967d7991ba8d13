#!/usr/bin/env bash
# What checking an API token costs: GET /api/students/{id} as a fraction of the public GET /hello, in one server,
# measured the same way for a WAR without security (an older build, given by path) and for this build with a
# token. Each server starts on a fresh embedded database with 100 students; each scenario is warmed in 10 s windows
# until its JIT compiler spent under 5% of two windows in a row compiling (jstat; at most 240 s: a minute was not
# enough on two cores), then both are measured in five alternating 10 s windows; the medians go to the table.
# With PEER_URL (a peer started by hand with PEER_ROWS students), the peer's GET by id (PEER_BY_ID, %d for the id)
# is measured the same way in the same run. Loopback only.
#
#   bench/token-cost.sh OLD_WAR            # e.g. a WAR built from the commit before security landed
#
# Needs wrk and the jars of `mvn package` (web/target/payara-micro.jar, web/target/student-registry.war).
set -euo pipefail
cd "$(dirname "$0")/.."
old_war=${1:?"usage: bench/token-cost.sh OLD_WAR"}
PORT=${PORT:-18181}
micro=web/target/payara-micro.jar
work=$(mktemp -d)
pid=""
# shellcheck source=bench/sign-in.sh
. bench/sign-in.sh
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT

wrk_rps() {
    local seconds=$1 path=$2; shift 2
    wrk -t2 -c16 -d"${seconds}s" --timeout 5s "${headers[@]}" -s bench/scenario.lua "http://127.0.0.1:$PORT$path" \
        -- "$@" 2>&1 | awk '/^RESULT/ { print $4 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

JSTAT=$(dirname "$(readlink -f "$(command -v java)")")/jstat
compile_seconds() { "$JSTAT" -compiler "$pid" | awk 'NR == 2 { print $4 }'; }

# warm PATH ARGS...: loads the scenario in 10 s windows until the JIT compiler is quiet in two in a row.
warm() {
    local quiet=0 before after elapsed=0
    before=$(compile_seconds)
    while [ "$quiet" -lt 2 ] && [ "$elapsed" -lt 240 ]; do
        wrk_rps 10 "$@" >/dev/null
        elapsed=$((elapsed + 10))
        after=$(compile_seconds)
        if awk -v a="$before" -v b="$after" 'BEGIN { exit !(b - a <= 0.5) }'; then quiet=$((quiet + 1)); else quiet=0; fi
        before=$after
    done
    echo "warmed $* for $elapsed s" >&2
}

# measure LABEL WAR [token]: prints "LABEL hello by_id fraction" (medians).
measure() {
    local label=$1 war=$2 mode=${3:-}
    rm -rf "$work/db" "$work/jar"
    REGISTRY_ADMIN_USERNAME=bench-admin REGISTRY_ADMIN_PASSWORD=bench-password-$$ \
        java -Xmx384m -XX:+UseSerialGC -Dregistry.db.path="$work/db" -Dderby.system.home="$work" -jar "$micro" --deploy "$war" --contextroot / \
        --port "$PORT" --nohazelcast --prebootcommandfile web/src/test/payara/loopback.asadmin >"$work/log" 2>&1 &
    pid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$PORT/health/ready"; do sleep 0.5; done
    headers=()
    if [ "$mode" = token ]; then
        local token
        token=$(sign_in_and_issue bench-admin "bench-password-$$" registrar)
        headers=(-H "Authorization: Bearer $token")
    fi
    for i in $(seq 100); do
        curl -fs -o /dev/null "${headers[@]}" -H 'Content-Type: application/json' \
            -d "{\"firstName\":\"Token\",\"lastName\":\"Cost$i\",\"subject\":\"Bench\"}" "http://127.0.0.1:$PORT/api/students"
    done
    local first
    first=$(curl -fs "${headers[@]}" "http://127.0.0.1:$PORT/api/students?size=1" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
    local by_id=(id /api/students/%d "$first" $((first + 99)))
    warm /hello get
    warm /api/students "${by_id[@]}"
    local hello=() ids=() fractions=()
    for _ in 1 2 3 4 5; do
        local h b
        h=$(wrk_rps 10 /hello get)
        b=$(wrk_rps 10 /api/students "${by_id[@]}")
        hello+=("$h") ids+=("$b")
        fractions+=("$(awk -v a="$b" -v c="$h" 'BEGIN { printf "%.3f", a / c }')")
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
    echo "| $label | ${hello[*]} | ${ids[*]} | ${fractions[*]} | $(printf '%s\n' "${fractions[@]}" | median) |"
}

echo "| server | /hello req/s (5 windows) | GET by id req/s | by id / hello | median fraction |"
echo "|---|---|---|---|---|"
measure "without security ($old_war)" "$old_war"
measure "this build, with a registrar token" web/target/student-registry.war token
if [ -n "${PEER_URL:-}" ]; then
    peer=()
    for _ in 1 2 3 4 5 6; do
        peer+=("$(wrk -t2 -c16 -d10s --timeout 5s -s bench/scenario.lua "$PEER_URL${PEER_BY_ID:-/api/students/%d}" \
            -- id "${PEER_BY_ID:-/api/students/%d}" 1 "${PEER_ROWS:-100}" 2>&1 | awk '/^RESULT/ { print $4 }')")
    done
    # The first window is the peer's warm-up.
    echo ""
    echo "Peer GET by id ($PEER_URL), 10 s windows after one of warm-up: ${peer[*]:1}; median \
$(printf '%s\n' "${peer[@]:1}" | median) req/s."
fi
