package io.tsunagu.mail;

import java.util.Date;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends a batch over one SMTP connection and reports each message as the server answers it, so that
 * a crash repeats only what was in flight. The loop is Spring's {@code JavaMailSenderImpl.doSend}
 * with a report after each message (that method says what failed only once the whole array is done),
 * and without its NOOP before every message: the connection is checked only after a failure.
 * Failures are sorted into temporary and permanent ones by the server's reply.
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
	public void deliver(List<OutgoingMail> batch, Outcomes outcomes) {
		Transport transport = null;
		boolean checkConnection = false;
		try {
			for (int i = 0; i < batch.size(); i++) {
				OutgoingMail mail = batch.get(i);
				MimeMessage message;
				try {
					message = prepare(mail);
				}
				catch (MessagingException | RuntimeException ex) {
					outcomes.report(mail, Delivery.permanent("Could not build the message: " + describe(ex)));
					continue;
				}
				if (transport == null || (checkConnection && !transport.isConnected())) {
					close(transport);
					transport = null;
					try {
						transport = connect();
					}
					catch (MessagingException | RuntimeException ex) {
						// Nothing more goes out on this try: this message and the rest wait for the next.
						Delivery delivery = ex instanceof AuthenticationFailedException ? Delivery.temporary(describe(ex))
								: classify(ex);
						batch.subList(i, batch.size()).forEach(rest -> outcomes.report(rest, delivery));
						return;
					}
				}
				checkConnection = false;
				try {
					Address[] recipients = message.getAllRecipients();
					transport.sendMessage(message, recipients != null ? recipients : new Address[0]);
				}
				catch (MessagingException | RuntimeException ex) {
					checkConnection = true;
					outcomes.report(mail, classify(ex));
					continue;
				}
				outcomes.report(mail, Delivery.SENT);
			}
		}
		finally {
			close(transport);
		}
	}

	private MimeMessage prepare(OutgoingMail mail) throws MessagingException {
		MimeMessage message = this.mimeMessages.build(this.sender.getSession(), mail);
		if (message.getSentDate() == null) {
			message.setSentDate(new Date());
		}
		message.saveChanges();
		return message;
	}

	private Transport connect() throws MessagingException {
		String username = this.sender.getUsername();
		String password = this.sender.getPassword();
		if ("".equals(username)) {
			username = null;
			if ("".equals(password)) {
				password = null;
			}
		}
		Session session = this.sender.getSession();
		String protocol = this.sender.getProtocol();
		if (protocol == null) {
			protocol = session.getProperty("mail.transport.protocol");
		}
		Transport transport = session.getTransport(protocol == null ? JavaMailSenderImpl.DEFAULT_PROTOCOL : protocol);
		transport.connect(this.sender.getHost(), this.sender.getPort(), username, password);
		return transport;
	}

	private static void close(Transport transport) {
		if (transport == null) {
			return;
		}
		try {
			transport.close();
		}
		catch (MessagingException | RuntimeException ex) {
			// The messages are reported already; a failed QUIT changes none of them.
		}
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
