/**
 * The {@code chaosmonkey} actuator endpoint: the calls that Chaos Toolkit and LitmusChaos
 * send to Chaos Monkey for Spring Boot, mapped onto one assault of the chaos state.
 */
@NullMarked
package io.github.chaosstarter.chaosmonkey;

import org.jspecify.annotations.NullMarked;
