package io.github.nsglint.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A route table (AzureBastionSubnet must not have one). */
public record RouteTable(String id, Field<String> name, Field<List<Route>> routes, Deployment deployment,
        SourceLocation location) implements ModelElement {

    public RouteTable {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(routes, "routes is null");
        requireNonNull(deployment, "deployment is null");
        requireNonNull(location, "location is null");
    }

    /** One user-defined route. */
    public record Route(Field<String> name, Field<String> addressPrefix, Field<String> nextHopType,
            Field<String> nextHopIpAddress, SourceLocation location) {

        public Route {
            requireNonNull(name, "name is null");
            requireNonNull(addressPrefix, "addressPrefix is null");
            requireNonNull(nextHopType, "nextHopType is null");
            requireNonNull(nextHopIpAddress, "nextHopIpAddress is null");
            requireNonNull(location, "location is null");
        }
    }
}
