package io.github.chaosstarter.benchmarks.load;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The watched service behind the load test's endpoint.
 *
 * @author Chaos Starter team
 */
@Service
public class PriceService {

	/**
	 * Return the price of an item.
	 * @param id the item
	 * @return its price in cents
	 */
	public Mono<Long> price(long id) {
		return Mono.just(100 + id % 900);
	}

}
