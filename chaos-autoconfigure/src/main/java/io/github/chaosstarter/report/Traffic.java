package io.github.chaosstarter.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.engine.ChaosListener;

/**
 * The inbound HTTP traffic of one experiment: the figures the hypothesis counts, every
 * endpoint (at most {@value #MAX_ENDPOINTS}, the rest together), the leaks (at most
 * {@value #MAX_LEAKS}) and the timeline. Thread-safe and bounded.
 *
 * @author Chaos Starter team
 */
final class Traffic {

	static final int MAX_ENDPOINTS = 100;

	static final int MAX_LEAKS = 20;

	static final String OTHER_ENDPOINTS = "(other endpoints)";

	static final String NO_HANDLER = "(no handler)";

	private volatile Chaos.@Nullable Hypothesis hypothesis;

	private final @Nullable Baseline source;

	private final long baselineEnd;

	private volatile Baseline.@Nullable Figures baseline;

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong errors = new AtomicLong();

	private final Histogram histogram = new Histogram();

	private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

	private final List<ServiceReport.Leak> leaks = new CopyOnWriteArrayList<>();

	final Timeline timeline;

	final Dependencies dependencies = new Dependencies();

	private volatile Map<String, String> expect = Map.of();

	/**
	 * Create the traffic of an experiment.
	 * @param start when it starts
	 * @param hypothesis the hypothesis in force, or {@code null}
	 * @param source the baseline window, read up to {@code start} until {@link #freeze()}
	 * @param baseline the baseline's figures when already known
	 */
	Traffic(Instant start, Chaos.@Nullable Hypothesis hypothesis, @Nullable Baseline source,
			Baseline.@Nullable Figures baseline) {
		this.timeline = new Timeline(start);
		this.hypothesis = hypothesis;
		this.source = source;
		this.baselineEnd = start.toEpochMilli();
		this.baseline = baseline;
	}

	/**
	 * Keep the baseline's figures as they are now: the baseline window records again once
	 * chaos is off.
	 */
	void freeze() {
		this.baseline = baseline();
	}

	Chaos.@Nullable Hypothesis hypothesis() {
		return this.hypothesis;
	}

	void hypothesis(Chaos.@Nullable Hypothesis hypothesis) {
		this.hypothesis = hypothesis;
	}

	Map<String, String> expect() {
		return this.expect;
	}

	void expect(Map<String, String> expect) {
		this.expect = expect;
	}

	Baseline.@Nullable Figures baseline() {
		Baseline.Figures figures = this.baseline;
		if (figures == null && this.source != null) {
			return this.source.figures(this.baselineEnd);
		}
		return figures;
	}

	void served(ChaosListener.Served served) {
		boolean error = served.status() >= 500;
		if (served.counted()) {
			this.requests.incrementAndGet();
			if (error) {
				this.errors.incrementAndGet();
			}
			this.histogram.record(served.nanos());
		}
		String key = served.method() + " " + ((served.pattern() != null) ? served.pattern() : NO_HANDLER);
		Endpoint endpoint = this.endpoints.get(key);
		if (endpoint == null) {
			if (this.endpoints.size() >= MAX_ENDPOINTS) {
				key = OTHER_ENDPOINTS;
			}
			endpoint = this.endpoints.computeIfAbsent(key, (name) -> new Endpoint());
		}
		if (error) {
			endpoint.failed.incrementAndGet();
		}
		if (served.injected()) {
			endpoint.injected.incrementAndGet();
		}
		endpoint.histogram.record(served.nanos());
		this.timeline.served(served.at(), error);
		String body = served.body();
		if (served.injected() && body != null && this.leaks.size() < MAX_LEAKS) {
			Leaks.Finding finding = Leaks.scan(body);
			if (finding != null) {
				this.leaks.add(new ServiceReport.Leak(key, served.status(), finding.labels(), finding.sample()));
			}
		}
		if (!served.dependencies().isEmpty()) {
			this.dependencies.served(served);
		}
		// counted last: whoever sees the request in the endpoint's count sees all of it
		endpoint.requests.incrementAndGet();
	}

	Baseline.Figures during() {
		return new Baseline.Figures(this.requests.get(), this.errors.get(), this.histogram.snapshot());
	}

	List<ServiceReport.EndpointReport> endpoints() {
		List<ServiceReport.EndpointReport> result = new ArrayList<>();
		this.endpoints.forEach((name,
				endpoint) -> result.add(new ServiceReport.EndpointReport(name, endpoint.requests.get(),
						endpoint.failed.get(), endpoint.injected.get(),
						Histogram.format(Histogram.percentile(endpoint.histogram.snapshot(), 0.99)))));
		result.sort((a, b) -> a.endpoint().compareTo(b.endpoint()));
		return result;
	}

	ServiceReport.Figures figures() {
		Baseline.Figures before = baseline();
		Baseline.Figures during = during();
		Map<String, ServiceReport.Counts> endpoints = new TreeMap<>();
		this.endpoints.forEach((name, endpoint) -> endpoints.put(name, ServiceReport.Counts.of(endpoint.requests.get(),
				endpoint.failed.get(), endpoint.histogram.snapshot())));
		return new ServiceReport.Figures(
				(before != null) ? ServiceReport.Counts.of(before.requests(), before.errors(), before.counts()) : null,
				ServiceReport.Counts.of(during.requests(), during.errors(), during.counts()), endpoints);
	}

	List<ServiceReport.DependencyReport> dependencies() {
		return this.dependencies.report(baseline(), this.expect);
	}

	List<ServiceReport.Leak> leaks() {
		return List.copyOf(this.leaks.subList(0, Math.min(MAX_LEAKS, this.leaks.size())));
	}

	private static final class Endpoint {

		final AtomicLong requests = new AtomicLong();

		final AtomicLong failed = new AtomicLong();

		final AtomicLong injected = new AtomicLong();

		final Histogram histogram = new Histogram();

	}

}
