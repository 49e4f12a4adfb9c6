package dev.ccui.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version, written into the jar by Maven. */
public final class Version {
    private static final String VALUE = load();

    private Version() {}

    public static String current() {
        return VALUE;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/ccui-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
