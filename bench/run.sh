#!/usr/bin/env bash
# The benchmark: builds the application, starts it on fresh databases, loads them with `registry-db populate`,
# drives each scenario with wrk on loopback and writes a dated table with every figure against its target to
# bench/results/. See "Benchmarks" in the README.
#
# Each scenario is warmed, then measured. Warm means two windows in a row whose throughputs agree within STABLE
# percent and, for our server, whose JIT compiler (jstat) spent under JIT_QUIET percent of each window compiling
# (at most WARM_CAP seconds). Throughput alone is not enough on a JVM: on two cores it can hold flat for a while at a
# third of its plateau while C2 is still compiling the request path. The table gives the warm figure, the cold one
# (the first 10 s of load after the server is ready: each side-by-side scenario runs on a server of its own, started
# for it) and how long the scenario took to become warm and to reach 80% of its warm throughput. Start-up is timed
# against an empty Payara Micro, and populate against the peer's own loader, in the same run, so a slower machine
# does not flip a target.
#
#   bench/run.sh                                   # our application alone, on embedded Derby
#   PEER_URL=http://127.0.0.1:5000 bench/run.sh    # and the same scenarios against another server, with ratios
#   BENCH_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/bench BENCH_POSTGRES_USER=bench \
#   BENCH_POSTGRES_PASSWORD=... bench/run.sh       # on PostgreSQL too, side by side with Derby (the database is
#                                                  # emptied: its schema public is dropped; needs psql)
#
# Settings (environment):
#   ROWS=100            students (and ROWS users, 10*ROWS books) for the side-by-side scenarios
#   GROWTH="1000 1000000"  the two table sizes whose first, middle and last pages are compared (the middle page as
#                          the Next link of the page before it reaches it)
#   BOOK_GROWTH="1000 100000"  the two numbers of books whose books page and authors list are compared
#   POPULATE_ROWS=100000   students loaded by the populate comparison
#   DURATION=10 CONNECTIONS=16 THREADS=2   seconds measured, wrk's load
#   WINDOW=10 STABLE=5 JIT_QUIET=5 WARM_CAP=240   warm-up windows (s), their agreement (%), the share of a window
#                                                 our JIT may spend compiling in a warm window (%), the longest
#                                                 warm-up (s)
#   STARTS=3            start-ups timed per JDK;  JDK25_HOME=/path/to/jdk-25 times start-up on that JDK as well
#   PORT=8181           our port;  SKIP_BUILD=1 uses the jars already built
#   PREBOOT=file        pre-boot commands for our single server after one-node.asadmin's (a tuning to measure, as
#                       the README's "The first minute" measures the request threads); the header quotes them
#   PEER_URL, PEER_LABEL, PEER_ROWS (default ROWS), PEER_USER_ROWS (default ROWS): the other server, started by hand
#                       with PEER_ROWS students and PEER_USER_ROWS users (the /users page compares like with like only
#                       when the peer holds as many users as we do; the Flask original's loader makes two).
#   PEER_<SCENARIO>=path overrides the peer's path of a scenario (empty: not run on the peer); PEER_POST_BODY its
#   create body. The defaults fit the Flask original: / for hello, page=1 for the first page, first_name keys.
#   PEER_POPULATE       a command that loads POPULATE_ROWS students into the peer's database, timed beside ours
#   DATABASES="derby postgresql"  which databases (default: derby, and postgresql with BENCH_POSTGRES_URL)
#   PHASES="startup populate compare growth books cluster"  which parts to run (cluster: with BENCH_POSTGRES_URL only);  SCENARIOS="hello by_id ..." which side-by-side
#                       scenarios (their keys below; all by default).
set -euo pipefail
[ -z "${PREBOOT:-}" ] || PREBOOT=$(readlink -f "$PREBOOT")
cd "$(dirname "$0")/.."
root=$(pwd)

ROWS=${ROWS:-100}
GROWTH=${GROWTH:-"1000 1000000"}
BOOK_GROWTH=${BOOK_GROWTH:-"1000 100000"}
POPULATE_ROWS=${POPULATE_ROWS:-100000}
DURATION=${DURATION:-10}
WINDOW=${WINDOW:-10}
STABLE=${STABLE:-5}
JIT_QUIET=${JIT_QUIET:-5}
WARM_CAP=${WARM_CAP:-240}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
STARTS=${STARTS:-3}
PORT=${PORT:-8181}
PHASES=${PHASES:-"startup populate compare growth books cluster"}
CLUSTER_PORT=${CLUSTER_PORT:-8300}
CLUSTER_NODES=${CLUSTER_NODES:-"1 2 3"}
DEFAULT_DATABASES=derby
[ -z "${BENCH_POSTGRES_URL:-}" ] || DEFAULT_DATABASES="derby postgresql"
DATABASES=${DATABASES:-$DEFAULT_DATABASES}
case " $DATABASES " in *" postgresql "*) [ -n "${BENCH_POSTGRES_URL:-}" ] \
    || { echo "bench: DATABASES names postgresql: set BENCH_POSTGRES_URL" >&2; exit 2; } ;; esac
PEER_URL=${PEER_URL:-}
PEER_ROWS=${PEER_ROWS:-$ROWS}
PEER_USER_ROWS=${PEER_USER_ROWS:-$ROWS}
PEER_LABEL=${PEER_LABEL:-"peer at $PEER_URL"}
PEER_POST_BODY=${PEER_POST_BODY:-'{"first_name":"{{NAME}}","last_name":"Bench","subject":"Load"}'}
JAVA17=${JAVA_HOME:+$JAVA_HOME/bin/}java
JSTAT=$(dirname "$(readlink -f "$(command -v "$JAVA17")")")/jstat
# The JVM options the README's run command gives the application (a java argument file; its comments left out).
APP_JAVA_OPTS=${APP_JAVA_OPTS:-$(sed 's/#.*//' web/src/main/payara/jvm-options | xargs)}

# shellcheck source=bench/sign-in.sh
. bench/sign-in.sh

