/**
 * Web integration: request targeting, request-level assaults and error responses for
 * Spring MVC and WebFlux.
 */
@NullMarked
package io.github.chaosstarter.web;

import org.jspecify.annotations.NullMarked;
