# Sourced by the benchmark scripts: signs in on the application's pages and issues an API token there, the way a
# person does, with curl and a cookie jar. Needs $work (a scratch folder) and $PORT (the server, on loopback).

# Posts a Faces form of page $1 (form $2, button $3, then name=value fields) in the cookie jar's session; prints
# the answer.
post_form() {
    local page=$1 form=$2 button=$3 state; shift 3
    state=$(curl -fs -b "$work/jar" -c "$work/jar" "http://127.0.0.1:$PORT/$page" \
        | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
    local fields=(--data-urlencode "$form=$form" --data-urlencode "$form:$button=$button"
                  --data-urlencode "jakarta.faces.ViewState=$state")
    for field in "$@"; do fields+=(--data-urlencode "$form:$field"); done
    curl -s -b "$work/jar" -c "$work/jar" "${fields[@]}" "http://127.0.0.1:$PORT/$page"
}

# sign_in_and_issue USERNAME PASSWORD ROLE: signs in a new session and prints a token of ROLE issued on the tokens
# page; the session stays in $work/jar.
sign_in_and_issue() {
    rm -f "$work/jar"
    post_form sign-in signin submit "username=$1" "password=$2" >/dev/null
    post_form tokens/new token issue "name=bench $$ $RANDOM" "role=$3" days=1 \
        | tr -d '\n' | grep -o 'id="token-secret"[^>]*>[^<]*' | sed 's/.*>//; s/[[:space:]]//g'
}
