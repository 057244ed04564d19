package io.tsunagu.mail;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends a batch over one SMTP connection ({@link JavaMailSenderImpl#send(MimeMessage...)} reuses it
 * for the whole array) and sorts the failures into temporary and permanent ones by the server's reply.
 */
class SmtpTransport implements MailTransport {

	private final JavaMailSenderImpl sender;

	private final MimeMessages mimeMessages;

	SmtpTransport(JavaMailSenderImpl sender, MimeMessages mimeMessages) {
		this.sender = sender;
		this.mimeMessages = mimeMessages;
	}

	@Override
	public String name() {
		return "SMTP";
	}

	@Override
	public Map<Long, Delivery> deliver(List<OutgoingMail> batch) {
		Map<Long, Delivery> deliveries = new HashMap<>();
		Map<MimeMessage, Long> ids = new IdentityHashMap<>();
		for (OutgoingMail mail : batch) {
			try {
				ids.put(this.mimeMessages.build(this.sender.getSession(), mail), mail.id());
			}
			catch (MessagingException | RuntimeException ex) {
				deliveries.put(mail.id(), Delivery.permanent("Could not build the message: " + describe(ex)));
			}
		}
		if (ids.isEmpty()) {
			return deliveries;
		}
		try {
			this.sender.send(ids.keySet().toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			ex.getFailedMessages()
				.forEach((message, failure) -> deliveries.put(ids.get(message), classify(failure)));
		}
		catch (MailException ex) {
			// Authentication or configuration: nothing went out, and the operator can fix it.
			ids.values().forEach(id -> deliveries.put(id, Delivery.temporary(describe(ex))));
		}
		ids.values().forEach(id -> deliveries.putIfAbsent(id, Delivery.SENT));
		return deliveries;
	}

	/** A 5xx reply, or an address no server takes, is permanent; anything else may pass on a later try. */
	static Delivery classify(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = next(cause)) {
			int code = replyCode(cause);
			if (code >= 500) {
				return Delivery.permanent(describe(cause));
			}
			if (code >= 400) {
				return Delivery.temporary(describe(cause));
			}
			if (cause instanceof AddressException
					|| (cause instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
							&& sendFailed.getInvalidAddresses().length > 0 && sendFailed.getNextException() == null)) {
				return Delivery.permanent(describe(cause));
			}
		}
		return Delivery.temporary(describe(failure));
	}

	private static int replyCode(Throwable failure) {
		if (failure instanceof SMTPSendFailedException ex) {
			return ex.getReturnCode();
		}
		if (failure instanceof SMTPAddressFailedException ex) {
			return ex.getReturnCode();
		}
		if (failure instanceof SMTPSenderFailedException ex) {
			return ex.getReturnCode();
		}
		return -1;
	}

	private static Throwable next(Throwable failure) {
		if (failure instanceof MessagingException messaging && messaging.getNextException() != null) {
			return messaging.getNextException();
		}
		return failure.getCause() == failure ? null : failure.getCause();
	}

	private static String describe(Throwable failure) {
		String message = failure.getMessage();
		String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message.trim());
		return text.length() > 2000 ? text.substring(0, 2000) : text;
	}

}