command -v wrk >/dev/null || { echo "bench: wrk is needed (Debian: apt-get install wrk)" >&2; exit 2; }
case "$PEER_URL" in ""|http://127.*|http://localhost*|http://\[::1\]*) ;;
    *) echo "bench: PEER_URL must be a loopback address" >&2; exit 2 ;; esac
case "${BENCH_POSTGRES_URL:-}" in ""|jdbc:postgresql://127.*|jdbc:postgresql://localhost*) ;;
    *) echo "bench: BENCH_POSTGRES_URL must be a loopback address" >&2; exit 2 ;; esac
if [[ " $DATABASES " == *" postgresql "* ]]; then
    command -v psql >/dev/null || { echo "bench: psql is needed for PostgreSQL (apt-get install postgresql-client)" >&2
                                    exit 2; }
fi

work=$(mktemp -d)
# app_pid: our server (with a cluster, its first node); app_pids: every node of it, whose JIT the warm-up watches.
app_pid="" app_pids=""
stop_app() {
    if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
        kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
    fi
    app_pid=""
}
trap 'stop_app; stop_cluster; rm -rf "$work"' EXIT

stamp=$(date +%Y-%m-%dT%H%M)
mkdir -p bench/results
# Results are named by the minute: a run started in the minute of an earlier one waits for the next.
while [ -e "bench/results/$stamp.md" ]; do
    sleep 1
    stamp=$(date +%Y-%m-%dT%H%M)
done
out="bench/results/$stamp.md"
say() { printf '%s\n' "$*" | tee -a "$out"; }

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "bench: building (mvn package, tests skipped)"
    mvn -q -B package -DskipTests
fi
war=web/target/student-registry.war
micro=web/target/payara-micro.jar
# One node as `mvn -Prun package` runs it (--nohazelcast, web/src/main/payara/one-node.asadmin), listening on
# loopback only.
cat web/src/main/payara/one-node.asadmin web/src/test/payara/loopback.asadmin ${PREBOOT:+"$PREBOOT"} \
    >"$work/one-node.asadmin"
single=(--nohazelcast --prebootcommandfile "$work/one-node.asadmin")
# An empty Payara Micro as it starts by default (--nocluster: with its Hazelcast member, kept on loopback).
loopback_jvm=-Dhazelcast.socket.bind.any=false
# How start_app and start_empty launch Payara Micro: the stock jar, or a root folder's launcher with a class-data
# archive (see archive_launch).
launch=(-jar "$micro")

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
seconds_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# ---- the databases -----------------------------------------------------------------------------------------------

# psql on the benchmark's PostgreSQL database, as its user.
bench_psql() {
    local address=${BENCH_POSTGRES_URL#jdbc:postgresql://}
    PGPASSWORD=$BENCH_POSTGRES_PASSWORD PGOPTIONS=--client-min-messages=warning psql -q -v ON_ERROR_STOP=1 \
        "postgresql://${BENCH_POSTGRES_USER}@${address%%\?*}" "$@"
}

# fresh_database DB NAME: an empty database of kind DB (derby, postgresql); Derby's in the folder $work/NAME.
fresh_database() {
    case $1 in
        derby) rm -rf "${work:?}/$2" ;;
        postgresql) bench_psql -c "DROP SCHEMA IF EXISTS public CASCADE" -c "CREATE SCHEMA public" ;;
    esac
}

# registry-db's options for database DB (NAME: Derby's folder); its credentials go by environment.
database_options() {
    case $1 in
        derby) echo "--db $work/$2 --create" ;;
        postgresql) echo "--url $BENCH_POSTGRES_URL" ;;
    esac
}

# populate DB NAME STUDENTS USERS BOOKS: fills a fresh database; prints the wall time in seconds.
populate() {
    fresh_database "$1" "$2"
    # shellcheck disable=SC2046
    REGISTRY_DB_USER=${BENCH_POSTGRES_USER:-} REGISTRY_DB_PASSWORD=${BENCH_POSTGRES_PASSWORD:-} \
    /usr/bin/time -f "%e %M" -o "$work/time" \
        ./registry-db populate $(database_options "$1" "$2") \
        --students "$3" --users "$4" --books "$5" >"$work/populate.log" 2>&1 \
        || { echo "bench: populate failed:" >&2; tail -20 "$work/populate.log" >&2; exit 1; }
    cut -d' ' -f1 "$work/time"
}

# ---- the application ---------------------------------------------------------------------------------------------

# The admin the benchmark signs in as: made from the settings on each fresh database (a throwaway password, on
# loopback only). The scenarios send its session cookie and an API token it issues, as a browser and an
# integrating system would.
BENCH_ADMIN=bench-admin
BENCH_PASSWORD=bench-password-$$
token_header=() cookie_header=()

# await WHAT LOG CHECK...: waits until the command CHECK succeeds, or fails the benchmark with the log when the
# server started as app_pid has stopped.
await() {
    local what=$1 log=$2; shift 2
    until "$@"; do
        kill -0 "$app_pid" 2>/dev/null || { echo "bench: $what stopped; see its log:" >&2; tail -40 "$log" >&2; exit 1; }
        sleep 0.1
    done
}

