package gateway.sdp;

/** One {@code a=} line: a property attribute has a null value ({@code a=sendonly}). */
public record Attribute(String name, String value) {

    public static Attribute flag(String name) {
        return new Attribute(name, null);
    }

    public String line() {
        return value == null ? name : name + ":" + value;
    }
}
