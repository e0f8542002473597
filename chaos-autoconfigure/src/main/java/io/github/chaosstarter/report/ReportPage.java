package io.github.chaosstarter.report;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.github.chaosstarter.report.ServiceReport.DependencyReport;
import io.github.chaosstarter.report.ServiceReport.EndpointReport;
import io.github.chaosstarter.report.ServiceReport.Leak;
import io.github.chaosstarter.report.ServiceReport.SteadyState;
import io.github.chaosstarter.report.ServiceReport.Window;

/**
 * Renders a {@link ResilienceReport} as one self-contained HTML page: styles inline, no
 * script, no font or image from elsewhere, every value escaped here (spring-web may be
 * absent, so not through {@code HtmlUtils}).
 *
 * @author Chaos Starter team
 */
final class ReportPage {

	private static final String STYLE = """
			:root{--ok:#15803d;--bad:#b91c1c;--warn:#b45309;--muted:#6b7280;--line:#e5e7eb}
			*{box-sizing:border-box}
			body{margin:0;background:#f3f4f6;color:#111827;
			font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
			main{max-width:1120px;margin:0 auto;padding:20px 24px 32px}
			header{margin:0 0 16px}h1{font-size:22px;margin:0 0 2px}h2{font-size:16px;margin:0 0 10px}
			header p{margin:0;color:#374151}
			section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 18px;margin:0 0 14px}
			table{border-collapse:collapse;width:100%}
			th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
			thead th{font-size:12px;font-weight:600;color:#4b5563;background:#f9fafb;white-space:nowrap}
			.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}th.n{width:1%}
			.badge{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:700;
			color:#fff;white-space:nowrap}
			.ok{background:var(--ok)}.bad{background:var(--bad)}.warn{background:var(--warn)}.muted{background:var(--muted)}
			.verdict{border-left:8px solid var(--muted)}.verdict.ok-v{border-left-color:var(--ok)}
			.verdict.bad-v{border-left-color:var(--bad)}.verdict .badge{font-size:18px;padding:3px 14px}
			.verdict .reason{font-size:16px;margin:8px 0 12px}.windows{width:auto;min-width:520px}
			.windows th.n{width:auto}.windows td{min-width:80px}td code.id{white-space:nowrap}td.tr{min-width:200px}
			.none{color:var(--muted);margin:0}.hot{color:var(--bad);font-weight:600}
			.warnings{margin:4px 0 0;padding:0;list-style:none;color:var(--warn);font-size:12px}
			.sub{color:var(--muted);font-size:12px}
			code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
			.sample{white-space:pre-wrap;word-break:break-all}.fit{width:1%;white-space:nowrap}
			.chip{display:inline-block;background:#fee2e2;color:#7f1d1d;border-radius:4px;padding:0 6px;margin:0 4px 2px 0;
			font-size:12px;white-space:nowrap}
			.legend{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:12px;color:#374151;margin:0 0 6px}
			.legend .sw{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
			svg{display:block;width:100%;height:auto}svg text{font:11px system-ui,sans-serif;fill:#374151}
			""";

	private ReportPage() {
	}

	static String render(ResilienceReport report) {
		StringBuilder html = new StringBuilder(16384);
		html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
			.append("<title>Chaos report: ")
			.append(report.steadyState().verdict())
			.append("</title><style>")
			.append(STYLE)
			.append("</style></head><body><main>");
		header(html, report);
		steadyState(html, report.steadyState());
		html.append("<section><h2>Timeline</h2>").append(ReportTimelineSvg.render(report.timeline()));
		html.append("</section>");
		endpoints(html, report.endpoints());
		leaks(html, report.leaks());
		dependencies(html, report.dependencies());
		ReportMechanismTables.render(html, report);
		return html.append("</main></body></html>\n").toString();
	}

	private static void header(StringBuilder html, ResilienceReport report) {
		ResilienceReport.Injections injections = report.injections();
		html.append("<header><h1>Chaos report</h1><p>Experiment since <time>")
			.append(escape(report.since()))
			.append("</time> &middot; <b>")
			.append(injections.total())
			.append("</b> injection")
			.append((injections.total() != 1) ? "s" : "");
		if (!injections.byAssault().isEmpty()) {
			html.append(": ")
				.append(injections.byAssault()
					.entrySet()
					.stream()
					.map((entry) -> escape(entry.getKey()) + " <b>" + entry.getValue() + "</b>")
					.collect(Collectors.joining(", ")));
		}
		html.append("</p></header>");
	}

	private static void steadyState(StringBuilder html, SteadyState state) {
		String tone = switch (state.verdict()) {
			case HELD -> "ok";
			case VIOLATED -> "bad";
			case NOT_MEASURED -> "muted";
		};
		html.append("<section class=\"verdict ").append(tone).append("-v\"><h2>Experiment verdict</h2>");
		html.append(badge(state.verdict().name(), tone));
		html.append("<p class=\"reason\">").append(escape(state.reason())).append("</p>");
		if (state.baseline() == null && state.during() == null) {
			html.append("<p class=\"none\">no traffic measured</p></section>");
			return;
		}
		html.append("<table class=\"windows\"><thead><tr><th></th><th class=\"n\">requests</th>")
			.append("<th class=\"n\">error rate</th><th class=\"n\">p50</th><th class=\"n\">p99</th></tr></thead><tbody>");
		window(html, "baseline (before chaos)", state.baseline());
		window(html, "during chaos", state.during());
		html.append("</tbody></table></section>");
	}

