package io.github.nsglint.report.sarif;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The parts of SARIF 2.1.0 nsglint writes, as records Jackson serialises. Empty and null members are left out,
 * as the schema's defaults say the same.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record SarifLog(@JsonProperty("$schema") String schema, String version, List<Run> runs) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Run(Tool tool, List<Invocation> invocations, Map<String, ArtifactLocation> originalUriBaseIds,
            List<Artifact> artifacts, String columnKind,
            @JsonInclude(JsonInclude.Include.ALWAYS) List<Result> results) {
    }

    record Tool(Driver driver) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Driver(String name, String version, String semanticVersion, String informationUri,
            List<ReportingDescriptor> rules, Map<String, Object> properties) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ReportingDescriptor(String id, String name, Message shortDescription, Message fullDescription,
            Message help, String helpUri, Configuration defaultConfiguration, Map<String, Object> properties) {
    }

    record Configuration(String level) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Message(String text, String markdown) {
        static Message of(String text) {
            return new Message(text, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Invocation(boolean executionSuccessful, String startTimeUtc, String endTimeUtc,
            ArtifactLocation workingDirectory, List<Notification> toolExecutionNotifications,
            List<Notification> toolConfigurationNotifications) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Notification(String level, Message message, List<Location> locations) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ArtifactLocation(String uri, String uriBaseId) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Artifact(ArtifactLocation location, Long length, Map<String, String> hashes) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Result(String ruleId, Integer ruleIndex, String level, Message message, List<Location> locations,
            List<Location> relatedLocations, Map<String, String> partialFingerprints, List<Suppression> suppressions,
            String baselineState, List<Fix> fixes, Map<String, Object> properties) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Location(Integer id, PhysicalLocation physicalLocation, List<LogicalLocation> logicalLocations,
            Message message) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Region(Integer startLine, Integer startColumn, Integer endLine, Integer endColumn) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record LogicalLocation(String name, String fullyQualifiedName, String kind) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Suppression(String kind, String status, String justification, Map<String, Object> properties) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Fix(Message description, List<ArtifactChange> artifactChanges) {
    }

    record ArtifactChange(ArtifactLocation artifactLocation, List<Replacement> replacements) {
    }

    record Replacement(Region deletedRegion, ArtifactContent insertedContent) {
    }

    record ArtifactContent(String text) {
    }
}
