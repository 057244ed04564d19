package io.tsunagu.network;

/**
 * How two colleagues stand to each other, as the person whose network it is sees the other: by the
 * reporting line first, then by how far apart they joined the company.
 */
enum Relationship {

	/** Joined within five years of each other. */
	PEER,

	/** Joined more than five years earlier. */
	SENIOR,

	/** Joined more than five years later. */
	JUNIOR,

	/** Above in the reporting line. */
	BOSS,

	/** Below in the reporting line. */
	REPORT;

	/** Join years further apart than this make 先輩 and 後輩. */
	static final int COHORT_YEARS = 5;

	/**
	 * @param aboveMe whether the other person is above me in my reporting line
	 * @param belowMe whether I am above the other person in theirs
	 */
	static Relationship of(int myJoinYear, int theirJoinYear, boolean aboveMe, boolean belowMe) {
		if (aboveMe) {
			return BOSS;
		}
		if (belowMe) {
			return REPORT;
		}
		if (Math.abs(myJoinYear - theirJoinYear) <= COHORT_YEARS) {
			return PEER;
		}
		return theirJoinYear < myJoinYear ? SENIOR : JUNIOR;
	}

	/** The key of its name in the message bundles. */
	String messageKey() {
		return "network.relationship." + name().toLowerCase(java.util.Locale.ROOT);
	}

}