# answers URL: whether anything answers HTTP there, whatever the status.
answers() { [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" != 000 ]; }

# start_app DB NAME JAVA [without-admin]: starts the application on that database; sets ready_seconds, from launch
# to ready. It makes the benchmark's admin from the settings, unless told not to: the start-up timing starts as the
# README's run command does, with no admin to make.
start_app() {
    local db=$1 name=$2 java=$3 started settings=() admin=()
    case $db in
        derby) settings=(-Dregistry.db.path="$work/$name" -Dderby.system.home="$work") ;;
        postgresql) settings=(-Dregistry.db.url="$BENCH_POSTGRES_URL" -Dregistry.db.user="$BENCH_POSTGRES_USER") ;;
    esac
    [ "${4:-}" = without-admin ] \
        || admin=(REGISTRY_ADMIN_USERNAME="$BENCH_ADMIN" REGISTRY_ADMIN_PASSWORD="$BENCH_PASSWORD")
    started=$(date +%s.%N)
    # shellcheck disable=SC2086
    env "${admin[@]}" REGISTRY_DB_PASSWORD="${BENCH_POSTGRES_PASSWORD:-}" \
    "$java" $APP_JAVA_OPTS "${settings[@]}" "${launch[@]}" --deploy "$war" --contextroot / \
        --port "$PORT" "${single[@]}" >"$work/app.log" 2>&1 &
    app_pid=$! app_pids=$!
    await "the application" "$work/app.log" curl -fs -o /dev/null "http://127.0.0.1:$PORT/health/ready"
    ready_seconds=$(seconds_since "$started")
}

# start_empty JAVA [without-hazelcast]: an empty Payara Micro (no deployment), as the platform's own start-up: as
# it starts by default (--nocluster), or as the application's node starts (--nohazelcast); sets ready_seconds,
# from launch to its first HTTP answer.
start_empty() {
    local started mode=(--nocluster)
    [ "${2:-}" != without-hazelcast ] || mode=(--nohazelcast)
    started=$(date +%s.%N)
    # shellcheck disable=SC2086
    # Only what keeps it on loopback: the platform as it comes, without the node's settings or a PREBOOT tuning.
    "$1" $APP_JAVA_OPTS $loopback_jvm "${launch[@]}" --port "$PORT" "${mode[@]}" \
        --prebootcommandfile web/src/test/payara/loopback.asadmin >"$work/empty.log" 2>&1 &
    app_pid=$!
    await "the empty server" "$work/empty.log" answers "http://127.0.0.1:$PORT/"
    ready_seconds=$(seconds_since "$started")
}

# archive_launch JDK JAVA: records a class-data archive for JDK (17: a dynamic CDS archive; 25: an ahead-of-time
# cache, JEP 483) the way `mvn -Prun package` does, from a start on a root folder of its own that deploys the WAR,
# then stops (Payara Micro's --warmup); sets launch to start from that folder with the archive. Call
# archive_reset JDK before each start: a root folder keeps what its last start deployed.
archive_launch() {
    local jdk=$1 java=$2 root=$work/root-$1 record use
    case $jdk in
        17) record=-XX:ArchiveClassesAtExit=$root/classes.jsa use=-XX:SharedArchiveFile=$root/classes.jsa ;;
        *) record=-XX:AOTCacheOutput=$root/app.aot use=-XX:AOTCache=$root/app.aot ;;
    esac
    rm -rf "$root"
    "$java" -jar "$micro" --rootdir "$root" --outputlauncher >"$work/archive.log" 2>&1
    cp "$root/config/domain.xml" "$root/domain-without-deployments.xml"
    fresh_database derby start
    # shellcheck disable=SC2086
    REGISTRY_ADMIN_USERNAME=$BENCH_ADMIN REGISTRY_ADMIN_PASSWORD=$BENCH_PASSWORD \
    "$java" "$record" $APP_JAVA_OPTS -Dregistry.db.path="$work/start" -Dderby.system.home="$work" \
        -jar "$root/launch-micro.jar" \
        --deploy "$war" --contextroot / --port "$PORT" "${single[@]}" --warmup >>"$work/archive.log" 2>&1 \
        || { echo "bench: recording the archive failed:" >&2; tail -20 "$work/archive.log" >&2; exit 1; }
    launch=("$use" -jar "$root/launch-micro.jar")
}
archive_reset() { cp "$work/root-$1/domain-without-deployments.xml" "$work/root-$1/config/domain.xml"; }

# start_cluster N: N nodes on the benchmark's PostgreSQL behind nginx, as `./cluster start N` runs them; our server
# is then the proxy (PORT is CLUSTER_PORT until stop_cluster).
start_cluster() {
    REGISTRY_DB_URL=$BENCH_POSTGRES_URL REGISTRY_DB_USER=$BENCH_POSTGRES_USER \
    REGISTRY_DB_PASSWORD=$BENCH_POSTGRES_PASSWORD \
    REGISTRY_ADMIN_USERNAME=$BENCH_ADMIN REGISTRY_ADMIN_PASSWORD=$BENCH_PASSWORD \
    CLUSTER_PORT=$CLUSTER_PORT CLUSTER_DIR=$work/cluster CLUSTER_JAVA_OPTIONS=$APP_JAVA_OPTS \
        ./cluster start "$1" >"$work/cluster.log" 2>&1 \
        || { echo "bench: ./cluster start $1 failed:" >&2; tail -30 "$work/cluster.log" >&2; exit 1; }
    app_pids=$(cat "$work"/cluster/node-*.pid | tr '\n' ' ')
    app_pid=${app_pids%% *}
    proxy_pids="$(cat "$work/cluster/nginx.pid") $(pgrep -P "$(cat "$work/cluster/nginx.pid")" | tr '\n' ' ')"
    single_port=$PORT PORT=$CLUSTER_PORT
}
stop_cluster() {
    [ -f "$work/cluster/nodes" ] || return 0
    CLUSTER_DIR=$work/cluster ./cluster stop >>"$work/cluster.log" 2>&1 || true
    PORT=${single_port:-$PORT} app_pid="" app_pids=""
}

# Signs in as the benchmark's admin and issues an admin token on the tokens page; sets the headers that credentials chooses from.
sign_in() {
    local token session
    token=$(sign_in_and_issue "$BENCH_ADMIN" "$BENCH_PASSWORD" admin)
    session=$(awk '$6 == "JSESSIONID" { print $7 }' "$work/jar" | tail -1)
    [ -n "$token" ] && [ -n "$session" ] || { echo "bench: could not sign in and issue a token" >&2; exit 1; }
    token_header=(-H "Authorization: Bearer $token")
    # Every cookie of the jar, as a browser sends them: the session's, Payara's JSESSIONIDVERSION (without which a
    # distributable application sometimes does not find the session, and the page answers with a redirect to
    # sign-in) and, behind the cluster's proxy, the one that keeps the browser on its node.
    cookie_header=(-H "Cookie: $(awk 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) \
        { printf "%s%s=%s", separator, $6, $7; separator = "; " }' "$work/jar")")
}

