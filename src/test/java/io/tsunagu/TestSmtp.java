package io.tsunagu;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * GreenMail on a port of its own (so it meets no other process), and reading a received message's
 * text parts.
 */
public final class TestSmtp {

	private TestSmtp() {
	}

	/** A port for GreenMail; see {@link TestPorts#free()}. */
	public static int freePort() {
		return TestPorts.free();
	}

	public static GreenMail start(int port) {
		GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	/** The first body part of the type (text/plain, text/html) that is not an attachment, or null. */
	public static String text(Part part, String type) throws Exception {
		if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return (String) part.getContent();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = text(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
