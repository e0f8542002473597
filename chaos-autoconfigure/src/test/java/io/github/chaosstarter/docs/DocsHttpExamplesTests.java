package io.github.chaosstarter.docs;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.docs.DocsBlocks.Block;
import io.github.chaosstarter.endpoint.ChaosEndpoint;
import io.github.chaosstarter.scenarios.endpoint.fixture.EndpointApplication;
import io.github.chaosstarter.report.ResilienceReport;
import io.github.chaosstarter.report.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the HTTP examples of the user documentation against a running application: every
 * {@code curl} command to {@code /actuator/chaos} in a {@code shell} or {@code bash}
 * block of {@code README.md} and {@code docs/} is sent as written (JSON bodies included)
 * and must be answered {@code 200}, or, where the page shows the error that follows,
 * {@code 400} with exactly that {@code field} and {@code message}. The JSON the pages
 * show as answers must use the endpoint's field names: a state as
 * {@code GET /actuator/chaos} writes it (and its assaults must be accepted when posted
 * back), a report as {@link ResilienceReport} is written. One application context for all
 * of it.
 */
@SpringBootTest(classes = EndpointApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet",
				"management.endpoints.web.exposure.include=chaos,chaosmonkey,health",
				"management.endpoint.chaos.access=unrestricted", "chaos.allow-kill=true",
				"chaos.chaos-monkey-api.enabled=true", "management.endpoint.chaosmonkey.access=unrestricted" })
class DocsHttpExamplesTests {

	private static final Pattern URL = Pattern.compile("localhost:\\d+(/\\S*)");

	private static final Set<String> COUNTERS = Set.of("matched", "injected", "dryRunHits", "matches", "warnings");

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@AfterEach
	void halt() {
		assertThat(send("DELETE", "/actuator/chaos", null).status()).isEqualTo(200);
	}

	@Test
	void everyCurlCommandToTheEndpointIsAnsweredAsThePageSays() {
		List<String> run = new ArrayList<>();
		for (Block block : DocsBlocks.all()) {
			if (!block.is("shell", "bash")) {
				continue;
			}
			List<Command> commands = commands(block);
			Map<String, Object> error = documentedError(block);
			for (int i = 0; i < commands.size(); i++) {
				Command command = commands.get(i);
				boolean refused = error != null && i == commands.size() - 1;
				Response response = send(command.method(), command.path(), command.body());
				String shown = block + ": " + command + " -> " + response.status() + " " + response.body();
				if (refused) {
					assertThat(response.status()).as(shown).isEqualTo(400);
					assertThat(response.json()).as(shown)
						.containsEntry("error", error.get("error"))
						.containsEntry("field", error.get("field"))
						.containsEntry("message", error.get("message"));
				}
				else {
					assertThat(response.status()).as(shown).isEqualTo(200);
				}
				run.add(block + " " + command.method() + " " + command.path());
			}
			halt();
		}
		assertThat(run).as("commands found in the docs").hasSizeGreaterThan(20);
		assertThat(run).anyMatch((command) -> command.contains("endpoint.md") && command.contains("POST"))
			.anyMatch((command) -> command.contains("README.md") && command.contains("POST"))
			.anyMatch((command) -> command.contains("effects") && command.contains("POST"))
			.anyMatch((command) -> command.contains("DELETE /actuator/chaos/report"));
	}

	@Test
	void everyJsonBlockUsesTheFieldNamesTheCodeWrites() {
		int reports = 0;
		int states = 0;
		int experiments = 0;
		for (Block block : DocsBlocks.all()) {
			if (!block.is("json")) {
				continue;
			}
			Map<String, Object> json = JsonParserFactory.getJsonParser().parseMap(block.text());
			List<String> problems = new ArrayList<>();
			if (json.containsKey("error")) {
				assertThat(previousShellBlock(block)).as(block + ": an error answer follows the command that causes it")
					.isNotNull();
				assertThat(json.keySet()).as(block.toString())
					.containsExactlyInAnyOrderElementsOf(components(ChaosEndpoint.ErrorDescriptor.class));
				continue;
			}
			if (json.containsKey("since")) {
				boolean complete = block.page().endsWith("report.md");
				fields("", json, ResilienceReport.class, complete, problems);
				reports++;
			}
			else if (json.containsKey("history")) {
				state(json, block.page().endsWith("endpoint.md"), problems);
				postBack(block, json);
				states++;
			}
			else if (json.containsKey("title") && json.containsKey("method")) {
				chaosToolkit(json, problems);
				halt();
				experiments++;
			}
			else {
				problems.add("not a body, a state, a report, an error answer or a Chaos Toolkit experiment");
			}
			assertThat(problems).as(block.toString()).isEmpty();
		}
		assertThat(reports).as("report examples").isGreaterThanOrEqualTo(2);
		assertThat(states).as("state examples").isGreaterThanOrEqualTo(1);
		assertThat(experiments).as("Chaos Toolkit experiments").isGreaterThanOrEqualTo(1);
	}

