#!/usr/bin/env bash
# A throwaway GlassFish 7 domain for the integration tests, on loopback only, with the packaged WAR deployed
# unchanged by asadmin (the same file Payara Micro runs). Its database is served by a Derby network server beside
# it, so that the tests can read what the application stored (jdbc:derby://127.0.0.1:PORT_BASE+27/registry).
#
#   glassfish.sh start GLASSFISH_DIR WAR PORT_BASE DERBY_CLASSPATH    (HTTP on PORT_BASE+80, admin on PORT_BASE+48)
#   glassfish.sh stop GLASSFISH_DIR PORT_BASE DERBY_CLASSPATH
set -euo pipefail

domain=registry-it
home=$2
asadmin="$home/bin/asadmin"
domains="$home/glassfish/domains"

derby() {
    java -cp "$derby_classpath" -Dderby.system.home="$domains/$domain-derby" \
        org.apache.derby.drda.NetworkServerControl "$@" -h 127.0.0.1 -p $((base + 27))
}

case "$1" in
start)
    war=$3 base=$4 derby_classpath=$5
    "$asadmin" stop-domain "$domain" >/dev/null 2>&1 || true
    derby shutdown >/dev/null 2>&1 || true
    "$asadmin" delete-domain "$domain" >/dev/null 2>&1 || true
    rm -rf "${domains:?}/$domain-derby"
    "$asadmin" create-domain --nopassword --portbase "$base" "$domain" >/dev/null
    # Every listener on 127.0.0.1: HTTP and admin listeners have no address by default, the others 0.0.0.0;
    # the message broker, which the application does not use, is not started at all (the server's own config has
    # no jms-service, and GlassFish would add an embedded broker listening on every address). As in production,
    # no X-Powered-By header names the server and its version (the application names itself in Server).
    sed -i -e 's/address="0\.0\.0\.0"/address="127.0.0.1"/g' \
           -e 's/<network-listener port=/<network-listener address="127.0.0.1" port=/g' \
           -e 's/<http /<http xpowered-by="false" /g' \
           -e 's/<jms-service \(.*\)type="EMBEDDED"/<jms-service \1type="DISABLED"/' \
           -e '0,/<\/admin-service>/s//<\/admin-service>\n      <jms-service type="DISABLED" default-jms-host="default_JMS_host"><jms-host name="default_JMS_host" host="127.0.0.1" port="${JMS_PROVIDER_PORT}"\/><\/jms-service>/' \
        "$domains/$domain/config/domain.xml"
    mkdir -p "$domains/$domain-derby"
    nohup java -cp "$derby_classpath" -Dderby.system.home="$domains/$domain-derby" \
        org.apache.derby.drda.NetworkServerControl start -h 127.0.0.1 -p $((base + 27)) \
        >"$domains/$domain-derby/network-server.log" 2>&1 &
    for _ in $(seq 1 100); do
        derby ping >/dev/null 2>&1 && break
        sleep 0.3
    done
    derby ping >/dev/null
    # The application reads its database location from the environment, as on any server.
    REGISTRY_DB_URL="jdbc:derby://127.0.0.1:$((base + 27))/registry;create=true" "$asadmin" start-domain "$domain"
    # Requests are served by 32 threads, not GlassFish's default 5, which queues a sixth concurrent one: the README's
    # command, as a user runs it.
    "$asadmin" --port $((base + 48)) set \
        configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=32 >/dev/null
    # GlassFish 7.0.21 now and then fails a deployment with "IllegalArgumentException: <package>" from
    # ClassLoader.definePackage, when two threads define the same package at once; a second try deploys.
    if ! "$asadmin" --port $((base + 48)) deploy --contextroot / --name student-registry "$war"; then
        echo "glassfish.sh: deployment failed once, trying again" >&2
        "$asadmin" --port $((base + 48)) undeploy student-registry >/dev/null 2>&1 || true
        "$asadmin" --port $((base + 48)) deploy --contextroot / --name student-registry "$war"
    fi
    ;;
stop)
    base=$3 derby_classpath=$4
    "$asadmin" stop-domain "$domain"
    derby shutdown
    ;;
*)
    echo "usage: $0 start GLASSFISH_DIR WAR PORT_BASE DERBY_CLASSPATH | stop GLASSFISH_DIR PORT_BASE DERBY_CLASSPATH" >&2
    exit 2
    ;;
esac
