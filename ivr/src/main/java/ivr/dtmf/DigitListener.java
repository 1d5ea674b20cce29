package ivr.dtmf;

/** Receives each key press once, however it was signalled. */
@FunctionalInterface
public interface DigitListener {
    void onDigit(char key);
}
