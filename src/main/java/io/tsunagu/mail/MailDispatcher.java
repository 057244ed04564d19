package io.tsunagu.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers the outbox: claims a batch, sends it, records each outcome, and repeats while messages
 * are due. It wakes when a transaction that queued mail commits, and polls for retries and for
 * mail other instances queued.
 */
@Component
class MailDispatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

	private final MailQueue queue;

	private final MailTransport transport;

	private final MailSettings settings;

	private final Counter sent;

	private final Counter failed;

	private final Counter retried;

	private final Semaphore wake = new Semaphore(0);

	private volatile Thread worker;

	MailDispatcher(MailQueue queue, MailTransport transport, MailSettings settings, MeterRegistry meters) {
		this.queue = queue;
		this.transport = transport;
		this.settings = settings;
		this.sent = meters.counter("tsunagu.mail.sent");
		this.failed = meters.counter("tsunagu.mail.failed");
		this.retried = meters.counter("tsunagu.mail.retried");
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(MailQueued queued) {
		this.wake.release();
	}

	/** Delivers everything that is due now; returns how many messages were sent. */
	int dispatchDue() {
		int requeued = this.queue.requeueStale(this.settings.staleTimeout());
		if (requeued > 0) {
			log.warn("{} messages were left in SENDING by a dispatcher that stopped; they are queued again", requeued);
		}
		int delivered = 0;
		List<OutgoingMail> batch;
		while (!(batch = this.queue.claim(this.settings.batchSize())).isEmpty()) {
			delivered += record(batch, this.transport.deliver(batch));
		}
		return delivered;
	}

	private int record(List<OutgoingMail> batch, Map<Long, Delivery> deliveries) {
		List<Long> sentIds = new ArrayList<>();
		for (OutgoingMail mail : batch) {
			Delivery delivery = deliveries.getOrDefault(mail.id(), Delivery.temporary("No outcome reported"));
			switch (delivery.outcome()) {
				case SENT -> sentIds.add(mail.id());
				case TEMPORARY -> {
					if (mail.attempts() >= this.settings.maxAttempts()) {
						this.queue.fail(mail.id(), delivery.error());
						this.failed.increment();
					}
					else {
						this.queue.retryLater(mail.id(), delivery.error(), this.settings.backoffAfter(mail.attempts()));
						this.retried.increment();
					}
				}
				case PERMANENT -> {
					this.queue.fail(mail.id(), delivery.error());
					this.failed.increment();
				}
			}
		}
		this.queue.markSent(sentIds, this.transport.name());
		this.sent.increment(sentIds.size());
		return sentIds.size();
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
		Thread thread = new Thread(this::run, "mail-dispatcher");
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread thread = this.worker;
		this.worker = null;
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