# credentials PATH: sets headers to what our server's clients send there: the API the admin's token (an
# integrating system has no session, and a session cookie makes a distributable application touch its session),
# the rest the admin's session cookie, as a browser.
credentials() {
    if [[ $1 == /api/* ]]; then headers=("${token_header[@]}"); else headers=("${cookie_header[@]}"); fi
}

# next_of PATH: the path of the page after PATH, as its Next link gives it (a cursor): how a person or a client
# reaches a page deep in a long list. The API gives it in the Link header, the pages as the #next-page link.
next_of() {
    local path=$1 headers
    credentials "$path"
    if [[ $path == /api/* ]]; then
        curl -fs -D - -o /dev/null "${headers[@]}" "http://127.0.0.1:$PORT$path" | tr -d '\r' | grep -i '^link:' \
            | tr ',' '\n' | grep 'rel="next"' | sed 's/.*<http:\/\/[^/]*//; s/>.*//'
    else
        curl -fs "${headers[@]}" "http://127.0.0.1:$PORT$path" | grep -o 'href="[^"]*" id="next-page"' \
            | sed 's/href="//; s/".*//; s/&amp;/\&/g'
    fi
}

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status"; }

# ---- wrk ---------------------------------------------------------------------------------------------------------

# load SECONDS BASE PATH MODE [ARGS...]: drives one scenario (see bench/scenario.lua); prints wrk's RESULT line.
load() {
    local seconds=$1 base=$2 path=$3 mode=$4; shift 4
    local args=("$mode")
    [ "$mode" = get ] || args+=("$path" "$@")
    local headers=()
    # The peer has no sign-in.
    [ "$base" != "http://127.0.0.1:$PORT" ] || credentials "$path"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 5s "${headers[@]}" -s bench/scenario.lua \
        "$base${path//%d/1}" -- "${args[@]}" 2>&1 | grep '^RESULT' || true
}

# compile_seconds: seconds our server's JIT compilers have spent compiling so far (jstat's Time column), summed
# over its nodes.
compile_seconds() {
    local pid
    for pid in $app_pids; do "$JSTAT" -compiler "$pid" 2>/dev/null | awk 'NR == 2 { print $4 }'; done \
        | awk '{ s += $1 } END { print s + 0 }'
}

# cpu_ticks PID...: the CPU time (user and system, in clock ticks) those processes have used so far.
cpu_ticks() {
    local pid
    for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null || true; done | awk '{ s += $14 + $15 } END { print s + 0 }'
}

# database_ticks: the CPU time PostgreSQL has used so far, in clock ticks. Its processes come and go (a backend per
# connection, autovacuum workers), so each reading takes every live process and, from the postmaster, the time of
# the children it has reaped (cutime, cstime): a process that ends within a window is still counted, once.
database_ticks() {
    local pid
    for pid in $(pgrep -x postgres); do cat "/proc/$pid/stat" 2>/dev/null || true; done \
        | awk '{ s += $14 + $15 + $16 + $17 } END { print s + 0 }'
}

# group_ticks GROUP: the CPU ticks of a cost group ("NAME:PID PID ...", or "database:").
group_ticks() {
    # shellcheck disable=SC2086
    if [ "$1" = database: ]; then database_ticks; else cpu_ticks ${1#*:}; fi
}

# warm_up BASE PATH MODE [ARGS...]: load in windows of WINDOW s until warm (see the top), or WARM_CAP s have passed.
# Sets cold (req/s over the first 10 s), stable_after (seconds of load, or ">cap") and rates (every window's req/s,
# for time_to).
warm_up() {
    local elapsed=0 previous="" previous_quiet=no rate line quiet compiled before=""
    local ours=no
    [ "$1" != "http://127.0.0.1:$PORT" ] || { ours=yes; before=$(compile_seconds); }
    rates=()
    while :; do
        line=$(load "$WINDOW" "$@")
        rate=$(awk '{ print $4 }' <<<"${line:-RESULT 0 0 0}")
        rates+=("$rate")
        elapsed=$((elapsed + WINDOW))
        quiet=yes
        if [ "$ours" = yes ]; then
            compiled=$(compile_seconds)
            awk -v a="$before" -v b="$compiled" -v w="$WINDOW" -v q="$JIT_QUIET" \
                'BEGIN { exit !(b - a <= w * q / 100) }' || quiet=no
            before=$compiled
        fi
        if [ -n "$previous" ] && [ "$quiet" = yes ] && [ "$previous_quiet" = yes ] \
            && awk -v a="$previous" -v b="$rate" -v p="$STABLE" \
                'BEGIN { m = (a > b ? a : b); exit !(m > 0 && (a > b ? a - b : b - a) <= m * p / 100) }'; then
            stable_after=$elapsed
            break
        fi
        if [ "$elapsed" -ge "$WARM_CAP" ]; then
            stable_after=">$WARM_CAP"
            break
        fi
        previous=$rate previous_quiet=$quiet
    done
    cold=$(printf '%s\n' "${rates[@]}" | head -n $(( (10 + WINDOW - 1) / WINDOW )) \
        | awk '{ s += $1 } END { printf "%.0f", s / NR }')
}

# time_to FRACTION WARM: seconds of load until a warm-up window first reached FRACTION of WARM req/s.
time_to() {
    printf '%s\n' "${rates[@]}" | awk -v f="$1" -v w="$2" -v step="$WINDOW" -v n="${#rates[@]}" \
        '$1 >= f * w { print NR * step; found = 1; exit } END { if (!found) print ">" n * step }'
}

# machine_ticks: the CPU time every core of the machine has spent busy so far, in clock ticks (/proc/stat).
machine_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }

# per_request BEFORE AFTER REQUESTS: microseconds of CPU per request from two readings in clock ticks.
per_request() {
    awk -v a="$1" -v b="$2" -v n="$3" -v t="$(getconf CLK_TCK)" \
        'BEGIN { printf "%.0f", (n > 0 ? (b - a) * 1e6 / t / n : 0) }'
}

# Where the CPU of a measured window goes: "NAME:PID PID ..." per group of processes (set by the cluster phase).
# run then sets cost[NAME] to the group's CPU microseconds per request, and cost[machine] to the whole machine's.
cost_groups=()
declare -A cost

# run BASE PATH MODE [ARGS...]: warm-up until stable, then the measured window; sets rps p50 p99 errors, with
# cold, stable_after and to80 (seconds to 80% of the warm req/s).
run() {
    warm_up "$@"
    local line group before=() machine_before i=0
    for group in "${cost_groups[@]}"; do before+=("$(group_ticks "$group")"); done
    machine_before=$(machine_ticks)
    line=$(load "$DURATION" "$@")
    if [ -z "$line" ]; then
        rps=0 p50=- p99=- errors=failed to80=-
        return
    fi
    read -r _ requests _ rps p50 p99 failed sockets <<<"$line"
    errors=$((failed + sockets))
    # wrk counts only 4xx and 5xx as failed: a page that answered with redirects (to sign-in) measured nothing.
    if [ "$1" = "http://127.0.0.1:$PORT" ] && [ "$3" != post ]; then
        local headers=() status
        credentials "$2"
        status=$(curl -s -o /dev/null -w '%{http_code}' "${headers[@]}" "$1${2//%d/1}")
        [[ $status == 2* ]] || errors="$errors, **answers $status**"
    fi
    to80=$(time_to 0.8 "$rps")
    for group in "${cost_groups[@]}"; do
        cost[${group%%:*}]=$(per_request "${before[i]}" "$(group_ticks "$group")" "$requests")
        i=$((i + 1))
    done
    cost[machine]=$(per_request "$machine_before" "$(machine_ticks)" "$requests")
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "–" }'; }
# quotient A B: A / B to two decimals, for the start-up ratios the targets compare.
quotient() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
check() { if awk "BEGIN { met = ($1); exit !met }"; then echo "met"; else echo "**missed**"; fi; }

peer_path() {
    local var="PEER_${1^^}"
    if [ -n "${!var+set}" ]; then printf '%s' "${!var}"; return; fi
    case "$1" in
        hello) echo "/" ;;
        by_id) echo "/api/students/%d" ;;
        page_json) echo "/api/students?page=1&size=20" ;;
        students_first) echo "/students" ;;
        users) echo "/users" ;;
        post) echo "/api/students" ;;
    esac
}

