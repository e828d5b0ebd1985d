#!/usr/bin/env bash
# Regenerates samples/llm-redaction/secrets-profile.jfr: a JDK Flight Recorder recording of
# workload.secrets.CustomerLookup whose process carries data that must never reach a model:
#   - AWS_SECRET_ACCESS_KEY in the environment  -> jdk.InitialEnvironmentVariable
#   - a SQL statement with an e-mail literal     -> jdk.InitialSystemProperty (-D) and
#                                                   jdk.JVMInformation (program arguments)
# The secret is AWS's documented example value, not a real credential.
# Usage: record-llm-redaction-sample.sh   (RUN_SECONDS=4)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
RUN_SECONDS="${RUN_SECONDS:-4}"
out="samples/llm-redaction"
query="SELECT id, name FROM customers WHERE email = 'jane.doe@example.com'"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
javac --release 17 -d "$work/classes" samples/workloads/src/workload/secrets/CustomerLookup.java

mkdir -p "$out"
rm -f "$out/secrets-profile.jfr"
# env -i: the recording stores the whole environment, so start from an empty one (plus PATH, LANG
# and a neutral HOME) and the committed file holds nothing of the machine that recorded it.
java="$(command -v java)"
env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/tmp \
  AWS_SECRET_ACCESS_KEY='wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' \
  "$java" -Dcustomer.lookup.query="$query" \
  -XX:StartFlightRecording=settings=profile,filename="$out/secrets-profile.jfr" \
  -cp "$work/classes" workload.secrets.CustomerLookup "$RUN_SECONDS" "$query" >/dev/null 2>&1
ls -l "$out/secrets-profile.jfr"
