package io.tsunagu.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With {@code spring.mail.host} Boot configures an SMTP sender and mail goes out by SMTP; without
 * it, mail is kept in the built-in mailbox so that every journey can be tried in a browser.
 */
@Configuration(proxyBeanMethods = false)
class MailTransports {

	private static final Logger log = LoggerFactory.getLogger(MailTransports.class);

	@Bean
	MailTransport mailTransport(ObjectProvider<JavaMailSenderImpl> sender, MimeMessages mimeMessages) {
		JavaMailSenderImpl smtp = sender.getIfAvailable();
		if (smtp == null) {
			log.info("No SMTP server configured (spring.mail.host): mail is kept in the built-in mailbox at /mailbox");
			return new MailboxTransport();
		}
		log.info("Mail goes out through the SMTP server {}:{}", smtp.getHost(), smtp.getPort());
		return new SmtpTransport(smtp, mimeMessages);
	}

}
