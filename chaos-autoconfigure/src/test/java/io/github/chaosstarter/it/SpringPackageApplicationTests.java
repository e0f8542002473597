package io.github.chaosstarter.it;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.samples.shop.SampleShopApplication;
import org.springframework.samples.shop.SampleShopApplication.OwnerService;
import org.springframework.samples.shop.SampleShopApplication.VisitRepository;
import org.springframework.stereotype.Component;

import io.github.chaosstarter.Chaos;
import io.github.chaosstarter.ChaosException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application under {@code org.springframework.samples} is watched and attacked like
 * any other; Spring's own beans are not.
 */
@SpringBootTest(classes = SampleShopApplication.class, properties = "chaos.watch.kinds=service,repository,component")
class SpringPackageApplicationTests {

	@Autowired
	Chaos chaos;

	@Autowired
	OwnerService owners;

	@Autowired
	VisitRepository visits;

	@Autowired
	ApplicationContext context;

	@AfterEach
	void halt() {
		this.chaos.halt();
	}

	@Test
	void theApplicationsBeansAreWatched() {
		assertThat(AopUtils.isAopProxy(this.owners)).isTrue();
		assertThat(AopUtils.isAopProxy(this.visits)).isTrue();
		assertThat(this.chaos.state().watched().beans()).contains(beanName(OwnerService.class),
				beanName(VisitRepository.class));
	}

	@Test
	void theApplicationsBeansAreAttacked() {
		this.chaos.assault("owners-down")
			.target((target) -> target.classes("org.springframework.samples.**"))
			.exception()
			.apply();
		this.chaos.enable();
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.owners.owner(1));
		assertThatExceptionOfType(ChaosException.class).isThrownBy(() -> this.visits.visits());
		assertThat(this.chaos.state().assaults().get("owners-down").injected()).isEqualTo(2);
	}

	@Test
	void springsOwnComponentsAreNotWatched() {
		List<String> springComponents = Arrays.stream(this.context.getBeanNamesForAnnotation(Component.class))
			.filter((name) -> this.context.getType(name) != null
					&& this.context.getType(name).getName().startsWith("org.springframework.boot."))
			.toList();
		assertThat(springComponents).as("Spring Boot's own components, of a watched kind").isNotEmpty();
		assertThat(this.chaos.state().watched().beans()).doesNotContainAnyElementsOf(springComponents)
			.allSatisfy((name) -> assertThat(this.context.getType(name).getName())
				.startsWith("org.springframework.samples.shop."));
	}

	private String beanName(Class<?> type) {
		return this.context.getBeanNamesForType(type)[0];
	}

}
