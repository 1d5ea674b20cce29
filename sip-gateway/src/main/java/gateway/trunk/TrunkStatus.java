package gateway.trunk;

/**
 * One trunk's registration as the admin side may show it.
 *
 * @param detail why the state was entered (the registrar's answer, a timeout, "granted 600 s"...)
 */
public record TrunkStatus(String trunkId, RegistrationState state, String detail) {
}
