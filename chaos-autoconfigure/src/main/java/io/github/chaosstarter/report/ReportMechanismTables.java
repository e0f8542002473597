package io.github.chaosstarter.report;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport;
import io.github.chaosstarter.report.ResilienceReport.Transition;
import io.github.chaosstarter.report.ResilienceReport.UnprotectedReport;

import static io.github.chaosstarter.report.ReportPage.badge;
import static io.github.chaosstarter.report.ReportPage.cell;
import static io.github.chaosstarter.report.ReportPage.escape;
import static io.github.chaosstarter.report.ReportPage.escapeOrDash;
import static io.github.chaosstarter.report.ReportPage.hot;
import static io.github.chaosstarter.report.ReportPage.name;
import static io.github.chaosstarter.report.ReportPage.num;
import static io.github.chaosstarter.report.ReportPage.table;

/**
 * The mechanism tables of {@link ReportPage}: circuit breakers, retries, fallbacks, time
 * limiters, bulkheads and unprotected methods, each row with its verdict and reason.
 *
 * @author Chaos Starter team
 */
final class ReportMechanismTables {

	private ReportMechanismTables() {
	}

	static void render(StringBuilder html, ResilienceReport report) {
		table(html, "Circuit breakers", report.circuitBreakers(),
				"name|verdict:f|injected failures:n|injected slow calls:n|not permitted:n|transitions|reason",
				(breaker) -> name(breaker.name()) + verdict(breaker.verdict()) + num(breaker.injectedFailures())
						+ num(breaker.injectedSlowCalls())
						+ cell("n",
								breaker.notPermittedCalls() + ((breaker.notPermittedCalls() > 0)
										? sub(breaker.notPermittedAfterInjection() + " after injection") : ""))
						+ cell("tr", transitions(breaker)) + reason(breaker.reason(), breaker.warnings()));
		table(html, "Retries", report.retries(),
				"name|verdict:f|attempts:n|exhausted:n|recovered:n|amplification:n|reason",
				(retry) -> name(retry.name()) + verdict(retry.verdict()) + num(retry.retryAttempts())
						+ num(retry.exhausted()) + num(retry.recovered())
						+ cell("n", String.format(Locale.ROOT, "%.1f&times;", retry.amplification()))
						+ reason(retry.reason(), retry.warnings()));
		table(html, "Fallbacks", report.fallbacks(), "method|fallback|verdict:f|invocations:n|reason",
				(fallback) -> name(fallback.method()) + name(fallback.fallbackMethod()) + verdict(fallback.verdict())
						+ num(fallback.invocations()) + reason(fallback.reason(), List.of()));
		table(html, "Time limiters", report.timeLimiters(), "name|verdict:f|timeouts:n|other timeouts:n|reason",
				(limiter) -> name(limiter.name()) + verdict(limiter.verdict()) + num(limiter.timeouts())
						+ num(limiter.otherTimeouts()) + reason(limiter.reason(), List.of()));
		table(html, "Bulkheads", report.bulkheads(), "name|type:f|verdict:f|rejected:n|other rejections:n|reason",
				(bulkhead) -> name(bulkhead.name()) + cell("", escape(bulkhead.type())) + verdict(bulkhead.verdict())
						+ num(bulkhead.rejectedCalls()) + num(bulkhead.otherRejections())
						+ reason(bulkhead.reason(), List.of()));
		table(html, "Unprotected methods", report.unprotected(),
				"method|verdict:f|injected failures:n|injected delays:n|longest delay:n|reached caller:n|reason",
				(method) -> name(method.method()) + cell("", badge("UNPROTECTED", "bad"))
						+ num(method.injectedFailures()) + num(method.injectedDelays())
						+ cell("n", escapeOrDash(method.longestDelay())) + hot(method.reachedCaller())
						+ reason(unprotectedReason(method), List.of()));
	}

	private static String unprotectedReason(UnprotectedReport method) {
		if (method.injectedFailures() > 0) {
			return "no resilience mechanism guards it: " + method.reachedCaller() + " of " + method.injectedFailures()
					+ " injected failures reached its caller";
		}
		return "no resilience mechanism guards it: " + method.injectedDelays()
				+ " injected delays went straight to its caller";
	}

	private static String transitions(CircuitBreakerReport breaker) {
		if (breaker.transitions().isEmpty()) {
			return "<span class=\"sub\">none</span>";
		}
		StringBuilder html = new StringBuilder();
		for (Transition transition : breaker.transitions()) {
			html.append("<div>")
				.append(escape(transition.from()))
				.append(" &rarr; <b>")
				.append(escape(transition.to()))
				.append("</b> <span class=\"sub\">")
				.append(escape(ReportTimelineSvg.time(transition.at())));
			if (transition.calls() > 0) {
				html.append(", ")
					.append(transition.injectedFailures())
					.append(" injected / ")
					.append(transition.realFailures())
					.append(" real failures of ")
					.append(transition.calls())
					.append(" calls");
			}
			html.append((transition.causedByInjection()) ? ", caused by injection" : "").append("</span></div>");
		}
		return html.toString();
	}

	private static String verdict(Verdict verdict) {
		String tone = switch (verdict) {
			case REACTED -> "ok";
			case DID_NOT_REACT -> "bad";
			case NOT_EXERCISED -> "muted";
		};
		return cell("", badge(verdict.name(), tone));
	}

	private static String reason(@Nullable String reason, List<String> warnings) {
		StringBuilder html = new StringBuilder(escapeOrDash(reason));
		if (!warnings.isEmpty()) {
			html.append("<ul class=\"warnings\">");
			warnings.forEach((warning) -> html.append("<li>&#9888; ").append(escape(warning)).append("</li>"));
			html.append("</ul>");
		}
		return cell("", html.toString());
	}

	private static String sub(String text) {
		return "<br><span class=\"sub\">" + escape(text) + "</span>";
	}

}
