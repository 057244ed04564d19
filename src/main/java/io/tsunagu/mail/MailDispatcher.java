package io.tsunagu.mail;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers the outbox: claims a batch under a lease, sends it, records each outcome as the transport
 * reports it, and repeats while messages are due. It wakes when a transaction that queued mail
 * commits, and polls for retries and for mail other instances queued. At its start it takes back the
 * claims this instance held when it last stopped; at every poll, claims whose lease ran out.
 */
@Component
class MailDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

	private final MailQueue queue;

	private final MailTransport transport;

	private final MailSettings settings;

	private final String instance;

	private final DeliveryRecorder.Counters counters;

	private final Semaphore wake = new Semaphore(0);

	private volatile Thread worker;

	private volatile boolean stopping;

	@Autowired
	MailDispatcher(MailQueue queue, MailTransport transport, MailSettings settings, MeterRegistry meters,
			Environment environment) {
		this(queue, transport, settings, meters, settings.instanceId(environment.getProperty("server.port", "8080")));
	}

	MailDispatcher(MailQueue queue, MailTransport transport, MailSettings settings, MeterRegistry meters,
			String instance) {
		this.queue = queue;
		this.transport = transport;
		this.settings = settings;
		this.instance = instance;
		this.counters = new DeliveryRecorder.Counters(meters.counter("tsunagu.mail.sent"),
				meters.counter("tsunagu.mail.failed"), meters.counter("tsunagu.mail.retried"));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(MailQueued queued) {
		this.wake.release();
	}

	/** The name this dispatcher's claims carry. */
	String instance() {
		return this.instance;
	}

	/** Claims this instance held when it stopped go back to the queue: nothing is sending them any more. */
	int takeBackOwnClaims() {
		int taken = this.queue.takeBack(this.instance);
		if (taken > 0) {
			log.warn("{} messages were claimed by this instance ({}) when it stopped; they are queued again", taken,
					this.instance);
		}
		return taken;
	}

	/** Delivers everything that is due now; returns how many messages were sent. */
	int dispatchDue() {
		int expired = this.queue.takeBackExpired();
		if (expired > 0) {
			log.warn("{} messages were claimed by a dispatcher that stopped renewing its lease; they are queued again",
					expired);
		}
		List<OutgoingMail> batch = this.queue.claim(this.settings.batchSize(), this.instance, this.settings.lease());
		if (batch.isEmpty()) {
			return 0;
		}
		DeliveryRecorder recorder = new DeliveryRecorder(this.queue, this.settings, this.instance, this.transport.name(),
				this.counters);
		try {
			do {
				deliver(batch, recorder);
			}
			while (!this.stopping && !(batch = this.queue.claim(this.settings.batchSize(), this.instance, this.settings.lease())).isEmpty());
		}
		finally {
			recorder.close();
		}
		return recorder.sent();
	}

	private void deliver(List<OutgoingMail> batch, DeliveryRecorder recorder) {
		Set<Long> reported = new HashSet<>();
		try {
			this.transport.deliver(batch, (mail, delivery) -> {
				reported.add(mail.id());
				recorder.report(mail, delivery);
			});
		}
		finally {
			for (OutgoingMail mail : batch) {
				if (!reported.contains(mail.id())) {
					recorder.report(mail, Delivery.temporary("No outcome reported"));
				}
			}
		}
	}

	private void run() {
		while (this.worker == Thread.currentThread()) {
			try {
				dispatchDue();
			}
			catch (RuntimeException ex) {
				log.error("Mail dispatch failed; trying again at the next poll", ex);
			}
			try {
				if (this.wake.tryAcquire(this.settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
					this.wake.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public void start() {
		if (!this.settings.dispatcherEnabled()) {
			return;
		}
		try {
			takeBackOwnClaims();
		}
		catch (RuntimeException ex) {
			log.error("Could not take back the claims of {}; they are taken back once their lease runs out", this.instance, ex);
		}
		this.stopping = false;
		Thread thread = new Thread(this::run, "mail-dispatcher");
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread thread = this.worker;
		this.worker = null;
		this.stopping = true;
		if (thread != null) {
			this.wake.release();
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.worker != null;
	}

	// Stop before the connection pool closes; start after everything else is ready.
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}

}
