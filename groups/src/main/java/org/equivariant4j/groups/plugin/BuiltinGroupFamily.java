package org.equivariant4j.groups.plugin;

import java.util.List;
import java.util.regex.Pattern;

import org.equivariant4j.core.group.Group;
import org.equivariant4j.core.spi.GroupProvider;
import org.equivariant4j.groups.GroupNames;

/** One family of built-in groups, recognised by a name pattern and built by {@link GroupNames#parse}. */
record BuiltinGroupFamily(String id, String description, List<String> examples, Pattern names) implements GroupProvider {

    static BuiltinGroupFamily of(String id, String description, String namePattern, String... examples) {
        return new BuiltinGroupFamily(id, description, List.of(examples), Pattern.compile(namePattern));
    }

    @Override
    public boolean accepts(String name) {
        return name != null && names.matcher(name.trim()).matches();
    }

    @Override
    public Group create(String name) {
        return GroupNames.parse(name);
    }
}
