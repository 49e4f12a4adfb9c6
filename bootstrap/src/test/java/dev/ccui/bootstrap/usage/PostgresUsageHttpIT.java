package dev.ccui.bootstrap.usage;

import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Path;
import java.util.Map;

class PostgresUsageHttpIT extends UsageHttpContract {
    @Override
    protected TestApplication open(Path folder, Map<String, String> overrides) {
        return TestApplication.postgres(folder, overrides);
    }
}
