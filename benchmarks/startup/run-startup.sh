#!/usr/bin/env bash
# Startup time and heap after startup of a Spring Boot application, median of several JVM launches.
#
#   benchmarks/startup/run-startup.sh RUNS LABEL JAVA_ARGS...
#
# Starts `java JAVA_ARGS...` RUNS times; each time waits for Spring Boot's "Started ... in X seconds"
# log line, then runs a full GC through jcmd and reads the used heap (GC.heap_info), and stops the
# JVM. Prints one line: label, median startup seconds (min-max), median used heap after GC in MB (min-max).
# Examples:
#   benchmarks/startup/run-startup.sh 5 "500 beans, starter" -Xmx512m -cp benchmarks/target/benchmarks.jar \
#       io.github.chaosstarter.benchmarks.startup.StartupApp --beans=500 --starter=true
#   benchmarks/startup/run-startup.sh 5 "sample app" -Xmx512m -jar sample-app/target/chaos-sample-app.jar --server.port=0
set -euo pipefail
runs=$1; label=$2; shift 2
command -v jcmd >/dev/null || { echo "jcmd (JDK) is required" >&2; exit 1; }
times=(); heaps=()
for ((i = 1; i <= runs; i++)); do
	log=$(mktemp)
	java "$@" >"$log" 2>&1 &
	pid=$!
	started=""
	for ((t = 0; t < 1200; t++)); do # at most 120 s
		if started=$(grep -m1 -oE 'Started .* in [0-9.]+ seconds' "$log"); then break; fi
		if ! kill -0 "$pid" 2>/dev/null; then echo "JVM exited early:" >&2; tail -20 "$log" >&2; exit 1; fi
		sleep 0.1
	done
	[[ -n "$started" ]] || { echo "no 'Started' line within 120 s" >&2; kill "$pid"; exit 1; }
	seconds=$(sed -E 's/.* in ([0-9.]+) seconds/\1/' <<<"$started")
	jcmd "$pid" GC.run >/dev/null
	# G1: " garbage-first heap   total 524288K, used 23456K [..."
	used=$(jcmd "$pid" GC.heap_info | grep -m1 -oE 'used [0-9]+K' | grep -oE '[0-9]+')
	kill "$pid"; wait "$pid" 2>/dev/null || true
	rm -f "$log"
	times+=("$seconds"); heaps+=("$(awk -v k="$used" 'BEGIN { printf "%.1f", k / 1024 }')")
done
stats() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f (%s-%s)", m, a[1], a[NR] }'; }
printf '%s | startup s: %s | heap after GC MB: %s | runs: %d\n' "$label" "$(stats "${times[@]}")" "$(stats "${heaps[@]}")" "$runs"
