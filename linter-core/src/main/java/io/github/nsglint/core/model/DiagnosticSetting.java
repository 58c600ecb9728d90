package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A diagnostic setting of some resource (for Bastion: where BastionAuditLogs go).
 *
 * @param targetResourceId the resource whose logs it routes (its {@code scope}, or the parent in the
 *                         {@code <type>/providers/diagnosticSettings} form)
 * @param enabledLogs      enabled log categories and category groups (e.g. {@code BastionAuditLogs}, {@code allLogs})
 */
public record DiagnosticSetting(
        String id,
        Field<String> name,
        Field<String> targetResourceId,
        Field<String> workspaceId,
        Field<List<String>> enabledLogs,
        Deployment deployment,
        SourceLocation location) implements ModelElement {

    public DiagnosticSetting {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(targetResourceId, "targetResourceId is null");
        requireNonNull(workspaceId, "workspaceId is null");
        requireNonNull(enabledLogs, "enabledLogs is null");
        requireNonNull(deployment, "deployment is null");
        requireNonNull(location, "location is null");
    }
}
