package io.tsunagu.planning;

/**
 * Whether an event takes check-ins at this moment, so that its page can lead the organisers to the
 * check-in list; the attendance module, which keeps the rule, answers.
 */
public interface CheckInDoors {

	boolean isOpen(PlannedEvent event);

}
