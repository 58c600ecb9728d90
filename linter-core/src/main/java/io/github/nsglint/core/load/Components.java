package io.github.nsglint.core.load;

import io.github.nsglint.core.load.arm.ResourceInstance;
import io.github.nsglint.core.load.json.JArray;
import io.github.nsglint.core.load.json.JNode;
import io.github.nsglint.core.load.json.JObject;
import io.github.nsglint.core.load.json.JString;
import io.github.nsglint.core.model.ResourceIds;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which files form one network. Two files belong together when one refers to a resource the other declares (a
 * spoke's peering to the hub's VNet, a NIC in another file's subnet, a child resource of another file's parent);
 * files that only happen to declare the same names (two unrelated templates that both call their NSG
 * {@code default-NSG}) are separate deployments and are judged separately, so neither hides the other. Two groups
 * that declare the same resource are never joined, even through a third file that refers to it: one of the two
 * declarations would replace the other and go unchecked.
 */
final class Components {

    private Components() {
    }

    /** What a file declares and what it refers to, as resource ID keys. */
    record Links(Set<String> declared, Set<String> referenced) {
        /**
         * Whether the file refers only to what it declares itself or to what lies inside that (a subnet written
         * inside its VNet), so that it most likely forms a network alone. Only a hint: which files are one
         * network is decided by {@link #of} once every file is read.
         */
        boolean selfContained() {
            for (String k : referenced) {
                if (!namesResource(k)) {
                    continue; // a provider namespace, reached by walking up from a resource: nothing declares it
                }
                String inside = k;
                while (!inside.isEmpty() && inside.contains("/providers/") && !declared.contains(inside)) {
                    inside = ResourceIds.parent(inside);
                }
                if (!declared.contains(inside)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether a key names a resource: a namespace, a type and a name after its last {@code /providers/}. */
        private static boolean namesResource(String key) {
            int at = key.lastIndexOf("/providers/");
            return at >= 0 && key.substring(at + "/providers/".length()).split("/", -1).length >= 3;
        }
    }

    static Links links(List<ResourceInstance> resources) {
        Set<String> declared = new LinkedHashSet<>();
        Set<String> referenced = new LinkedHashSet<>();
        for (ResourceInstance r : resources) {
            if (r.id().contains("{unknown")) {
                continue;
            }
            String key = ResourceIds.key(r.id());
            declared.add(key);
            addWithAncestors(ResourceIds.parent(key), referenced);
            if (!r.scope().isEmpty()) {
                addWithAncestors(ResourceIds.key(r.scope()), referenced);
            }
            collectIds(r.properties(), referenced);
        }
        return new Links(declared, referenced);
    }

    /**
     * Every string below {@code node} that is a resource ID, without recursion (nesting can be deep). Only
     * containers go on the stack; strings, most of a template, are looked at where they are found.
     */
    private static void collectIds(JNode node, Set<String> out) {
        Deque<JNode> todo = new ArrayDeque<>();
        visit(node, todo, out);
        while (!todo.isEmpty()) {
            JNode n = todo.pop();
            if (n instanceof JObject o) {
                for (JNode v : o.members().values()) {
                    visit(v, todo, out);
                }
            } else if (n instanceof JArray a) {
                for (JNode e : a.elements()) {
                    visit(e, todo, out);
                }
            }
        }
    }

    private static void visit(JNode n, Deque<JNode> todo, Set<String> out) {
        if (n instanceof JString s) {
            if (s.value().regionMatches(true, 0, "/subscriptions/", 0, 15)) {
                String v = s.value().toLowerCase(Locale.ROOT);
                if (v.contains("/providers/")) {
                    addWithAncestors(ResourceIds.key(v), out);
                }
            }
        } else if (n instanceof JObject || n instanceof JArray) {
            todo.push(n);
        }
    }

    /** A referenced subnet also links to its VNet, and so on up. */
    private static void addWithAncestors(String key, Set<String> out) {
        for (String k = key; !k.isEmpty() && k.contains("/providers/"); k = ResourceIds.parent(k)) {
            out.add(k);
        }
    }

    /**
     * Groups file indexes into components, in order of their first file; {@code links} has one entry per file
     * (null for a file that gave no resources, which joins no component). A reference to something the file
     * declares itself links nothing; a reference to something only other files declare links it to all of them.
     */
    static List<List<Integer>> of(List<Links> links) {
        int[] parent = new int[links.size()];
        List<Set<String>> declaredByRoot = new ArrayList<>();
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
            declaredByRoot.add(links.get(i) == null ? Set.of() : new java.util.HashSet<>(links.get(i).declared()));
        }
        Map<String, List<Integer>> declaredBy = new HashMap<>();
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i) != null) {
                for (String d : links.get(i).declared()) {
                    declaredBy.computeIfAbsent(d, k -> new ArrayList<>()).add(i);
                }
            }
        }
        for (int i = 0; i < links.size(); i++) {
            Links l = links.get(i);
            if (l == null) {
                continue;
            }
            for (String ref : l.referenced()) {
                if (l.declared().contains(ref)) {
                    continue;
                }
                for (int j : declaredBy.getOrDefault(ref, List.of())) {
                    union(parent, declaredByRoot, i, j);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i) != null) {
                groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
            }
        }
        return List.copyOf(groups.values());
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Joins the groups of {@code a} and {@code b}, unless both declare some resource. */
    private static void union(int[] parent, List<Set<String>> declared, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra == rb) {
            return;
        }
        Set<String> da = declared.get(ra);
        Set<String> db = declared.get(rb);
        Set<String> small = da.size() <= db.size() ? da : db;
        Set<String> large = small == da ? db : da;
        for (String d : small) {
            if (large.contains(d)) {
                return;
            }
        }
        int root = Math.min(ra, rb);
        int other = Math.max(ra, rb);
        parent[other] = root;
        Set<String> merged = new java.util.HashSet<>(large);
        merged.addAll(small);
        declared.set(root, merged);
        declared.set(other, Set.of());
    }
}
