package io.github.chaosstarter.compat;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP side of the Boot 3.5 shop, added to {@link Boot3ShopApplication} by the web
 * tests: inbound paths for request assaults, and a {@code /downstream} dependency that
 * the application calls over real HTTP for client assaults. Counts the calls that reached
 * it.
 */
@RestController
public class Boot3WebController {

	private final AtomicInteger hits = new AtomicInteger();

	public int hits() {
		return this.hits.get();
	}

	@GetMapping("/api/orders/{id}")
	public String order(@PathVariable String id) {
		this.hits.incrementAndGet();
		throw new IllegalStateException("secret failure of order " + id);
	}

	@GetMapping("/api/search")
	public String search() {
		this.hits.incrementAndGet();
		return "results";
	}

	@GetMapping("/api/stock")
	public String stock() {
		this.hits.incrementAndGet();
		return "in stock";
	}

	@GetMapping("/downstream/{name}")
	public String downstream(@PathVariable String name) {
		this.hits.incrementAndGet();
		return "downstream " + name;
	}

}
