package io.tsunagu;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class's application context on its own schema of the shared test database, so that
 * the background work of other cached contexts (the mail dispatcher, for one) never touches its rows.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface IsolatedDatabase {

	/** The schema's name, after {@code tsunagu_}. */
	String value();

}
