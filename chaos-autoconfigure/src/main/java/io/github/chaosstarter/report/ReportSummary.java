package io.github.chaosstarter.report;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport;
import io.github.chaosstarter.report.ResilienceReport.FallbackReport;
import io.github.chaosstarter.report.ResilienceReport.RetryReport;
import io.github.chaosstarter.report.ResilienceReport.TimeLimiterReport;
import io.github.chaosstarter.report.ResilienceReport.UnprotectedReport;

/**
 * The report as a few readable lines for the log.
 *
 * @author Chaos Starter team
 */
final class ReportSummary {

	private ReportSummary() {
	}

	static String format(ResilienceReport report) {
		StringBuilder out = new StringBuilder("Chaos experiment since ").append(report.since())
			.append(": ")
			.append(report.injections().total())
			.append(" injections ")
			.append(report.injections().byAssault());
		ServiceReport.SteadyState steadyState = report.steadyState();
		if (steadyState.verdict() != ServiceReport.Outcome.NOT_MEASURED) {
			newLine(out).append("steady state: ")
				.append(steadyState.verdict())
				.append(" - ")
				.append(steadyState.reason());
		}
		for (ServiceReport.DependencyReport dependency : report.dependencies()) {
			newLine(out).append("dependency ").append(dependency.name()).append(": ").append(dependency.observed());
			if (dependency.verdict() != null) {
				out.append(", expected ").append(dependency.expected()).append(": ").append(dependency.verdict());
			}
			out.append(" - ").append(dependency.reason());
		}
		for (ServiceReport.Leak leak : report.leaks()) {
			newLine(out).append("leak on ")
				.append(leak.endpoint())
				.append(" (")
				.append(leak.status())
				.append("): ")
				.append(String.join(", ", leak.leaked()));
		}
		for (CircuitBreakerReport breaker : report.circuitBreakers()) {
			line(out, "circuit breaker `" + breaker.name() + "`", breaker.verdict(), breaker.injectedFailures()
					+ " injected failures, " + breaker.notPermittedCalls() + " calls not permitted", breaker.reason(),
					breaker.warnings());
		}
		for (RetryReport retry : report.retries()) {
			line(out, "retry `" + retry.name() + "`", retry.verdict(), retry.retryAttempts() + " attempts, "
					+ retry.recovered() + " recovered, " + retry.exhausted() + " exhausted", retry.reason(),
					retry.warnings());
		}
		for (FallbackReport fallback : report.fallbacks()) {
			line(out, "fallback " + fallback.method() + " -> " + fallback.fallbackMethod(), fallback.verdict(),
					fallback.invocations() + " invocations", fallback.reason(), List.of());
		}
		for (TimeLimiterReport limiter : report.timeLimiters()) {
			line(out, "time limiter `" + limiter.name() + "`", limiter.verdict(), limiter.timeouts() + " timeouts",
					limiter.reason(), List.of());
		}
		for (ResilienceReport.BulkheadReport bulkhead : report.bulkheads()) {
			line(out, "bulkhead `" + bulkhead.name() + "` (" + bulkhead.type() + ")", bulkhead.verdict(),
					bulkhead.rejectedCalls() + " rejected", bulkhead.reason(), List.of());
		}
		for (UnprotectedReport method : report.unprotected()) {
			newLine(out).append("unprotected ")
				.append(method.method())
				.append(": ")
				.append(method.reachedCaller())
				.append(" of ")
				.append(method.injectedFailures())
				.append(" injected failures reached the caller, ")
				.append(method.injectedDelays())
				.append(" injected delays")
				.append((method.longestDelay() != null) ? " of up to " + method.longestDelay() : "");
		}
		return out.toString();
	}

	/**
	 * Start a line of the summary, below its first.
	 */
	private static StringBuilder newLine(StringBuilder out) {
		return out.append(System.lineSeparator()).append("  ");
	}

	private static void line(StringBuilder out, String what, Verdict verdict, String counts, @Nullable String reason,
			List<String> warnings) {
		newLine(out).append(what).append(": ").append(verdict);
		out.append(" (").append(counts).append(")");
		if (reason != null) {
			out.append(" - ").append(reason);
		}
		for (String warning : warnings) {
			out.append(System.lineSeparator()).append("    warning: ").append(warning);
		}
	}

}