	/**
	 * Run the chaostoolkit-spring activities of a Chaos Toolkit experiment against the
	 * application, sending what {@code chaosspring/api.py} sends for each function: each
	 * must answer 200 (the status probe 200 or 503), as the driver requires.
	 */
	@SuppressWarnings("unchecked")
	private void chaosToolkit(Map<String, Object> experiment, List<String> problems) {
		Map<String, Object> configuration = (Map<String, Object>) experiment.getOrDefault("configuration", Map.of());
		List<Map<String, Object>> activities = new ArrayList<>();
		Map<String, Object> hypothesis = (Map<String, Object>) experiment.get("steady-state-hypothesis");
		if (hypothesis != null) {
			activities.addAll((List<Map<String, Object>>) hypothesis.getOrDefault("probes", List.of()));
		}
		activities.addAll((List<Map<String, Object>>) experiment.get("method"));
		activities.addAll((List<Map<String, Object>>) experiment.getOrDefault("rollbacks", List.of()));
		int sent = 0;
		for (Map<String, Object> activity : activities) {
			Map<String, Object> provider = (Map<String, Object>) activity.get("provider");
			String module = (String) provider.get("module");
			if (module == null || !module.startsWith("chaosspring.")) {
				continue;
			}
			Map<String, Object> arguments = (Map<String, Object>) provider.getOrDefault("arguments", Map.of());
			String baseUrl = String.valueOf(arguments.get("base_url"));
			for (Map.Entry<String, Object> entry : configuration.entrySet()) {
				baseUrl = baseUrl.replace("${" + entry.getKey() + "}", String.valueOf(entry.getValue()));
			}
			String base = URI.create(baseUrl).getPath() + "/chaosmonkey/";
			String query = arguments.containsKey("timeout") ? "?timeout=" + arguments.get("timeout") : "";
			String func = (String) provider.get("func");
			Response response = switch (func) {
				case "enable_chaosmonkey" -> send("POST", base + "enable" + query, null);
				case "disable_chaosmonkey" -> send("POST", base + "disable" + query, null);
				case "change_assaults_configuration" ->
					send("POST", base + "assaults" + query, Json.write(arguments.get("assaults_configuration")));
				case "chaosmonkey_enabled" -> send("GET", base + "status" + query, null);
				case "watcher_configuration" -> send("GET", base + "watcher" + query, null);
				case "assaults_configuration" -> send("GET", base + "assaults" + query, null);
				default -> null;
			};
			if (response == null) {
				problems.add("chaosspring has no function " + func);
				continue;
			}
			boolean status = func.equals("chaosmonkey_enabled");
			if (response.status() != 200 && !(status && response.status() == 503)) {
				problems.add(func + " answered " + response.status() + " " + response.body());
			}
			sent++;
		}
		if (sent == 0) {
			problems.add("no chaosspring activity");
		}
	}

	/**
	 * The assaults of a documented state, posted back as they are shown (counters left
	 * out), are accepted: {@code GET} writes assaults as a change reads them.
	 */
	@SuppressWarnings("unchecked")
	private void postBack(Block block, Map<String, Object> state) {
		Map<String, Object> assaults = new LinkedHashMap<>();
		((Map<String, Map<String, Object>>) state.get("assaults")).forEach((name, assault) -> {
			Map<String, Object> definition = new LinkedHashMap<>(assault);
			definition.keySet().removeAll(COUNTERS);
			assaults.put(name, definition);
		});
		String body = "{\"assaults\": " + Json.write(assaults) + "}";
		Response response = send("POST", "/actuator/chaos", body);
		assertThat(response.status()).as(block + ": assaults posted back: " + response.body()).isEqualTo(200);
		halt();
	}

