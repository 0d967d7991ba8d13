#!/usr/bin/env bash
# The benchmark: builds the application, starts it on fresh databases, loads them with `registry-db populate`,
# drives each scenario with wrk on loopback (a warm-up, then a measured window) and writes a dated table with every
# figure against its target to bench/results/. See "Benchmarks" in the README.
#
#   bench/run.sh                                   # our application alone
#   PEER_URL=http://127.0.0.1:5000 bench/run.sh    # and the same scenarios against another server, with ratios
#
# Settings (environment):
#   ROWS=100            students (and ROWS users, 10*ROWS books) for the side-by-side scenarios
#   GROWTH="1000 1000000"  the two table sizes whose first, middle and last pages are compared (the middle page as
#                          the Next link of the page before it reaches it)
#   DURATION=10 WARMUP=3 CONNECTIONS=16 THREADS=2   seconds measured, seconds discarded, wrk's load
#   PRIME=10            seconds of load per scenario in a first pass after each start, for the JIT compiler
#   STARTS=3            start-ups timed per JDK;  JDK25_HOME=/path/to/jdk-25 times start-up on that JDK as well
#   PORT=8181           our port;  SKIP_BUILD=1 uses the jars already built
#   PEER_URL, PEER_LABEL, PEER_ROWS (default ROWS): the other server, started by hand with PEER_ROWS students.
#   PEER_<SCENARIO>=path overrides the peer's path of a scenario (empty: not run on the peer); PEER_POST_BODY its
#   create body. The defaults fit the Flask original: / for hello, page=1 for the first page, first_name keys.
#   PHASES="startup compare growth"  which parts to run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

ROWS=${ROWS:-100}
GROWTH=${GROWTH:-"1000 1000000"}
DURATION=${DURATION:-10}
PRIME=${PRIME:-10}
WARMUP=${WARMUP:-3}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
STARTS=${STARTS:-3}
PORT=${PORT:-8181}
PHASES=${PHASES:-"startup compare growth"}
PEER_URL=${PEER_URL:-}
PEER_ROWS=${PEER_ROWS:-$ROWS}
PEER_LABEL=${PEER_LABEL:-"peer at $PEER_URL"}
PEER_POST_BODY=${PEER_POST_BODY:-'{"first_name":"{{NAME}}","last_name":"Bench","subject":"Load"}'}
JAVA17=${JAVA_HOME:+$JAVA_HOME/bin/}java
# The heap the README's run command gives the application (web/pom.xml, profile run).
APP_JAVA_OPTS=${APP_JAVA_OPTS:-"-Xmx384m -XX:+UseSerialGC"}

# shellcheck source=bench/sign-in.sh
. bench/sign-in.sh

command -v wrk >/dev/null || { echo "bench: wrk is needed (Debian: apt-get install wrk)" >&2; exit 2; }
case "$PEER_URL" in ""|http://127.*|http://localhost*|http://\[::1\]*) ;;
    *) echo "bench: PEER_URL must be a loopback address" >&2; exit 2 ;; esac

work=$(mktemp -d)
app_pid=""
stop_app() {
    if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
        kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
    fi
    app_pid=""
}
trap 'stop_app; rm -rf "$work"' EXIT

stamp=$(date +%Y-%m-%dT%H%M)
mkdir -p bench/results
out="bench/results/$stamp.md"
say() { printf '%s\n' "$*" | tee -a "$out"; }

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "bench: building (mvn package, tests skipped)"
    mvn -q -B package -DskipTests
fi
war=web/target/student-registry.war
micro=web/target/payara-micro.jar

# ---- the application ---------------------------------------------------------------------------------------------

# Fills a fresh database in $work/$1 with $2 students, $3 users and $4 books; prints the wall time in seconds.
populate() {
    local db="$work/$1"
    rm -rf "$db"
    /usr/bin/time -f "%e %M" -o "$work/time" \
        ./registry-db populate --db "$db" --create \
        --students "$2" --users "$3" --books "$4" >"$work/populate.log" 2>&1
    cut -d' ' -f1 "$work/time"
}

# The admin the benchmark signs in as: made from the settings on each fresh database (a throwaway password, on
# loopback only). The scenarios send its session cookie and an API token it issues, as a browser and an
# integrating system would.
BENCH_ADMIN=bench-admin
BENCH_PASSWORD=bench-password-$$
auth=()

