#!/usr/bin/env python3
"""Turn a JMH JSON result (-rf json) of ServiceCallBenchmark into the markdown table of docs/performance.md.

    python3 benchmarks/jmh-table.py results.json

Columns: score and error (99.9%) in ns/op, median and best (lowest) of the measured iterations, B/op (gc.alloc.rate.norm), the
overhead of the median over the floor's median (b_noOpAdvisor) and, for Chaos Starter's rows, how many times cheaper its overhead is than
the corresponding Chaos Monkey for Spring Boot overhead.
"""
import json
import statistics
import sys

LABELS = {
    "a_plain": "a. plain object (no proxy)",
    "b_noOpAdvisor": "b. CGLIB proxy + no-op MethodInterceptor advisor (**floor**)",
    "b_noOpAspect": "b. no-op AspectJ-style @Around aspect",
    "c_starterChaosOff": "c. Chaos Starter, chaos off",
    "d_starterOtherBeanTargeted": "d. Chaos Starter, chaos on, assault on another bean",
    "e_starterProbabilityZero": "e. Chaos Starter, chaos on, assault on this bean, probability 0",
    "f_monkeyDisabled": "f. CMSB 4.0.0, chaos.monkey.enabled=false, service watcher on",
    "f_monkeyEnabledNoAssault": "f. CMSB 4.0.0, enabled, no assault active",
    "f_monkeyLowestRate": "f. CMSB 4.0.0, enabled, exception assault at level 10000 (lowest rate)",
}
PEER = {"c_starterChaosOff": "f_monkeyDisabled", "d_starterOtherBeanTargeted": "f_monkeyEnabledNoAssault",
        "e_starterProbabilityZero": "f_monkeyLowestRate"}

rows = {}
for result in json.load(open(sys.argv[1])):
    variant = result["params"]["variant"]
    primary = result["primaryMetric"]
    raw = [x for fork in primary["rawData"] for x in fork]
    alloc = result.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {})
    rows[variant] = dict(score=primary["score"], error=primary["scoreError"], median=statistics.median(raw), best=min(raw),
                         alloc=alloc.get("score"), alloc_error=alloc.get("scoreError"))

floor = rows["b_noOpAdvisor"]
print("| variant | ns/op (± 99.9% error) | median ns/op | best iteration | B/op | over the floor (ns) | × floor | overhead vs CMSB |")
print("|---|---|---|---|---|---|---|---|")
for variant, label in LABELS.items():
    if variant not in rows:
        continue
    r = rows[variant]
    over = r["median"] - floor["median"]
    ratio = r["median"] / floor["median"]
    versus = ""
    if variant in PEER and PEER[variant] in rows:
        peer_over = rows[PEER[variant]]["median"] - floor["median"]
        # below 1 ns the difference is within the error of any run: claim only "more than CMSB / 1 ns"
        versus = ("%.0f× cheaper than CMSB's %.0f ns" % (peer_over / over, peer_over)) if over >= 1.0 \
            else "< 1 ns, within noise: > %.0f× cheaper than CMSB's %.0f ns" % (peer_over, peer_over)
    alloc = "%.0f" % r["alloc"] if r["alloc"] is not None else "n/a"
    print("| %s | %.1f ± %.1f | %.1f | %.1f | %s | %+.1f | %.2f | %s |" % (
        label, r["score"], r["error"], r["median"], r["best"], alloc, over, ratio, versus))
