package org.equivariant4j.core.spi;

import java.net.URL;
import java.security.CodeSource;

/** Where a class was loaded from (its jar or classes folder): every plugin error names it. */
public final class CodeLocation {

    private CodeLocation() {
    }

    public static String of(Class<?> type) {
        CodeSource cs = type.getProtectionDomain().getCodeSource();
        URL location = cs == null ? null : cs.getLocation();
        return location == null ? "(unknown location of " + type.getName() + ")" : location.getPath();
    }
}
