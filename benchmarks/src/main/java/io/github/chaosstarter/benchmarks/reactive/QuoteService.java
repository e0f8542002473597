package io.github.chaosstarter.benchmarks.reactive;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * A watched reactive service.
 *
 * @author Chaos Starter team
 */
@Service
public class QuoteService {

	/**
	 * Return a quote.
	 * @param id the quote's number
	 * @return the quote
	 */
	public Mono<String> quote(int id) {
		return Mono.just("quote " + id);
	}

}