declare -A RPS P50 P99 FIGURE PEER_ROW

# ---- the report --------------------------------------------------------------------------------------------------

say "# Benchmark $stamp"
say ""
say "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), \
$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr); \
$("$JAVA17" -version 2>&1 | head -1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)."
say "Load: wrk, $CONNECTIONS connections, $THREADS threads, loopback; wrk shares the cores with the servers. Each \
scenario is warmed in ${WINDOW} s windows until two in a row agree within ${STABLE}% while our JIT compiler spends \
under ${JIT_QUIET}% of each compiling (at most ${WARM_CAP} s), then measured for ${DURATION} s. Latencies in ms. Our server: \`java $APP_JAVA_OPTS\`, called as a signed-in admin (its \
session cookie on pages) with an admin API token (\`Authorization: Bearer\`) on the API, as browsers and \
integrating systems call it."
[ -z "${PREBOOT:-}" ] || say "Our single server's pre-boot commands add (PREBOOT): \
$(awk '!/^#/ && NF { printf "%s`%s`", separator, $0; separator = "; " }' "$PREBOOT")."
if [[ " $DATABASES " == *" postgresql "* ]]; then
    say "PostgreSQL: $(bench_psql -tA -c "SELECT split_part(version(), ' ', 2) || ', fsync ' \
|| current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit') \
|| ', shared_buffers ' || current_setting('shared_buffers') || ', max_connections ' || current_setting('max_connections')"), on this machine; Derby: embedded, in a folder."
fi
say ""

