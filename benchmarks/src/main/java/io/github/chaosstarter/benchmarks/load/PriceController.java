package io.github.chaosstarter.benchmarks.load;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /prices/{id}}: the URL the load generator calls.
 *
 * @author Chaos Starter team
 */
@RestController
public class PriceController {

	private final PriceService prices;

	PriceController(PriceService prices) {
		this.prices = prices;
	}

	/**
	 * Return the price of an item.
	 * @param id the item
	 * @return its price
	 */
	@GetMapping("/prices/{id}")
	public Mono<String> price(@PathVariable long id) {
		return this.prices.price(id).map((cents) -> "{\"id\":" + id + ",\"cents\":" + cents + "}");
	}

	/**
	 * Like {@link #price(long)}, but one call in ten is delayed by 100 ms with plain
	 * Reactor (no chaos): the reference for the latency assault.
	 * @param id the item
	 * @return its price
	 */
	@GetMapping("/reference-delayed-prices/{id}")
	public Mono<String> referenceDelayedPrice(@PathVariable long id) {
		Mono<String> price = price(id);
		return (ThreadLocalRandom.current().nextDouble() < 0.1) ? price.delaySubscription(Duration.ofMillis(100))
				: price;
	}

}
