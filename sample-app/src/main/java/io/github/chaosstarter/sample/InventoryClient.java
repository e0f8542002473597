package io.github.chaosstarter.sample;

import io.github.resilience4j.retry.annotation.Retry;

import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

/**
 * Reserves stock at the inventory service, with retry {@code inventory}: three attempts
 * with exponential backoff and random jitter (see {@code application.yml}), so that many
 * clients retrying at once do not hit a struggling service in lockstep.
 *
 * @author Chaos Starter team
 */
@Service
public class InventoryClient {

	private final RestClient restClient;

	private final Provider provider;

	public InventoryClient(RestClient.Builder restClientBuilder, Provider provider) {
		this.restClient = restClientBuilder.build();
		this.provider = provider;
	}

	@Retry(name = "inventory")
	public void reserve(String item, int quantity) {
		this.restClient.post()
			.uri(this.provider.url("/inventory/reservations"))
			.body(new ProviderController.ReservationRequest(item, quantity))
			.retrieve()
			.toBodilessEntity();
	}

}