if [[ " $PHASES " == *" startup "* ]]; then
    say "## Start to ready"
    say ""
    say "JVM launch to the first HTTP answer for an empty Payara Micro (no deployment, the stock jar) as it starts by \
default (\`--nocluster\`, with its Hazelcast member: the reference of the targets) and without Hazelcast \
(\`--nohazelcast\`, as the application's node runs), and to \`/health/ready\` UP for the application on a fresh \
Derby database (migrations included; no admin to create, as the README's run command starts it): from the stock \
jar, and as \`mvn -Prun package\` starts it, from a root folder with a class-data archive (JDK 17: a dynamic CDS \
archive; JDK 25: an ahead-of-time cache), recorded once by a start that deploys and stops; $STARTS starts each, alternating."
    say ""
    say "| JDK | empty Payara Micro (s) | empty, no Hazelcast (s) | application, stock jar (s) | application with \
archive (s) | median, empty | median, empty without Hazelcast | median, stock jar | median, with archive \
| ratio, stock jar | ratio, with archive | ratio with archive to the empty server without Hazelcast |"
    say "|---|---|---|---|---|---|---|---|---|---|---|---|"
    for jdk in 17 25; do
        java_bin=$JAVA17
        if [ "$jdk" = 25 ]; then
            [ -n "${JDK25_HOME:-}" ] || { say "| 25 | not run (set JDK25_HOME) | | | | | | | | | | |"; continue; }
            java_bin=$JDK25_HOME/bin/java
        fi
        archive_launch "$jdk" "$java_bin"
        archived_launch=("${launch[@]}")
        empties=() bare=() apps=() archived=()
        for _ in $(seq "$STARTS"); do
            launch=(-jar "$micro")
            start_empty "$java_bin"; empties+=("$ready_seconds"); stop_app
            start_empty "$java_bin" without-hazelcast; bare+=("$ready_seconds"); stop_app
            fresh_database derby start
            start_app derby start "$java_bin" without-admin; apps+=("$ready_seconds"); stop_app
            launch=("${archived_launch[@]}")
            fresh_database derby start
            archive_reset "$jdk"
            start_app derby start "$java_bin" without-admin; archived+=("$ready_seconds"); stop_app
        done
        launch=(-jar "$micro")
        FIGURE[empty_$jdk]=$(printf '%s\n' "${empties[@]}" | median)
        FIGURE[bare_$jdk]=$(printf '%s\n' "${bare[@]}" | median)
        FIGURE[start_$jdk]=$(printf '%s\n' "${apps[@]}" | median)
        FIGURE[archived_$jdk]=$(printf '%s\n' "${archived[@]}" | median)
        for kind in start archived; do
            FIGURE[${kind}_ratio_$jdk]=$(quotient "${FIGURE[${kind}_$jdk]}" "${FIGURE[empty_$jdk]}")
        done
        FIGURE[archived_bare_ratio_$jdk]=$(quotient "${FIGURE[archived_$jdk]}" "${FIGURE[bare_$jdk]}")
        say "| $("$java_bin" -version 2>&1 | head -1 | cut -d'"' -f2) | ${empties[*]} | ${bare[*]} | ${apps[*]} \
| ${archived[*]} | ${FIGURE[empty_$jdk]} | ${FIGURE[bare_$jdk]} | ${FIGURE[start_$jdk]} | ${FIGURE[archived_$jdk]} \
| ${FIGURE[start_ratio_$jdk]}x | ${FIGURE[archived_ratio_$jdk]}x | ${FIGURE[archived_bare_ratio_$jdk]}x |"
    done
    say ""
fi

if [[ " $PHASES " == *" populate "* ]]; then
    say "## Populate, $POPULATE_ROWS students"
    say ""
    say "| loader | seconds | students/s |"
    say "|---|---|---|"
    for db in $DATABASES; do
        seconds=$(populate "$db" populate "$POPULATE_ROWS" 0 0)
        FIGURE[populate_rate_$db]=$(awk -v n="$POPULATE_ROWS" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
        say "| \`registry-db populate\`, $db | $seconds | ${FIGURE[populate_rate_$db]} |"
    done
    if [ -n "${PEER_POPULATE:-}" ]; then
        started=$(date +%s.%N)
        bash -c "$PEER_POPULATE" >"$work/peer-populate.log" 2>&1 \
            || { echo "bench: PEER_POPULATE failed:" >&2; tail -20 "$work/peer-populate.log" >&2; exit 1; }
        seconds=$(seconds_since "$started")
        FIGURE[populate_rate_peer]=$(awk -v n="$POPULATE_ROWS" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
        say "| the peer's loader | $seconds | ${FIGURE[populate_rate_peer]} |"
    fi
    say ""
fi

header() {
    local head="| scenario | path | cold req/s | stable after (s) | 80% after (s) | req/s | p50 | p99 | errors |"
    local rule="|---|---|---|---|---|---|---|---|---|"
    if [ -n "$PEER_URL" ]; then
        head+=" peer path | peer cold | peer stable after | peer req/s | peer p50 | peer p99 | peer errors | ratio |"
        rule+="---|---|---|---|---|---|---|---|"
    fi
    say "$head"; say "$rule"
}

# The side-by-side scenarios: key|label|our path|wrk mode and arguments (no spaces inside an argument). The middle
# page's path is looked up on the running server (MIDDLE).
pages=$(( (ROWS + 19) / 20 ))
scenarios=(
    "hello|hello|/hello|get"
    "by_id|student by id (random)|/api/students/%d|id 1 $ROWS"
    "page_json|first page of 20, JSON|/api/students?page=0&size=20|get"
    "search_json|name search, JSON|/api/students?q=ho&size=20|get"
    "students_first|/students page, first|/students|get"
    "students_middle|/students page, middle (by Next)|MIDDLE|get"
    "students_last|/students page, last|/students?page=$((pages - 1))|get"
    "users|/users page|/users|get"
    "books_author|/books by an author|/books?author=Jane%20Austen|get"
    'post|create a student, POST|/api/students|post {"firstName":"{{NAME}}","lastName":"Bench","subject":"Load"}'
)

# measure_peer KEY MODE [ARGS...]: the peer's cells of the row, once per run (every database's table shows them).
measure_peer() {
    local key=$1 mode=$2; shift 2
    [ -n "$PEER_URL" ] && [ -z "${PEER_ROW[$key]+set}" ] || return 0
    local peer_path
    peer_path=$(peer_path "$key")
    if [ -z "$peer_path" ]; then
        PEER_ROW[$key]=" – | | | | | | | |"
        return
    fi
    local peer_args=("$@")
    if [ "$mode" = id ]; then peer_args=(1 "$PEER_ROWS"); fi
    if [ "$mode" = post ]; then peer_args=("$PEER_POST_BODY"); fi
    run "$PEER_URL" "$peer_path" "$mode" "${peer_args[@]}"
    RPS[peer_$key]=$rps P99[peer_$key]=$p99
    PEER_ROW[$key]=" \`$peer_path\` | $cold | $stable_after | $rps | $p50 | $p99 | $errors |"
}

if [[ " $PHASES " == *" compare "* ]]; then
    for db in $DATABASES; do
        say "## Side by side, $ROWS students, on $db"
        say ""
        [ -z "$PEER_URL" ] || say "Peer: $PEER_LABEL, $PEER_ROWS students, $PEER_USER_ROWS users."
        say ""
        populate "$db" compare "$ROWS" "$ROWS" "$((ROWS * 10))" >/dev/null
        header
        for scenario in "${scenarios[@]}"; do
            IFS='|' read -r key label path mode_args <<<"$scenario"
            [ -z "${SCENARIOS:-}" ] || [[ " $SCENARIOS " == *" $key "* ]] || continue
            # A server of its own for each scenario, so that its cold figure is the first load after ready.
            start_app "$db" compare "$JAVA17"
            sign_in
            [ "$path" != MIDDLE ] || path=$(next_of "/students?page=$((pages / 2 - 1))")
            # shellcheck disable=SC2086
            run "http://127.0.0.1:$PORT" "$path" $mode_args
            RPS[${db}_$key]=$rps P50[${db}_$key]=$p50 P99[${db}_$key]=$p99 FIGURE[to80_${db}_$key]=$to80
            row="| $label | \`$path\` | $cold | $stable_after | $to80 | $rps | $p50 | $p99 | $errors |"
            FIGURE[rss_compare_$db]=$(rss_mb)
            stop_app
            if [ -n "$PEER_URL" ]; then
                # shellcheck disable=SC2086
                measure_peer "$key" $mode_args
                row+="${PEER_ROW[$key]} $(ratio "${RPS[${db}_$key]}" "${RPS[peer_$key]:-0}") |"
            fi
            say "$row"
        done
        say ""
        say "Resident memory of our server after the last scenario: ${FIGURE[rss_compare_$db]} MB."
        say ""
    done
fi

if [[ " $PHASES " == *" growth "* ]]; then
    say "## Growth with data"
    say ""
    say "The same pages with each table size (default orders: /students by last name, the API by id), each warmed \
until stable, on one server per size."
    say ""
    say "| database | students | populate (s) | start to ready (s) | API first | API middle | API last \
| /students first | /students middle | /students last | RSS after (MB) |"
    say "|---|---|---|---|---|---|---|---|---|---|---|"
    for db in $DATABASES; do
        for n in $GROWTH; do
            seconds=$(populate "$db" "growth$n" "$n" 0 0)
            FIGURE[populate_${db}_$n]=$seconds
            start_app "$db" "growth$n" "$JAVA17"
            sign_in
            pages_n=$(( (n + 19) / 20 ))
            row="| $db | $n | $seconds | $ready_seconds |"
            # The middle page as its Next link reaches it (a cursor); first and last by number.
            for target in "api:/api/students?size=20&page=" "html:/students?page="; do
                kind=${target%%:*} path=${target#*:}
                for where in first middle last; do
                    case $where in
                        first) page_path="${path}0" ;;
                        middle) page_path=$(next_of "$path$((pages_n / 2 - 1))") ;;
                        last) page_path="$path$((pages_n - 1))" ;;
                    esac
                    run "http://127.0.0.1:$PORT" "$page_path" get
                    FIGURE[${db}_${kind}_${where}_$n]=$p50
                    row+=" $rps req/s, p50 $p50 |"
                done
            done
            FIGURE[rss_${db}_$n]=$(rss_mb)
            stop_app
            say "$row ${FIGURE[rss_${db}_$n]} |"
        done
    done
    say ""