# Starts the application on database $work/$1 with java $2; sets ready_seconds, from launch to ready.
start_app() {
    local java=$2 started now
    started=$(date +%s.%N)
    # shellcheck disable=SC2086
    REGISTRY_ADMIN_USERNAME=$BENCH_ADMIN REGISTRY_ADMIN_PASSWORD=$BENCH_PASSWORD \
    "$java" $APP_JAVA_OPTS -Dregistry.db.path="$work/$1" -jar "$micro" --deploy "$war" --contextroot / \
        --port "$PORT" --nocluster --prebootcommandfile web/src/test/payara/loopback.asadmin >"$work/app.log" 2>&1 &
    app_pid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$PORT/health/ready"; do
        kill -0 "$app_pid" 2>/dev/null || { echo "bench: the application stopped; see its log:" >&2;
                                             tail -40 "$work/app.log" >&2; exit 1; }
        sleep 0.1
    done
    now=$(date +%s.%N)
    ready_seconds=$(awk -v a="$started" -v b="$now" 'BEGIN { printf "%.1f", b - a }')
}

# Signs in as the benchmark's admin and issues an admin token on the tokens page; sets auth, wrk's headers.
sign_in() {
    local token session
    token=$(sign_in_and_issue "$BENCH_ADMIN" "$BENCH_PASSWORD" admin)
    session=$(awk '$6 == "JSESSIONID" { print $7 }' "$work/jar" | tail -1)
    [ -n "$token" ] && [ -n "$session" ] || { echo "bench: could not sign in and issue a token" >&2; exit 1; }
    auth=(-H "Authorization: Bearer $token" -H "Cookie: JSESSIONID=$session")
}

