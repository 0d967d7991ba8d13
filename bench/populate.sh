#!/usr/bin/env bash
# Times `registry-db populate` of 1,000,000 students (bench/run.sh compares populate with the peer's loader) into a fresh
# database in a temporary directory, with /usr/bin/time (wall clock and peak memory).
#   bench/populate.sh [STUDENTS] [USERS] [BOOKS]      (JVM options: JAVA_OPTS, as for ./registry-db; default -Xmx1g)
set -euo pipefail
cd "$(dirname "$0")/.."
students="${1:-1000000}" users="${2:-0}" books="${3:-0}"
[ -f migrations/target/registry-db.jar ] || mvn -q -pl migrations -am package -DskipTests
db="$(mktemp -d)/registry"
trap 'rm -rf "$(dirname "$db")"' EXIT
/usr/bin/time -f "wall %e s, peak RSS %M KB" \
    ./registry-db populate --db "$db" --create \
    --students "$students" --users "$users" --books "$books"