fi

if [[ " $PHASES " == *" books "* ]]; then
    say "## Growth with books"
    say ""
    say "The books page (the first page of books by title, the authors list beside it) and the authors alone, with \
each number of books (the sample books: real titles by some thirty authors), each warmed until stable, on one \
server per size."
    say ""
    say "| database | books | populate (s) | /books | /api/authors | /api/books?author= |"
    say "|---|---|---|---|---|---|"
    for db in $DATABASES; do
        for n in $BOOK_GROWTH; do
            seconds=$(populate "$db" "books$n" 0 0 "$n")
            start_app "$db" "books$n" "$JAVA17"
            sign_in
            row="| $db | $n | $seconds |"
            for path in "/books" "/api/authors" "/api/books?author=Jane%20Austen"; do
                run "http://127.0.0.1:$PORT" "$path" get
                FIGURE[books_${db}_${path%%\?*}_$n]=$p50
                row+=" $rps req/s, p50 $p50 |"
            done
            stop_app
            say "$row"
        done
    done
    say ""
fi

# ---- several nodes -----------------------------------------------------------------------------------------------


if [[ " $PHASES " == *" cluster "* ]] && [[ " $DATABASES " == *" postgresql "* ]]; then
    say "## Several nodes, on PostgreSQL, $ROWS students"
    say ""
    say "One node alone (no proxy, no cluster: \`--nohazelcast\` with web/src/main/payara/one-node.asadmin, so its sessions stay in memory, as \`mvn -Prun package\` runs it), then $(echo "$CLUSTER_NODES" | sed 's/ /, /g') \
node(s) as \`./cluster start N\` runs them: one Hazelcast cluster on loopback, sessions replicated, behind nginx \
(one worker). The API's requests carry no session and are spread over the nodes; the pages' carry the session \
and nginx's node cookie, so they stay on one node, as one browser's do. This machine's cores are shared by every \
node, nginx, PostgreSQL and wrk, so more nodes cannot add throughput here; what the table shows is what each \
request costs: CPU microseconds per request, measured over the measured window from /proc (the nodes' JVMs, \
nginx's processes, every PostgreSQL process, those that ended within the window included; the machine: all cores \
busy, wrk and the rest included)."
    say ""
    say "| setup | scenario | path | stable after (s) | req/s | p50 | p99 | errors | CPU µs/request: nodes \
| nginx | PostgreSQL | the machine |"
    say "|---|---|---|---|---|---|---|---|---|---|---|---|"
    cluster_scenarios="hello by_id page_json students_first post"
    for setup in alone $CLUSTER_NODES; do
        populate postgresql cluster "$ROWS" "$ROWS" "$((ROWS * 10))" >/dev/null
        if [ "$setup" = alone ]; then
            start_app postgresql cluster "$JAVA17"
            label="1 node alone" proxy_pids=""
        else
            start_cluster "$setup"
            label="$setup node(s), nginx"
        fi
        sign_in
        cost=() cost_groups=("nodes:$app_pids" "database:")
        [ -z "$proxy_pids" ] || cost_groups+=("proxy:$proxy_pids")
        for scenario in "${scenarios[@]}"; do
            IFS='|' read -r key _ path mode_args <<<"$scenario"
            [[ " $cluster_scenarios " == *" $key "* ]] || continue
            # shellcheck disable=SC2086
            run "http://127.0.0.1:$PORT" "$path" $mode_args
            RPS[cluster_${setup}_$key]=$rps
            say "| $label | $key | \`$path\` | $stable_after | $rps | $p50 | $p99 | $errors | ${cost[nodes]} \
| ${cost[proxy]:-–} | ${cost[database]} | ${cost[machine]} |"
        done
        cost_groups=()
        if [ "$setup" = alone ]; then stop_app; else stop_cluster; fi
    done
    say ""
