package io.github.chaosstarter.report;

import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;

import io.github.chaosstarter.Chaos;

/**
 * Gauge {@code chaos.report.verdicts} (tag {@code verdict}): how many circuit breakers,
 * retries, fallbacks, time limiters and bulkheads of the current experiment have each
 * verdict.
 *
 * @author Chaos Starter team
 */
class ReportMetrics implements MeterBinder {

	private final ObjectProvider<Chaos.Reports> reporter;

	ReportMetrics(ObjectProvider<Chaos.Reports> reporter) {
		this.reporter = reporter;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Chaos.Reports reporter = this.reporter.getIfAvailable();
		if (reporter == null) {
			return;
		}
		for (Verdict verdict : Verdict.values()) {
			Gauge.builder("chaos.report.verdicts", reporter, (source) -> count(source.report(), verdict))
				.description("Resilience mechanisms of the current chaos experiment with this verdict")
				.tag("verdict", verdict.name())
				.register(registry);
		}
	}

	static long count(ResilienceReport report, Verdict verdict) {
		return Stream
			.of(report.circuitBreakers().stream().map(ResilienceReport.CircuitBreakerReport::verdict),
					report.retries().stream().map(ResilienceReport.RetryReport::verdict),
					report.fallbacks().stream().map(ResilienceReport.FallbackReport::verdict),
					report.timeLimiters().stream().map(ResilienceReport.TimeLimiterReport::verdict),
					report.bulkheads().stream().map(ResilienceReport.BulkheadReport::verdict))
			.flatMap((verdicts) -> verdicts)
			.filter(verdict::equals)
			.count();
	}

}
