/**
 * JUnit 5 support for Chaos Starter: {@link io.github.chaosstarter.test.ChaosExperiment}
 * isolates each test's experiment and writes the reports under
 * {@code target/chaos-reports/}; {@link io.github.chaosstarter.test.ChaosAssertions}
 * asserts on a {@link io.github.chaosstarter.report.ResilienceReport}.
 */
@NullMarked
package io.github.chaosstarter.test;

import org.jspecify.annotations.NullMarked;
