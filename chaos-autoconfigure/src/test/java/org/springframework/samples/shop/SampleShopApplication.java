package org.springframework.samples.shop;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/**
 * An application whose own package lies under {@code org.springframework}, as the Spring
 * samples (PetClinic) do: its beans are the application's, not Spring's infrastructure.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ SampleShopApplication.OwnerService.class, SampleShopApplication.VisitRepository.class })
public class SampleShopApplication {

	/** A service of the sample. */
	@Service
	public static class OwnerService {

		public String owner(int id) {
			return "owner " + id;
		}

	}

	/** A repository of the sample. */
	@Repository
	public static class VisitRepository {

		public int visits() {
			return 3;
		}

	}

}
