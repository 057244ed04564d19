package io.tsunagu.attendance;

import java.time.Clock;

import org.springframework.stereotype.Component;

import io.tsunagu.planning.CheckInDoors;
import io.tsunagu.planning.PlannedEvent;

/** Tells the plan's page when to show the way to the check-in list. */
@Component
class OpenDoors implements CheckInDoors {

	private final Clock clock;

	OpenDoors(Clock clock) {
		this.clock = clock;
	}

	@Override
	public boolean isOpen(PlannedEvent event) {
		return CheckInWindow.refusal(event, this.clock.instant()) == null;
	}

}
