package com.acme.shop;

import org.springframework.stereotype.Service;

/**
 * Checks an order out by charging it.
 */
@Service
public class CheckoutService {

	private final PaymentService paymentService;

	public CheckoutService(PaymentService paymentService) {
		this.paymentService = paymentService;
	}

	public String checkout(String order) {
		return this.paymentService.charge(order);
	}

}
