package io.tsunagu.planning;

/**
 * How far a preparation task has come.
 */
public enum TaskStatus {

	TO_DO, DOING, DONE

}
