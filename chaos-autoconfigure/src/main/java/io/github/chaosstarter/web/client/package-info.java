/**
 * Outbound HTTP calls made through RestClient, RestTemplate and WebClient: unavailable
 * dependencies.
 */
@NullMarked
package io.github.chaosstarter.web.client;

import org.jspecify.annotations.NullMarked;
