package io.tsunagu.planning;

/**
 * The kinds of event an organiser can plan; the kind shapes who the invitations address.
 */
public enum PlanKind {

	COHORT_MEETUP, CROSS_DEPARTMENT_MIXER, COMPANY_TRIP, STUDY_SESSION, CELEBRATION, OTHER

}
