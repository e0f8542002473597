package io.github.chaosstarter.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

import io.github.chaosstarter.report.ServiceReport.TimelineBucket;

/**
 * Draws the timeline of a {@link ResilienceReport} as inline SVG for {@link ReportPage}:
 * requests and errors as bars per bucket, injections as markers above them, and one band
 * per circuit breaker coloured by its state at the end of each bucket.
 *
 * @author Chaos Starter team
 */
final class ReportTimelineSvg {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final int WIDTH = 1000;

	private static final int LEFT = 130;

	private static final int RIGHT = 12;

	private static final int MARKERS = 26;

	private static final int PLOT = 150;

	private static final int AXIS = 30;

	private static final int BAND = 16;

	private static final int BAND_GAP = 5;

	private static final double WIDEST_BAR = 56;

	private static final String REQUESTS = "#93c5fd";

	private static final String ERRORS = "#b91c1c";

	private static final String INJECTIONS = "#7c3aed";

	private ReportTimelineSvg() {
	}

	static String render(List<TimelineBucket> timeline) {
		StringBuilder svg = new StringBuilder(4096);
		if (timeline.isEmpty()) {
			svg.append("<svg viewBox=\"0 0 ").append(WIDTH).append(" 36\" role=\"img\" aria-label=\"empty timeline\">");
			text(svg, WIDTH / 2.0, 22, "middle", "none: no request has been recorded yet");
			return svg.append("</svg>").toString();
		}
		List<String> breakers = breakers(timeline);
		legend(svg, timeline, !breakers.isEmpty());
		int bandsTop = MARKERS + PLOT + AXIS;
		int height = bandsTop + breakers.size() * (BAND + BAND_GAP) + 2;
		svg.append("<svg viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(height)
			.append("\" role=\"img\" aria-label=\"timeline of requests, errors, injections and circuit breaker states\">");
		double slot = (double) (WIDTH - LEFT - RIGHT) / timeline.size();
		long top = niceCeiling(timeline.stream().mapToLong(TimelineBucket::requests).max().orElse(0));
		grid(svg, top, slot * timeline.size());
		for (int i = 0; i < timeline.size(); i++) {
			bucket(svg, timeline.get(i), LEFT + i * slot, slot, top);
		}
		axis(svg, timeline, slot);
		for (int row = 0; row < breakers.size(); row++) {
			band(svg, timeline, breakers.get(row), bandsTop + row * (BAND + BAND_GAP), slot);
		}
		return svg.append("</svg>").toString();
	}

	private static void legend(StringBuilder html, List<TimelineBucket> timeline, boolean breakers) {
		html.append("<div class=\"legend\">")
			.append(key(REQUESTS, "requests"))
			.append(key(ERRORS, "5xx errors"))
			.append(key(INJECTIONS, "injections"));
		if (breakers) {
			html.append(key(color("CLOSED"), "breaker CLOSED"))
				.append(key(color("HALF_OPEN"), "HALF_OPEN"))
				.append(key(color("OPEN"), "OPEN"));
		}
		html.append("<span>").append(timeline.size()).append((timeline.size() != 1) ? " buckets" : " bucket");
		if (timeline.size() > 1) {
			Duration step = Duration.between(timeline.get(0).at(), timeline.get(1).at());
			html.append(" of ").append(ReportPage.escape(step.toString().substring(2).toLowerCase(Locale.ROOT)));
		}
		html.append(", times in UTC</span></div>");
	}

	private static String key(String color, String label) {
		return "<span><span class=\"sw\" style=\"background:" + color + "\"></span>" + label + "</span>";
	}

	private static void grid(StringBuilder svg, long top, double width) {
		for (long value : new long[] { 0, top / 2, top }) {
			double y = y(value, top);
			svg.append("<line x1=\"")
				.append(LEFT)
				.append("\" x2=\"")
				.append(num(LEFT + width))
				.append("\" y1=\"")
				.append(num(y))
				.append("\" y2=\"")
				.append(num(y))
				.append("\" stroke=\"")
				.append((value == 0) ? "#6b7280" : "#e5e7eb")
				.append("\"/>");
			text(svg, LEFT - 6, y + 4, "end", Long.toString(value));
		}
		text(svg, LEFT - 6, MARKERS - 6, "end", "injections");
	}

	private static void bucket(StringBuilder svg, TimelineBucket bucket, double x, double slot, long top) {
		// few buckets still span the whole axis, with bars no wider than WIDEST_BAR
		double width = Math.min(WIDEST_BAR, (slot >= 6) ? slot - Math.max(1, slot * 0.15) : slot);
		double gap = slot - width;
		String title = "<title>" + time(bucket.at()) + ": " + bucket.requests() + " requests, " + bucket.errors()
				+ " errors, " + bucket.injections() + " injections</title>";
		rect(svg, x + gap / 2, y(bucket.requests(), top), width, height(bucket.requests(), top), REQUESTS, title);
		if (bucket.errors() > 0) {
			rect(svg, x + gap / 2, y(bucket.errors(), top), width, height(bucket.errors(), top), ERRORS, title);
		}
		if (bucket.injections() > 0) {
			double middle = x + slot / 2;
			double half = Math.min(6, Math.max(2.5, slot / 2 - 0.5));
			svg.append("<path d=\"M")
				.append(num(middle - half))
				.append(' ')
				.append(MARKERS - 14)
				.append("h")
				.append(num(2 * half))
				.append("l")
				.append(num(-half))
				.append(" 10z\" fill=\"")
				.append(INJECTIONS)
				.append("\">")
				.append(title)
				.append("</path>");
		}
		// the whole column answers the pointer, also where a bar is too short to hit
		rect(svg, x, MARKERS - 14, slot, PLOT + 14, "transparent", title);
	}

	private static void axis(StringBuilder svg, List<TimelineBucket> timeline, double slot) {
		int count = timeline.size();
		// a label every 90 units or more, so that the times never overlap
		int step = Math.max(1, (int) Math.ceil(90 / slot));
		double baseline = MARKERS + PLOT;
		for (int i = 0; i < count; i += step) {
			double x = LEFT + i * slot + slot / 2;
			svg.append("<line x1=\"")
				.append(num(x))
				.append("\" x2=\"")
				.append(num(x))
				.append("\" y1=\"")
				.append(num(baseline))
				.append("\" y2=\"")
				.append(num(baseline + 4))
				.append("\" stroke=\"#6b7280\"/>");
			text(svg, x, baseline + 17, (i == 0 && slot < 60) ? "start" : "middle", time(timeline.get(i).at()));
		}
	}

	private static void band(StringBuilder svg, List<TimelineBucket> timeline, String breaker, int y, double slot) {
		String label = (breaker.length() > 18) ? breaker.substring(0, 17) + "\u2026" : breaker;
		svg.append("<text x=\"")
			.append(LEFT - 6)
			.append("\" y=\"")
			.append(y + 12)
			.append("\" text-anchor=\"end\"><title>circuit breaker ")
			.append(ReportPage.escape(breaker))
			.append("</title>")
			.append(ReportPage.escape(label))
			.append("</text>");
		// one rectangle per run of buckets in the same state: no seams between them
		int start = 0;
		for (int i = 1; i <= timeline.size(); i++) {
			String state = timeline.get(start).circuitBreakers().get(breaker);
			if (i < timeline.size() && Objects.equals(state, timeline.get(i).circuitBreakers().get(breaker))) {
				continue;
			}
			if (state != null) {
				String during = time(timeline.get(start).at())
						+ ((i - 1 > start) ? " to " + time(timeline.get(i - 1).at()) : "");
				rect(svg, LEFT + start * slot, y, (i - start) * slot, BAND, color(state), "<title>"
						+ ReportPage.escape(breaker) + " " + ReportPage.escape(state) + ": " + during + "</title>");
			}
			start = i;
		}
	}

	private static List<String> breakers(List<TimelineBucket> timeline) {
		TreeSet<String> names = new TreeSet<>();
		timeline.forEach((bucket) -> names.addAll(bucket.circuitBreakers().keySet()));
		return new ArrayList<>(names);
	}

	private static String color(String state) {
		return switch (state) {
			case "CLOSED" -> "#16a34a";
			case "OPEN", "FORCED_OPEN" -> "#dc2626";
			case "HALF_OPEN" -> "#f59e0b";
			default -> "#9ca3af";
		};
	}

	private static void rect(StringBuilder svg, double x, double y, double width, double height, String fill,
			String title) {
		svg.append("<rect x=\"")
			.append(num(x))
			.append("\" y=\"")
			.append(num(y))
			.append("\" width=\"")
			.append(num(width))
			.append("\" height=\"")
			.append(num(height))
			.append("\" fill=\"")
			.append(fill)
			.append("\">")
			.append(title)
			.append("</rect>");
	}

	private static void text(StringBuilder svg, double x, double y, String anchor, String text) {
		svg.append("<text x=\"")
			.append(num(x))
			.append("\" y=\"")
			.append(num(y))
			.append("\" text-anchor=\"")
			.append(anchor)
			.append("\">")
			.append(ReportPage.escape(text))
			.append("</text>");
	}

	private static double y(long value, long top) {
		return MARKERS + PLOT - height(value, top);
	}

	private static double height(long value, long top) {
		return (double) PLOT * Math.max(0, value) / top;
	}

	/**
	 * The smallest of 2, 4, 10, 20, 40, 100, … that is at least the value, so that the
	 * grid lines at the top and at half of it carry round numbers.
	 */
	static long niceCeiling(long value) {
		long nice = 2;
		for (long scale = 1; scale <= Long.MAX_VALUE / 10; scale *= 10) {
			for (long factor : new long[] { 2, 4, 10 }) {
				nice = factor * scale;
				if (nice >= value) {
					return nice;
				}
			}
		}
		return Math.max(nice, value);
	}

	static String time(Instant instant) {
		return TIME.format(instant);
	}

	private static String num(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

}
