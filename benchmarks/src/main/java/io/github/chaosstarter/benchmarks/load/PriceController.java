package io.github.chaosstarter.benchmarks.load;

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

}
