package io.tsunagu.attendance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;
import io.tsunagu.invitations.CheckInPasses;
import io.tsunagu.invitations.LinkSecret;
import io.tsunagu.invitations.Guests;
import io.tsunagu.planning.PlanStatus;
import io.tsunagu.planning.PlannedEvent;
import io.tsunagu.planning.Plans;

/**
 * Personal check-in codes: issued for the answer page and the reminder, and scanned at the door by an
 * organiser's phone camera. The code names the person only to an organiser of its event; to anyone else,
 * and for a code that leads nowhere, it is the same bad link. A code is used up when its event can take
 * no more check-ins: cancelled, or its check-in window closed (the end of the day after the event);
 * scanning a code of someone already checked in is not a bad link but says since when.
 */
@Service
class CheckInCodes implements CheckInPasses {

	/**
	 * A code is 128 bits, a secret of its own: random for the reminder, and for the answer page derived one
	 * way from the answer link (so every view shows one code). Whoever sees the QR code at the door cannot
	 * answer the invitation, and the answer link checks nobody in.
	 */
	static final int CODE_BYTES = 16;

	/** How large the code is drawn on the answer page, in CSS pixels. */
	static final int SHOWN_SIZE = 200;

	private final JdbcClient jdbc;

	private final Plans plans;

	private final Directory directory;

	private final Guests guests;

	private final CheckIns checkIns;

	private final Clock clock;

	private final String baseUrl;

	CheckInCodes(JdbcClient jdbc, Plans plans, Directory directory, Guests guests, CheckIns checkIns, Clock clock,
			@Value("${tsunagu.base-url}") String baseUrl) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.directory = directory;
		this.guests = guests;
		this.checkIns = checkIns;
		this.clock = clock;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@Override
	@Transactional
	public Optional<CheckInPass> issue(long planId, long employeeId) {
		Instant now = this.clock.instant();
		if (this.plans.event(planId).filter(event -> !isUsedUp(event, now)).isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(store(LinkSecret.generate(CODE_BYTES), planId, employeeId, now));
	}

	@Override
	@Transactional
	public Optional<CheckInPass> forAnswerLink(PlannedEvent event, long employeeId, LinkSecret answerLink) {
		Instant now = this.clock.instant();
		if (isUsedUp(event, now)) {
			return Optional.empty();
		}
		return Optional.of(store(answerLink.derive("check-in", CODE_BYTES), event.id(), employeeId, now));
	}

	/** Stores a code unless it is stored already (a derived code, on a later view). */
	private Issued store(LinkSecret code, long planId, long employeeId, Instant now) {
		this.jdbc.sql("""
				INSERT INTO check_in_codes (code_hash, plan_id, employee_id, issued_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (code_hash) DO NOTHING""")
			.params(code.hash(), planId, employeeId, Timestamp.from(now))
			.update();
		return new Issued(this.baseUrl + "/check-in/" + code.value());
	}

	/**
	 * What a code shows the person who scanned it: empty unless they organise its event and the code is
	 * not used up.
	 */
	@Transactional(readOnly = true)
	Optional<Scan> scan(String code, long viewerId) {
		Instant now = this.clock.instant();
		return holder(code, viewerId, now).map(holder -> {
			EmployeeRef person = holder.person();
			return new Scan(holder.event(), person, this.directory.department(person.departmentCode()).orElse(null),
					this.checkIns.find(holder.event().id(), person.id()).orElse(null),
					this.guests.isExpected(holder.event().id(), person.id()), CheckInWindow.refusal(holder.event(), now));
		});
	}

	/**
	 * Checks the code's holder in, once however often it is sent.
	 * @return the person checked in, or empty when the code leads nowhere for this organiser
	 * @throws CheckInRefused before the check-in window opens
	 */
	@Transactional
	Optional<EmployeeRef> checkIn(String code, long organiserId, UUID tapKey) {
		return holder(code, organiserId, this.clock.instant()).map(holder -> {
			this.checkIns.checkIn(holder.event().id(), holder.person().id(), organiserId, tapKey);
			return holder.person();
		});
	}

	private Optional<Holder> holder(String code, long viewerId, Instant now) {
		return LinkSecret.parse(code, CODE_BYTES)
			.flatMap(parsed -> this.jdbc.sql("SELECT plan_id, employee_id FROM check_in_codes WHERE code_hash = ?")
				.param(parsed.hash())
				.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
				.optional())
			.flatMap(ids -> this.plans.event(ids[0])
				.filter(event -> event.isOrganisedBy(viewerId) && !isUsedUp(event, now))
				.flatMap(event -> this.directory.findById(ids[1]).map(person -> new Holder(event, person))));
	}

	/** No more check-ins for this event, ever: cancelled, or its window closed. */
	private static boolean isUsedUp(PlannedEvent event, Instant now) {
		return event.status() == PlanStatus.CANCELLED || !now.isBefore(CheckInWindow.of(event).closes());
	}

	private record Holder(PlannedEvent event, EmployeeRef person) {
	}

	/** A code just issued; it is drawn only where it is shown. */
	private record Issued(String link) implements CheckInPass {

		@Override
		public String svg() {
			return QrCodes.svg(this.link, SHOWN_SIZE);
		}

		@Override
		public byte[] png() {
			return QrCodes.png(this.link);
		}

		// Never print the secret.
		@Override
		public String toString() {
			return "CheckInPass[…]";
		}

	}

	/**
	 * A scanned code as its page shows it: the event, the person and their department (or null), their
	 * check-in if they have one, whether they are expected (else they come in as a walk-in), and why they
	 * cannot be checked in yet (a message key), if so.
	 */
	record Scan(PlannedEvent event, EmployeeRef person, DepartmentRef department, Came came, boolean expected,
			String refusal) {
	}

}
