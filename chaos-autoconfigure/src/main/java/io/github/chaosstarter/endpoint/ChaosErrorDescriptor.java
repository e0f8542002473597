package io.github.chaosstarter.endpoint;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * Body of a refused change.
 *
 * @param error the HTTP reason phrase, {@code Bad Request}
 * @param field the offending property, e.g.
 * {@code chaos.assaults.payments-down.probability}
 * @param message why it was refused, naming the property
 * @author Chaos Starter team
 */
public record ChaosErrorDescriptor(String error, String field, String message) implements OperationResponseBody {

}
