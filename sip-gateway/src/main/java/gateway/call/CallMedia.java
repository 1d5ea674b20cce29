package gateway.call;

import gateway.media.LoopPlayouts;
import ivr.record.RecordingWriter;
import java.time.ZoneId;

/**
 * What calls share for their audio: the per-loop playouts, the one recording writer, and the zone that dates recordings and voicemail folders.
 */
public record CallMedia(LoopPlayouts playouts, RecordingWriter writer, ZoneId zone) {
}
