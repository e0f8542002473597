package com.acme.shop;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;

import org.springframework.stereotype.Service;

/**
 * Charges orders; while the circuit breaker {@code payments} is open or a charge fails,
 * the order is queued instead.
 */
@Service
public class PaymentService {

	@CircuitBreaker(name = "payments", fallbackMethod = "chargeFallback")
	public String charge(String order) {
		return "charged " + order;
	}

	String chargeFallback(String order, Throwable failure) {
		return "queued " + order;
	}

}
