package com.acme.shop;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the examples in docs/testing.md, docs/report.md and
 * docs/getting-started.md: a checkout that charges through a payment service guarded by
 * the circuit breaker {@code payments} with a fallback. In the package the pages show, so
 * that the examples run exactly as written there.
 */
@SpringBootApplication
public class ShopApplication {

}
