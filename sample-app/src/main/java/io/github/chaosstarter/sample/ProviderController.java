package io.github.chaosstarter.sample;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A fake of the shop's external services (payment provider, inventory service, shipping
 * service) so that the sample runs on its own. In a real shop these are other
 * applications; here the clients still reach them over real HTTP
 * ({@code shop.provider.url}), so a chaos {@code client} target can make one of them
 * unavailable exactly as it would a remote service.
 *
 * @author Chaos Starter team
 */
@RestController
@RequestMapping("/provider")
public class ProviderController {

	private final AtomicLong ids = new AtomicLong();

	@PostMapping("/payments/charges")
	public Charge charge(@RequestBody ChargeRequest request) {
		return new Charge("ch_" + this.ids.incrementAndGet());
	}

	@PostMapping("/inventory/reservations")
	public Reservation reserve(@RequestBody ReservationRequest request) {
		return new Reservation("rs_" + this.ids.incrementAndGet());
	}

	@GetMapping("/shipping/estimates")
	public Estimate estimate(@RequestParam String item) {
		return new Estimate(2 + Math.floorMod(item.hashCode(), 4));
	}

	/**
	 * A charge request.
	 *
	 * @param item what is paid for
	 * @param quantity how many
	 */
	public record ChargeRequest(String item, int quantity) {

	}

	/**
	 * A completed charge.
	 *
	 * @param id the charge id
	 */
	public record Charge(String id) {

	}

	/**
	 * A stock reservation request.
	 *
	 * @param item what to reserve
	 * @param quantity how many
	 */
	public record ReservationRequest(String item, int quantity) {

	}

	/**
	 * A stock reservation.
	 *
	 * @param id the reservation id
	 */
	public record Reservation(String id) {

	}

	/**
	 * A delivery estimate.
	 *
	 * @param days days until delivery
	 */
	public record Estimate(int days) {

	}

}