# next_of PATH: the path of the page after PATH, as its Next link gives it (a cursor): how a person or a client
# reaches a page deep in a long list. The API gives it in the Link header, the pages as the #next-page link.
next_of() {
    local path=$1
    if [[ $path == /api/* ]]; then
        curl -fs -D - -o /dev/null "${auth[@]}" "http://127.0.0.1:$PORT$path" | tr -d '\r' | grep -i '^link:' \
            | tr ',' '\n' | grep 'rel="next"' | sed 's/.*<http:\/\/[^/]*//; s/>.*//'
    else
        curl -fs "${auth[@]}" "http://127.0.0.1:$PORT$path" | grep -o 'href="[^"]*" id="next-page"' \
            | sed 's/href="//; s/".*//; s/&amp;/\&/g'
    fi
}

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status"; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# ---- wrk ---------------------------------------------------------------------------------------------------------

# load SECONDS BASE PATH MODE [ARGS...]: drives one scenario (see bench/scenario.lua); prints wrk's RESULT line.
load() {
    local seconds=$1 base=$2 path=$3 mode=$4; shift 4
    local args=("$mode")
    [ "$mode" = get ] || args+=("$path" "$@")
    local headers=()
    # Our server gets the admin's token and session; the peer has no sign-in.
    [ "$base" != "http://127.0.0.1:$PORT" ] || headers=("${auth[@]}")
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 5s "${headers[@]}" -s bench/scenario.lua \
        "$base${path//%d/1}" -- "${args[@]}" 2>&1 | grep '^RESULT' || true
}

warm() { load "$@" >/dev/null; }

# run BASE PATH MODE [ARGS...]: warm-up, then the measured window; sets rps p50 p99 errors.
run() {
    warm "$WARMUP" "$@"
    local line
    line=$(load "$DURATION" "$@")
    if [ -z "$line" ]; then
        rps=0 p50=- p99=- errors=failed
        return
    fi
    read -r _ _ _ rps p50 p99 failed sockets <<<"$line"
    errors=$((failed + sockets))
}

declare -A RPS P50 P99
# scenario KEY LABEL OUR_PATH MODE [ARGS...] ; uses PEER_KEY / peer default from "peer_path KEY"
measure() {
    local key=$1 label=$2 path=$3 mode=$4; shift 4
    run "http://127.0.0.1:$PORT" "$path" "$mode" "$@"
    RPS[$key]=$rps P50[$key]=$p50 P99[$key]=$p99
    local row="| $label | \`$path\` | $rps | $p50 | $p99 | $errors |"
    if [ -n "$PEER_URL" ]; then
        local peer_path
        peer_path=$(peer_path "$key")
        if [ -n "$peer_path" ]; then
            local peer_args=("$@")
            if [ "$mode" = id ]; then peer_args=(1 "$PEER_ROWS"); fi
            if [ "$mode" = post ]; then peer_args=("$PEER_POST_BODY"); fi
            local ours=$rps
            run "$PEER_URL" "$peer_path" "$mode" "${peer_args[@]}"
            RPS[peer_$key]=$rps P99[peer_$key]=$p99
            row+=" \`$peer_path\` | $rps | $p50 | $p99 | $errors | $(ratio "$ours" "$rps") |"
        else
            row+=" – | | | | | |"
        fi
    fi
    say "$row"
}

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

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "–" }'; }
check() { if awk "BEGIN { met = ($1); exit !met }"; then echo "met"; else echo "**missed**"; fi; }

# ---- the report --------------------------------------------------------------------------------------------------

say "# Benchmark $stamp"
say ""
say "Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), \
$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr); \
$("$JAVA17" -version 2>&1 | head -1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)."
say "Load: wrk, $CONNECTIONS connections, $THREADS threads, ${WARMUP} s warm-up then ${DURATION} s measured per \
scenario (after a first pass of ${PRIME} s per scenario for the JIT), loopback; wrk shares the cores with the \
servers. Latencies in ms. Our server: \`java $APP_JAVA_OPTS\`, called as a signed-in admin (its session cookie on \
pages) with an admin API token (\`Authorization: Bearer\`) on the API, as browsers and integrating systems call it."
say ""

declare -A FIGURE
if [[ " $PHASES " == *" startup "* ]]; then
    say "## Start to ready"
    say ""
    say "JVM launch to \`/health/ready\` UP on a fresh database (migrations included), $STARTS starts per JDK."
    say ""
    say "| JDK | runs (s) | median (s) |"
    say "|---|---|---|"
    for jdk in 17 25; do
        java_bin=$JAVA17
        if [ "$jdk" = 25 ]; then
            [ -n "${JDK25_HOME:-}" ] || { say "| 25 | not run (set JDK25_HOME) | |"; continue; }
            java_bin=$JDK25_HOME/bin/java
        fi
        times=()
        for _ in $(seq "$STARTS"); do
            rm -rf "$work/start"
            start_app start "$java_bin"
            times+=("$ready_seconds")
            stop_app
        done
        FIGURE[start_$jdk]=$(printf '%s\n' "${times[@]}" | median)
        say "| $("$java_bin" -version 2>&1 | head -1 | cut -d'"' -f2) | ${times[*]} | ${FIGURE[start_$jdk]} |"
    done
    say ""
fi

header() {
    local head="| scenario | path | req/s | p50 | p99 | errors |" rule="|---|---|---|---|---|---|"
    if [ -n "$PEER_URL" ]; then
        head+=" peer path | peer req/s | peer p50 | peer p99 | peer errors | ratio |"; rule+="---|---|---|---|---|---|"
    fi
    say "$head"; say "$rule"
}

if [[ " $PHASES " == *" compare "* ]]; then
    say "## Side by side, $ROWS students"
    say ""
    [ -z "$PEER_URL" ] || say "Peer: $PEER_LABEL, $PEER_ROWS students."
    say ""
    populate compare "$ROWS" "$ROWS" "$((ROWS * 10))" >/dev/null
    start_app compare "$JAVA17"
    sign_in
    pages=$(( (ROWS + 19) / 20 ))
    # key|label|our path|wrk mode and arguments (no spaces inside an argument)
    scenarios=(
        "hello|hello|/hello|get"
        "by_id|student by id (random)|/api/students/%d|id 1 $ROWS"
        "page_json|first page of 20, JSON|/api/students?page=0&size=20|get"
        "search_json|name search, JSON|/api/students?q=ho&size=20|get"
        "students_first|/students page, first|/students|get"
        "students_middle|/students page, middle (by Next)|$(next_of "/students?page=$((pages / 2 - 1))")|get"
        "students_last|/students page, last|/students?page=$((pages - 1))|get"
        "users|/users page|/users|get"
        "books_author|/books by an author|/books?author=Jane%20Austen|get"
        'post|create a student, POST|/api/students|post {"firstName":"{{NAME}}","lastName":"Bench","subject":"Load"}'
    )
    # A first pass lets the JIT compile every path (creates excepted: they would grow the lists measured next).
    for scenario in "${scenarios[@]}"; do
        IFS='|' read -r key _ path mode_args <<<"$scenario"
        # shellcheck disable=SC2086
        [ "$key" = post ] || warm "$PRIME" "http://127.0.0.1:$PORT" "$path" $mode_args
    done
    header
    for scenario in "${scenarios[@]}"; do
        IFS='|' read -r key label path mode_args <<<"$scenario"
        # shellcheck disable=SC2086
        measure "$key" "$label" "$path" $mode_args
    done
    FIGURE[rss_compare]=$(rss_mb)
    stop_app
    say ""
    say "Resident memory of our server after this load: ${FIGURE[rss_compare]} MB."
    say ""
fi

if [[ " $PHASES " == *" growth "* ]]; then
    say "## Growth with data"
    say ""
    say "The same pages with each table size (default orders: /students by last name, the API by id)."
    say ""
    say "| students | populate (s) | start to ready (s) | API first | API middle | API last \
| /students first | /students middle | /students last | RSS after (MB) |"
    say "|---|---|---|---|---|---|---|---|---|---|"
    for n in $GROWTH; do
        seconds=$(populate "growth$n" "$n" 0 0)
        FIGURE[populate_$n]=$seconds
        start_app "growth$n" "$JAVA17"
        sign_in
        pages=$(( (n + 19) / 20 ))
        row="| $n | $seconds | $ready_seconds |"
        # The middle page as its Next link reaches it (a cursor); first and last by number.
        declare -A where_path=()
        for target in "api:/api/students?size=20&page=" "html:/students?page="; do
            kind=${target%%:*} path=${target#*:}
            where_path[${kind}_first]="${path}0"
            where_path[${kind}_middle]=$(next_of "$path$((pages / 2 - 1))")
            where_path[${kind}_last]="$path$((pages - 1))"
        done
        for p in "${where_path[@]}"; do warm "$PRIME" "http://127.0.0.1:$PORT" "$p" get; done
        for target in "api:/api/students?size=20&page=" "html:/students?page="; do
            kind=${target%%:*}
            for where in first middle last; do
                run "http://127.0.0.1:$PORT" "${where_path[${kind}_$where]}" get
                FIGURE[${kind}_${where}_$n]=$p50
                row+=" $rps req/s, p50 $p50 |"
            done
        done
        FIGURE[rss_$n]=$(rss_mb)
        stop_app
        say "$row ${FIGURE[rss_$n]} |"
    done
    say ""
fi

# ---- against the targets -----------------------------------------------------------------------------------------
say "## Targets"
say ""
say "| target | figure | |"
say "|---|---|---|"
if [ -n "${RPS[by_id]:-}" ]; then
    share=$(awk -v a="${RPS[by_id]}" -v b="${RPS[hello]}" 'BEGIN { printf "%.0f", 100 * a / b }')
    say "| student by id >= 60% of our /hello | $share% | $(check "$share >= 60") |"
    say "| first page JSON p99 < 20 ms | ${P99[page_json]} ms | $(check "${P99[page_json]} < 20") |"
    if [ -n "$PEER_URL" ]; then
        for pair in "by_id:by_id:3:student by id" "page_json:page_json:3:first page JSON" \
                    "students_first:students_first:2:/students page" "post:post:2:POST create"; do
            IFS=: read -r ours theirs factor label <<<"$pair"
            [ -n "${RPS[peer_$theirs]:-}" ] || continue
            r=$(awk -v a="${RPS[$ours]}" -v b="${RPS[peer_$theirs]}" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
            say "| $label >= ${factor}x the peer | ${r}x | $(check "$r >= $factor") |"
        done
    fi
fi
if [ -n "${FIGURE[start_17]:-}" ]; then
    say "| start to ready < 12 s on JDK 17 | ${FIGURE[start_17]} s | $(check "${FIGURE[start_17]} < 12") |"
fi
[ -z "${FIGURE[start_25]:-}" ] || say "| start to ready on JDK 25 (reported) | ${FIGURE[start_25]} s | |"
read -r small large <<<"$GROWTH"
if [ -n "${FIGURE[populate_$large]:-}" ]; then
    say "| populate $large students < 30 s | ${FIGURE[populate_$large]} s | $(check "${FIGURE[populate_$large]} < 30") |"
    for kind in api html; do
        for where in first middle last; do
            a=${FIGURE[${kind}_${where}_$large]} b=${FIGURE[${kind}_${where}_$small]}
            g=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 99) }')
            say "| $kind $where page p50 at $large within 1.5x of $small | $a vs $b ms = ${g}x | $(check "$g <= 1.5") |"
        done
    done
    say "| resident memory < 768 MB after the load | ${FIGURE[rss_$large]} MB | $(check "${FIGURE[rss_$large]} < 768") |"
fi
[ -z "${FIGURE[rss_compare]:-}" ] || say "| resident memory after the side-by-side load | ${FIGURE[rss_compare]} MB | \
$(check "${FIGURE[rss_compare]} < 768") |"
echo
echo "bench: written to $out"
