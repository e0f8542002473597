#!/usr/bin/env bash
# HTTP throughput and p99 latency of a Spring Boot application on loopback, measured with wrk.
#
#   benchmarks/load/run-load.sh LABEL PATH [CHAOS_JSON] -- JAVA_ARGS...
#
# Installs wrk if missing (apt-get), starts `java JAVA_ARGS... --server.port=PORT` (PORT: $PORT or 18080),
# waits until http://127.0.0.1:PORT/PATH answers, warms up ($WARMUP, default 10s), optionally POSTs
# CHAOS_JSON to /actuator/chaos (needs management.endpoints.web.exposure.include=chaos and
# management.endpoint.chaos.access=unrestricted), runs wrk for $DURATION (default 20s) with
# $CONNECTIONS (default 32) connections on $THREADS (default 1) threads, prints requests/s and p99, and
# stops the application. Everything stays on 127.0.0.1 and every loop is bounded.
# Examples:
#   J=benchmarks/target/benchmarks.jar; A=io.github.chaosstarter.benchmarks.load.LoadApp
#   benchmarks/load/run-load.sh "no starter" prices/7 -- -Xmx512m -cp $J $A \
#       --spring.autoconfigure.exclude=io.github.chaosstarter.autoconfigure.ChaosAutoConfiguration,io.github.chaosstarter.metrics.ChaosMetricsAutoConfiguration
#   benchmarks/load/run-load.sh "chaos off" prices/7 -- -Xmx512m -cp $J $A
#   benchmarks/load/run-load.sh "sample, 10% latency" api/orders \
#       '{"enabled":true,"assaults":{"slow":{"latency":{"min":"100ms","max":"100ms"},"probability":0.1}}}' \
#       -- -Xmx512m -jar sample-app/target/chaos-sample-app.jar
set -euo pipefail
label=$1; path=$2; shift 2
chaos=""
if [[ $1 != "--" ]]; then chaos=$1; shift; fi
[[ $1 == "--" ]] || { echo "usage: $0 LABEL PATH [CHAOS_JSON] -- JAVA_ARGS..." >&2; exit 2; }
shift
port=${PORT:-18080}; warmup=${WARMUP:-10s}; duration=${DURATION:-20s}
connections=${CONNECTIONS:-32}; threads=${THREADS:-1}
if ! command -v wrk >/dev/null; then
	apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
url="http://127.0.0.1:$port/$path"
log=$(mktemp)
java "$@" --server.port="$port" --server.address=127.0.0.1 >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
for ((t = 0; t < 600; t++)); do # at most 60 s
	if curl -fs -o /dev/null "$url"; then break; fi
	kill -0 "$pid" 2>/dev/null || { echo "application exited:" >&2; tail -20 "$log" >&2; exit 1; }
	sleep 0.1
done
curl -fs -o /dev/null "$url" || { echo "$url does not answer" >&2; exit 1; }
wrk -t"$threads" -c"$connections" -d"$warmup" "$url" >/dev/null
if [[ -n "$chaos" ]]; then
	curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' -d "$chaos" \
		"http://127.0.0.1:$port/actuator/chaos" || { echo "POST /actuator/chaos failed" >&2; exit 1; }
fi
out=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url")
rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | paste -sd';' - || true)
printf '%s | requests/s: %s | p50: %s | p99: %s | %s\n' "$label" "$rps" "$p50" "$p99" "${errors:-no errors}"
