package io.tsunagu;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers that a test starts and names before they listen (GreenMail, an application
 * process).
 */
public final class TestPorts {

	private TestPorts() {
	}

	/**
	 * A port no process listens on now, below the kernel's range for outgoing connections (32768 and up
	 * on Linux). A port the kernel hands out for {@code new ServerSocket(0)} comes from that range, so
	 * any outgoing connection of a busy machine can take it before the server binds it, or while a test
	 * has stopped its server to start it again on the same port.
	 */
	public static int free() {
		for (int attempt = 0; attempt < 100; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
			try (ServerSocket socket = new ServerSocket()) {
				socket.bind(new InetSocketAddress("127.0.0.1", port));
				return port;
			}
			catch (IOException taken) {
				// Another process listens there; try another.
			}
		}
		throw new IllegalStateException("No free port between 20000 and 32000");
	}

}
