package ops.http;

import static ops.http.AgentsApiTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code GET /api/trunks} shows what the gateway's trunk registrations say, behind the token. */
class TrunksApiTest {
    @Test
    void listsEachRegisteringTrunkWithItsStateAndWhy() throws Exception {
        try (AdminRig rig = new AdminRig()) {
            JsonNode trunks = json(rig.get("/api/trunks"), 200);
            assertEquals(1, trunks.size());
            assertEquals("carrier", trunks.get(0).get("id").asText());
            assertEquals("REGISTERED", trunks.get(0).get("registration").asText());
            assertEquals("granted 600 s", trunks.get(0).get("detail").asText());
        }
    }
}
