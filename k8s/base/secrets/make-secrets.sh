#!/bin/bash
# Creates the Secret syllabus-secrets with random values when it does not exist, and never touches
# one that does (an operator's own values, or those of an earlier apply). Runs in the Job
# syllabus-secrets, with a service account that may only read that Secret and create Secrets.
set -euo pipefail
api=https://kubernetes.default.svc
account=/var/run/secrets/kubernetes.io/serviceaccount
namespace=$(cat "$account/namespace")
name=syllabus-secrets
request() { # method path [body] -> HTTP status; the answer's body goes to /tmp/answer
  curl -sS --cacert "$account/ca.crt" -H "Authorization: Bearer $(cat "$account/token")" \
    -H 'Content-Type: application/json' -o /tmp/answer -w '%{http_code}' -X "$1" "$api$2" ${3:+--data-binary "$3"}
}
random() { # 32 letters and digits: about 190 bits
  head -c 64 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | head -c 32
}

status=$(request GET "/api/v1/namespaces/$namespace/secrets/$name")
if [ "$status" = 200 ]; then
  echo "Secret $name exists: kept as it is."
  exit 0
elif [ "$status" != 404 ]; then
  echo "Could not read Secret $name (HTTP $status): $(cat /tmp/answer)" >&2
  exit 1
fi

body=$(printf '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"%s","labels":{"app.kubernetes.io/part-of":"syllabus"}},"type":"Opaque","stringData":{"SYLLABUS_DB_PASSWORD":"%s","SYLLABUS_ADMIN_PASSWORD":"%s","SYLLABUS_GITHUB_WEBHOOK_SECRET":"%s"}}' \
  "$name" "$(random)" "$(random)" "$(random)")
status=$(request POST "/api/v1/namespaces/$namespace/secrets" "$body")
case "$status" in
  201) echo "Secret $name created with random values." ;;
  409) echo "Secret $name was created meanwhile (another run): kept as it is." ;;
  *) echo "Could not create Secret $name (HTTP $status): $(cat /tmp/answer)" >&2; exit 1 ;;
esac
