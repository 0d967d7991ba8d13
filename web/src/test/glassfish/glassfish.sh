#!/usr/bin/env bash
# A throwaway GlassFish 7 domain for the integration tests, on loopback only, with the packaged WAR deployed
# unchanged by asadmin (the same file Payara Micro runs).
#
#   glassfish.sh start GLASSFISH_DIR WAR PORT_BASE    (HTTP on PORT_BASE+80, admin on PORT_BASE+48)
#   glassfish.sh stop GLASSFISH_DIR
set -euo pipefail

domain=registry-it
home=$2
asadmin="$home/bin/asadmin"

case "$1" in
start)
    war=$3 base=$4
    "$asadmin" stop-domain "$domain" >/dev/null 2>&1 || true
    "$asadmin" delete-domain "$domain" >/dev/null 2>&1 || true
    "$asadmin" create-domain --nopassword --portbase "$base" "$domain" >/dev/null
    # Every listener on 127.0.0.1: HTTP and admin listeners have no address by default, the others 0.0.0.0;
    # the message broker, which the application does not use, is not started at all.
    sed -i -e 's/address="0\.0\.0\.0"/address="127.0.0.1"/g' \
           -e 's/<network-listener port=/<network-listener address="127.0.0.1" port=/g' \
           -e 's/<jms-service \(.*\)type="EMBEDDED"/<jms-service \1type="DISABLED"/' \
        "$home/glassfish/domains/$domain/config/domain.xml"
    # The application reads its database location from the environment, as on any server; the database goes
    # with the domain.
    REGISTRY_DB_PATH="$home/glassfish/domains/$domain/registry-db" "$asadmin" start-domain "$domain"
    "$asadmin" --port $((base + 48)) deploy --contextroot / --name student-registry "$war"
    ;;
stop)
    "$asadmin" stop-domain "$domain"
    ;;
*)
    echo "usage: $0 start GLASSFISH_DIR WAR PORT_BASE | stop GLASSFISH_DIR" >&2
    exit 2
    ;;
esac
