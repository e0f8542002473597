#!/usr/bin/env bash
# Startup time and heap of StartupApp with 0, 100 and 500 generated watched beans, with and without Chaos
# Starter, and 500 beans each proxied by a no-op advisor without the starter (the floor of any proxy).
# The configurations are interleaved (round-robin over RUNS rounds) so that a machine whose load
# drifts penalises all of them alike; each line is the median (min-max) over the rounds.
#
#   benchmarks/startup/run-matrix.sh [RUNS] [JAR]     (defaults: 5, benchmarks/target/benchmarks.jar)
set -euo pipefail
runs=${1:-5}; jar=${2:-benchmarks/target/benchmarks.jar}
here=$(cd "$(dirname "$0")" && pwd)
raw=$(mktemp)
for ((r = 1; r <= runs; r++)); do
	for beans in 0 100 500; do
		for starter in false true; do
			"$here/run-startup.sh" 1 "$beans beans, starter=$starter" -Xmx512m -cp "$jar" \
				io.github.chaosstarter.benchmarks.startup.StartupApp --beans="$beans" --starter="$starter" >>"$raw"
		done
	done
	"$here/run-startup.sh" 1 "500 beans, no starter, no-op advisor on each (floor)" -Xmx512m -cp "$jar" \
		io.github.chaosstarter.benchmarks.startup.StartupApp --beans=500 --starter=false --floor >>"$raw"
done
# "label | startup s: 3.316 (3.316-3.316) | heap after GC MB: 16.200 (16.2-16.2) | runs: 1"
awk -F' \\| ' '{ split($2, s, " "); split($3, h, " "); t[$1] = t[$1] " " s[3]; m[$1] = m[$1] " " h[5]; if (!($1 in o)) { o[$1] = ++n; l[n] = $1 } }
	END { for (i = 1; i <= n; i++) print l[i] "\t" t[l[i]] "\t" m[l[i]] }' "$raw" |
while IFS=$'\t' read -r label times heaps; do
	med() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f (%s-%s)", m, a[1], a[NR] }'; }
	printf '%s | startup s: %s | heap after GC MB: %s | runs: %d\n' "$label" "$(med "$times")" "$(med "$heaps")" "$runs"
done
rm -f "$raw"
