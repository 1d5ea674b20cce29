package config.validate;

/** A scalar that does not parse as the field's type; the message says what was expected. */
public final class BadValue extends Exception {
    BadValue(String message) {
        super(message, null, false, false);
    }
}
