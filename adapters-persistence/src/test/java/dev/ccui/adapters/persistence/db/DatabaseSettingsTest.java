package dev.ccui.adapters.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void postgresUrlsBecomeJdbcUrlsWithSeparateCredentials() {
        var settings = DatabaseSettings.fromUrl("postgresql://app:s%40cret@db.internal:6432/ccui?sslmode=require", 10);
        assertThat(settings.vendor()).isEqualTo(Vendor.POSTGRESQL);
        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/ccui?sslmode=require");
        assertThat(settings.user()).isEqualTo("app");
        assertThat(settings.password()).isEqualTo("s@cret");
        assertThat(settings.toString()).doesNotContain("s@cret");
    }

    @Test
    void jdbcUrlsPassThroughAndPasswordsInThemAreMasked() {
        var settings = DatabaseSettings.fromUrl("jdbc:postgresql://127.0.0.1/test?user=u&password=hunter2", 5);
        assertThat(settings.jdbcUrl()).endsWith("password=hunter2");
        assertThat(settings.toString()).doesNotContain("hunter2");
    }

    @Test
    void otherSchemesAreRefusedClearly() {
        assertThatThrownBy(() -> DatabaseSettings.fromUrl("mysql://x/y", 5))
                .hasMessageContaining("DATABASE_URL must start with");
    }
}
