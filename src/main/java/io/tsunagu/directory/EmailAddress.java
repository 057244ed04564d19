package io.tsunagu.directory;

import java.util.regex.Pattern;

/**
 * An email address as the directory keeps it; equal addresses differ at most in case.
 */
record EmailAddress(String value) {

	private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	EmailAddress {
		if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("Not an email address: " + value);
		}
	}

	static boolean isValid(String value) {
		return value != null && value.length() <= 254 && SHAPE.matcher(value).matches();
	}

	String key() {
		return this.value.toLowerCase(java.util.Locale.ROOT);
	}

}
