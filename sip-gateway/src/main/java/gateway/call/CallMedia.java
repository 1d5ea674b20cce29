package gateway.call;

import gateway.media.LoopPlayouts;
import ivr.record.RecordingWriter;
import java.time.ZoneId;

/**
 * What calls share for their audio: the per-loop playouts, the queue figures announcements
 * read, the one recording writer, and the zone that dates recordings and voicemail folders.
 */
public record CallMedia(LoopPlayouts playouts, QueueFigures figures, RecordingWriter writer, ZoneId zone) {
}
