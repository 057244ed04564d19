package io.tsunagu.invitations;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The organiser's funnel, wave by wave: invited → opened → answered → attending → came. The last step
 * counts the wave's invitees checked in as expected guests, once the event's check-in has opened.
 */
@Component
class Funnels {

	private final Invitations invitations;

	private final InviteesWhoCame whoCame;

	Funnels(Invitations invitations, InviteesWhoCame whoCame) {
		this.invitations = invitations;
		this.whoCame = whoCame;
	}

	/** The funnel of each sent wave; {@code sent} are the event's sent invitations, which the caller has read. */
	List<WaveFunnel> of(long planId, List<Invitation> sent) {
		List<WaveFunnel> funnel = this.invitations.funnel(planId);
		return this.whoCame.checkedIn(planId).map(came -> {
			Map<Long, Long> byWave = sent.stream()
				.filter(invitation -> came.contains(invitation.getEmployeeId()))
				.collect(Collectors.groupingBy(Invitation::getWaveId, Collectors.counting()));
			return funnel.stream().map(wave -> wave.withCame(byWave.getOrDefault(wave.waveId(), 0L))).toList();
		}).orElse(funnel);
	}

}