fi

# ---- against the targets -----------------------------------------------------------------------------------------
say "## Targets"
say ""
say "| target | figure | |"
say "|---|---|---|"
for db in $DATABASES; do
    if [ -n "${RPS[${db}_by_id]:-}" ] && [ -n "${RPS[${db}_hello]:-}" ]; then
        share=$(awk -v a="${RPS[${db}_by_id]}" -v b="${RPS[${db}_hello]}" 'BEGIN { printf "%.0f", 100 * a / b }')
        say "| $db: student by id >= 60% of our /hello | $share% | $(check "$share >= 60") |"
    fi
    json_p99=${P99[${db}_page_json]:-}
    [ -z "$json_p99" ] || say "| $db: first page JSON p99 < 20 ms | $json_p99 ms | $(check "$json_p99 < 20") |"
    to80=${FIGURE[to80_${db}_by_id]:-}
    [ -z "$to80" ] || say "| $db: student by id reaches 80% of its warm req/s within 15 s of load after ready \
| $to80 s | $(check "\"${to80#>}\" + 0 <= 15 && \"$to80\" !~ />/") |"
    if [ -n "$PEER_URL" ]; then
        for pair in "by_id:4:student by id" "page_json:3:first page JSON" "search_json:3:name search JSON" \
                    "students_first:3:/students page" "users:3:/users page" "post:3:POST create"; do
            IFS=: read -r key factor label <<<"$pair"
            [ -n "${RPS[peer_$key]:-}" ] && [ -n "${RPS[${db}_$key]:-}" ] || continue
            r=$(awk -v a="${RPS[${db}_$key]}" -v b="${RPS[peer_$key]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
            say "| $db: $label >= ${factor}x the peer, warm | ${r}x | $(check "$r >= $factor") |"
        done
    fi
done
if [ -n "${FIGURE[start_17]:-}" ]; then
    say "| start to ready on JDK 17 within 2x of an empty Payara Micro, as \`mvn -Prun package\` starts it (with its \
archive) | ${FIGURE[archived_17]} s vs ${FIGURE[empty_17]} s = ${FIGURE[archived_ratio_17]}x \
| $(check "${FIGURE[archived_ratio_17]} <= 2") |"
    say "| start to ready on JDK 17 from the stock jar (reported) | ${FIGURE[start_17]} s vs ${FIGURE[empty_17]} s \
= ${FIGURE[start_ratio_17]}x | |"
fi
[ -z "${FIGURE[start_25]:-}" ] || say "| start to ready on JDK 25 (reported): stock jar, with its ahead-of-time cache \
| ${FIGURE[start_25]} s, ${FIGURE[archived_25]} s vs ${FIGURE[empty_25]} s = ${FIGURE[start_ratio_25]}x, \
${FIGURE[archived_ratio_25]}x | |"
if [ -n "${FIGURE[populate_rate_peer]:-}" ]; then
    for db in $DATABASES; do
        r=$(awk -v a="${FIGURE[populate_rate_$db]}" -v b="${FIGURE[populate_rate_peer]}" 'BEGIN { printf "%.2f", a / b }')
        say "| $db: populate at least as fast as the peer's loader (students/s) | ${r}x | $(check "$r >= 1") |"
    done
fi
read -r small large <<<"$GROWTH"
for db in $DATABASES; do
    [ -n "${FIGURE[populate_${db}_$large]:-}" ] || continue
    for kind in api html; do
        for where in first middle last; do
            a=${FIGURE[${db}_${kind}_${where}_$large]} b=${FIGURE[${db}_${kind}_${where}_$small]}
            g=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 99) }')
            say "| $db: $kind $where page p50 at $large within 1.5x of $small | $a vs $b ms = ${g}x \
| $(check "$g <= 1.5") |"
        done
    done
    say "| $db: resident memory < 768 MB after the load at $large | ${FIGURE[rss_${db}_$large]} MB \
| $(check "${FIGURE[rss_${db}_$large]} < 768") |"
done
if [ -n "${FIGURE[populate_postgresql_$large]:-}" ]; then
    say "| populate $large students on PostgreSQL no slower than on Derby | ${FIGURE[populate_postgresql_$large]} s \
vs ${FIGURE[populate_derby_$large]} s | \
$(check "${FIGURE[populate_postgresql_$large]} <= ${FIGURE[populate_derby_$large]}") |"
fi
read -r few many <<<"$BOOK_GROWTH"
for db in $DATABASES; do
    [ -n "${FIGURE[books_${db}_/books_$many]:-}" ] || continue
    for path in /books /api/authors; do
        a=${FIGURE[books_${db}_${path}_$many]} b=${FIGURE[books_${db}_${path}_$few]}
        g=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 99) }')
        say "| $db: $path p50 with $many books within 1.5x of $few | $a vs $b ms = ${g}x | $(check "$g <= 1.5") |"
    done
done
for db in $DATABASES; do
    [ -z "${FIGURE[rss_compare_$db]:-}" ] || say "| $db: resident memory after the side-by-side load \
| ${FIGURE[rss_compare_$db]} MB | $(check "${FIGURE[rss_compare_$db]} < 768") |"
done
echo
echo "bench: written to $out"
