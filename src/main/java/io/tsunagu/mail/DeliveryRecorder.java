package io.tsunagu.mail;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what the transport reports while a dispatch runs, on a thread (and so a pooled database
 * connection) of its own, so that the SMTP connection keeps sending while the database commits: what
 * the server accepted is committed within {@code GAP_MILLIS} or so, all that was reported since the
 * last commit in one statement (a commit per message would cost the machine more than sending it).
 * The sender may run at most {@value #MAX_UNRECORDED} messages ahead of the record, so a crash at any
 * moment repeats no more than that. While the dispatch runs it also renews this instance's leases.
 */
final class DeliveryRecorder implements MailTransport.Outcomes, AutoCloseable {

	/** How far sending may run ahead of the record: the most a crash can send twice per connection. */
	static final int MAX_UNRECORDED = 50;

	/** The least time between two commits, unless the sender waits for the record. */
	private static final long GAP_MILLIS = 50;

	private static final Logger log = LoggerFactory.getLogger(DeliveryRecorder.class);

	private final MailQueue queue;

	private final MailSettings settings;

	private final String instance;

	private final String via;

	private final Counters counters;

	private final long renewEveryNanos;

	private final Object lock = new Object();

	private final Thread writer;

	private List<Reported> pending = new ArrayList<>();

	private int unrecorded;

	private boolean closed;

	private int sent;

	private long nextRenewal;

	DeliveryRecorder(MailQueue queue, MailSettings settings, String instance, String via, Counters counters) {
		this.queue = queue;
		this.settings = settings;
		this.instance = instance;
		this.via = via;
		this.counters = counters;
		this.renewEveryNanos = Math.max(settings.lease().toNanos() / 3, 1_000_000L);
		this.nextRenewal = System.nanoTime() + this.renewEveryNanos;
		this.writer = new Thread(this::write, "mail-recorder");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	@Override
	public void report(OutgoingMail mail, Delivery delivery) {
		synchronized (this.lock) {
			boolean interrupted = false;
			while (this.unrecorded >= MAX_UNRECORDED && this.writer.isAlive()) {
				try {
					this.lock.wait();
				}
				catch (InterruptedException ex) {
					interrupted = true;
					break;
				}
			}
			this.pending.add(new Reported(mail, delivery));
			this.unrecorded++;
			// The writer waits for the first report after a commit, or for the sender to be too far ahead.
			if (this.pending.size() == 1 || this.unrecorded >= MAX_UNRECORDED) {
				this.lock.notifyAll();
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Waits until everything reported is recorded (for at most one lease, should the database be away). */
	@Override
	public void close() {
		synchronized (this.lock) {
			this.closed = true;
			this.lock.notifyAll();
		}
		try {
			this.writer.join(this.settings.lease().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		synchronized (this.lock) {
			if (this.unrecorded > 0) {
				log.warn("{} mail outcomes could not be recorded; the messages are sent again once their lease runs out",
						this.unrecorded);
			}
		}
	}

	int sent() {
		synchronized (this.lock) {
			return this.sent;
		}
	}

	private void write() {
		while (true) {
			List<Reported> batch;
			synchronized (this.lock) {
				while (this.pending.isEmpty() && !this.closed) {
					long wait = this.nextRenewal - System.nanoTime();
					if (wait <= 0) {
						break;
					}
					try {
						this.lock.wait(Math.max(wait / 1_000_000, 1));
					}
					catch (InterruptedException ex) {
						return;
					}
				}
				if (this.pending.isEmpty() && this.closed) {
					return;
				}
				batch = this.pending;
				this.pending = new ArrayList<>();
			}
			renewIfDue();
			long flushed = System.nanoTime();
			boolean written = record(batch);
			synchronized (this.lock) {
				if (written) {
					this.unrecorded -= batch.size();
					this.lock.notifyAll();
					long wait;
					while (!this.closed && this.unrecorded < MAX_UNRECORDED
							&& (wait = GAP_MILLIS - (System.nanoTime() - flushed) / 1_000_000) > 0) {
						try {
							this.lock.wait(wait);
						}
						catch (InterruptedException ex) {
							return;
						}
					}
				}
				else {
					this.pending.addAll(0, batch);
				}
				this.lock.notifyAll();
				if (!written) {
					if (this.closed) {
						return;
					}
					try {
						this.lock.wait(1000);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}
		}
	}

	private void renewIfDue() {
		if (System.nanoTime() - this.nextRenewal < 0) {
			return;
		}
		this.nextRenewal = System.nanoTime() + this.renewEveryNanos;
		try {
			this.queue.renewLeases(this.instance, this.settings.lease());
		}
		catch (RuntimeException ex) {
			log.error("Could not renew the claims of {}", this.instance, ex);
		}
	}

	private boolean record(List<Reported> batch) {
		List<Long> sentIds = new ArrayList<>();
		try {
			for (Reported reported : batch) {
				OutgoingMail mail = reported.mail();
				Delivery delivery = reported.delivery();
				switch (delivery.outcome()) {
					case SENT -> sentIds.add(mail.id());
					case TEMPORARY -> {
						if (mail.attempts() >= this.settings.maxAttempts()) {
							this.queue.fail(mail.id(), this.instance, delivery.error());
							this.counters.failed().increment();
						}
						else {
							this.queue.retryLater(mail.id(), this.instance, delivery.error(),
									this.settings.backoffAfter(mail.attempts()));
							this.counters.retried().increment();
						}
					}
					case PERMANENT -> {
						this.queue.fail(mail.id(), this.instance, delivery.error());
						this.counters.failed().increment();
					}
				}
			}
			this.queue.markSent(sentIds, this.via);
		}
		catch (RuntimeException ex) {
			// Retrying the whole list is harmless: every statement is guarded by the state it leaves.
			log.error("Could not record the outcome of {} messages; trying again", batch.size(), ex);
			return false;
		}
		this.counters.sent().increment(sentIds.size());
		synchronized (this.lock) {
			this.sent += sentIds.size();
		}
		return true;
	}

	record Counters(Counter sent, Counter failed, Counter retried) {
	}

	private record Reported(OutgoingMail mail, Delivery delivery) {
	}

}
