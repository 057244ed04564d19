package io.tsunagu.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The benchmark's SMTP sink: GreenMail in a process of its own, so that its work does not share the
 * measured JVM. Runs until killed. Usage: {@code SmtpSinkBenchmark <port>}.
 */
public final class SmtpSinkBenchmark {

	private SmtpSinkBenchmark() {
	}

	public static void main(String[] args) throws InterruptedException {
		GreenMail sink = new GreenMail(new ServerSetup(Integer.parseInt(args[0]), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		sink.start();
		// One mailbox for every recipient: GreenMail would otherwise create a user per new address,
		// which would charge whichever side of the benchmark meets an address first.
		GreenMailUser inbox = sink.setUser("sink@bench.example", "sink");
		sink.getUserManager().setMessageDeliveryHandler((message, address) -> inbox);
		System.out.println("SMTP sink listening on " + args[0]);
		Thread.currentThread().join();
	}

}
