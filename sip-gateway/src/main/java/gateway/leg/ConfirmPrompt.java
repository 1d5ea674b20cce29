package gateway.leg;

import gateway.media.LoopPlayouts;
import ivr.audio.Prompt;
import java.util.Objects;

/**
 * What an agent's personal device hears when its answer must be confirmed ({@code forwardConfirm}):
 * {@code prompt}, "press 1 to take this call", played through the call loop's {@code playouts}.
 */
public record ConfirmPrompt(LoopPlayouts playouts, Prompt prompt) {
    public ConfirmPrompt {
        Objects.requireNonNull(playouts, "playouts");
        Objects.requireNonNull(prompt, "prompt");
    }
}
