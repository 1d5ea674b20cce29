package config.model;

/** An agent in a queue with their priority there: 1 = highest, 100 = lowest. */
public record Member(String agent, int priority) {
}
