package ops.http;

import acd.agent.AgentStatus;
import acd.command.AcdCommands;
import acd.engine.AgentView;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/agents}: the core's agent views with the registrar's contacts, and the
 * supervisor's controls. A change answers with the agent's view read after it: the core runs
 * commands in the order they were posted, so that read sees the change.
 */
final class AgentsApi {
    private static final Logger log = LoggerFactory.getLogger(AgentsApi.class);
    private static final int MAX_REASON = 200;

    private final AcdCommands core;
    private final Snapshots snapshots;

    AgentsApi(AcdCommands core, Snapshots snapshots) {
        this.core = core;
        this.snapshots = snapshots;
    }

    void register(Routes routes) {
        routes.view("GET", "/api/agents", r -> ApiResponse.ok(snapshots.agents()))
                .view("GET", "/api/agents/{id}", r -> ApiResponse.ok(snapshots.agent(require(r.path("id")))))
                .add("POST", "/api/agents/{id}/login", r -> change(r, "login"))
                .add("POST", "/api/agents/{id}/logout", r -> change(r, "logout"))
                .add("POST", "/api/agents/{id}/pause", r -> change(r, "pause"))
                .add("POST", "/api/agents/{id}/unpause", r -> change(r, "unpause"));
    }

    private AgentView require(String id) {
        return CoreAnswer.await(core.agent(id)).orElseThrow(() -> ApiException.notFound("agent", id));
    }

    /**
     * The rule for 409: a pause is a break from taking calls, so pausing or unpausing an agent
     * who is logged out is refused (the core would log the agent in paused). Login, logout and
     * an unpause of an available agent already are what was asked, and answer 200 unchanged.
     */
    private ApiResponse change(ApiRequest r, String action) {
        String id = r.path("id");
        AgentView before = require(id);
        boolean loggedOut = before.status() == AgentStatus.LOGGED_OUT;
        switch (action) {
            case "login" -> core.login(id);
            case "logout" -> core.logout(id);
            case "pause" -> {
                String reason = reason(r);
                refuseIf(loggedOut, id, "pause");
                core.pause(id, reason);
            }
            default -> {
                refuseIf(loggedOut, id, "unpause");
                core.unpause(id);
            }
        }
        log.info("admin API: {} agent {} (was {})", action, id, before.status());
        return ApiResponse.ok(snapshots.agent(require(id)));
    }

    private static void refuseIf(boolean loggedOut, String id, String action) {
        if (loggedOut) {
            throw ApiException.conflict("agent '" + id + "' is logged out: log in before " + action);
        }
    }

    /** From {@code {"reason": "..."}} in the body, else {@code ?reason=}; null when neither (the core says "paused"). */
    private static String reason(ApiRequest r) {
        String reason = r.param("reason");
        if (r.body().length > 0) {
            JsonNode body;
            try {
                body = Json.MAPPER.readTree(r.body());
            } catch (IOException e) {
                throw new ApiException(400, "body is not JSON of the form {\"reason\": \"...\"}");
            }
            JsonNode node = body == null ? null : body.get("reason");
            if (node != null && !node.isNull()) {
                if (!node.isTextual()) {
                    throw ApiException.badParameter("reason", node.toString(), "a string");
                }
                reason = node.asText();
            }
        }
        if (reason != null && (reason.length() > MAX_REASON || reason.chars().anyMatch(Character::isISOControl))) {
            throw ApiException.badParameter("reason", abbreviate(reason), "text of at most " + MAX_REASON
                    + " characters without control characters");
        }
        return reason;
    }

    private static String abbreviate(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 40 ? clean : clean.substring(0, 40) + "...";
    }
}
