package io.github.chaosstarter.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fenced code blocks of the user documentation: {@code README.md} and every page
 * under {@code docs/}, in the order they appear.
 */
final class DocsBlocks {

	/**
	 * The repository's root, seen from the module's directory (where Maven runs tests).
	 */
	static final Path ROOT = Path.of("..");

	private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*([A-Za-z0-9+-]*)\\s*$");

	private DocsBlocks() {
	}

	/**
	 * Return the pages: the README and every Markdown file under {@code docs/}.
	 * @return the pages, sorted
	 */
	static List<Path> pages() {
		List<Path> pages = new ArrayList<>();
		pages.add(ROOT.resolve("README.md"));
		try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
			files.filter((file) -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pages;
	}

	/**
	 * Return every fenced block of every page.
	 * @return the blocks, page by page
	 */
	static List<Block> all() {
		List<Block> blocks = new ArrayList<>();
		for (Path page : pages()) {
			blocks.addAll(of(page));
		}
		return blocks;
	}

	/**
	 * Return the fenced blocks of one page. A block indented under a list item is
	 * returned without that indentation.
	 * @param page the page
	 * @return its blocks
	 */
	static List<Block> of(Path page) {
		List<String> lines;
		try {
			lines = Files.readAllLines(page, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Block> blocks = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher open = FENCE.matcher(lines.get(i));
			if (!open.matches()) {
				continue;
			}
			int indent = open.group(1).length();
			StringBuilder text = new StringBuilder();
			int start = i + 1;
			i++;
			while (i < lines.size() && !FENCE.matcher(lines.get(i)).matches()) {
				String line = lines.get(i);
				text.append(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent)
						: line.stripLeading())
					.append('\n');
				i++;
			}
			blocks.add(new Block(page, start, open.group(2), text.toString(), blocks.size()));
		}
		return blocks;
	}

	/**
	 * One fenced block.
	 *
	 * @param page the page it is on
	 * @param line the line of its first content line (1-based)
	 * @param language the info string, e.g. {@code json}, empty for none
	 * @param text the content
	 * @param index its position among the page's blocks
	 */
	record Block(Path page, int line, String language, String text, int index) {

		/**
		 * Return the next block on the same page.
		 * @return the block, or {@code null} for the last one
		 */
		Block next() {
			List<Block> blocks = of(this.page);
			return (this.index + 1 < blocks.size()) ? blocks.get(this.index + 1) : null;
		}

		boolean is(String... languages) {
			return List.of(languages).contains(this.language);
		}

		@Override
		public String toString() {
			return ROOT.relativize(this.page) + ":" + this.line + " (" + this.language + ")";
		}

	}

}
