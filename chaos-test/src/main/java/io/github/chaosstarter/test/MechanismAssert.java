package io.github.chaosstarter.test;

import java.util.List;
import java.util.function.Function;

import org.assertj.core.api.AbstractObjectAssert;
import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.report.Verdict;

/**
 * Assertions on one resilience mechanism's entry of a report: a circuit breaker, retry,
 * fallback, time limiter or bulkhead. The entry itself is the actual value, so that its
 * counts can be checked with {@code satisfies(...)} or {@code extracting(...)}.
 *
 * @param <T> the type of the entry, such as
 * {@link io.github.chaosstarter.report.ResilienceReport.CircuitBreakerReport}
 * @author Chaos Starter team
 */
public class MechanismAssert<T> extends AbstractObjectAssert<MechanismAssert<T>, T> {

	private final ResilienceReportAssert report;

	private final String what;

	private final Mechanism<T> mechanism;

	MechanismAssert(ResilienceReportAssert report, String what, T entry, Mechanism<T> mechanism) {
		super(entry, MechanismAssert.class);
		this.report = report;
		this.what = what;
		this.mechanism = mechanism;
	}

	/**
	 * Verify that injected faults made the mechanism do what it exists to do (verdict
	 * {@link Verdict#REACTED}).
	 * @return this
	 */
	public MechanismAssert<T> reacted() {
		return hasVerdict(Verdict.REACTED);
	}

	/**
	 * Verify that injected faults reached the mechanism and it did not react (verdict
	 * {@link Verdict#DID_NOT_REACT}).
	 * @return this
	 */
	public MechanismAssert<T> didNotReact() {
		return hasVerdict(Verdict.DID_NOT_REACT);
	}

	/**
	 * Verify that no injected fault of the kind the mechanism reacts to reached it
	 * (verdict {@link Verdict#NOT_EXERCISED}).
	 * @return this
	 */
	public MechanismAssert<T> notExercised() {
		return hasVerdict(Verdict.NOT_EXERCISED);
	}

	/**
	 * Verify the mechanism's verdict.
	 * @param expected the verdict expected
	 * @return this
	 */
	public MechanismAssert<T> hasVerdict(Verdict expected) {
		Verdict verdict = this.mechanism.verdict().apply(this.actual);
		if (verdict != expected) {
			throw failure("%nExpecting %s to be %s, but it is %s: %s%s", this.what, expected, verdict, reason(),
					warnings());
		}
		return this.myself;
	}

	/**
	 * Verify that the reason the report gives for the verdict contains a text.
	 * @param text the text
	 * @return this
	 */
	public MechanismAssert<T> hasReasonContaining(String text) {
		String reason = this.mechanism.reason().apply(this.actual);
		if (reason == null || !reason.contains(text)) {
			throw failure("%nExpecting the reason of %s to contain%n  %s%nbut it is%n  %s", this.what, text, reason());
		}
		return this.myself;
	}

	/**
	 * Return to the assertions on the whole report.
	 * @return the report's assertions
	 */
	public ResilienceReportAssert and() {
		return this.report;
	}

	private String reason() {
		String reason = this.mechanism.reason().apply(this.actual);
		return (reason != null) ? reason : "(the report gives no reason)";
	}

	private String warnings() {
		List<String> warnings = this.mechanism.warnings().apply(this.actual);
		return warnings.isEmpty() ? "" : String.format("%nwarnings: %s", String.join("; ", warnings));
	}

	/**
	 * How to read one kind of entry.
	 *
	 * @param <T> the entry's type
	 * @param singular the kind's name, such as {@code circuit breaker}
	 * @param plural the kind's name in the plural
	 * @param name the name an entry is shown with
	 * @param verdict the entry's verdict
	 * @param reason the entry's reason
	 * @param warnings the entry's warnings
	 * @param absent why a report may list no entry of the kind
	 */
	record Mechanism<T>(String singular, String plural, Function<T, String> name, Function<T, Verdict> verdict,
			Function<T, @Nullable String> reason, Function<T, List<String>> warnings, String absent) {

	}

}
