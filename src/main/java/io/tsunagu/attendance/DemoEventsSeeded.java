package io.tsunagu.attendance;

import java.util.List;

/**
 * The demo company's past events have been written, with who prepared them and who came; published
 * outside any transaction, on the thread that seeded them.
 * @param pastEvents their plan ids, the oldest first
 */
public record DemoEventsSeeded(List<Long> pastEvents) {

	public DemoEventsSeeded {
		pastEvents = List.copyOf(pastEvents);
	}

}
