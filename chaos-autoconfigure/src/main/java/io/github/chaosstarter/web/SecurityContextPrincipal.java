package io.github.chaosstarter.web;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;

/**
 * Reads the authenticated user from Spring Security's {@code SecurityContextHolder}. Only
 * loaded when Spring Security is on the class path.
 *
 * @author Chaos Starter team
 */
final class SecurityContextPrincipal {

	static final boolean PRESENT = ClassUtils.isPresent(
			"org.springframework.security.core.context.SecurityContextHolder",
			SecurityContextPrincipal.class.getClassLoader());

	private SecurityContextPrincipal() {
	}

	static @Nullable String name() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return authentication.getName();
	}

}