	private static void window(StringBuilder html, String label, @Nullable Window window) {
		html.append("<tr><th>").append(label).append("</th>");
		if (window == null) {
			html.append("<td class=\"n\" colspan=\"4\">none</td></tr>");
			return;
		}
		html.append(num(window.requests()))
			.append(cell("n", percent(window.errorRate())))
			.append(cell("n", escapeOrDash(window.p50())))
			.append(cell("n", escapeOrDash(window.p99())))
			.append("</tr>");
	}

	private static void endpoints(StringBuilder html, List<EndpointReport> endpoints) {
		table(html, "Endpoints", endpoints,
				"endpoint|requests:n|failed (5xx):n|injected failure reached caller:n|p99:n",
				(endpoint) -> name(endpoint.endpoint()) + num(endpoint.requests()) + hot(endpoint.failed())
						+ hot(endpoint.injectedReachedCaller()) + cell("n", escapeOrDash(endpoint.p99())));
	}

	private static void leaks(StringBuilder html, List<Leak> leaks) {
		table(html, "Leaks: responses that revealed internals", leaks, "endpoint|status:n|leaked|sample",
				(leak) -> name(leak.endpoint()) + num(leak.status())
						+ cell("",
								leak.leaked()
									.stream()
									.map((label) -> "<span class=\"chip\">" + escape(label) + "</span>")
									.collect(Collectors.joining()))
						+ cell("", "<code class=\"sample\">" + escape(leak.sample()) + "</code>"));
	}

	private static void dependencies(StringBuilder html, List<DependencyReport> dependencies) {
		table(html, "Dependencies", dependencies,
				"dependency|type:f|injected faults:n|requests:n|failed:n|degraded:n|observed:f|expected:f|verdict:f|reason",
				(dependency) -> name(dependency.name()) + cell("", escape(dependency.type()))
						+ num(dependency.injectedFaults()) + num(dependency.requests()) + hot(dependency.failed())
						+ num(dependency.degraded()) + cell("", badge(dependency.observed().name(), "muted"))
						+ cell("", (dependency.expected() != null) ? escape(dependency.expected().name()) : "&mdash;")
						+ cell("",
								(dependency.verdict() != null)
										? badge(dependency.verdict().name(),
												(dependency.verdict() == ServiceReport.Outcome.HELD) ? "ok" : "bad")
										: "&mdash;")
						+ cell("", escape(dependency.reason())));
	}

	static <T> void table(StringBuilder html, String title, List<T> rows, String columns, Function<T, String> row) {
		html.append("<section><h2>").append(title);
		if (rows.isEmpty()) {
			html.append("</h2><p class=\"none\">none</p></section>");
			return;
		}
		html.append(" <span class=\"sub\">(").append(rows.size()).append(")</span></h2><table><thead><tr>");
		for (String column : columns.split("\\|")) {
			// "label:n" is a numeric column, "label:f" one as narrow as its content
			int colon = column.indexOf(':');
			String css = (colon < 0) ? "" : column.endsWith(":n") ? " class=\"n\"" : " class=\"fit\"";
			html.append("<th").append(css).append('>').append((colon < 0) ? column : column.substring(0, colon));
			html.append("</th>");
		}
		html.append("</tr></thead><tbody>");
		rows.forEach((entry) -> html.append("<tr>").append(row.apply(entry)).append("</tr>"));
		html.append("</tbody></table></section>");
	}

	static String badge(String text, String tone) {
		return "<span class=\"badge " + tone + "\">" + escape(text) + "</span>";
	}

	static String name(String name) {
		return cell("", "<code class=\"id\">" + escape(name) + "</code>");
	}

	static String num(long value) {
		return cell("n", Long.toString(value));
	}

	static String hot(long value) {
		return cell((value > 0) ? "n hot" : "n", Long.toString(value));
	}

	static String cell(String css, String html) {
		return (css.isEmpty() ? "<td>" : "<td class=\"" + css + "\">") + html + "</td>";
	}

	static String percent(double rate) {
		double percent = rate * 100;
		if (percent == Math.rint(percent)) {
			return String.format(Locale.ROOT, "%.0f%%", percent);
		}
		return String.format(Locale.ROOT, (percent < 1) ? "%.2f%%" : "%.1f%%", percent);
	}

	static String escapeOrDash(@Nullable String text) {
		return (text != null) ? escape(text) : "&mdash;";
	}

	/**
	 * Escape text for HTML and SVG, in element content and in quoted attribute values.
	 * @param value the value
	 * @return the escaped text
	 */
	static String escape(@Nullable Object value) {
		String text = String.valueOf(value);
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append((c < 0x20 && c != '\n' && c != '\t') ? ' ' : c);
			}
		}
		return escaped.toString();
	}

}
