package io.github.chaosstarter.endpoint;

import org.springframework.boot.actuate.endpoint.Producible;
import org.springframework.util.MimeType;

/**
 * The formats of {@code GET /actuator/chaos/report}, resolved by actuator from the
 * {@code Accept} header. Actuator picks the acceptable value with the highest ordinal and
 * answers {@code *}{@code /*} (and a missing header) with the default, so the JSON types
 * come first, the actuator type is the default, and HTML comes last: a browser, which
 * accepts {@code text/html} and {@code *}{@code /*}, gets the page, while {@code curl}
 * and actuator clients keep JSON.
 *
 * @author Chaos Starter team
 */
enum ReportFormat implements Producible<ReportFormat> {

	/** Actuator's JSON, version 3: the default. */
	V3("application/vnd.spring-boot.actuator.v3+json"),

	/** Actuator's JSON, version 2. */
	V2("application/vnd.spring-boot.actuator.v2+json"),

	/** Plain JSON. */
	JSON("application/json"),

	/** One self-contained HTML page. */
	HTML("text/html");

	/** What an HTML answer says it is: the page is written in UTF-8. */
	static final MimeType HTML_UTF8 = MimeType.valueOf("text/html;charset=UTF-8");

	private final MimeType mimeType;

	ReportFormat(String mimeType) {
		this.mimeType = MimeType.valueOf(mimeType);
	}

	@Override
	public MimeType getProducedMimeType() {
		return this.mimeType;
	}

	@Override
	public boolean isDefault() {
		return this == V3;
	}

}
