package io.github.chaosstarter.datafixture;

import org.springframework.data.repository.CrudRepository;

/**
 * A plain Spring Data repository.
 */
public interface ProductRepository extends CrudRepository<Product, Long> {

}
