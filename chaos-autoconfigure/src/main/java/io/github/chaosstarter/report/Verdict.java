package io.github.chaosstarter.report;

/**
 * Whether a resilience mechanism did what its configuration promises under injected
 * faults.
 *
 * @author Chaos Starter team
 */
public enum Verdict {

	/** It did what its configuration says it should under these faults. */
	REACTED,

	/**
	 * Injected faults reached it and it should have reacted but did not; see the reason.
	 */
	DID_NOT_REACT,

	/** No injected fault reached it. */
	NOT_EXERCISED

}
