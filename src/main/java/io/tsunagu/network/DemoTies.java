package io.tsunagu.network;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.tsunagu.attendance.DemoEventsSeeded;

/**
 * Records the ties of the demo company's past events as soon as they are written, instead of at the
 * next recording pass minutes later: the organiser's network, the suggestions and the department map
 * have the demo's year to show from the first visit. On the demo's seeding thread, in the background;
 * oldest first, as each event's new ties are counted against the events recorded before it.
 */
@Component
class DemoTies {

	private static final Logger log = LoggerFactory.getLogger(DemoTies.class);

	private final TieRecorder recorder;

	private final CompletableFuture<Integer> recorded = new CompletableFuture<>();

	DemoTies(TieRecorder recorder) {
		this.recorder = recorder;
	}

	@EventListener
	void on(DemoEventsSeeded seeded) {
		long started = System.nanoTime();
		int count = 0;
		try {
			for (long planId : seeded.pastEvents()) {
				if (this.recorder.record(planId)) {
					count++;
				}
			}
		}
		catch (RuntimeException ex) {
			// The recording pass takes up whatever is left.
			this.recorded.completeExceptionally(ex);
			throw ex;
		}
		log.info("Recorded the ties of {} demo events in {} ms", count, (System.nanoTime() - started) / 1_000_000);
		this.recorded.complete(count);
	}

	/** How many demo events were recorded, once they are: for the tests to wait for. */
	CompletableFuture<Integer> recorded() {
		return this.recorded;
	}

}
