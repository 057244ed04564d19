package io.tsunagu.audience;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;

import io.tsunagu.directory.Directory;
import io.tsunagu.directory.EmployeeRef;

/**
 * Resolves segments to people, leaving out those already invited.
 */
@Service
public class Audiences {

	static final int SAMPLE_SIZE = 10;

	private final Directory directory;

	Audiences(Directory directory) {
		this.directory = directory;
	}

	public AudiencePreview preview(Segment segment, Collection<Long> alreadyInvited) {
		return new AudiencePreview(this.directory.count(segment.filter(), alreadyInvited),
				this.directory.find(segment.filter(), alreadyInvited, SAMPLE_SIZE));
	}

	public List<EmployeeRef> members(Segment segment, Collection<Long> alreadyInvited) {
		return this.directory.find(segment.filter(), alreadyInvited, Integer.MAX_VALUE);
	}

}
