package io.tsunagu.planning;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Something to prepare for an event, possibly handed to a helper. Kept apart from the plan, so that
 * preparation goes on while the plan itself is frozen for approval.
 */
@Entity
@Table(name = "preparation_tasks")
class PreparationTask {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	private long planId;

	private String title;

	private String notes;

	private Long assigneeId;

	private LocalDate dueOn;

	@Enumerated(EnumType.STRING)
	private TaskStatus status = TaskStatus.TO_DO;

	private Instant createdAt;

	protected PreparationTask() {
	}

	PreparationTask(long planId, String title, String notes, Long assigneeId, LocalDate dueOn, Instant now) {
		this.planId = planId;
		this.createdAt = now;
		revise(title, notes, assigneeId, dueOn);
	}

	/**
	 * Changes what the task is, who helps and by when.
	 * @return whether it is now handed to someone it was not handed to before, who should be told
	 */
	boolean revise(String title, String notes, Long assigneeId, LocalDate dueOn) {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("A task needs a title");
		}
		boolean handedOver = assigneeId != null && !assigneeId.equals(this.assigneeId);
		this.title = title.strip();
		this.notes = notes == null || notes.isBlank() ? null : notes.strip();
		this.assigneeId = assigneeId;
		this.dueOn = dueOn;
		return handedOver;
	}

	void moveTo(TaskStatus status) {
		this.status = status;
	}

	public Long getId() {
		return this.id;
	}

	public long getPlanId() {
		return this.planId;
	}

	public String getTitle() {
		return this.title;
	}

	public String getNotes() {
		return this.notes;
	}

	public Long getAssigneeId() {
		return this.assigneeId;
	}

	public LocalDate getDueOn() {
		return this.dueOn;
	}

	public TaskStatus getStatus() {
		return this.status;
	}

}
