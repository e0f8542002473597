package io.github.chaosstarter.jdbc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

import io.github.chaosstarter.engine.ChaosEngine;

/**
 * Decorates every {@link DataSource} bean with a {@link ChaosDataSource}, after its
 * initialization, so that the pool is configured and bound as usual. Scoped-proxy targets
 * are left alone (their proxy is decorated).
 *
 * @author Chaos Starter team
 */
final class ChaosDataSourcePostProcessor implements BeanPostProcessor {

	private final ObjectProvider<ChaosEngine> engine;

	private final List<ChaosDataSource> decorated = new CopyOnWriteArrayList<>();

	ChaosDataSourcePostProcessor(ObjectProvider<ChaosEngine> engine) {
		this.engine = engine;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof ChaosDataSource)
				&& !beanName.startsWith("scopedTarget.")) {
			ChaosDataSource decorated = new ChaosDataSource(dataSource, beanName, this.engine);
			this.decorated.add(decorated);
			return decorated;
		}
		return bean;
	}

	/**
	 * Return the data sources decorated so far.
	 * @return the decorated data sources
	 */
	List<ChaosDataSource> decorated() {
		return this.decorated;
	}

}