	@SuppressWarnings("unchecked")
	private void state(Map<String, Object> json, boolean complete, List<String> problems) {
		fields("", json, ChaosEndpoint.ChaosDescriptor.class, complete, problems);
		Map<String, Object> live = send("GET", "/actuator/chaos", null).json();
		if (json.get("guard") instanceof Map<?, ?> guard
				&& !guard.keySet().equals(((Map<String, Object>) live.get("guard")).keySet())) {
			problems.add("guard: " + guard.keySet() + " but the endpoint writes "
					+ ((Map<String, Object>) live.get("guard")).keySet());
		}
		if (json.get("assaults") instanceof Map<?, ?> assaults) {
			assaults.forEach((name, assault) -> {
				Map<String, Object> entry = (Map<String, Object>) assault;
				Map<String, Object> definition = new LinkedHashMap<>(entry);
				definition.keySet().removeAll(COUNTERS);
				if (complete && !entry.keySet().containsAll(COUNTERS)) {
					problems.add("assaults." + name + ": counters missing, has " + entry.keySet());
				}
				properties("assaults." + name, definition, ChaosProperties.Assault.class, problems);
			});
		}
	}

	/**
	 * Check a documented assault definition against the camelCase names of the properties
	 * classes.
	 */
	@SuppressWarnings("unchecked")
	private static void properties(String path, Map<String, Object> json, Class<?> type, List<String> problems) {
		Map<String, Class<?>> names = new LinkedHashMap<>();
		for (var descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() != null && !descriptor.getName().equals("class")) {
				names.put(descriptor.getName(), descriptor.getPropertyType());
			}
		}
		json.forEach((key, value) -> {
			Class<?> property = names.get(key);
			if (property == null) {
				problems.add(path + "." + key + ": no such property (camelCase names of " + type.getSimpleName() + ": "
						+ names.keySet() + ")");
			}
			else if (property.getEnclosingClass() == ChaosProperties.class && value instanceof Map<?, ?> nested) {
				properties(path + "." + key, (Map<String, Object>) nested, property, problems);
			}
		});
	}

	/**
	 * Check documented JSON against the record it is written from: no field the record
	 * does not have and, where the example is meant to be complete, every field it has.
	 */
	@SuppressWarnings("unchecked")
	private static void fields(String path, Object json, Type type, boolean complete, List<String> problems) {
		Class<?> raw = (type instanceof ParameterizedType parameterized) ? (Class<?>) parameterized.getRawType()
				: (Class<?>) type;
		if (raw.isRecord()) {
			if (!(json instanceof Map<?, ?> map)) {
				problems.add(path + ": not an object");
				return;
			}
			Map<String, RecordComponent> components = new LinkedHashMap<>();
			for (RecordComponent component : raw.getRecordComponents()) {
				components.put(component.getName(), component);
			}
			((Map<String, Object>) map).forEach((key, value) -> {
				RecordComponent component = components.get(key);
				if (component == null) {
					problems.add(path + key + ": no such field in " + raw.getSimpleName() + " " + components.keySet());
				}
				else if (value != null) {
					fields(path + key + ".", value, component.getGenericType(), complete, problems);
				}
			});
			if (complete && !map.keySet().containsAll(components.keySet())) {
				Set<String> missing = new LinkedHashSet<>(components.keySet());
				missing.removeAll(map.keySet());
				problems.add(path + ": " + raw.getSimpleName() + " fields not shown: " + missing);
			}
		}
		else if (List.class.isAssignableFrom(raw) && type instanceof ParameterizedType parameterized) {
			if (!(json instanceof List<?> list)) {
				problems.add(path + ": not a list");
				return;
			}
			for (Object element : list) {
				fields(path, element, parameterized.getActualTypeArguments()[0], complete, problems);
			}
		}
		else if (raw == Verdict.class && !List.of("REACTED", "DID_NOT_REACT", "NOT_EXERCISED").contains(json)) {
			problems.add(path + ": no such verdict: " + json);
		}
	}

	private static List<String> components(Class<?> record) {
		List<String> names = new ArrayList<>();
		for (RecordComponent component : record.getRecordComponents()) {
			names.add(component.getName());
		}
		return names;
	}

	/**
	 * Return the error answer the page shows right after a block of commands: its last
	 * command is then expected to be refused exactly so.
	 */
	private static Map<String, Object> documentedError(Block block) {
		Block next = block.next();
		if (next == null || !next.is("json")) {
			return null;
		}
		Map<String, Object> json = JsonParserFactory.getJsonParser().parseMap(next.text());
		return json.containsKey("error") ? json : null;
	}

	private static Block previousShellBlock(Block block) {
		List<Block> blocks = DocsBlocks.of(block.page());
		Block previous = (block.index() > 0) ? blocks.get(block.index() - 1) : null;
		return (previous != null && previous.is("shell", "bash")) ? previous : null;
	}

	/**
	 * Return the {@code curl} commands of a block that address the chaos endpoint.
	 */
	static List<Command> commands(Block block) {
		List<Command> result = new ArrayList<>();
		for (List<String> words : Shell.commands(block.text())) {
			List<String> command = new ArrayList<>(words);
			while (!command.isEmpty() && List.of("do", "then", "time").contains(command.get(0))) {
				command.remove(0);
			}
			if (command.isEmpty() || !command.get(0).equals("curl")) {
				continue;
			}
			String method = null;
			String body = null;
			String path = null;
			for (int i = 1; i < command.size(); i++) {
				String word = command.get(i);
				switch (word) {
					case "-X", "--request" -> method = command.get(++i);
					case "-d", "--data", "--data-raw" -> body = command.get(++i);
					case "-H", "--header", "-o", "-w" -> i++;
					default -> {
						Matcher url = URL.matcher(word);
						if (url.find()) {
							path = url.group(1);
						}
					}
				}
			}
			// the fleet's requests need several instances on a bus: FleetKafkaTests sends
			// them
			if (path != null && path.startsWith("/actuator/chaos") && !path.startsWith("/actuator/chaos/fleet")) {
				result.add(new Command((method != null) ? method : ((body != null) ? "POST" : "GET"), path, body));
			}
		}
		return result;
	}

	private Response send(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Command(String method, String path, String body) {

		@Override
		public String toString() {
			return this.method + " " + this.path + ((this.body != null) ? " " + this.body.replaceAll("\\s+", " ") : "");
		}

	}

	record Response(int status, String body) {

		Map<String, Object> json() {
			return JsonParserFactory.getJsonParser().parseMap(this.body);
		}

	}

	/**
	 * Splits shell text into commands of words, as a POSIX shell would for what the docs
	 * write: single and double quotes (spanning lines), backslash-newline continuations,
	 * comments, and newlines, {@code ;}, {@code |} and {@code &} between commands.
	 */
	static final class Shell {

		private Shell() {
		}

		static List<List<String>> commands(String text) {
			List<List<String>> commands = new ArrayList<>();
			List<String> words = new ArrayList<>();
			StringBuilder word = null;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '\'' || c == '"') {
					int end = text.indexOf(c, i + 1);
					word = (word != null) ? word : new StringBuilder();
					word.append(text, i + 1, end);
					i = end;
				}
				else if (c == '\\' && i + 1 < text.length()) {
					if (text.charAt(i + 1) != '\n') {
						word = (word != null) ? word : new StringBuilder();
						word.append(text.charAt(i + 1));
					}
					i++;
				}
				else if (c == '#' && word == null) {
					while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
						i++;
					}
				}
				else if (Character.isWhitespace(c) || c == ';' || c == '|' || c == '&') {
					if (word != null) {
						words.add(word.toString());
						word = null;
					}
					if (c != ' ' && c != '\t' && !words.isEmpty()) {
						commands.add(words);
						words = new ArrayList<>();
					}
				}
				else {
					word = (word != null) ? word : new StringBuilder();
					word.append(c);
				}
			}
			if (word != null) {
				words.add(word.toString());
			}
			if (!words.isEmpty()) {
				commands.add(words);
			}
			return commands;
		}

	}

	/**
	 * Writes the maps and lists the JSON parser produced back as JSON.
	 */
	static final class Json {

		private Json() {
		}

		static String write(Object value) {
			if (value == null) {
				return "null";
			}
			if (value instanceof Map<?, ?> map) {
				List<String> entries = new ArrayList<>();
				map.forEach((key, entry) -> entries.add(write(String.valueOf(key)) + ": " + write(entry)));
				return "{" + String.join(", ", entries) + "}";
			}
			if (value instanceof List<?> list) {
				List<String> elements = new ArrayList<>();
				list.forEach((element) -> elements.add(write(element)));
				return "[" + String.join(", ", elements) + "]";
			}
			if (value instanceof String text) {
				return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
			}
			return String.valueOf(value);
		}

	}

}
