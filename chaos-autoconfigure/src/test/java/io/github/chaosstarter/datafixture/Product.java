package io.github.chaosstarter.datafixture;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A stored product.
 *
 * @param id the id
 * @param name the name
 */
@Table("PRODUCT")
public record Product(@Id Long id, String name) {
}
