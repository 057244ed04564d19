package io.tsunagu.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP server that refuses every recipient with a permanent 550 reply, as a real server does for
 * an unknown mailbox. GreenMail accepts everybody, so this peer stands in for the refusing server.
 */
final class RejectingSmtpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final Thread acceptor;

	RejectingSmtpServer(int port) throws IOException {
		this.socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
		this.acceptor = new Thread(this::accept, "rejecting-smtp");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try (Socket client = this.socket.accept()) {
				converse(client);
			}
			catch (IOException ex) {
				// Closed while waiting, or the client hung up: either way this conversation is over.
			}
		}
	}

	private static void converse(Socket client) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
		PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
		reply(out, "220 localhost ESMTP refusing");
		String line;
		while ((line = in.readLine()) != null) {
			String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
			switch (command) {
				case "EHLO", "HELO" -> reply(out, "250 localhost");
				case "MAIL", "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
				case "RCPT" -> reply(out, "550 5.1.1 No such user here");
				case "DATA" -> reply(out, "554 5.5.1 No valid recipients");
				case "QUIT" -> {
					reply(out, "221 2.0.0 Bye");
					return;
				}
				default -> reply(out, "500 5.5.2 Command not recognised");
			}
		}
	}

	private static void reply(PrintWriter out, String line) {
		out.print(line + "\r\n");
		out.flush();
	}

	@Override
	public void close() throws Exception {
		this.socket.close();
		this.acceptor.join(5000);
	}

}
