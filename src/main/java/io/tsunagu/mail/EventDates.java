package io.tsunagu.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The one way Tsunagu writes a date: 「2027年1月22日(金) 19:00〜21:00」 / {@code Fri 22 Jan 2027, 19:00–21:00},
 * a range over days with both dates, and the zone named (in the reader's language) only when it is not
 * the company's. The patterns are in the message bundles ({@code dates.*}); pages and mails use it as
 * {@code #when}, with the locale they are rendered in.
 */
@Component
public class EventDates {

	private final MessageSource messages;

	private final ZoneId company;

	private final Map<String, DateTimeFormatter> formatters = new ConcurrentHashMap<>();

	public EventDates(MessageSource messages, @Value("${tsunagu.zone}") ZoneId company) {
		this.messages = messages;
		this.company = company;
	}

	/** The same, for one language. */
	public Writer in(Locale locale) {
		return new Writer(locale);
	}

	/** Dates written in one language; a missing value is written as nothing. */
	public final class Writer {

		private final Locale locale;

		private Writer(Locale locale) {
			this.locale = locale;
		}

		/** A day: 「2027年1月15日(金)」 / {@code Fri 15 Jan 2027}. */
		public String day(LocalDate day) {
			return day == null ? "" : format("dates.day", day);
		}

		/** A moment in the company's zone: 「2027年1月15日(金) 18:00」 / {@code Fri 15 Jan 2027, 18:00}. */
		public String at(Instant moment) {
			return moment == null ? "" : at(moment.atZone(EventDates.this.company));
		}

		/** A moment in its own zone, which is named when it is not the company's. */
		public String at(ZonedDateTime moment) {
			if (moment == null) {
				return "";
			}
			return zoned(message("dates.at", day(moment.toLocalDate()), format("dates.time", moment)), moment.getZone());
		}

		/** From start to end in the company's zone. */
		public String range(Instant start, Instant end) {
			if (start == null || end == null) {
				return at(start);
			}
			return range(start.atZone(EventDates.this.company), end.atZone(EventDates.this.company));
		}

		/**
		 * From start to end in the start's zone: the day once when the event ends that day (or at midnight
		 * after it, written 24:00), both days when it runs over.
		 */
		public String range(ZonedDateTime start, ZonedDateTime end) {
			if (start == null || end == null) {
				return at(start);
			}
			ZonedDateTime until = end.withZoneSameInstant(start.getZone());
			LocalDate day = start.toLocalDate();
			String written;
			if (until.toLocalDate().equals(day)) {
				written = message("dates.sameDay", day(day), format("dates.time", start), format("dates.time", until));
			}
			else if (until.equals(day.plusDays(1).atStartOfDay(start.getZone()))) {
				written = message("dates.sameDay", day(day), format("dates.time", start), "24:00");
			}
			else {
				written = message("dates.days", day(day), format("dates.time", start), day(until.toLocalDate()),
						format("dates.time", until));
			}
			return zoned(written, start.getZone());
		}

		/** A zone by its name, such as 「シンガポール時間」 / {@code Singapore Time}, for a choice of zones. */
		public String zone(String id) {
			return ZoneId.of(id).getDisplayName(TextStyle.FULL, this.locale);
		}

		private String zoned(String written, ZoneId zone) {
			if (zone.getRules().equals(EventDates.this.company.getRules())) {
				return written;
			}
			return message("dates.zone", written, zone(zone.getId()));
		}

		private String format(String pattern, TemporalAccessor value) {
			String key = pattern + "/" + this.locale.toLanguageTag();
			return EventDates.this.formatters
				.computeIfAbsent(key, k -> DateTimeFormatter.ofPattern(message(pattern), this.locale))
				.format(value);
		}

		private String message(String code, Object... arguments) {
			return EventDates.this.messages.getMessage(code, arguments, this.locale);
		}

	}

}
