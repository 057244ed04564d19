package io.tsunagu.network;

import java.time.LocalDate;
import java.util.List;

import io.tsunagu.directory.DepartmentRef;
import io.tsunagu.planning.MyPlan;

/**
 * One employee's own network as their page shows it, bounded whatever the number of ties: the people who
 * helped them prepare, their ties by department (a few people each, the rest a click away), the departments
 * they have no tie with, those not seen for six months, and their choice about suggestions.
 * @param department the one department opened in full (a page of its people), or null for the overview
 * @param plans the viewer's events whose must-invite list is open, for the people not seen for a while
 */
record NetworkPage(int ties, List<Helper> helpers, List<Group> departments, List<DepartmentRef> unreached,
		List<Person> notSeen, int notSeenTotal, List<MyPlan> plans, boolean hidden, Group department, int page,
		boolean nextPage) {

	public boolean empty() {
		return this.ties == 0;
	}

	/** A colleague I am tied to, as the page shows them. */
	record Person(long id, String name, DepartmentRef department, String relationshipKey, boolean preparedTogether,
			LocalDate firstMet, LocalDate lastMet, String lastEvent, int events) {
	}

	/** Someone who prepared events with me, and the latest of those events. */
	record Helper(Person person, List<SharedEvent> events) {
	}

	/** An event two people were at together, and how. */
	record SharedEvent(long planId, String title, LocalDate heldOn, boolean preparedTogether) {
	}

	/** My ties in one department: how many, how many I prepared events with, and the first of them. */
	record Group(DepartmentRef department, int people, int preparedWith, List<Person> shown) {

		public boolean more() {
			return this.people > this.shown.size();
		}

	}

	/** My tie to one person: through which events, and whether it is time to meet again. */
	record TiePage(Person person, List<SharedEvent> events, boolean notSeen, List<MyPlan> plans) {
	}

}
