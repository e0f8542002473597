package io.github.chaosstarter.endpoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointAccessResolver;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.bus.ServiceMatcher;
import org.springframework.cloud.bus.jackson.RemoteApplicationEventScan;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.InvalidChaosPropertyException;
import io.github.chaosstarter.config.ChaosProperties;
import io.github.chaosstarter.engine.ChaosEngine;

/**
 * Fleet experiments over Spring Cloud Bus: imported by
 * {@link ChaosEndpointAutoConfiguration} when Spring Cloud Bus is present and
 * {@code chaos.fleet.enabled=true}.
 *
 * @author Chaos Starter team
 */
@Configuration(proxyBeanMethods = false)
@RemoteApplicationEventScan(basePackageClasses = ChaosFleetEvent.class)
class ChaosFleetConfiguration {

	@Bean
	FleetService chaosFleetService(ChaosEngine chaosEngine, ObjectProvider<ServiceMatcher> serviceMatcher,
			ApplicationEventPublisher publisher, Environment environment, ObjectProvider<Chaos.Reports> reports,
			ObjectProvider<EndpointAccessResolver> endpointAccessResolver) {
		ServiceMatcher matcher = serviceMatcher.getIfAvailable();
		if (matcher == null) {
			throw new InvalidChaosPropertyException("chaos.fleet.enabled", ChaosEndpointAutoConfiguration.NEEDS_BUS);
		}
		ChaosProperties.Fleet fleet = Binder.get(environment)
			.bind("chaos.fleet", ChaosProperties.Fleet.class)
			.orElseGet(ChaosProperties.Fleet::new);
		FleetMember member = new FleetMember(chaosEngine, matcher, endpointAccessResolver.getIfAvailable());
		return new FleetService(chaosEngine, member, matcher, publisher, fleet.getAckTimeout(), reports);
	}

	@Bean
	ChaosFleetWebExtension chaosFleetWebExtension(ChaosEndpoint chaosEndpoint, FleetService chaosFleetService) {
		return new ChaosFleetWebExtension(chaosEndpoint, chaosFleetService);
	}

}
